// The blind-spot guard on real folders, with and without git.
#include "scan/blind_spots.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/support/temp_dir.hpp"

using namespace autogen;
namespace fs = std::filesystem;

namespace {

void write_project(const testing::TempDir& dir) {
    dir.write("models/user.hpp",
              "#include <autogen/model.hpp>\nstruct AUTOGEN_TABLE(\"users\") User {};\n");
    dir.write("legacy/old.hpp", "// old models\n\nstruct   AUTOGEN_TABLE (\"old\") Old {};\n");
    dir.write("src/app.cpp", "int main() {}\n");
    dir.write("include/autogen/model.hpp", "#define AUTOGEN_TABLE(...) /* */\n");
    dir.write("docs/notes.md", "AUTOGEN_TABLE(\"not code\")\n");
    dir.write("src/mention.cpp", "// we use AUTOGEN_TABLE for models\n");
    dir.write("build/gen/copy.hpp", "struct AUTOGEN_TABLE(\"copy\") Copy {};\n");
}

}  // namespace

TEST_CASE("blind spots outside git: annotated files the globs missed, with line and column") {
    testing::TempDir dir;
    write_project(dir);
    auto spots = scan::find_blind_spots(dir.path(), {dir.path() / "models/user.hpp"});
    REQUIRE(spots.size() == 1);
    CHECK(spots[0].first_use.file == (dir.path() / "legacy/old.hpp").string());
    CHECK(spots[0].first_use.line == 3);
    CHECK(spots[0].first_use.column == 10);
}

TEST_CASE("nothing is reported when every annotated file is scanned") {
    testing::TempDir dir;
    write_project(dir);
    auto spots = scan::find_blind_spots(
        dir.path(), {dir.path() / "models/user.hpp", dir.path() / "legacy/old.hpp"});
    CHECK(spots.empty());
}

TEST_CASE(
    "in a git work tree, git's view of the files counts (ignored files are not the project's)") {
    testing::TempDir dir;
    write_project(dir);
    dir.write(".gitignore", "legacy/\n");
    dir.write("gen/models.hpp",
              "struct AUTOGEN_TABLE(\"gen\") Gen {};\n");  // untracked, not ignored
    std::string cmd = "git -C '" + dir.path().string() + "' init -q 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    auto spots = scan::find_blind_spots(dir.path(), {dir.path() / "models/user.hpp"});
    std::vector<std::string> files;
    for (const auto& s : spots)
        files.push_back(fs::path(s.first_use.file).lexically_relative(dir.path()).string());
    // build/ is not ignored here, so git counts it; legacy/ is ignored.
    CHECK(files == std::vector<std::string>{"build/gen/copy.hpp", "gen/models.hpp"});
}

TEST_CASE(
    "a blind spot carries the tables it declares, and [models] ignore marks files left out on "
    "purpose") {
    testing::TempDir dir;
    write_project(dir);
    dir.write("legacy/two.hpp",
              "struct AUTOGEN_TABLE(\"pay\", schema = \"billing\") P {};\nstruct AUTOGEN_TABLE() "
              "AuditEntry {};\n");
    auto spots =
        scan::find_blind_spots(dir.path(), {dir.path() / "models/user.hpp"}, {"legacy/two.*"});
    REQUIRE(spots.size() == 2);
    CHECK(spots[0].ignored_by.empty());  // legacy/old.hpp
    REQUIRE(spots[0].tables.size() == 1);
    CHECK(spots[0].tables[0].name == "old");
    CHECK(spots[1].ignored_by == "legacy/two.*");
    REQUIRE(spots[1].tables.size() == 2);
    CHECK(spots[1].tables[0].schema == "billing");
    CHECK(spots[1].tables[0].name == "pay");
    CHECK(spots[1].tables[1].name == "audit_entry");
    CHECK(spots[1].tables[1].declared.line == 2);
    CHECK(spots[1].tables[1].declared.column == 8);
}
