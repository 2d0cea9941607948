// Scanner features beyond the SPEC example: bases, doc comments, aliases, every
// key and struct-level annotation, what is (not) scanned, include_dirs, extra_args.
#include <doctest/doctest.h>

#include "scan/scanner.hpp"
#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

using schema::Logical;
using testing::Project;

namespace {

std::vector<std::string> column_names(const schema::Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.name);
    return out;
}

}  // namespace

TEST_CASE("scan: fields of base structs come first, through several levels") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <cstdint>
struct Audit { std::int64_t created_by; };
struct Timestamps : Audit { std::int64_t created_at; };
struct Extra { bool archived; };
struct AUTOGEN_TABLE() BlogPost : Timestamps, Extra {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::int32_t views;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    REQUIRE(r->schema.tables.size() == 1);
    const auto& t = r->schema.tables[0];
    CHECK(t.name == "blog_post");
    CHECK(column_names(t) ==
          std::vector<std::string>{"created_by", "created_at", "archived", "id", "views"});
}

TEST_CASE("scan: doc comments become table and column comments, comment = wins") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <string>
/**
 * A blog article.
 * Written by users.
 */
struct AUTOGEN_TABLE("articles") Article {
    /// The title as shown.
    std::string title;
    std::string body;  ///< Markdown text.
    // a plain comment is not documentation
    std::string slug;
    /// ignored because of comment =
    AUTOGEN_COLUMN(comment = "explicit") std::string tag;
    /// Shown once.
    AUTOGEN_COLUMN(unique)
    std::string code;
};
/// Doc
struct AUTOGEN_TABLE("notes", comment = "table comment") Note { int id; };
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& a = r->schema.tables.at(0);
    CHECK(a.comment == "A blog article. Written by users.");
    CHECK(a.columns.at(0).comment == "The title as shown.");
    CHECK(a.columns.at(1).comment == "Markdown text.");
    CHECK(a.columns.at(2).comment.empty());
    CHECK(a.columns.at(3).comment == "explicit");
    CHECK(a.columns.at(4).comment == "Shown once.");
    CHECK(r->schema.tables.at(1).comment == "table comment");
}

TEST_CASE("scan: the default type mapping, through aliases and optionals") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
namespace app {
enum class AUTOGEN_ENUM() PaymentKind { Card AUTOGEN_LABEL("CARD"), Cash };
using UserId = std::int64_t;
typedef std::vector<std::uint8_t> Bytes;
using MaybeName = std::optional<std::string>;
struct AUTOGEN_TABLE("everything") Everything {
    bool b;
    std::int16_t i16;
    int16_t i16b;
    std::int32_t i32;
    int i;
    std::int64_t i64;
    float f;
    double d;
    std::string s;
    std::vector<std::uint8_t> blob;
    std::vector<std::byte> blob2;
    Bytes blob3;
    std::chrono::system_clock::time_point ts;
    std::chrono::year_month_day day;
    PaymentKind kind;
    UserId alias;
    std::optional<UserId> opt_alias;
    MaybeName maybe_name;
    std::optional<PaymentKind> opt_kind;
    const std::string cs;
};
}  // namespace app
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& t = r->schema.tables.at(0);
    struct Expect {
        const char* column;
        Logical logical;
        bool nullable;
    };
    const Expect expected[] = {
        {"b", Logical::Boolean, false},       {"i16", Logical::SmallInt, false},
        {"i16b", Logical::SmallInt, false},   {"i32", Logical::Integer, false},
        {"i", Logical::Integer, false},       {"i64", Logical::BigInt, false},
        {"f", Logical::Real, false},          {"d", Logical::Double, false},
        {"s", Logical::Text, false},          {"blob", Logical::Blob, false},
        {"blob2", Logical::Blob, false},      {"blob3", Logical::Blob, false},
        {"ts", Logical::TimestampTz, false},  {"day", Logical::Date, false},
        {"kind", Logical::Enum, false},       {"alias", Logical::BigInt, false},
        {"opt_alias", Logical::BigInt, true}, {"maybe_name", Logical::Text, true},
        {"opt_kind", Logical::Enum, true},    {"cs", Logical::Text, false},
    };
    REQUIRE(t.columns.size() == std::size(expected));
    for (const auto& e : expected) {
        CAPTURE(std::string(e.column));
        const auto* c = t.find_column(e.column);
        REQUIRE(c);
        CHECK(c->type.logical == e.logical);
        CHECK(c->nullable == e.nullable);
    }
    CHECK(t.find_column("kind")->type.enum_name == "payment_kind");
    REQUIRE(r->schema.enums.size() == 1);
    CHECK(r->schema.enums[0].name == "payment_kind");
    CHECK(r->schema.enums[0].labels == std::vector<std::string>{"CARD", "Cash"});
}

