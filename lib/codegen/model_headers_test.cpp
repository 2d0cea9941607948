// autogen pull's generator: the headers it writes for a schema, by example.
#include "codegen/model_headers.hpp"

#include <doctest/doctest.h>

#include "schema/index_keys.hpp"

using namespace autogen;
using codegen::ModelHeaderOptions;
using schema::Logical;

namespace {

/// Natural types by the SQL spelling alone (the real answer comes from the dialect).
schema::ColumnType by_sql(const schema::Table&, const schema::Column& c) {
    if (c.type.sql == "BIGINT") return {.logical = Logical::BigInt};
    if (c.type.sql == "TEXT") return {.logical = Logical::Text};
    if (c.type.sql == "status") return {.logical = Logical::Enum, .enum_name = "status"};
    return {};
}

}  // namespace

TEST_CASE("model headers: a table, its constraints by the convention or by name") {
    schema::Schema s;
    s.enums.push_back({.name = "status", .labels = {"on", "off line"}});
    schema::Table t{.name = "order"};
    t.columns = {{.name = "id", .type = {.sql = "BIGINT"}, .identity = true},
                 {.name = "class", .type = {.sql = "TEXT"}, .nullable = true},
                 {.name = "user_id", .type = {.sql = "BIGINT"}},
                 {.name = "state", .type = {.sql = "status"}, .server_default = "'on'"},
                 {.name = "total", .type = {.sql = "NUMERIC(12,2)"}}};
    t.primary_key = schema::PrimaryKey{"order_pkey", {"id"}};
    t.foreign_keys = {{.name = "fk_order_user_id_users",
                       .columns = {"user_id"},
                       .ref_table = "users",
                       .ref_columns = {"id"},
                       .on_delete = schema::ReferentialAction::Cascade},
                      {.name = "order_user_fk",
                       .columns = {"user_id", "id"},
                       .ref_table = "users",
                       .ref_columns = {"id", "x"}}};
    t.uniques = {{.name = "uq_order_class", .columns = {"class"}}};
    t.indexes = {{.name = "ix_order_total", .columns = {"(total * 2)"}, .where = "total > 0"}};
    t.checks = {{.name = "ck_order_total", .expression = "total >= 0"},
                {.name = "positive", .expression = "user_id > 0"}};
    s.tables.push_back(t);
    ModelHeaderOptions options;
    options.natural_type = by_sql;
    options.default_primary_key_name = [](const std::string& table) { return table + "_pkey"; };
    auto out = codegen::write_model_headers(s, options);
    REQUIRE(out.headers.size() == 2);
    CHECK(out.headers[0].file == "enums.hpp");
    CHECK(out.headers[0].contents.find("enum class AUTOGEN_ENUM(\"status\") Status {\n    on,\n    "
                                       "off_line AUTOGEN_LABEL(\"off line\")\n};\n") !=
          std::string::npos);
    CHECK(out.headers[1].file == "order.hpp");
    const std::string& h = out.headers[1].contents;
    CHECK(h.rfind(codegen::kPulledHeaderMarker, 0) == 0);
    std::string body = h.substr(h.find("#include <autogen/model.hpp>"));
    CHECK(body == R"hpp(#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "enums.hpp"

struct AUTOGEN_TABLE("order")
       AUTOGEN_INDEX("ix_order_total", "(total * 2)", where = "total > 0")
       AUTOGEN_FOREIGN_KEY("order_user_fk", "user_id, id", "users(id, x)")
       AUTOGEN_CHECK("positive", "user_id > 0")
       Order {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(name = "class", unique) std::optional<std::string> class_;
    AUTOGEN_COLUMN(references = "users.id", on_delete = cascade) std::int64_t user_id;
    AUTOGEN_COLUMN(server_default = "'on'") Status state;
    AUTOGEN_COLUMN(type = "NUMERIC(12,2)", check = "total >= 0") std::string total;
};
)hpp");
    CHECK(out.left_out.empty());
}

TEST_CASE("model headers: a name the convention does not give is written, left out listed") {
    schema::Schema s;
    schema::Table t{.schema = "shop", .name = "lines", .comment = "Lines"};
    t.columns = {{.name = "a", .type = {.sql = "BIGINT"}},
                 {.name = "b", .type = {.sql = "BIGINT"}}};
    t.primary_key = schema::PrimaryKey{"pk_lines", {"a", "b"}};
    t.indexes = {{.name = "lines_b", .columns = {"b"}, .method = "gin"}};
    s.tables.push_back(t);
    s.objects = {{.kind = schema::ObjectKind::Trigger,
                  .schema = "shop",
                  .name = "trg",
                  .sql = "CREATE TRIGGER ...",
                  .table = "lines"}};
    schema::Table other = t;
    other.schema = "";
    other.primary_key.reset();
    other.indexes.clear();
    s.tables.push_back(other);
    ModelHeaderOptions options;
    options.natural_type = by_sql;
    auto out = codegen::write_model_headers(s, options);
    REQUIRE(out.headers.size() == 2);
    CHECK(out.headers[0].file == "shop_lines.hpp");
    CHECK(out.headers[1].file == "lines.hpp");
    const std::string& h = out.headers[0].contents;
    CHECK(h.find("struct AUTOGEN_TABLE(\"lines\", schema = \"shop\", comment = \"Lines\")\n"
                 "       AUTOGEN_PRIMARY_KEY(\"a, b\", name = \"pk_lines\")\n"
                 "       AUTOGEN_INDEX(\"lines_b\", \"b\", method = \"gin\")\n"
                 "       ShopLines {\n") != std::string::npos);
    CHECK(h.find("    std::int64_t b;") != std::string::npos);
    CHECK(out.headers[1].contents.find(
              "struct AUTOGEN_TABLE(\"lines\", comment = \"Lines\") Lines {") != std::string::npos);
    // The index method is said by AUTOGEN_INDEX now; only the trigger is left out, to be
    // declared in a .sql file.
    REQUIRE(out.left_out.size() == 1);
    CHECK(out.left_out[0].where.find("trigger \"shop\".\"trg\" on \"shop\".\"lines\"") !=
          std::string::npos);
    CHECK(out.left_out[0].what.find("[models] sql") != std::string::npos);
    // With a convention, a key named by it goes unnamed
    options.naming.patterns[support::NameKind::PrimaryKey] = "pk_%(table)s";
    out = codegen::write_model_headers(s, options);
    CHECK(out.headers[0].contents.find("AUTOGEN_PRIMARY_KEY(\"a, b\")\n") != std::string::npos);
}

