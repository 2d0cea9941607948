// The scan-result cache against real libclang and real files: a cached result equals
// the uncached one, any change to what the scan read invalidates it, a corrupt entry
// is ignored and rewritten, and AUTOGEN_NO_CACHE / AUTOGEN_CACHE_DIR are honoured.
#include "scan/cache/scan_cache.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "scan/scanner.hpp"
#include "schema/schema_view.hpp"
#include "tests/support/scan_test_support.hpp"
#include "tests/support/scoped_env.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using testing::CachedProject;
using testing::Project;

namespace {

/// Everything a result holds, as text: the lossless form and the public JSON view.
std::string everything(const ScanResult& r) {
    return outcome_to_json(CachedOutcome{r, {}}).dump(1) + schema::to_json(r.schema).dump(1);
}

}  // namespace

TEST_CASE(
    "scan cache: a cached result equals the uncached one (SPEC example: enums, checks, "
    "locations)") {
    CachedProject p;
    std::string file = p.write("models/shop.hpp", testing::spec_example());
    auto plain = p.scan_uncached();
    INFO(p.messages());
    REQUIRE(plain);
    CHECK(p.entries().empty());

    auto cold = p.scan_cached();
    REQUIRE(cold);
    CHECK_FALSE(p.trace.result_hit);
    CHECK(p.trace.result_stored);
    REQUIRE(p.entries().size() == 1);
    CHECK(fs::exists(p.cache.dir / ".gitignore"));

    auto warm = p.scan_cached();
    REQUIRE(warm);
    CHECK(p.trace.result_hit);
    CHECK(p.diags.items().empty());
    CHECK(everything(*warm) == everything(*plain));
    CHECK(everything(*cold) == everything(*plain));
    // spot checks of what must survive the round trip
    REQUIRE(warm->schema.enums.size() == 1);
    CHECK(warm->schema.enums[0].labels == std::vector<std::string>{"pending", "paid", "shipped"});
    CHECK(warm->schema.enums[0].location.file == file);
    CHECK(warm->schema.enums[0].location.line == 7);
    const auto* orders = warm->schema.find_table("orders");
    REQUIRE(orders);
    REQUIRE(orders->checks.size() == 1);
    CHECK(orders->checks[0].expression == "total_cents >= 0");
    CHECK(orders->checks[0].location.line ==
          plain->schema.find_table("orders")->checks[0].location.line);
    REQUIRE(orders->foreign_keys.size() == 1);
    CHECK(orders->foreign_keys[0].on_delete == schema::ReferentialAction::Cascade);
    CHECK(orders->columns[5].type.sql == "NUMERIC(12,2)");
    CHECK(warm->schema.find_table("users")->columns[1].location.column == 56);
    CHECK(warm->files == plain->files);
}

