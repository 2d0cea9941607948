// The binary scan-outcome codec: everything round-trips (compared through the lossless
// JSON form), and no truncated or damaged input is accepted or read out of bounds.
#include "scan/cache/scan_result_codec.hpp"

#include <doctest/doctest.h>

namespace autogen::scan {

namespace {

/// An outcome that sets every field the codec writes, including the optional ones
/// both set and unset, a location file used twice, and a non-ASCII string.
CachedOutcome sample() {
    CachedOutcome o;
    o.result.files = {"/p/models/a.hpp", "/p/models/b.hpp"};
    schema::Table t;
    t.schema = "app";
    t.name = "users";
    t.comment = "Users, \"quoted\"\nand é";
    t.renamed_from = "people";
    t.location = {"/p/models/a.hpp", 12, 8};
    schema::Column id;
    id.name = "id";
    id.type.logical = schema::Logical::BigInt;
    id.identity = true;
    id.location = {"/p/models/a.hpp", 13, 40};
    schema::Column name;
    name.name = "name";
    name.type.logical = schema::Logical::Text;
    name.type.length = 120;
    name.type.sql = "VARCHAR(120)";
    name.nullable = true;
    name.server_default = "''";
    name.collation = "C";
    name.comment = "display name";
    name.renamed_from = "full_name";
    name.location = {"/p/models/a.hpp", 14, 30};
    schema::Column status;
    status.name = "status";
    status.type.logical = schema::Logical::Enum;
    status.type.enum_name = "status";
    status.location = {"/p/models/b.hpp", 3, 1};
    t.columns = {id, name, status};
    t.primary_key = schema::PrimaryKey{"pk_users", {"id"}};
    t.foreign_keys.push_back({"fk",
                              {"id"},
                              "other",
                              "t",
                              {"x"},
                              schema::ReferentialAction::Cascade,
                              schema::ReferentialAction::SetDefault,
                              {"/p/models/a.hpp", 20, 2}});
    t.uniques.push_back({"uq", {"name", "id"}, {"/p/models/a.hpp", 21, 2}});
    t.indexes.push_back(
        {"ix", {"(lower(name))"}, true, "name IS NOT NULL", {"/p/models/a.hpp", 22, 2}});
    t.checks.push_back({"ck", "id > 0", {"/p/models/a.hpp", 23, 2}});
    t.checks.push_back({"ck_states", "id < 9", {"/p/models/a.hpp", 24, 2}, true, true});
    t.checks.push_back({"ck_lax", "id < 8", {"/p/models/a.hpp", 25, 2}, false, true});
    schema::ForeignKey full = t.foreign_keys.front();
    full.name = "fk_full";
    full.match_full = true;
    full.deferrable = full.initially_deferred = true;
    t.foreign_keys.push_back(full);
    t.exclusions.push_back({.name = "ex_users",
                            .definition = "USING gist (id WITH =)",
                            .where = "name <> ''",
                            .location = {"/p/models/a.hpp", 26, 2}});
    schema::Table bare;
    bare.name = "bare";
    o.result.schema.tables = {t, bare};
    o.result.schema.enums.push_back({"", "status", {"on", "off"}, {"/p/models/b.hpp", 1, 12}});
    schema::SqlObject view{.kind = schema::ObjectKind::View,
                           .name = "v",
                           .sql = "CREATE VIEW v AS SELECT 1 AS one",
                           .definition = "create view v as select 1 as one",
                           .columns = {"one integer"},
                           .location = {"/p/db/a.sql", 1, 1}};
    schema::SqlObject citext{.kind = schema::ObjectKind::Extension,
                             .schema = "ext",
                             .name = "citext",
                             .sql = "CREATE EXTENSION citext SCHEMA ext VERSION '1.6'",
                             .version = "1.6",
                             .location = {"/p/db/a.sql", 2, 1}};
    o.result.schema.objects = {view, citext};
    o.result.schema.declares_objects = true;
    support::Diagnostic d;
    d.severity = support::Severity::Warning;
    d.category = support::Category::Model;
    d.message = "a warning";
    d.location = {"/p/models/b.hpp", 2, 0};
    d.hint = "a hint";
    o.diagnostics = {d};
    return o;
}

std::string text(const CachedOutcome& o) { return outcome_to_json(o).dump(1); }

}  // namespace

TEST_CASE("scan result codec: every field round-trips") {
    CachedOutcome o = sample();
    auto decoded = decode_outcome(encode_outcome(o));
    REQUIRE(decoded);
    CHECK(text(*decoded) == text(o));
    REQUIRE(decoded->result.schema.tables.size() == 2);
    CHECK_FALSE(decoded->result.schema.tables[1].primary_key);
    CHECK_FALSE(decoded->result.schema.tables[0].columns[0].server_default);
    CHECK(decoded->result.schema.tables[0].columns[1].type.length == 120u);
    const auto& checks = decoded->result.schema.tables[0].checks;
    REQUIRE(checks.size() == 3);
    CHECK((checks[0].no_inherit || checks[0].not_valid) == false);
    CHECK((checks[1].no_inherit && checks[1].not_valid && checks[1].expression == "id < 9"));
    CHECK((!checks[2].no_inherit && checks[2].not_valid && checks[2].expression == "id < 8"));
    const auto& keys = decoded->result.schema.tables[0].foreign_keys;
    REQUIRE(keys.size() == 2);
    CHECK_FALSE(keys[0].match_full);
    CHECK((keys[1].match_full && keys[1].initially_deferred));
    REQUIRE(decoded->result.schema.tables[0].exclusions.size() == 1);
    CHECK(decoded->result.schema.tables[0].exclusions[0].where == "name <> ''");
    CHECK(decoded->result.schema.tables[0].checks.size() == 3);
    const auto& objects = decoded->result.schema.objects;
    REQUIRE(objects.size() == 2);
    CHECK(objects[1].kind == schema::ObjectKind::Extension);
    CHECK(objects[1].version == "1.6");
    CHECK(objects[1].schema == "ext");
    CHECK(decoded->result.schema.declares_objects);

    auto empty = decode_outcome(encode_outcome(CachedOutcome{}));
    REQUIRE(empty);
    CHECK(text(*empty) == text(CachedOutcome{}));
}

TEST_CASE("scan result codec: a table without check states or MATCH FULL encodes as before") {
    // The flags ride in bytes that were there (the deferral bool, the check's expression),
    // so the digests a committed autogen.sum records for other tables do not move.
    CachedOutcome plain = sample();
    auto& t = plain.result.schema.tables[0];
    t.checks.resize(1);
    t.foreign_keys.resize(1);
    CachedOutcome flagged = plain;
    flagged.result.schema.tables[0].checks[0].not_valid = true;
    const std::string a = encode_outcome(plain), b = encode_outcome(flagged);
    CHECK(b.size() == a.size() + 2);
    CHECK(a.find("id > 0") != std::string::npos);
    CHECK(b.find(std::string("\x01") + "2id > 0") != std::string::npos);
}

TEST_CASE("scan result codec: truncated, extended or damaged input is refused") {
    std::string good = encode_outcome(sample());
    for (std::size_t n = 0; n < good.size(); ++n) {
        INFO("prefix of " << n << " bytes");
        CHECK_FALSE(decode_outcome(good.substr(0, n)));
    }
    CHECK_FALSE(decode_outcome(good + "x"));
    // Any single damaged byte either is refused or decodes to something else without
    // reading out of bounds (strings may legitimately change); none may crash.
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::string bad = good;
        bad[i] = static_cast<char>(0xFF);
        (void)decode_outcome(bad);
    }
    CHECK_FALSE(decode_outcome(std::string(8, '\xFF')));
}

