// The textual include walk: directives (comments, conditions, include guards) and
// which files and outside headers a walk reaches.
#include "scan/include_walk.hpp"

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;

TEST_CASE("include_directives: quoted and angled, comments skipped, macro includes ignored") {
    auto d = include_directives(
        "#include <string>\n"
        "  #  include \"a/b.hpp\"  // trailing\n"
        "// #include <commented>\n"
        "/* #include <in_block>\n"
        "   #include <still_in_block> */ #include <after_block>\n"  // a comment is whitespace: a
                                                                    // directive
        "#include_next <next>\n"
        "#include HEADER_MACRO\n"
        "#include<tight>\n");
    REQUIRE(d.size() == 4);
    CHECK(d[0].name == "string");
    CHECK(d[0].angled);
    CHECK(d[1].name == "a/b.hpp");
    CHECK_FALSE(d[1].angled);
    CHECK(d[2].name == "after_block");
    CHECK(d[3].name == "tight");
}

TEST_CASE("include_directives: the include guard is not a condition, #ifdef blocks are") {
    auto d = include_directives(
        "// header comment\n"
        "#ifndef APP_MODELS_HPP\n"
        "#define APP_MODELS_HPP\n"
        "#include <string>\n"
        "#ifdef _WIN32\n"
        "#include <windows.h>\n"
        "#endif\n"
        "#include <vector>\n"
        "#endif\n");
    REQUIRE(d.size() == 3);
    CHECK_FALSE(d[0].conditional);
    CHECK(d[1].name == "windows.h");
    CHECK(d[1].conditional);
    CHECK_FALSE(d[2].conditional);

    auto late = include_directives("#include <a>\n#ifndef X\n#include <b>\n#endif\n");
    REQUIRE(late.size() == 2);
    CHECK(late[1].conditional);  // an #ifndef after code is a real condition
}

TEST_CASE("walk_includes: follows project headers, collects the headers outside the project") {
    autogen::testing::TempDir project, outside;
    outside.write("ext/lib.hpp", "#include <map>\n");
    auto model = project.write(
        "models/user.hpp",
        "#pragma once\n#include \"common.hpp\"\n#include <ext/lib.hpp>\n#include <string>\n"
        "#if 0\n#include <not_there.hpp>\n#endif\n");
    project.write("models/common.hpp",
                  "#pragma once\n#include <cstdint>\n#include <shared/types.hpp>\n");
    project.write("include/shared/types.hpp",
                  "#include <optional>\n#include \"../shared/types.hpp\"\n");
    IncludeSearch search = include_search(
        {"-I", (project.path() / "include").string(), "-isystem", outside.path().string()},
        project.path());
    auto walk = walk_includes({model}, search, project.path());
    std::vector<fs::path> expected = {model, project.path() / "models/common.hpp",
                                      project.path() / "include/shared/types.hpp"};
    CHECK(walk.project_files == expected);
    // ext/lib.hpp resolves outside the project: precompiled as a whole, not entered.
    CHECK(walk.outside_headers ==
          std::vector<std::string>{"ext/lib.hpp", "string", "cstdint", "optional"});
}

TEST_CASE(
    "include_search: joined and separate forms, relative folders against the working directory") {
    auto s = include_search(
        {"-Ia", "-I", "/abs", "-isystem", "sys", "-iquote", "q", "-idirafter/late", "-DX"}, "/w");
    CHECK(s.quote_dirs == std::vector<fs::path>{"/w/q"});
    CHECK(s.dirs == std::vector<fs::path>{"/w/a", "/abs", "/w/sys", "/late"});
    CHECK(is_under("/w/a/b", "/w"));
    CHECK_FALSE(is_under("/wx/a", "/w"));
}

}  // namespace autogen::scan
