// read_file_bytes(): a file's exact bytes, or nullopt when it cannot be opened.
#include "migrate/file_bytes.hpp"

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

using autogen::migrate::read_file_bytes;

TEST_CASE("file bytes: exact bytes (NUL, CRLF, no final newline), empty, missing") {
    autogen::testing::TempDir dir;
    const std::string bytes = std::string("a\r\nb\0c", 6) + std::string(100000, 'x');
    CHECK(read_file_bytes(dir.write("f.bin", bytes)) == bytes);
    CHECK(read_file_bytes(dir.write("empty", "")) == std::string());
    CHECK_FALSE(read_file_bytes(dir.path() / "missing"));
}
