// GNU build ids and file identities on real files: the libclang that autogen loads,
// the running test binary, and hand-made note blocks (truncated, 8-byte aligned).
#include "scan/cache/elf_build_id.hpp"

#include <doctest/doctest.h>
#include <link.h>

#include <cstring>
#include <fstream>

#include "scan/cache/file_identity.hpp"
#include "scan/cache/scan_cache.hpp"
#include "scan/libclang_loader.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::scan {

namespace {

/// One note (GNU, NT_GNU_BUILD_ID, `desc`) padded to `align`.
std::string note(const std::string& desc, std::size_t align, unsigned type = NT_GNU_BUILD_ID) {
    ElfW(Nhdr) header{4, static_cast<ElfW(Word)>(desc.size()), type};
    auto pad = [align](std::string s) {
        s.resize((s.size() + align - 1) / align * align, '\0');
        return s;
    };
    std::string out(reinterpret_cast<const char*>(&header), sizeof header);
    return out + pad(std::string("GNU", 4)) + pad(desc);
}

}  // namespace

TEST_CASE("build id: read from the libclang file on disk, stable, not our own") {
    std::string clang_id = file_build_id(libclang_path());
    INFO(libclang_path());
    CHECK(clang_id.size() >= 16);
    CHECK(clang_id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(file_build_id(libclang_path()) == clang_id);
    std::string own = file_build_id("/proc/self/exe");
    CHECK_FALSE(own.empty());
    CHECK(own != clang_id);
    // The file reader and the in-memory reader (dl_iterate_phdr) agree on this binary.
    CHECK(own == this_build());
    CHECK(libclang_identity() == "libclang build-id " + clang_id);
}

TEST_CASE("build id: notes after others, 8-byte aligned, truncated or absent") {
    std::string id("\x01\x02\xab\xff", 4);
    CHECK(build_id_in_notes(note(id, 4).data(), note(id, 4).size()) == "0102abff");
    std::string two = note("xyz", 8, 5) + note(id, 8);
    CHECK(build_id_in_notes(two.data(), two.size(), 8) == "0102abff");
    std::string other = note(id, 4, 1);  // right owner, another type (NT_GNU_ABI_TAG)
    CHECK(build_id_in_notes(other.data(), other.size()).empty());
    std::string whole = note(id, 4);
    CHECK(build_id_in_notes(whole.data(), whole.size() - 1).empty());
    CHECK(build_id_in_notes(whole.data(), 3).empty());
    CHECK(file_build_id("/nonexistent/libclang.so").empty());
}

TEST_CASE("file identity: size and ends without a build id, changes with the content") {
    autogen::testing::TempDir dir;
    std::string big(3 << 20, 'a');
    auto file = dir.write("lib.so", big);
    std::string before = file_identity(file);
    CHECK(before.rfind("size 3145728 ends ", 0) == 0);
    CHECK(file_identity(file) == before);
    big.back() = 'b';  // the last MiB
    dir.write("lib.so", big);
    CHECK(file_identity(file) != before);
    auto small = dir.write("small.so", "tiny");
    CHECK(file_identity(small).rfind("size 4 ends ", 0) == 0);
    CHECK(file_identity(dir.path() / "missing.so") == "unreadable");
    CHECK(file_identity(libclang_path()).rfind("build-id ", 0) == 0);
}

}  // namespace autogen::scan