TEST_CASE("scan result codec: comments on keys, indexes, constraints and enums round-trip") {
    CachedOutcome o = sample();
    auto& t = o.result.schema.tables[0];
    const std::string plain_table = encode_schema(o.result.schema);
    t.primary_key->comment = "the key";
    t.foreign_keys[0].comment = "fk";
    t.uniques[0].comment = "uq";
    t.indexes[0].comment = "ix \"q\"";
    t.checks[1].comment = "states";
    t.exclusions[0].comment = "ex";
    o.result.schema.enums[0].comment = "on or off";
    auto decoded = decode_outcome(encode_outcome(o));
    REQUIRE(decoded);
    CHECK(text(*decoded) == text(o));
    const auto& d = decoded->result.schema.tables[0];
    CHECK(d.primary_key->comment == "the key");
    CHECK(d.foreign_keys[0].comment == "fk");
    CHECK(d.foreign_keys[1].comment.empty());
    CHECK(d.uniques[0].comment == "uq");
    CHECK(d.indexes[0].comment == "ix \"q\"");
    CHECK(d.checks[0].comment.empty());
    CHECK(d.checks[1].comment == "states");
    CHECK(d.checks[1].not_valid);
    CHECK(d.exclusions[0].comment == "ex");
    CHECK(decoded->result.schema.enums[0].comment == "on or off");
    CHECK(decoded->result.schema.enums[0].labels == std::vector<std::string>{"on", "off"});
    // Without comments the bytes are those of before (the digests autogen.sum records).
    CachedOutcome bare = sample();
    CHECK(encode_schema(bare.result.schema) == plain_table);
    CHECK(encode_schema(o.result.schema) != plain_table);
}

}  // namespace autogen::scan
