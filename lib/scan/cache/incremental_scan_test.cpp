// Incremental scans against real libclang and real files: after an edit only the
// headers whose own files changed are parsed again, and the answer is always exactly
// what a whole parse without any cache gives (the same schema, files, locations and
// messages), including every case where the incremental path must give up.
#include "scan/cache/incremental_scan.hpp"

#include <doctest/doctest.h>

#include "scan/cache/scan_result_json.hpp"
#include "scan/cache/unit_store.hpp"
#include "scan/scanner.hpp"
#include "schema/schema_view.hpp"
#include "tests/support/scan_test_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using testing::CachedProject;

namespace {

/// Everything a result holds, as text: the lossless form and the public JSON view.
std::string everything(const ScanResult& r) {
    return outcome_to_json(CachedOutcome{r, {}}).dump(1) + schema::to_json(r.schema).dump(1);
}

std::string header(const std::string& includes, const std::string& body) {
    return "#pragma once\n#include <autogen/model.hpp>\n#include <cstdint>\n#include <string>\n" +
           includes + body;
}

std::string table(const std::string& name, const std::string& extra = "") {
    return "struct AUTOGEN_TABLE(\"" + name + "\") T_" + name +
           " {\n    AUTOGEN_COLUMN(primary_key) std::int64_t id;\n"
           "    std::string label;\n" +
           extra + "};\n";
}

/// Scans with the cache, then without, and checks both give the same outcome.
/// Returns the cached scan's result.
std::optional<ScanResult> scan_and_compare(CachedProject& p) {
    auto cached = p.scan_cached();
    std::string cached_messages = p.messages();
    CacheTrace trace = p.trace;
    auto plain = p.scan_uncached();
    CHECK(cached_messages == p.messages());
    REQUIRE(cached.has_value() == plain.has_value());
    if (cached) CHECK(everything(*cached) == everything(*plain));
    p.trace = trace;
    return cached;
}

std::vector<std::string> names(const std::vector<fs::path>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.filename().string());
    return out;
}

}  // namespace

TEST_CASE(
    "incremental scan: one changed header is parsed again alone, and the answer equals a whole "
    "parse") {
    CachedProject p;
    p.write("models/a.hpp", header("", table("a")));
    p.write("models/b.hpp", header("", "enum class AUTOGEN_ENUM(\"mood\") Mood { calm, angry };\n" +
                                           table("b", "    Mood mood;\n")));
    p.write(
        "models/c.hpp",
        header("", table("c", "    AUTOGEN_COLUMN(references = \"a.id\") std::int64_t a_id;\n")));
    REQUIRE(scan_and_compare(p));
    CHECK(p.trace.units_stored);
    CHECK(p.entries(".units").size() == 1);

    p.write("models/b.hpp",
            header("", "enum class AUTOGEN_ENUM(\"mood\") Mood { calm, angry, sleepy };\n" +
                           table("b", "    Mood mood;\n    std::int64_t count;\n")));
    auto r = scan_and_compare(p);
    REQUIRE(r);
    CHECK(p.trace.incremental);
    CHECK(names(p.trace.reparsed) == std::vector<std::string>{"b.hpp"});
    CHECK(p.trace.units_stored);
    REQUIRE(r->schema.find_table("b"));
    CHECK(r->schema.find_table("b")->columns.size() == 4);
    REQUIRE(r->schema.enums.size() == 1);
    CHECK(r->schema.enums[0].labels.size() == 3);
    CHECK(r->schema.find_table("c")->foreign_keys.size() == 1);

    // nothing changed since: the result entry answers
    REQUIRE(p.scan_cached());
    CHECK(p.trace.result_hit);

    // an edit of another header only re-parses that one, with the other units reused
    p.write("models/a.hpp", header("", table("a", "    std::int64_t size;\n")));
    REQUIRE(scan_and_compare(p));
    CHECK(names(p.trace.reparsed) == std::vector<std::string>{"a.hpp"});
}

