// Constraint and index names: the names annotations give (the primary key's too), the
// project's convention ([models] naming) for the rest, and the errors of bad names.
#include <doctest/doctest.h>

#include "scan/scanner.hpp"
#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

using support::NameKind;
using testing::Project;

namespace {

const char* kModels = R"hpp(#include <autogen/model.hpp>
#include <cstdint>
#include <string>
struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    AUTOGEN_COLUMN(unique) std::string email;
    AUTOGEN_COLUMN(index) std::string region;
    AUTOGEN_COLUMN(check = "age >= 0") std::int32_t age;
};
struct AUTOGEN_TABLE("orders") Order {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    AUTOGEN_COLUMN(references = "users.id") std::int64_t user_id;
};
)hpp";

}  // namespace

TEST_CASE("scan naming: without a convention, the default names and an unnamed primary key") {
    Project p;
    p.write("models/m.hpp", kModels);
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& users = r->schema.tables[0];
    CHECK(users.primary_key->name.empty());
    CHECK(users.uniques[0].name == "uq_users_email");
    CHECK(users.indexes[0].name == "ix_users_region");
    CHECK(users.checks[0].name == "ck_users_age");
    CHECK(r->schema.tables[1].foreign_keys[0].name == "fk_orders_user_id_users");
}

TEST_CASE("scan naming: [models] naming names what the annotations leave unnamed") {
    Project p;
    p.write("models/m.hpp", kModels);
    p.options.naming.patterns = {
        {NameKind::PrimaryKey, "pk_%(table)s"},
        {NameKind::Unique, "%(table)s_%(column_0_name)s_key"},
        {NameKind::Index, "idx_%(table)s_%(columns)s"},
        {NameKind::Check, "%(table)s_%(constraint_name)s_check"},
        {NameKind::ForeignKey,
         "fk_%(table)s_%(column_0_name)s_%(referred_table)s_%(referred_column_0_name)s"},
    };
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& users = r->schema.tables[0];
    CHECK(users.primary_key->name == "pk_users");
    CHECK(users.uniques[0].name == "users_email_key");
    CHECK(users.indexes[0].name == "idx_users_region");
    CHECK(users.checks[0].name == "users_age_check");
    CHECK(r->schema.tables[1].primary_key->name == "pk_orders");
    CHECK(r->schema.tables[1].foreign_keys[0].name == "fk_orders_user_id_users_id");

    SUBCASE("another convention is another scan, not a cached answer") {
        p.options.naming.patterns = {{NameKind::PrimaryKey, "%(table)s_pk"}};
        auto again = p.run();
        REQUIRE(again);
        CHECK(again->schema.tables[0].primary_key->name == "users_pk");
        CHECK(again->schema.tables[0].uniques[0].name == "uq_users_email");
    }
}

TEST_CASE("scan naming: a name in the annotation wins over the convention") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <cstdint>
#include <string>
struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key = "users_pkey") std::int64_t id;
    AUTOGEN_COLUMN(unique = "users_email_key") std::string email;
    AUTOGEN_COLUMN(index = "users_region_idx") std::string region;
};
struct AUTOGEN_TABLE("lines") AUTOGEN_PRIMARY_KEY("order_id, line_no", name = "lines_pk") Line {
    std::int64_t order_id;
    std::int32_t line_no;
};
struct AUTOGEN_TABLE("pairs") Pair {
    AUTOGEN_COLUMN(primary_key = "pairs_pk") std::int64_t a;
    AUTOGEN_COLUMN(primary_key) std::int64_t b;
};
)hpp");
    p.options.naming.patterns = {{NameKind::PrimaryKey, "pk_%(table)s"}};
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& users = r->schema.tables[0];
    CHECK(users.primary_key->name == "users_pkey");
    CHECK(users.uniques[0].name == "users_email_key");
    CHECK(users.indexes[0].name == "users_region_idx");
    CHECK(r->schema.tables[1].primary_key->name == "lines_pk");
    CHECK(r->schema.tables[1].primary_key->columns ==
          std::vector<std::string>{"order_id", "line_no"});
    CHECK(r->schema.tables[2].primary_key->name == "pairs_pk");
    CHECK(r->schema.tables[2].primary_key->columns == std::vector<std::string>{"a", "b"});
}

TEST_CASE("scan naming: bad names are errors at the value") {
    const char* head = "#include <autogen/model.hpp>\n#include <cstdint>\n";
    struct Case {
        std::string body;
        std::string needle;
        unsigned line, col;
    };
    for (const auto& c : std::vector<Case>{
             {"struct AUTOGEN_TABLE(\"t\") T { AUTOGEN_COLUMN(primary_key = \"\") std::int64_t id; "
              "};",
              "'primary_key' names a constraint and cannot be empty", 3, 60},
             {"struct AUTOGEN_TABLE(\"t\") T { AUTOGEN_COLUMN(unique = 3) std::int64_t id; };",
              "'unique' takes a string, found an integer", 3, 55},
             {"struct AUTOGEN_TABLE(\"t\") AUTOGEN_PRIMARY_KEY(\"id\", name = \"\") T { "
              "std::int64_t id; };",
              "'name' names a constraint and cannot be empty", 3, 60},
             {"struct AUTOGEN_TABLE(\"t\") T {\n AUTOGEN_COLUMN(primary_key = \"a\") std::int64_t "
              "x;\n"
              " AUTOGEN_COLUMN(primary_key = \"b\") std::int64_t y; };",
              "the primary key of table 't' is named both \"a\" and \"b\"", 5, 31},
         }) {
        Project p;
        std::string file = p.write("models/m.hpp", std::string(head) + c.body + "\n");
        auto r = p.run();
        INFO(c.body, "\n", p.messages());
        CHECK_FALSE(r);
        const auto* d = p.find_error(c.needle);
        REQUIRE(d);
        CHECK(d->location.file == file);
        CHECK(d->location.line == c.line);
        CHECK(d->location.column == c.col);
        CHECK_FALSE(d->hint.empty());
    }
}

}  // namespace autogen::scan
