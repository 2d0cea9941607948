// The precompiled standard headers against real libclang: built once and reused
// across model edits with the same result as a plain parse; rebuilt when a header it
// holds changes (by content) or when libclang refuses it (a corrupt or stale file);
// never used without a cache folder; safe with concurrent scans.
#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "scan/cache/scan_result_json.hpp"
#include "scan/scanner.hpp"
#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using testing::CachedProject;

namespace {

std::string text_of(const std::optional<ScanResult>& r) {
    return r ? outcome_to_json(CachedOutcome{*r, {}}).dump(1) : "failed";
}

}  // namespace

TEST_CASE(
    "std pch: built on the first scan, reused after a model edit, same result as a plain parse") {
    CachedProject p;
    auto header = p.write("models/shop.hpp", testing::spec_example());
    auto first = p.scan_cached();
    INFO(p.messages());
    REQUIRE(first);
    CHECK(p.trace.pch_built);
    CHECK_FALSE(p.trace.pch_reused);
    CHECK(p.trace.pch_headers ==
          std::vector<std::string>{"autogen/model.hpp", "chrono", "cstdint", "optional", "string"});
    CHECK(p.entries(".pch", "pch").size() == 1);
    CHECK(text_of(first) == text_of(p.scan_uncached()));

    // A model edit: the result cache misses, the PCH is reused.
    std::ofstream(header, std::ios::app)
        << "struct AUTOGEN_TABLE(\"extra\") Extra { std::int64_t id; };\n";
    auto second = p.scan_cached();
    REQUIRE(second);
    CHECK_FALSE(p.trace.result_hit);
    CHECK(p.trace.pch_reused);
    CHECK_FALSE(p.trace.pch_built);
    CHECK(second->schema.tables.size() == 3);
    CHECK(text_of(second) == text_of(p.scan_uncached()));
    // Errors in a model are still reported with their locations over a PCH.
    std::ofstream(header, std::ios::app) << "struct AUTOGEN_TABLE(\"bad\") Bad { Unknown x; };\n";
    CHECK_FALSE(p.scan_cached());
    CHECK(p.trace.pch_reused);
    auto* e = p.find_error("unknown type name 'Unknown'");
    REQUIRE(e);
    CHECK(e->location.file == header);
    CHECK(e->location.line == 33);
}

TEST_CASE(
    "std pch: a header it holds changed by content -> rebuilt, and the result cache misses too") {
    CachedProject p;
    autogen::testing::TempDir vendor;  // outside the project: goes into the PCH
    auto lib = vendor.write("vendor/ids.hpp",
                            "#pragma once\n#include <cstdint>\nusing Id = std::int64_t;\n");
    p.options.include_dirs = {vendor.path()};
    p.write("models/a.hpp",
            "#include <autogen/model.hpp>\n#include <vendor/ids.hpp>\n"
            "struct AUTOGEN_TABLE(\"a\") A { AUTOGEN_COLUMN(primary_key) Id id; };\n");
    REQUIRE(p.scan_cached());
    CHECK(p.trace.pch_built);
    CHECK(p.scan_cached());
    CHECK(p.trace.result_hit);

    std::ofstream(lib)
        << "#pragma once\n#include <cstdint>\nusing Id = std::int32_t;\n";  // now an Integer
    auto r = p.scan_cached();
    INFO(p.messages());
    REQUIRE(r);
    CHECK_FALSE(p.trace.result_hit);
    CHECK(p.trace.pch_built);  // the manifest's hash no longer matched
    CHECK(r->schema.tables[0].columns[0].type.logical == schema::Logical::Integer);
    CHECK(p.entries(".pch", "pch").size() == 1);  // same key: replaced, not added
}

TEST_CASE("std pch: a PCH libclang refuses (corrupt, or stale by mtime) is discarded and rebuilt") {
    CachedProject p;
    auto header = p.write("models/shop.hpp", testing::spec_example());
    REQUIRE(p.scan_cached());
    auto pch = p.entries(".pch", "pch");
    REQUIRE(pch.size() == 1);
    std::ofstream(pch[0], std::ios::binary | std::ios::trunc) << "not a precompiled header";
    std::ofstream(header, std::ios::app) << "// edit\n";
    auto r = p.scan_cached();
    INFO(p.messages());
    REQUIRE(r);
    CHECK(p.trace.pch_rejected);
    CHECK(p.trace.pch_built);
    CHECK(p.diags.error_count() == 0);
    CHECK(text_of(r) == text_of(p.scan_uncached()));
    std::ofstream(header, std::ios::app) << "// edit 2\n";
    REQUIRE(p.scan_cached());
    CHECK(p.trace.pch_reused);  // the rebuilt one is good
}

TEST_CASE("std pch: nothing is precompiled without a cache folder, or when a header is missing") {
    CachedProject p;
    p.write("models/shop.hpp", testing::spec_example());
    support::Diagnostics diags;
    CacheTrace trace;
    REQUIRE(scan(p.options, CacheSettings{}, diags, &trace));
    CHECK(trace.pch_headers.empty());
    CHECK_FALSE(fs::exists(p.cache.dir));

    CachedProject missing;
    missing.write("models/m.hpp",
                  "#include <autogen/model.hpp>\n#include <no_such_header.hpp>\n"
                  "struct AUTOGEN_TABLE() M { int id; };\n");
    CHECK_FALSE(missing.scan_cached());
    CHECK_FALSE(missing.trace.pch_built);
    CHECK(missing.find_error("'no_such_header.hpp' file not found"));
}

TEST_CASE("std pch: two scans building it at once both succeed and leave no temp files") {
    CachedProject p;
    p.write("models/shop.hpp", testing::spec_example());
    std::string expected = text_of(p.scan_uncached());
    std::string results[2];
    std::thread threads[2];
    for (int i = 0; i < 2; ++i) {
        threads[i] = std::thread([&, i] {
            support::Diagnostics diags;
            results[i] = text_of(scan(p.options, p.cache, diags, nullptr));
        });
    }
    for (auto& t : threads) t.join();
    CHECK(results[0] == expected);
    CHECK(results[1] == expected);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(p.cache.dir / "pch", ec))
        CHECK(e.path().string().find(".tmp.") == std::string::npos);
    CHECK(p.entries(".pch", "pch").size() == 1);
}

}  // namespace autogen::scan