TEST_CASE("incremental scan: what includes a changed file is parsed again with it") {
    CachedProject p;
    p.options.include_dirs = {"include"};
    p.write("include/common/ids.hpp",
            "#pragma once\n#include <cstdint>\nusing Id = std::int64_t;\n");
    p.write("models/base.hpp",
            "#pragma once\n#include <autogen/model.hpp>\n#include <chrono>\n"
            "struct Timestamps {\n    std::chrono::system_clock::time_point created_at;\n};\n");
    p.write("models/user.hpp", header("#include \"base.hpp\"\n#include \"common/ids.hpp\"\n",
                                      "struct AUTOGEN_TABLE(\"users\") User : Timestamps {\n"
                                      "    AUTOGEN_COLUMN(primary_key) Id id;\n};\n"));
    p.write("models/zone.hpp", header("", table("zones")));
    REQUIRE(scan_and_compare(p));
    REQUIRE(p.trace.units_stored);

    SUBCASE("a model header another one includes") {
        p.write("models/base.hpp",
                "#pragma once\n#include <autogen/model.hpp>\n#include <chrono>\n"
                "struct Timestamps {\n    std::chrono::system_clock::time_point created_at;\n"
                "    std::chrono::system_clock::time_point updated_at;\n};\n");
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.incremental);
        CHECK(names(p.trace.reparsed) == std::vector<std::string>{"base.hpp", "user.hpp"});
        CHECK(r->schema.find_table("users")->columns.size() == 3);
    }
    SUBCASE("a project header outside the globs") {
        p.write("include/common/ids.hpp",
                "#pragma once\n#include <cstdint>\nusing Id = std::int32_t;\n");
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.incremental);
        CHECK(names(p.trace.reparsed) == std::vector<std::string>{"user.hpp"});
        CHECK(r->schema.find_table("users")->columns.back().type.logical ==
              schema::Logical::Integer);
    }
    SUBCASE("a new header, then a removed one") {
        p.write("models/extra.hpp", header("", table("extra")));
        REQUIRE(scan_and_compare(p));
        CHECK(p.trace.incremental);
        CHECK(names(p.trace.reparsed) == std::vector<std::string>{"extra.hpp"});
        fs::remove(p.dir.path() / "models/zone.hpp");
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.incremental);
        CHECK(p.trace.reparsed.empty());
        CHECK_FALSE(r->schema.find_table("zones"));
        CHECK(r->files.size() == 3);
    }
    // after any change, the next unchanged scan is a hit again
    REQUIRE(p.scan_cached());
    CHECK(p.trace.result_hit);
}

TEST_CASE("incremental scan: a header that compiles only after another one gets a whole parse") {
    CachedProject p;
    // b.hpp uses Stamp from a.hpp without including it: fine in the whole parse
    // (a.hpp comes first), an error when b.hpp is parsed on its own.
    p.write("models/a.hpp", header("", "struct Stamp { std::int64_t at; };\n" + table("a")));
    p.write("models/b.hpp", header("",
                                   "struct AUTOGEN_TABLE(\"b\") B : Stamp {\n"
                                   "    AUTOGEN_COLUMN(primary_key) std::int64_t id;\n};\n"));
    REQUIRE(scan_and_compare(p));
    p.write("models/b.hpp",
            header("",
                   "struct AUTOGEN_TABLE(\"b\") B : Stamp {\n"
                   "    AUTOGEN_COLUMN(primary_key) std::int64_t id;\n    int n;\n};\n"));
    auto r = scan_and_compare(p);
    REQUIRE(r);
    CHECK_FALSE(p.trace.incremental);
    CHECK(p.trace.full_parse_after_incremental);
    CHECK(p.diags.items().empty());
    CHECK(r->schema.find_table("b")->columns.size() == 3);
}

TEST_CASE("incremental scan: errors are reported as a whole parse reports them") {
    CachedProject p;
    p.write("models/a.hpp", header("", table("a")));
    p.write("models/b.hpp", header("", table("b")));
    REQUIRE(scan_and_compare(p));
    SUBCASE("a malformed annotation") {
        p.write("models/b.hpp",
                header("", table("b", "    AUTOGEN_COLUMN(lenght = 3) std::string x;\n")));
    }
    SUBCASE("a cross-model error: a duplicate table name") {
        p.write(
            "models/b.hpp",
            header("", "struct AUTOGEN_TABLE(\"a\") B { AUTOGEN_COLUMN(primary_key) int id; };\n"));
    }
    SUBCASE("a C++ error") { p.write("models/b.hpp", header("", table("b", "    Unknown x;\n"))); }
    CHECK_FALSE(scan_and_compare(p));
    CHECK(p.diags.has_errors());
    CHECK_FALSE(p.trace.incremental);
}

TEST_CASE(
    "incremental scan: an enum declared outside the model headers belongs to its first user") {
    CachedProject p;
    p.options.include_dirs = {"include"};
    p.write("include/status.hpp",
            "#pragma once\n#include <autogen/model.hpp>\n"
            "enum class AUTOGEN_ENUM(\"status\") Status { on, off };\n");
    p.write("models/a.hpp",
            header("#include \"status.hpp\"\n", table("a", "    Status status;\n")));
    p.write("models/b.hpp",
            header("#include \"status.hpp\"\n", table("b", "    Status status;\n")));
    auto cold = scan_and_compare(p);
    REQUIRE(cold);
    CHECK(cold->schema.enums.size() == 1);

    SUBCASE("the owner keeps it: only the changed header is parsed") {
        p.write("models/b.hpp", header("#include \"status.hpp\"\n",
                                       table("b", "    Status status;\n    int n;\n")));
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.incremental);
        CHECK(r->schema.enums.size() == 1);
    }
    SUBCASE("the owner stops using it: the next user must build it, so everything is parsed") {
        p.write("models/a.hpp", header("#include \"status.hpp\"\n", table("a")));
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.full_parse_after_incremental);
        REQUIRE(r->schema.enums.size() == 1);
        CHECK(r->schema.enums[0].name == "status");
    }
    SUBCASE("the enum itself changes: both users are parsed again") {
        p.write("include/status.hpp",
                "#pragma once\n#include <autogen/model.hpp>\n"
                "enum class AUTOGEN_ENUM(\"status\") Status { on, off, broken };\n");
        auto r = scan_and_compare(p);
        REQUIRE(r);
        CHECK(p.trace.incremental);
        CHECK(names(p.trace.reparsed) == std::vector<std::string>{"a.hpp", "b.hpp"});
        CHECK(r->schema.enums[0].labels.size() == 3);
    }
}