TEST_CASE("model headers: index key options, INCLUDE, NULLS NOT DISTINCT and WITH are written") {
    schema::Schema s;
    schema::Table t{.name = "events"};
    t.columns = {{.name = "id", .type = {.sql = "BIGINT"}},
                 {.name = "my col", .type = {.sql = "TEXT"}},
                 {.name = "at", .type = {.sql = "BIGINT"}}};
    schema::Index keyed{.name = "ix_keys", .columns = {"my col", "at"}};
    schema::set_key_options(keyed, 0, {.collation = "C", .opclass = "text_pattern_ops"});
    schema::set_key_options(keyed, 1, {.descending = true, .nulls_first = false});
    schema::Index covering{.name = "ux_at",
                           .columns = {"at"},
                           .unique = true,
                           .include = {"id", "my col"},
                           .nulls_not_distinct = true,
                           .storage_parameters = {"fillfactor=70"}};
    t.indexes = {keyed, covering};
    s.tables.push_back(t);
    ModelHeaderOptions options;
    options.natural_type = by_sql;
    auto out = codegen::write_model_headers(s, options);
    REQUIRE(out.headers.size() == 1);
    const std::string& h = out.headers[0].contents;
    CHECK(h.find("AUTOGEN_INDEX(\"ix_keys\", \"\\\"my col\\\" COLLATE \\\"C\\\" text_pattern_ops, "
                 "at DESC NULLS LAST\")") != std::string::npos);
    CHECK(h.find("AUTOGEN_INDEX(\"ux_at\", \"at\", unique, include = \"id, my col\", "
                 "nulls_not_distinct, with = \"fillfactor = 70\")") != std::string::npos);
}

TEST_CASE("model headers: one header per schema, the includes all its tables need") {
    schema::Schema s;
    s.enums.push_back({.name = "status", .labels = {"on", "off"}});
    schema::Table users{.name = "users"};
    users.columns = {{.name = "id", .type = {.sql = "BIGINT"}},
                     {.name = "nick", .type = {.sql = "TEXT"}, .nullable = true}};
    schema::Table tags{.name = "tags"};
    tags.columns = {{.name = "state", .type = {.sql = "status"}}};
    schema::Table lines{.schema = "shop", .name = "lines"};
    lines.columns = {{.name = "qty", .type = {.sql = "BIGINT"}}};
    schema::Table users_in_shop{.schema = "shop", .name = "users"};
    users_in_shop.columns = {{.name = "id", .type = {.sql = "BIGINT"}}};
    s.tables = {users, lines, tags, users_in_shop};
    ModelHeaderOptions options;
    options.natural_type = by_sql;

    options.split = codegen::HeaderSplit::PerSchema;
    auto out = codegen::write_model_headers(s, options);
    REQUIRE(out.headers.size() == 3);
    CHECK(out.headers[0].file == "enums.hpp");
    CHECK(out.headers[1].file == "models.hpp");
    CHECK(out.headers[1].tables == std::vector<std::string>{"\"users\"", "\"tags\""});
    CHECK(out.headers[2].file == "shop.hpp");
    CHECK(out.headers[2].tables ==
          std::vector<std::string>{"\"shop\".\"lines\"", "\"shop\".\"users\""});
    const std::string& models = out.headers[1].contents;
    CHECK(models.find("the tables of the default schema") != std::string::npos);
    // the union of the tables' includes, once each, in the per-table order
    CHECK(models.find(
              "#include <autogen/model.hpp>\n#include <cstdint>\n#include <optional>\n"
              "#include <string>\n\n#include \"enums.hpp\"\n\nstruct AUTOGEN_TABLE(\"users\") "
              "Users {") != std::string::npos);
    CHECK(models.find("};\n\nstruct AUTOGEN_TABLE(\"tags\") Tags {\n    Status state;\n};\n") !=
          std::string::npos);
    // two tables named users: the schema tells the structs apart, in either split
    CHECK(out.headers[2].contents.find(
              "struct AUTOGEN_TABLE(\"users\", schema = \"shop\") ShopUsers") != std::string::npos);
    // the per-table files an earlier pull wrote are displaced
    CHECK(out.displaced ==
          std::set<std::string>{"users.hpp", "shop_lines.hpp", "tags.hpp", "shop_users.hpp"});

    options.split = codegen::HeaderSplit::PerTable;
    auto per_table = codegen::write_model_headers(s, options);
    REQUIRE(per_table.headers.size() == 5);
    CHECK(per_table.displaced == std::set<std::string>{"models.hpp", "shop.hpp"});
    // the same struct text in both splits
    const std::string users_struct = "struct AUTOGEN_TABLE(\"users\") Users {";
    CHECK(per_table.headers[1].contents.find(users_struct) != std::string::npos);
}
