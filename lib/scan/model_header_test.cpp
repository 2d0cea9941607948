// include/autogen/model.hpp compiles the SPEC §1 example silently with g++ and
// clang++ (-std=c++20 -Wall -Wextra -Wpedantic), and expands per compiler as promised.
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "support/resource_paths.hpp"
#include "tests/support/scan_test_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::scan {

namespace {

/// Runs a shell command; returns its combined stdout+stderr and sets `status`.
std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) {
        status = -1;
        return out;
    }
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    status = pclose(pipe);
    return out;
}

bool have(const std::string& compiler) {
    int status = 0;
    run("command -v " + compiler, status);
    return status == 0;
}

}  // namespace

TEST_CASE("model.hpp: the SPEC example compiles warning-free with g++ and clang++") {
    auto include = support::model_include_dir();
    REQUIRE(include);
    autogen::testing::TempDir dir;
    auto header = dir.write("models.hpp", testing::spec_example());
    for (const char* compiler : {"g++", "clang++"}) {
        CAPTURE(std::string(compiler));
        if (!have(compiler)) {
            MESSAGE(compiler << " not installed; skipped");
            continue;
        }
        int status = 0;
        std::string out = run(std::string(compiler) +
                                  " -std=c++20 -Wall -Wextra -Wpedantic -fsyntax-only -x c++ -I '" +
                                  include->string() + "' '" + header.string() + "'",
                              status);
        CHECK(out == "");
        CHECK(status == 0);
    }
}

TEST_CASE("model.hpp: annotations where the compiler has them, nothing elsewhere") {
    auto include = support::model_include_dir();
    REQUIRE(include);
    autogen::testing::TempDir dir;
    auto src = dir.write("m.hpp",
                         "#include <autogen/model.hpp>\nAUTOGEN_COLUMN(primary_key, length = 3)\n");
    int status = 0;
    if (have("g++")) {
        std::string out = run(
            "g++ -std=c++20 -E -P -I '" + include->string() + "' '" + src.string() + "'", status);
        CHECK(out.find("annotate") == std::string::npos);
    }
    if (have("clang++")) {
        std::string out =
            run("clang++ -std=c++20 -E -P -I '" + include->string() + "' '" + src.string() + "'",
                status);
        CHECK(out.find(
                  "__attribute__((annotate(\"autogen:column \" \"primary_key, length = 3\")))") !=
              std::string::npos);
    }
}

}  // namespace autogen::scan
