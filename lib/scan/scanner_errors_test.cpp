// Every kind of model error, each with its exact file:line:col, and the rule that
// a scan with any error returns nothing.
#include <doctest/doctest.h>

#include "scan/scanner.hpp"
#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

using testing::Project;

namespace {

/// Scans `header` (written as models/m.hpp) and checks that it fails with an error
/// containing `needle` at line:col of that file, with a hint.
void expect_error(const std::string& header, const std::string& needle, unsigned line, unsigned col,
                  const std::string& hint_part = "") {
    Project p;
    std::string file = p.write("models/m.hpp", header);
    auto r = p.run();
    INFO(p.messages());
    CHECK_FALSE(r);
    const auto* d = p.find_error(needle);
    REQUIRE(d);
    CHECK(d->category == support::Category::Model);
    CHECK(d->location.file == file);
    CHECK(d->location.line == line);
    CHECK(d->location.column == col);
    CHECK_FALSE(d->hint.empty());
    if (!hint_part.empty()) CHECK(d->hint.find(hint_part) != std::string::npos);
}

const char* head = "#include <autogen/model.hpp>\n#include <cstdint>\n#include <string>\n";

}  // namespace

TEST_CASE("scan errors: unknown annotation key, at the key's column") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    AUTOGEN_COLUMN(primary_key, colour = \"red\") int id;\n};\n",
                 "unknown key 'colour' in AUTOGEN_COLUMN", 5, 33, "known keys");
}

TEST_CASE("scan errors: a key on a continuation line") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    AUTOGEN_COLUMN(primary_key,\n"
                     "                   uniqe) int id;\n};\n",
                 "unknown flag 'uniqe'", 6, 20);
}

TEST_CASE("scan errors: bad on_delete value") {
    expect_error(
        std::string(head) +
            "struct AUTOGEN_TABLE(\"t\") T {\n"
            "    AUTOGEN_COLUMN(primary_key) int id;\n"
            "    AUTOGEN_COLUMN(references = \"t.id\", on_delete = explode) int parent;\n};\n",
        "bad value 'explode' for on_delete", 6, 53, "cascade");
}

TEST_CASE("scan errors: malformed annotation syntax") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    AUTOGEN_COLUMN(length = ) std::string s;\n};\n",
                 "malformed AUTOGEN_COLUMN: expected a value after 'length ='", 5, 28);
}

TEST_CASE("scan errors: unknown annotation kind") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    __attribute__((annotate(\"autogen:colum x\"))) int id;\n};\n",
                 "unknown annotation kind 'colum'", 5, 20, "AUTOGEN_COLUMN");
}

TEST_CASE("scan errors: a type with no mapping names field, type and the fix") {
    Project p;
    std::string file = p.write("models/m.hpp", std::string(head) +
                                                   "struct AUTOGEN_TABLE(\"t\") T {\n"
                                                   "    std::uint64_t big;\n};\n");
    CHECK_FALSE(p.run());
    const auto* d = p.find_error("field 'T::big' has type 'std::uint64_t'");
    REQUIRE(d);
    CHECK(d->location.str() == file + ":5:19");
    CHECK(d->hint.find("type = \\\"...\\\"") == std::string::npos);
    CHECK(d->hint.find("type = \"...\"") != std::string::npos);
    CHECK(d->hint.find("AUTOGEN_TRANSIENT") != std::string::npos);
}

TEST_CASE("scan errors: a plain enum needs AUTOGEN_ENUM") {
    expect_error(std::string(head) +
                     "enum class Color { red };\n"
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    Color color;\n};\n",
                 "has type 'Color'", 6, 11, "AUTOGEN_ENUM");
}

TEST_CASE("scan errors: references to an unknown table or column") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    AUTOGEN_COLUMN(references = \"nope.id\") int a;\n};\n",
                 "references unknown table 'nope'", 5, 33);
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") T {\n"
                     "    AUTOGEN_COLUMN(primary_key) int id;\n"
                     "    AUTOGEN_COLUMN(references = \"t.idd\") int a;\n};\n",
                 "references unknown column 'idd' of table 't'", 6, 33);
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") AUTOGEN_INDEX(\"ix\", \"a, b\") T {\n"
                     "    int a;\n};\n",
                 "unknown column 'b' in table 't'", 4, 51);
}

TEST_CASE("scan errors: duplicate table names, across files") {
    Project p;
    std::string a =
        p.write("models/a.hpp",
                "#include <autogen/model.hpp>\nstruct AUTOGEN_TABLE(\"t\") A { int x; };\n");
    std::string b =
        p.write("models/b.hpp",
                "#include <autogen/model.hpp>\n\nstruct AUTOGEN_TABLE(\"t\") B { int y; };\n");
    CHECK_FALSE(p.run());
    INFO(p.messages());
    const auto* d = p.find_error("duplicate table name 't'");
    REQUIRE(d);
    CHECK(d->location.str() == b + ":3:27");
    CHECK(d->hint.find(a + ":2:27") != std::string::npos);
}

TEST_CASE("scan errors: duplicate index and constraint names") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"a\") AUTOGEN_INDEX(\"ix_x\", \"x\") A { int x; };\n"
                     "struct AUTOGEN_TABLE(\"b\") AUTOGEN_INDEX(\"ix_x\", \"x\") B { int x; };\n",
                 "duplicate index or constraint name 'ix_x'", 5, 41);
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"a\") AUTOGEN_CHECK(\"ck\", \"x > 0\") "
                     "AUTOGEN_CHECK(\"ck\", \"x < 9\") A {\n"
                     "    int x;\n};\n",
                 "duplicate constraint name 'ck' in table 'a'", 4, 70);
}

