// Glob matching and expansion.
#include "scan/glob.hpp"

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

namespace autogen::scan {

TEST_CASE("glob: matching") {
    struct Case {
        const char* pattern;
        const char* path;
        bool match;
    };
    const Case cases[] = {
        {"*.hpp", "a.hpp", true},
        {"*.hpp", "a.cpp", false},
        {"*.hpp", "sub/a.hpp", false},
        {"**/*.hpp", "a.hpp", true},
        {"**/*.hpp", "x/y/a.hpp", true},
        {"src/**/*.hpp", "src/a.hpp", true},
        {"src/**/*.hpp", "src/m/n/a.hpp", true},
        {"src/**/*.hpp", "lib/a.hpp", false},
        {"a?.h", "ab.h", true},
        {"a?.h", "a.h", false},
        {"src/*/x.h", "src/m/x.h", true},
        {"src/*/x.h", "src/m/n/x.h", false},
        {"**", "a/b/c", true},
        {"m*dels/*_model.hpp", "models/user_model.hpp", true},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.pattern) + " ~ " + c.path);
        CHECK(glob_match(c.pattern, c.path) == c.match);
    }
}

TEST_CASE("glob: expansion is sorted, deduplicated, absolute and skips hidden folders") {
    autogen::testing::TempDir dir;
    auto b = dir.write("src/models/b.hpp", "");
    auto a = dir.write("src/models/a.hpp", "");
    auto deep = dir.write("src/models/shop/order.hpp", "");
    dir.write("src/models/readme.md", "");
    dir.write("src/models/.cache/x.hpp", "");
    dir.write("other/c.hpp", "");
    auto files = expand_globs(dir.path(), {"src/models/**/*.hpp", "src/models/*.hpp"});
    CHECK(files == std::vector<std::filesystem::path>{a, b, deep});
    CHECK(expand_globs(dir.path(), {"src/models/a.hpp"}) == std::vector<std::filesystem::path>{a});
    CHECK(expand_globs(dir.path(), {"nothing/**/*.hpp"}).empty());
    CHECK(expand_globs(dir.path(), {(dir.path() / "other/*.hpp").string()}).size() == 1);
}

}  // namespace autogen::scan