TEST_CASE(
    "incremental scan: no per-header entry when the include walk cannot vouch for the parse") {
    CachedProject p;
    p.write("models/ids.hpp", "#pragma once\n#include <cstdint>\nusing Id = std::int64_t;\n");
    p.write("models/a.hpp",
            header("#define IDS \"ids.hpp\"\n#include IDS\n",
                   "struct AUTOGEN_TABLE(\"a\") A { AUTOGEN_COLUMN(primary_key) Id id; };\n"));
    REQUIRE(scan_and_compare(p));
    CHECK_FALSE(p.trace.units_stored);
    CHECK(p.trace.units_not_stored.find("cannot follow") != std::string::npos);
    CHECK(p.entries(".units").empty());
    p.write("models/ids.hpp", "#pragma once\n#include <cstdint>\nusing Id = std::int32_t;\n");
    auto r = scan_and_compare(p);
    REQUIRE(r);
    CHECK_FALSE(p.trace.incremental);
    CHECK(r->schema.tables[0].columns[0].type.logical == schema::Logical::Integer);
}

TEST_CASE("incremental scan: a changed file outside the project means a whole parse") {
    CachedProject p;
    autogen::testing::TempDir vendor;
    vendor.write("vendor/money.hpp",
                 "#pragma once\n#include <cstdint>\nusing Cents = std::int64_t;\n");
    p.options.include_dirs = {vendor.path()};
    p.write("models/a.hpp",
            header("#include <vendor/money.hpp>\n", table("a", "    Cents price;\n")));
    p.write("models/b.hpp", header("", table("b")));
    INFO(p.messages());
    REQUIRE(scan_and_compare(p));
    REQUIRE(p.trace.units_stored);
    vendor.write("vendor/money.hpp",
                 "#pragma once\n#include <cstdint>\nusing Cents = std::int32_t;\n");
    auto r = scan_and_compare(p);
    REQUIRE(r);
    CHECK_FALSE(p.trace.incremental);
    CHECK_FALSE(p.trace.full_parse_after_incremental);
    CHECK(r->schema.find_table("a")->columns.back().type.logical == schema::Logical::Integer);
}

TEST_CASE("unit store: entries round-trip, and a damaged one reads as absent") {
    autogen::testing::TempDir dir;
    CacheSettings cache{dir.path() / "cache"};
    StoredUnits s;
    s.shared = {{"/usr/include/c++/12/string", "00112233445566778899aabbccddeeff"}};
    HeaderUnit u;
    u.file = "/p/models/a.hpp";
    u.depends_on = {{"/p/models/a.hpp", "ffeeddccbbaa99887766554433221100"}};
    u.fragment.tables.push_back(schema::Table{.name = "a"});
    u.fragment.enums.push_back(schema::Enum{.name = "mood", .labels = {"calm"}});
    u.outside_enums_used = {"c:@E@Status"};
    u.outside_enums_owned = {"c:@E@Status"};
    s.units = {u, u};
    s.units[1].file = "/p/models/b.hpp";
    REQUIRE(store_units(cache, "k1", s));
    auto back = load_units(cache, "k1");
    REQUIRE(back);
    CHECK(back->shared.size() == 1);
    REQUIRE(back->units.size() == 2);
    CHECK(back->units[1].file == "/p/models/b.hpp");
    CHECK(back->units[0].depends_on[0].hash == "ffeeddccbbaa99887766554433221100");
    CHECK(back->units[0].fragment.tables[0].name == "a");
    CHECK(back->units[0].fragment.enums[0].labels == std::vector<std::string>{"calm"});
    CHECK(back->units[0].outside_enums_owned == std::vector<std::string>{"c:@E@Status"});
    CHECK_FALSE(load_units(cache, "k2"));  // another key

    auto text = *read_whole_file(units_entry_path(cache, "k1"));
    REQUIRE(write_atomically(units_entry_path(cache, "k1"), text.substr(0, text.size() - 3)));
    CHECK_FALSE(load_units(cache, "k1"));
    REQUIRE(write_atomically(units_entry_path(cache, "k1"), text + "x"));
    CHECK_FALSE(load_units(cache, "k1"));
    forget_units(cache, "k1");
    CHECK_FALSE(fs::exists(units_entry_path(cache, "k1")));
}

}  // namespace autogen::scan