TEST_CASE("scan: every column key and struct-level annotation") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>
struct AUTOGEN_TABLE("accounts", schema = "app", renamed_from = "users") Account {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
};
struct AUTOGEN_TABLE("lines")
       AUTOGEN_PRIMARY_KEY("order_id, line_no")
       AUTOGEN_UNIQUE("uq_lines_sku", "order_id, stock_unit")
       AUTOGEN_INDEX("ix_lines_lower_sku", "(lower(sku)), line_no", unique, where = "qty > 0")
       AUTOGEN_FOREIGN_KEY("fk_lines_owner", "owner_id", "app.accounts(id)", on_delete = set_null, on_update = "cascade")
       Line {
    std::int64_t order_id;
    std::int32_t line_no;
    AUTOGEN_COLUMN(name = "stock_unit", length = 32, collate = nocase, renamed_from = "code") std::string sku;
    AUTOGEN_COLUMN(check = "qty > 0", server_default = 1) std::int32_t qty;
    AUTOGEN_COLUMN(nullable) std::int64_t owner_id;
    AUTOGEN_COLUMN(not_null) std::optional<std::string> note;
    AUTOGEN_COLUMN(references = "app.accounts.id", on_update = restrict) std::optional<std::int64_t> editor_id;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& acc = r->schema.tables.at(0);
    CHECK(acc.schema == "app");
    CHECK(acc.renamed_from == "users");
    CHECK(acc.columns.at(0).identity);
    const auto& t = r->schema.tables.at(1);
    CHECK(column_names(t) == std::vector<std::string>{"order_id", "line_no", "stock_unit", "qty",
                                                      "owner_id", "note", "editor_id"});
    REQUIRE(t.primary_key);
    CHECK(t.primary_key->columns == std::vector<std::string>{"order_id", "line_no"});
    const auto* sku = t.find_column("stock_unit");
    CHECK(sku->type.length == std::optional<unsigned>(32));
    CHECK(sku->collation == std::optional<std::string>("nocase"));
    CHECK(sku->renamed_from == "code");
    CHECK(t.find_column("qty")->server_default == std::optional<std::string>("1"));
    CHECK(t.find_column("owner_id")->nullable);
    CHECK_FALSE(t.find_column("note")->nullable);
    CHECK(t.find_column("editor_id")->nullable);
    REQUIRE(t.checks.size() == 1);
    CHECK(t.checks[0].name == "ck_lines_qty");
    CHECK(t.checks[0].expression == "qty > 0");
    REQUIRE(t.uniques.size() == 1);
    CHECK(t.uniques[0].name == "uq_lines_sku");
    CHECK(t.uniques[0].columns == std::vector<std::string>{"order_id", "stock_unit"});
    REQUIRE(t.indexes.size() == 1);
    CHECK(t.indexes[0].columns == std::vector<std::string>{"(lower(sku))", "line_no"});
    CHECK(t.indexes[0].unique);
    CHECK(t.indexes[0].where == "qty > 0");
    REQUIRE(t.foreign_keys.size() == 2);
    CHECK(t.foreign_keys[0].name == "fk_lines_editor_id_accounts");
    CHECK(t.foreign_keys[0].ref_schema == "app");
    CHECK(t.foreign_keys[0].ref_table == "accounts");
    CHECK(t.foreign_keys[0].on_update == schema::ReferentialAction::Restrict);
    CHECK(t.foreign_keys[1].name == "fk_lines_owner");
    CHECK(t.foreign_keys[1].ref_schema == "app");
    CHECK(t.foreign_keys[1].ref_columns == std::vector<std::string>{"id"});
    CHECK(t.foreign_keys[1].on_delete == schema::ReferentialAction::SetNull);
    CHECK(t.foreign_keys[1].on_update == schema::ReferentialAction::Cascade);
}