TEST_CASE("scan errors: two primary keys") {
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") AUTOGEN_PRIMARY_KEY(\"a, b\") T {\n"
                     "    AUTOGEN_COLUMN(primary_key) int a;\n    int b;\n};\n",
                 "table 't' has two primary keys", 4, 27, "5:20");
    expect_error(std::string(head) +
                     "struct AUTOGEN_TABLE(\"t\") AUTOGEN_PRIMARY_KEY(\"a\")\n"
                     "       AUTOGEN_PRIMARY_KEY(\"b\") T {\n    int a;\n    int b;\n};\n",
                 "table 't' has two primary keys", 5, 8);
}

TEST_CASE("scan errors: C++ errors in a model are model errors") {
    expect_error(std::string(head) + "struct AUTOGEN_TABLE(\"t\") T {\n    Missing m;\n};\n",
                 "C++ error: unknown type name 'Missing'", 5, 5);
    expect_error(
        std::string(head) + "#include \"nope.hpp\"\nstruct AUTOGEN_TABLE(\"t\") T { int a; };\n",
        "C++ error: 'nope.hpp' file not found", 4, 10, "include_dirs");
}

TEST_CASE("scan errors: invalid declarations are reported") {
    Project p;
    std::string file =
        p.write("models/m.hpp",
                std::string(head) + "struct AUTOGEN_TABLE(\"t\") T {\n    Missing m;\n};\n");
    CHECK_FALSE(p.run());
    INFO(p.messages());
    const auto* d = p.find_error("field 'm' does not compile");
    REQUIRE(d);
    CHECK(d->location.str() == file + ":5:13");
    CHECK_FALSE(p.find_error("has no default column type"));  // no follow-on noise
}

TEST_CASE("scan errors: all errors are collected in one run") {
    Project p;
    p.write("models/m.hpp",
            std::string(head) +
                "struct AUTOGEN_TABLE(\"t\") T {\n"
                "    AUTOGEN_COLUMN(colour = 1) int a;\n"
                "    AUTOGEN_COLUMN(on_delete = boom, references = \"x.y\") int b;\n"
                "    std::uint64_t c;\n"
                "};\n");
    CHECK_FALSE(p.run());
    INFO(p.messages());
    // A rejected annotation is dropped whole, so its references is not checked.
    CHECK(p.diags.error_count() == 3);
    CHECK(p.find_error("unknown key 'colour'"));
    CHECK(p.find_error("bad value 'boom'"));
    CHECK(p.find_error("'T::c'"));
}

TEST_CASE("scan errors: no header matched names the globs and the folder") {
    Project p;
    p.options.header_globs = {"src/models/**/*.hpp"};
    CHECK_FALSE(p.run());
    REQUIRE(p.diags.items().size() == 1);
    const auto& d = p.diags.items()[0];
    CHECK(d.category == support::Category::Config);
    CHECK(d.message.find("\"src/models/**/*.hpp\"") != std::string::npos);
    CHECK(d.message.find(p.dir.path().string()) != std::string::npos);
    CHECK_FALSE(d.hint.empty());
}

TEST_CASE("scan errors: annotations in the wrong place") {
    expect_error(
        std::string(head) + "struct AUTOGEN_TABLE(\"t\") AUTOGEN_COLUMN(unique) T { int a; };\n",
        "AUTOGEN_COLUMN does not apply to a struct", 4, 27);
    expect_error(std::string(head) + "struct AUTOGEN_INDEX(\"ix\", \"a\") Plain { int a; };\n",
                 "AUTOGEN_INDEX on struct 'Plain', which is not a table", 4, 8, "AUTOGEN_TABLE");
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan errors: enum annotations") {
    expect_error(
        std::string(head) +
            "enum class AUTOGEN_ENUM() E { a AUTOGEN_LABEL(\"x\"), b AUTOGEN_LABEL(\"x\") };\n",
        "duplicate label 'x' in enum 'e'", 4, 53);
    expect_error(std::string(head) + "enum class E { a AUTOGEN_LABEL(\"x\"), b };\n",
                 "AUTOGEN_LABEL on enum 'E', which has no AUTOGEN_ENUM", 4, 18);
}

TEST_CASE("scan errors: an unknown column in a list is located at that column") {
    expect_error(
        std::string(head) +
            "struct AUTOGEN_TABLE(\"t\") AUTOGEN_UNIQUE(\"uq\", \"ab, a\") T {\n    int ab;\n};\n",
        "unknown column 'a' in table 't'", 4, 53);
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan errors: a malformed AUTOGEN_ENUM is reported once, without follow-on errors") {
    Project p;
    p.write("models/m.hpp", std::string(head) +
                                "enum class AUTOGEN_ENUM(\"e\" x) E { a };\n"
                                "struct AUTOGEN_TABLE(\"t\") T { E e; };\n");
    CHECK_FALSE(p.run());
    INFO(p.messages());
    CHECK(p.diags.error_count() == 1);
    CHECK(p.find_error("malformed AUTOGEN_ENUM"));
}

}  // namespace autogen::scan

namespace autogen::scan {

TEST_CASE("scan errors: errors clang places in the in-memory umbrella name the header instead") {
    Project p;
    std::string file =
        p.write("models/m.hpp",
                std::string(head) + "struct AUTOGEN_TABLE(\"t\") T { int a; };\nAUTOGEN_COLUMN(\n");
    CHECK_FALSE(p.run());
    INFO(p.messages());
    REQUIRE(p.diags.error_count() >= 1);
    for (const auto& d : p.diags.items()) CHECK(d.location.file == file);
}

}  // namespace autogen::scan