TEST_CASE(
    "scan cache: a change to a model header, an included project header, the args or the file set "
    "invalidates") {
    CachedProject p;
    p.options.include_dirs = {"include"};
    p.write("include/common/ids.hpp",
            "#pragma once\n#include <cstdint>\nusing Id = std::int64_t;\n");
    p.write("models/a.hpp",
            "#pragma once\n#include <autogen/model.hpp>\n#include \"common/ids.hpp\"\n"
            "struct AUTOGEN_TABLE(\"a\") A { AUTOGEN_COLUMN(primary_key) Id id; };\n");
    REQUIRE(p.scan_cached());
    REQUIRE(p.scan_cached());
    CHECK(p.trace.result_hit);

    SUBCASE("model header") {
        p.write("models/a.hpp",
                "#pragma once\n#include <autogen/model.hpp>\n#include \"common/ids.hpp\"\n"
                "struct AUTOGEN_TABLE(\"a\") A { AUTOGEN_COLUMN(primary_key) Id id; Id b; };\n");
        auto r = p.scan_cached();
        REQUIRE(r);
        CHECK_FALSE(p.trace.result_hit);
        CHECK(r->schema.tables[0].columns.size() == 2);
    }
    SUBCASE("included project header: same size, other content") {
        p.write("include/common/ids.hpp",
                "#pragma once\n#include <cstdint>\nusing Id = std::int32_t;\n");
        auto r = p.scan_cached();
        REQUIRE(r);
        CHECK_FALSE(p.trace.result_hit);
        CHECK(r->schema.tables[0].columns[0].type.logical == schema::Logical::Integer);
    }
    SUBCASE("clang arguments") {
        p.options.extra_args = {"-DAUTOGEN_TEST_FLAG=1"};
        REQUIRE(p.scan_cached());
        CHECK_FALSE(p.trace.result_hit);
        REQUIRE(p.scan_cached());
        CHECK(p.trace.result_hit);
    }
    SUBCASE("a new model file matched by the globs") {
        p.write("models/b.hpp",
                "#pragma once\n#include <autogen/model.hpp>\n"
                "struct AUTOGEN_TABLE(\"b\") B { AUTOGEN_COLUMN(primary_key) int id; };\n");
        auto r = p.scan_cached();
        REQUIRE(r);
        CHECK_FALSE(p.trace.result_hit);
        CHECK(r->schema.tables.size() == 2);
    }
    SUBCASE("a model file removed") {
        p.write("models/b.hpp", "#pragma once\n");
        REQUIRE(p.scan_cached());
        fs::remove(p.dir.path() / "models/b.hpp");
        auto r = p.scan_cached();
        REQUIRE(r);
        CHECK(r->files.size() == 1);
    }
    // after any change, the next unchanged scan is a hit again
    REQUIRE(p.scan_cached());
    CHECK(p.trace.result_hit);
}

TEST_CASE("scan cache: a failed scan is not stored and reports its errors every time") {
    CachedProject p;
    p.write("models/bad.hpp",
            "#include <autogen/model.hpp>\nstruct AUTOGEN_TABLE(\"t\") T { Unknown x; };\n");
    CHECK_FALSE(p.scan_cached());
    CHECK(p.diags.has_errors());
    CHECK_FALSE(p.trace.result_stored);
    CHECK(p.entries().empty());
    CHECK_FALSE(p.scan_cached());
    CHECK(p.diags.has_errors());
}

TEST_CASE("scan cache: a corrupt or foreign entry is ignored and rewritten") {
    CachedProject p;
    p.write("models/shop.hpp", testing::spec_example());
    auto first = p.scan_cached();
    REQUIRE(first);
    auto entries = p.entries();
    REQUIRE(entries.size() == 1);
    std::string good = autogen::testing::read_file(entries[0]);

    for (std::string bad :
         {std::string(""), std::string("{not json"), good.substr(0, good.size() / 2),
          std::string("{\"format\":\"autogen-scan-result-1\",\"key\":\"x\"}"), std::string("[]")}) {
        p.dir.write(fs::relative(entries[0], p.dir.path()), bad);
        auto r = p.scan_cached();
        INFO(p.messages());
        REQUIRE(r);
        CHECK_FALSE(p.trace.result_hit);
        CHECK(p.trace.result_stored);
        CHECK(p.diags.items().empty());
        CHECK(everything(*r) == everything(*first));
    }
    // a well-formed entry whose stored result was tampered with is only used if the
    // files match; a wrong hash makes it a miss
    std::string tampered = good;
    auto at = tampered.find("\"read\":[[");
    REQUIRE(at != std::string::npos);
    auto hash_at = tampered.find("\",\"", at) + 3;
    tampered[hash_at] = tampered[hash_at] == '0' ? '1' : '0';
    p.dir.write(fs::relative(entries[0], p.dir.path()), tampered);
    REQUIRE(p.scan_cached());
    CHECK_FALSE(p.trace.result_hit);
    REQUIRE(p.scan_cached());
    CHECK(p.trace.result_hit);
}