TEST_CASE("scan: generated columns, STORED and VIRTUAL, through the scan cache codec") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <cstdint>
struct AUTOGEN_TABLE("lines") Line {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::int64_t price;
    AUTOGEN_COLUMN(generated = "price * 2") std::int64_t twice;
    AUTOGEN_COLUMN(generated = "price + 1", virtual) std::int64_t next;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& t = r->schema.tables.at(0);
    const auto* twice = t.find_column("twice");
    REQUIRE(twice);
    CHECK(twice->generated == std::optional<std::string>("price * 2"));
    CHECK_FALSE(twice->generated_virtual);
    CHECK_FALSE(twice->server_default);
    CHECK(t.find_column("next")->generated == std::optional<std::string>("price + 1"));
    CHECK(t.find_column("next")->generated_virtual);
    CHECK_FALSE(t.find_column("price")->generated);
    // Read again from the scan cache: the same columns.
    auto again = p.run();
    REQUIRE(again);
    const auto& cached = again->schema.tables.at(0);
    CHECK(cached.find_column("twice")->generated == twice->generated);
    CHECK(cached.find_column("next")->generated_virtual);
    CHECK_FALSE(cached.find_column("price")->generated);
}

TEST_CASE("scan: table options, and through the scan cache codec") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
#include <cstdint>
struct AUTOGEN_TABLE("tags", strict, without_rowid) Tag {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};
struct AUTOGEN_TABLE("notes") Note {
    AUTOGEN_COLUMN(primary_key, autoincrement) std::int64_t id;
};
struct AUTOGEN_TABLE("sessions", unlogged, with = "FillFactor = 70, autovacuum_enabled = OFF") Session {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};
struct AUTOGEN_TABLE("plain") Plain {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& tables = r->schema.tables;
    REQUIRE(tables.size() == 4);
    CHECK(tables[0].options == schema::TableOptions{.strict = true, .without_rowid = true});
    CHECK(tables[1].options == schema::TableOptions{.autoincrement = true});
    CHECK(tables[1].columns[0].identity);  // autoincrement implies identity
    // Normalised like an index's `with`, and sorted by name.
    CHECK(tables[2].options ==
          schema::TableOptions{.unlogged = true,
                               .storage_parameters = {"autovacuum_enabled=off", "fillfactor=70"}});
    CHECK(tables[3].options == schema::TableOptions{});
    auto again = p.run();
    REQUIRE(again);
    for (std::size_t i = 0; i < tables.size(); ++i)
        CHECK(again->schema.tables.at(i).options == tables[i].options);
}

