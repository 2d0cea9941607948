// compile_commands.json discovery: command-line splitting, the flag whitelist, which
// headers are scanned, how flags merge, errors, and a real scan that needs the
// database's -D and relative -I to parse.
#include "scan/compile_commands.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "scan/scanner.hpp"
#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string command_entry(const fs::path& dir, const std::string& file,
                          const std::string& command) {
    return json{{"directory", dir.string()}, {"file", file}, {"command", command}}.dump();
}

}  // namespace

TEST_CASE("split_command_line: POSIX quoting") {
    CHECK(split_command_line("g++  -DA=\"x y\" '-DB=it''s' -DC=a\\ b -c f.cpp") ==
          std::vector<std::string>{"g++", "-DA=x y", "-DB=its", "-DC=a b", "-c", "f.cpp"});
    CHECK(split_command_line("cc \"-DQ=\\\"q\\\"\"") ==
          std::vector<std::string>{"cc", "-DQ=\"q\""});
    CHECK(split_command_line("").empty());
}

TEST_CASE("parsing_flags: keeps what changes parsing, paths made absolute, drops the rest") {
    std::vector<std::string> argv = {"/usr/bin/g++",
                                     "-Iinc",
                                     "-I",
                                     "/abs",
                                     "-isystem",
                                     "third",
                                     "-iquote",
                                     "q",
                                     "-DX=1",
                                     "-D",
                                     "Y",
                                     "-UZ",
                                     "-std=gnu++20",
                                     "-O2",
                                     "-Wall",
                                     "-Werror",
                                     "-fconcepts-diagnostics-depth=3",
                                     "-fno-exceptions",
                                     "-m64",
                                     "-include",
                                     "pre.hpp",
                                     "-o",
                                     "x.o",
                                     "-c",
                                     "src/a.cpp",
                                     "--sysroot=sr",
                                     "--",
                                     "extra"};
    CHECK(parsing_flags(argv, "/b") ==
          std::vector<std::string>{"-I",       "/b/inc",   "-I",           "/abs",
                                   "-isystem", "/b/third", "-iquote",      "/b/q",
                                   "-D",       "X=1",      "-D",           "Y",
                                   "-U",       "Z",        "-std=gnu++20", "-fno-exceptions",
                                   "-m64",     "-include", "/b/pre.hpp",   "--sysroot=/b/sr"});
}

TEST_CASE("read_compile_commands: errors name the file and how to fix it") {
    testing::Project p;
    support::Diagnostics diags;
    CHECK_FALSE(read_compile_commands(p.dir.path() / "build/compile_commands.json", diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].message.find("cannot read compile_commands.json") != std::string::npos);
    CHECK(diags.items()[0].hint.find("CMAKE_EXPORT_COMPILE_COMMANDS") != std::string::npos);

    diags.clear();
    auto bad = p.dir.write("bad.json", "[{\"directory\": ");
    CHECK_FALSE(read_compile_commands(bad, diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].message.find("not valid JSON") != std::string::npos);
    CHECK(diags.items()[0].location.file == bad.string());

    diags.clear();
    auto incomplete =
        p.dir.write("incomplete.json", "[{\"directory\": \"/x\", \"command\": \"cc a.cpp\"}]");
    CHECK_FALSE(read_compile_commands(incomplete, diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].message.find("entry 1") != std::string::npos);

    diags.clear();
    auto args = p.dir.write("args.json",
                            "[{\"directory\": \"b\", \"file\": \"../s.cpp\", \"arguments\": "
                            "[\"c++\", \"-Iinc\", \"-c\", \"../s.cpp\"]}]");
    auto commands = read_compile_commands(args, diags);
    REQUIRE(commands);
    REQUIRE(commands->size() == 1);
    CHECK((*commands)[0].directory == p.dir.path() / "b");  // relative to the database's folder
    CHECK((*commands)[0].file == p.dir.path() / "s.cpp");
    CHECK((*commands)[0].flags ==
          std::vector<std::string>{"-I", (p.dir.path() / "b/inc").string()});
}