TEST_CASE("scan cache: stored warnings and notes come back with a hit") {
    autogen::testing::TempDir dir;
    CacheSettings cache{dir.path() / "c"};
    fs::path header = dir.write("m.hpp", "struct X {};\n");
    CachedOutcome outcome;
    outcome.result.files = {header};
    outcome.diagnostics.push_back(
        {support::Severity::Note, support::Category::Model, "a note", {header.string(), 1, 2}, ""});
    outcome.diagnostics.push_back(
        {support::Severity::Warning, support::Category::Config, "a warning", {}, "a hint"});
    auto h = hash_file(header);
    REQUIRE(h);
    REQUIRE(store_result(cache, "k", {{header, *h}}, outcome));
    auto back = lookup_result(cache, "k", {header});
    REQUIRE(back);
    REQUIRE(back->diagnostics.size() == 2);
    CHECK(back->diagnostics[0].severity == support::Severity::Note);
    CHECK(back->diagnostics[0].location.str() == header.string() + ":1:2");
    CHECK(back->diagnostics[1].hint == "a hint");
    CHECK_FALSE(lookup_result(cache, "other", {header}));
    CHECK_FALSE(lookup_result(cache, "k", {}));
}

TEST_CASE("scan cache: concurrent writers and readers of one entry never see a partial one") {
    autogen::testing::TempDir dir;
    CacheSettings cache{dir.path() / "c"};
    fs::path header = dir.write("m.hpp", "struct X {};\n");
    auto h = hash_file(header);
    REQUIRE(h);
    // Each writer stores an outcome of its own size (many tables), so a torn write
    // would show as a parse failure or a table count no writer stored.
    auto outcome_of = [&](int writer) {
        CachedOutcome o;
        o.result.files = {header};
        for (int i = 0; i < 200 * (writer + 1); ++i)
            o.result.schema.tables.push_back({.name = "t" + std::to_string(i)});
        return o;
    };
    std::atomic<int> bad{0}, writers_left{3};
    std::vector<std::thread> threads;
    for (int w = 0; w < 3; ++w)
        threads.emplace_back([&, w] {
            auto o = outcome_of(w);
            for (int i = 0; i < 20; ++i)
                if (!store_result(cache, "k", {{header, *h}}, o)) ++bad;
            --writers_left;
        });
    for (int r = 0; r < 2; ++r)
        threads.emplace_back([&] {
            while (writers_left > 0) {
                if (auto got = lookup_result(cache, "k", {header})) {
                    auto n = got->result.schema.tables.size();
                    if (n != 200 && n != 400 && n != 600) ++bad;
                }
            }
        });
    for (auto& t : threads) t.join();
    CHECK(bad == 0);
    CHECK(lookup_result(cache, "k", {header}));
    // no temp files left behind
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(cache.dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("scan cache: AUTOGEN_NO_CACHE disables it, AUTOGEN_CACHE_DIR moves it") {
    Project p;
    p.write("models/shop.hpp", testing::spec_example());
    fs::path default_dir = p.dir.path() / ".autogen" / "cache";
    CHECK(CacheSettings::from_env(p.dir.path()).dir == default_dir);
    {
        autogen::testing::ScopedEnv off("AUTOGEN_NO_CACHE", "1");
        CHECK_FALSE(CacheSettings::from_env(p.dir.path()).enabled());
        REQUIRE(scan(p.options, p.diags));
        CHECK_FALSE(fs::exists(p.dir.path() / ".autogen"));
    }
    {
        autogen::testing::ScopedEnv zero("AUTOGEN_NO_CACHE", "0");
        CHECK(CacheSettings::from_env(p.dir.path()).enabled());
    }
    {
        autogen::testing::TempDir elsewhere;
        autogen::testing::ScopedEnv moved("AUTOGEN_CACHE_DIR", elsewhere.path().c_str());
        CHECK(CacheSettings::from_env(p.dir.path()).dir == elsewhere.path());
        REQUIRE(scan(p.options, p.diags));
        CHECK_FALSE(fs::exists(p.dir.path() / ".autogen"));
        CHECK_FALSE(fs::is_empty(elsewhere.path()));
    }
    REQUIRE(scan(p.options, p.diags));
    CHECK(fs::exists(default_dir));
}

}  // namespace autogen::scan