TEST_CASE("scan: column-level primary keys on several fields, in field order") {
    Project p;
    p.write("models/m.hpp", R"hpp(#include <autogen/model.hpp>
struct AUTOGEN_TABLE("pairs") Pair {
    AUTOGEN_COLUMN(primary_key) int b;
    int payload;
    AUTOGEN_COLUMN(primary_key) int a;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    CHECK(r->schema.tables.at(0).primary_key->columns == std::vector<std::string>{"b", "a"});
}

TEST_CASE(
    "scan: only files matched by the globs are models, include_dirs and extra_args reach clang") {
    Project p;
    p.options.include_dirs = {"src"};
    p.options.extra_args = {"-DAPP_WIDE_IDS=1"};
    p.write("src/common/shared.hpp", R"hpp(#pragma once
#include <autogen/model.hpp>
#if APP_WIDE_IDS
using Id = long long;
#endif
struct AUTOGEN_TABLE("not_a_model_file") Shared { int x; };
)hpp");
    std::string a = p.write("models/a.hpp", R"hpp(#pragma once
#include "common/shared.hpp"
struct AUTOGEN_TABLE("a") A { AUTOGEN_COLUMN(type = "BIGINT") Id id; };
)hpp");
    std::string b = p.write("models/nested/b.hpp", R"hpp(#pragma once
#include "../a.hpp"
namespace app::models { struct AUTOGEN_TABLE("b") B { int id; }; }
)hpp");
    p.write("models/notes.txt", "not a header");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    CHECK(r->files == std::vector<std::filesystem::path>{a, b});
    REQUIRE(r->schema.tables.size() == 2);
    CHECK(r->schema.tables[0].name == "a");
    CHECK(r->schema.tables[1].name == "b");
    CHECK(r->schema.tables[1].location.file == b);
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan: a missing standard library is retried with the system compiler's libstdc++") {
    // -nostdinc++ hides libstdc++ exactly as a broken GCC detection does (TOOLCHAIN §1.3).
    Project p;
    p.options.extra_args = {"-nostdinc++"};
    p.write("models/m.hpp",
            "#include <autogen/model.hpp>\n#include <string>\nstruct AUTOGEN_TABLE() Doc { "
            "std::string s; };\n");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    CHECK(r->schema.tables.at(0).columns.at(0).type.logical == schema::Logical::Text);
    REQUIRE(p.diags.items().size() == 1);
    CHECK(p.diags.items()[0].severity == support::Severity::Note);
    CHECK(p.diags.items()[0].message.find("-nostdinc++") != std::string::npos);
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan: enums: from a header outside the globs, nested, with schema and labels") {
    Project p;
    p.options.include_dirs = {"include"};
    p.write("include/shared/status.hpp", R"hpp(#pragma once
#include <autogen/model.hpp>
namespace shared { enum class AUTOGEN_ENUM("status", schema = "app") Status { on AUTOGEN_LABEL("ON"), off }; }
enum class AUTOGEN_ENUM() UnusedElsewhere { x };
)hpp");
    p.write("models/m.hpp", R"hpp(#pragma once
#include <autogen/model.hpp>
#include "shared/status.hpp"
enum class AUTOGEN_ENUM() Level { low, high };
struct AUTOGEN_TABLE("devices") Device {
    enum class AUTOGEN_ENUM("device_kind") Kind { phone, tablet };
    shared::Status status;
    Kind kind;
    Level level;
};
)hpp");
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    const auto& s = r->schema;
    std::vector<std::string> names;
    for (const auto& e : s.enums) names.push_back(e.name);
    // Per model header (header_units.hpp): its own enums in declaration order, then the
    // enums from outside the model headers that it is the first (in header order) to use.
    CHECK(names == std::vector<std::string>{"level", "device_kind", "status"});
    const auto* status = s.find_enum("status", "app");
    REQUIRE(status);
    CHECK(status->labels == std::vector<std::string>{"ON", "off"});
    const auto& t = s.tables.at(0);
    CHECK(t.find_column("status")->type.enum_name == "status");
    CHECK(t.find_column("kind")->type.enum_name == "device_kind");
    CHECK(t.find_column("level")->type.enum_name == "level");
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan: locations name files as the globs matched them, also through a symlinked root") {
    autogen::testing::TempDir dir;
    dir.write("real/models/m.hpp",
              "#include <autogen/model.hpp>\nstruct AUTOGEN_TABLE() Thing { int id; };\n");
    std::filesystem::create_directory_symlink(dir.path() / "real", dir.path() / "link");
    ScanOptions options{dir.path() / "link", {"models/*.hpp"}, {}, {}};
    support::Diagnostics diags;
    auto r = scan(options, diags);
    REQUIRE(r);
    std::string file = (dir.path() / "link/models/m.hpp").string();
    CHECK(r->files == std::vector<std::filesystem::path>{file});
    CHECK(r->schema.tables.at(0).location.str() == file + ":2:24");
    CHECK(r->schema.tables.at(0).columns.at(0).location.file == file);
}

}  // namespace autogen::scan
