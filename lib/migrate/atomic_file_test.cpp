// Atomic writes into the migrations folder: the final bytes or nothing, never a
// temporary file left behind; leftovers of a killed writer are removed.
#include "migrate/atomic_file.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

using namespace autogen;
namespace fs = std::filesystem;

namespace {

/// The folder's entries, by name.
std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir))
        out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("atomic file: new, refused over an existing one, replaced, nothing else left") {
    testing::TempDir dir;
    const fs::path target = dir.path() / "a.sql";
    CHECK(migrate::write_file_atomically(target, "one\n", false) == 0);
    CHECK(testing::read_file(target) == "one\n");
    CHECK(migrate::write_file_atomically(target, "two\n", false) == EEXIST);
    CHECK(testing::read_file(target) == "one\n");
    CHECK(migrate::write_file_atomically(target, "three\n", true) == 0);
    CHECK(testing::read_file(target) == "three\n");
    CHECK(names(dir.path()) == std::vector<std::string>{"a.sql"});

    // Replacing a folder fails, and leaves nothing of the attempt.
    fs::create_directory(dir.path() / "autogen.sum");
    CHECK(migrate::write_file_atomically(dir.path() / "autogen.sum", "x", true) != 0);
    CHECK(names(dir.path()) == std::vector<std::string>{"a.sql", "autogen.sum"});
    // A folder that does not exist: an error, not a crash.
    CHECK(migrate::write_file_atomically(dir.path() / "missing" / "b.sql", "x", false) != 0);
}

TEST_CASE("atomic file: a killed writer's leftovers are removed, nothing else") {
    testing::TempDir dir;
    dir.write(".autogen-tmp-0123456789ab", "partial");
    dir.write(".20261121_1530_abc_init.sql.tmp-0123456789ab", "partial (older autogen)");
    dir.write(".autogen.sum.tmp-0123456789ab", "partial (older autogen)");
    dir.write("20261121_1530_abc_init.sql", "kept");
    dir.write(".gitkeep", "");
    CHECK(migrate::remove_stale_temporaries(dir.path()) == 3);
    CHECK(names(dir.path()) == std::vector<std::string>{".gitkeep", "20261121_1530_abc_init.sql"});
    CHECK(migrate::remove_stale_temporaries(dir.path() / "missing") == 0);
}
