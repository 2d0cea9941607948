// The snapshot's writer and reader against nlohmann::json, the reference they replaced
// on the hot path: the same text for every string, the same schema for every line, and
// the same error for every corrupted line (sum_file_test.cpp has the round trips).
#include "migrate/schema_snapshot.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "migrate/sha256.hpp"
#include "migrate/sum_file.hpp"

namespace {

using namespace autogen;
using nlohmann::ordered_json;

/// Strings that need escaping, or are not ASCII, beside plain ones.
const std::vector<std::string> kAwkward = {
    "plain",    "",        "a \"quoted\" word", "back\\slash",    "tab\there", "new\nline",
    "\x01\x1f", "del\x7f", "caf\xc3\xa9",       "\xe2\x82\xac 5", "slash/ok",  "{\"json\":[1]}"};

/// What parse_snapshot says about `text` (empty when it reads).
std::string problem_of(const std::string& text, unsigned* line = nullptr) {
    support::Diagnostics diags;
    if (migrate::parse_snapshot(text, "autogen.sum", 7, diags)) return {};
    REQUIRE(diags.items().size() == 1);
    if (line) *line = diags.items()[0].location.line;
    return diags.items()[0].message;
}

/// The message nlohmann gives for parsing `json`.
std::string nlohmann_parse_error(const std::string& json) {
    try {
        auto parsed = nlohmann::json::parse(json);
        FAIL("parsed: " << parsed.dump());
    } catch (const std::exception& e) {
        return std::string("unreadable snapshot line: ") + e.what();
    }
    return {};
}

TEST_CASE("snapshot: comments on keys, indexes, constraints and enums read back as written") {
    schema::Schema s;
    s.enums.push_back({.name = "status", .labels = {"on", "off"}, .comment = "on or off"});
    schema::Table t{.name = "orders"};
    t.columns = {{.name = "id", .type = {.sql = "BIGINT"}}};
    t.primary_key = schema::PrimaryKey{"pk_orders", {"id"}, "the key"};
    t.foreign_keys.push_back({.name = "fk",
                              .columns = {"id"},
                              .ref_table = "o",
                              .ref_columns = {"id"},
                              .comment = "fk \"quoted\""});
    t.uniques.push_back({.name = "uq", .columns = {"id"}, .comment = "uq"});
    t.indexes.push_back({.name = "ix", .columns = {"id"}, .comment = "ix"});
    t.checks.push_back({.name = "ck", .expression = "id > 0", .comment = "ck"});
    t.exclusions.push_back({.name = "ex", .definition = "USING gist (id WITH =)", .comment = "ex"});
    s.tables.push_back(t);
    const std::string text = migrate::snapshot_text(s);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    CHECK(back->enums.at(0).comment == "on or off");
    const auto& b = back->tables.at(0);
    CHECK(b.primary_key->comment == "the key");
    CHECK(b.foreign_keys.at(0).comment == "fk \"quoted\"");
    CHECK(b.uniques.at(0).comment == "uq");
    CHECK(b.indexes.at(0).comment == "ix");
    CHECK(b.checks.at(0).comment == "ck");
    CHECK(b.exclusions.at(0).comment == "ex");
    // Without comments nothing is written (the snapshots of before stay as they were).
    schema::Schema plain = s;
    plain.enums[0].comment.clear();
    auto& p = plain.tables[0];
    p.primary_key->comment = p.foreign_keys[0].comment = p.uniques[0].comment = "";
    p.indexes[0].comment = p.checks[0].comment = p.exclusions[0].comment = "";
    CHECK(migrate::snapshot_text(plain).find("comment") == std::string::npos);
}

}  // namespace