TEST_CASE(
    "models_from_commands: project headers that use AUTOGEN_TABLE, reached from listed sources") {
    testing::Project p;
    const fs::path root = p.dir.path();
    p.write(
        "src/app.cpp",
        "#include \"models/user.hpp\"\n#include \"util.hpp\"\n#include <string>\nint main() {}\n");
    p.write("src/models/user.hpp",
            "#pragma once\n#include \"order.hpp\"\nstruct AUTOGEN_TABLE(\"users\") U {};\n");
    p.write("src/models/order.hpp", "#pragma once\nstruct AUTOGEN_TABLE(\"orders\") O {};\n");
    p.write("src/util.hpp", "#pragma once\n// mentions AUTOGEN_TABLE without using it\n");
    p.write("src/other.cpp", "#include <shared/audit.hpp>\n");
    p.write("include/shared/audit.hpp", "struct AUTOGEN_TABLE(\"audit\") A {};\n");
    p.write("src/inline_model.cpp",
            "struct AUTOGEN_TABLE(\"in_source\") S {};\n");  // a source is never scanned
    autogen::testing::TempDir elsewhere;
    elsewhere.write("x.cpp", "#include \"m.hpp\"\n");
    elsewhere.write("m.hpp", "struct AUTOGEN_TABLE(\"foreign\") F {};\n");

    std::vector<CompileCommand> commands = {
        {root / "build",
         root / "src/app.cpp",
         {"-std=c++20", "-D", "A=1", "-I", (root / "src").string()}},
        {root / "build",
         root / "src/other.cpp",
         {"-std=c++17", "-D", "A=2", "-I", (root / "include").string()}},
        {root / "build", root / "src/inline_model.cpp", {"-D", "UNUSED"}},
        {elsewhere.path(), elsewhere.path() / "x.cpp", {"-D", "FOREIGN"}},
    };
    support::Diagnostics diags;
    auto found = models_from_commands(commands, root, root / "build/compile_commands.json", diags);
    CHECK(found.headers == std::vector<fs::path>{root / "include/shared/audit.hpp",
                                                 root / "src/models/order.hpp",
                                                 root / "src/models/user.hpp"});
    CHECK(found.via.at(root / "src/models/order.hpp") == root / "src/app.cpp");
    CHECK(found.via.at(root / "include/shared/audit.hpp") == root / "src/other.cpp");
    // Only commands that reached a model contribute; the first -std and the first
    // definition of a macro win, each conflict is a warning naming both files.
    CHECK(found.flags == std::vector<std::string>{"-std=c++20", "-D", "A=1", "-I",
                                                  (root / "src").string(), "-I",
                                                  (root / "include").string()});
    CHECK(diags.error_count() == 0);
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].message.find("compiled with -std=c++17") != std::string::npos);
    CHECK(diags.items()[1].message.find("macro A is -DA=1") != std::string::npos);
}

TEST_CASE("scan with compile_commands: the database's -D and relative -I make the models parse") {
    testing::Project p;
    p.options.header_globs.clear();
    p.options.compile_commands = "build/compile_commands.json";
    p.write("src/main.cpp", "#include \"models/shop.hpp\"\nint main() { return 0; }\n");
    p.write("src/models/shop.hpp",
            "#pragma once\n#include <autogen/model.hpp>\n#include <cstdint>\n#include <money.hpp>\n"
            "#ifndef SHOP_FEATURE\n#error SHOP_FEATURE must be defined by the build\n#endif\n"
            "struct AUTOGEN_TABLE(\"items\") Item {\n"
            "    AUTOGEN_COLUMN(primary_key) std::int64_t id;\n"
            "    AUTOGEN_COLUMN(type = \"NUMERIC(12,2)\") Money price;\n};\n");
    p.write("third_party/money.hpp", "#pragma once\nstruct Money { long cents; };\n");
    p.write("build/compile_commands.json",
            "[" +
                command_entry(
                    p.dir.path() / "build", "../src/main.cpp",
                    "/usr/bin/g++ -DSHOP_FEATURE=1 -I../third_party -fconcepts-diagnostics-depth=3 "
                    "-std=gnu++20 -o main.o -c ../src/main.cpp") +
                "]");
    auto result = p.run();
    INFO(p.messages());
    REQUIRE(result);
    CHECK(result->files == std::vector<fs::path>{p.dir.path() / "src/models/shop.hpp"});
    CHECK(result->via_compile_commands.at(p.dir.path() / "src/models/shop.hpp") ==
          p.dir.path() / "src/main.cpp");
    REQUIRE(result->schema.tables.size() == 1);
    CHECK(result->schema.tables[0].columns.size() == 2);

    SUBCASE("globs and the database together: the union, each file once") {
        p.options.header_globs = {"src/models/*.hpp"};
        auto again = p.run();
        REQUIRE(again);
        CHECK(again->files.size() == 1);
    }
    SUBCASE("without the database's flags the same header does not parse") {
        p.options.compile_commands.clear();
        p.options.header_globs = {"src/models/*.hpp"};
        CHECK_FALSE(p.run());
        CHECK(p.find_error("C++ error"));
    }
}

}  // namespace autogen::scan