TEST_CASE("snapshot text: every string is written as nlohmann's dump() writes it") {
    for (const auto& text : kAwkward) {
        INFO(text);
        schema::Schema s;
        schema::Table t;
        t.name = text;
        t.comment = text;
        schema::Column c;
        c.name = text;
        c.type.sql = text;
        c.server_default = text;
        c.comment = text;
        c.type.length = 4000000000u;
        t.columns.push_back(c);
        t.checks.push_back({text, text, {}});
        t.indexes.push_back({text, {text, "b"}, true, text, {}});
        s.tables.push_back(t);

        ordered_json table{{"name", text}};
        if (!text.empty()) table["comment"] = text;
        ordered_json column{{"name", text}, {"length", 4000000000u}};
        if (!text.empty()) column["sql"] = text;
        column["default"] = text;
        if (!text.empty()) column["comment"] = text;
        ordered_json check = ordered_json::object();
        if (!text.empty()) check["name"] = text;
        check["expression"] = text;
        ordered_json index = ordered_json::object();
        if (!text.empty()) index["name"] = text;
        index["columns"] = std::vector<std::string>{text, "b"};
        index["unique"] = true;
        if (!text.empty()) index["where"] = text;
        const std::string expected = "table " + table.dump() + "\n  column " + column.dump() +
                                     "\n  index " + index.dump() + "\n  check " + check.dump() +
                                     "\n";
        const std::string written = migrate::snapshot_text(s);
        CHECK(written == expected);

        support::Diagnostics diags;
        auto back = migrate::parse_snapshot(written, "autogen.sum", 1, diags);
        REQUIRE(back);
        CHECK(migrate::snapshot_text(*back) == written);
        CHECK(back->tables[0].comment == text);
        CHECK(back->tables[0].columns[0].server_default == text);
        CHECK(back->tables[0].indexes[0].columns[0] == text);
    }
    // Invalid UTF-8 stays nlohmann's error, as before.
    schema::Schema bad;
    bad.tables.push_back({});
    bad.tables[0].name = "t";
    bad.tables[0].comment = "latin1 caf\xe9";
    CHECK_THROWS_AS(migrate::snapshot_text(bad), nlohmann::json::type_error);
}

TEST_CASE("snapshot lines outside the written form read as nlohmann::json reads them") {
    const std::string text =
        "table { \"name\" : \"t\", \"comment\":\"a\\u0062\" }\r\n"
        "  column {\"name\":\"a\",\"name\":\"b\",\"type\":\"text\",\"length\":true}\n"
        "  column {\"name\":\"c\",\"extra\":{\"x\":[1,null]},\"length\":12.9,\"nullable\":true}\n"
        "  column {\"name\":\"caf\xc3\xa9\",\"length\":-1}\n"
        "  primary_key {\"columns\":[\"b\"],\"name\":\"\"}\n";
    support::Diagnostics diags;
    auto s = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    INFO((diags.items().empty() ? std::string() : diags.items()[0].message));
    REQUIRE(s);
    REQUIRE(s->tables.size() == 1);
    const auto& t = s->tables[0];
    CHECK(t.name == "t");
    CHECK(t.comment == "ab");
    REQUIRE(t.columns.size() == 3);
    CHECK(t.columns[0].name == "b");  // nlohmann keeps the last of a repeated key
    CHECK(t.columns[0].type.length == std::optional<unsigned>(1));
    CHECK(t.columns[1].type.length == std::optional<unsigned>(12));
    CHECK(t.columns[1].nullable);
    CHECK(t.columns[2].name == "caf\xc3\xa9");
    CHECK(t.columns[2].type.length == std::optional<unsigned>(4294967295u));
    CHECK(t.primary_key->columns == std::vector<std::string>{"b"});
}

TEST_CASE("a corrupted or hand-edited snapshot line is an error naming it, nlohmann's message") {
    const std::string head = "table {\"name\":\"t\"}\n  column {\"name\":\"id\"}\n";
    // Broken JSON: the message is nlohmann's parse error.
    for (const std::string json :
         {"{\"name\":\"a\"", "{\"name\":\"a\"} x", "{\"name\":\"a\",}", "{\"length\":012}",
          "{\"name\":\"a\tb\"}", "{\"name\":\"caf\xe9\"}", "<<<<<<< HEAD"}) {
        INFO(json);
        unsigned line = 0;
        CHECK(problem_of(head + "  column " + json + "\n", &line) == nlohmann_parse_error(json));
        CHECK(line == 9);
    }
    // Valid JSON of the wrong shape: nlohmann's type error, or the reader's own words.
    CHECK(problem_of(head + "  column {\"name\":1}\n").find("type must be string") !=
          std::string::npos);
    CHECK(problem_of(head + "  column {\"type\":\"text\"}\n").find("key 'name' not found") !=
          std::string::npos);
    CHECK(problem_of("table {\"name\":\"t\",\"comment\":5}\n").find("type must be string") !=
          std::string::npos);
    CHECK(problem_of(head + "  column {\"name\":\"a\",\"nullable\":\"yes\"}\n")
              .find("type must be boolean") != std::string::npos);
    CHECK(problem_of(head + "  column {\"name\":\"a\",\"length\":\"9\"}\n")
              .find("type must be number") != std::string::npos);
    CHECK(problem_of(head + "  unique {\"columns\":\"a\"}\n").find("type must be array") !=
          std::string::npos);
    CHECK(problem_of(head + "  column {\"name\":\"a\",\"type\":\"texte\"}\n") ==
          "unreadable snapshot line: unknown type 'texte'");
    CHECK(problem_of(head + "  colum {\"name\":\"a\"}\n") ==
          "unreadable snapshot line: unknown keyword 'colum'");
    CHECK(problem_of(head + "  foreign_key {\"columns\":[\"id\"],\"ref_table\":\"u\","
                            "\"ref_columns\":[\"id\"],\"on_delete\":\"explode\"}\n") ==
          "unreadable snapshot line: unknown referential action");
    CHECK(problem_of(head + "  column\n") == "unreadable snapshot line: no JSON after the keyword");
}

TEST_CASE(
    "a hand edit of the snapshot: caught by the sum's checksum, else by the snapshot reader") {
    migrate::SumFile sum;
    sum.heads = {"a1"};
    sum.snapshot = "table {\"name\":\"t\"}\n  column {\"name\":\"id\",\"type\":\"bigint\"}\n";
    std::string text = migrate::render_sum(sum);
    // Edited, checksum left alone: the sum is invalid.
    std::string edited = text;
    edited.replace(edited.find("bigint"), 6, "bigin_");
    CHECK(migrate::parse_sum(edited).state == migrate::SumRead::State::Invalid);
    // Edited and its checksum recomputed: the snapshot line is still refused, by line.
    const std::size_t first_end = edited.find('\n');
    const std::string body = edited.substr(first_end + 1);
    edited = "autogen.sum 1 sha256:" + migrate::sha256_hex(body) + "\n" + body;
    auto read = migrate::parse_sum(edited);
    REQUIRE(read.state == migrate::SumRead::State::Ok);
    support::Diagnostics diags;
    CHECK_FALSE(migrate::parse_snapshot(read.sum.snapshot, "migrations/autogen.sum",
                                        read.sum.snapshot_line, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message == "unreadable snapshot line: unknown type 'bigin_'");
    CHECK(diags.items()[0].location.line == read.sum.snapshot_line + 1);
}

TEST_CASE("snapshot: generated columns, STORED and VIRTUAL, read back as written") {
    schema::Schema s;
    schema::Table t{.name = "lines"};
    schema::Column price{.name = "price", .type = {.sql = "BIGINT"}};
    schema::Column total{.name = "total", .type = {.sql = "BIGINT"}};
    total.generated = "price * 2";
    schema::Column next{.name = "next", .type = {.sql = "BIGINT"}};
    next.generated = "price + 1";
    next.generated_virtual = true;
    t.columns = {price, total, next};
    s.tables.push_back(t);
    const std::string text = migrate::snapshot_text(s);
    // A column without an expression is written as before (the digests of other tables
    // stay what a committed autogen.sum records).
    CHECK(text.find("{\"name\":\"price\",\"sql\":\"BIGINT\"}") != std::string::npos);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    const auto& cols = back->tables.at(0).columns;
    CHECK_FALSE(cols.at(0).generated);
    CHECK(cols.at(1).generated == std::optional<std::string>("price * 2"));
    CHECK_FALSE(cols.at(1).generated_virtual);
    CHECK(cols.at(2).generated == std::optional<std::string>("price + 1"));
    CHECK(cols.at(2).generated_virtual);
}

TEST_CASE("snapshot: table options read back as written, none written for a plain table") {
    schema::Schema s;
    schema::Table plain{.name = "plain"};
    schema::Table t{.name = "tags"};
    t.options = {.strict = true,
                 .without_rowid = true,
                 .autoincrement = true,
                 .unlogged = true,
                 .storage_parameters = {"fillfactor=70"}};
    s.tables = {plain, t};
    const std::string text = migrate::snapshot_text(s);
    // A table without options is written as before (committed digests stay).
    CHECK(text.find("{\"name\":\"plain\"}") != std::string::npos);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    CHECK(back->tables.at(0).options == schema::TableOptions{});
    CHECK(back->tables.at(1).options == t.options);
}

TEST_CASE("snapshot: check states and MATCH FULL are read back, written only when set") {
    schema::Schema s;
    schema::Table t{.name = "lines"};
    t.columns = {schema::Column{.name = "a", .type = {.sql = "BIGINT"}}};
    t.checks.push_back({.name = "ck_plain", .expression = "a > 0"});
    t.checks.push_back(
        {.name = "ck_states", .expression = "a < 9", .no_inherit = true, .not_valid = true});
    schema::ForeignKey fk{.name = "fk", .columns = {"a"}, .ref_table = "t", .ref_columns = {"b"}};
    t.foreign_keys = {fk, fk};
    t.foreign_keys[1].name = "fk_full";
    t.foreign_keys[1].match_full = true;
    s.tables.push_back(t);
    const std::string text = migrate::snapshot_text(s);
    CHECK(text.find("{\"name\":\"ck_plain\",\"expression\":\"a > 0\"}") != std::string::npos);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    const auto& r = back->tables.at(0);
    CHECK_FALSE(r.checks.at(0).no_inherit);
    CHECK_FALSE(r.checks.at(0).not_valid);
    CHECK(r.checks.at(1).no_inherit);
    CHECK(r.checks.at(1).not_valid);
    CHECK_FALSE(r.foreign_keys.at(0).match_full);
    CHECK(r.foreign_keys.at(1).match_full);
}

TEST_CASE("snapshot: declared extensions read back with their schema and version") {
    schema::Schema s;
    s.declares_objects = true;
    s.objects.push_back({.kind = schema::ObjectKind::Extension,
                         .schema = "ext",
                         .name = "citext",
                         .sql = "CREATE EXTENSION citext SCHEMA ext VERSION '1.6'",
                         .version = "1.6"});
    s.objects.push_back({.kind = schema::ObjectKind::Extension,
                         .name = "hstore",
                         .sql = "CREATE EXTENSION hstore"});
    const std::string text = migrate::snapshot_text(s);
    // Nothing written for what the statement does not declare.
    CHECK(text.find("extension {\"name\":\"hstore\",\"sql\":") != std::string::npos);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    REQUIRE(back->objects.size() == 2);
    CHECK(back->declares_objects);
    CHECK(back->objects[0].kind == schema::ObjectKind::Extension);
    CHECK(back->objects[0].schema == "ext");
    CHECK(back->objects[0].version == "1.6");
    CHECK(back->objects[0].sql == s.objects[0].sql);
    CHECK(back->objects[1].version.empty());
    CHECK(back->objects[1].schema.empty());
}

TEST_CASE("snapshot: exclusion constraints read back, the predicate only when set") {
    schema::Schema s;
    schema::Table t{.name = "booking"};
    t.exclusions.push_back({.name = "ex_a", .definition = "USING gist (during WITH &&)"});
    t.exclusions.push_back(
        {.name = "ex_b", .definition = "USING gist (room WITH =)", .where = "NOT cancelled"});
    s.tables.push_back(t);
    const std::string text = migrate::snapshot_text(s);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    const auto& x = back->tables.at(0).exclusions;
    REQUIRE(x.size() == 2);
    CHECK(x[0].definition == "USING gist (during WITH &&)");
    CHECK(x[0].where.empty());
    CHECK(x[1].name == "ex_b");
    CHECK(x[1].where == "NOT cancelled");
}

TEST_CASE("snapshot: declared domains and views read back with their kind and statement") {
    schema::Schema s;
    s.declares_objects = true;
    s.objects = {
        {.kind = schema::ObjectKind::Domain,
         .schema = "app",
         .name = "year",
         .sql = "CREATE DOMAIN app.year AS integer CHECK (VALUE > 0)"},
        {.kind = schema::ObjectKind::View, .name = "v", .sql = "CREATE VIEW v AS SELECT 1"}};
    const std::string text = migrate::snapshot_text(s);
    CHECK(text.find("domain {\"name\":\"year\"") != std::string::npos);
    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 1, diags);
    REQUIRE(back);
    REQUIRE(back->objects.size() == 2);
    CHECK(back->declares_objects);
    CHECK(back->objects[0].kind == schema::ObjectKind::Domain);
    CHECK(back->objects[0].schema == "app");
    CHECK(back->objects[0].sql == s.objects[0].sql);
    CHECK(back->objects[1].kind == schema::ObjectKind::View);
}
