// check_golden(): compare, or regenerate on request.
#include "tests/support/golden.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace autogen::testing {

void check_golden(const std::string& actual, const std::filesystem::path& golden) {
    if (std::getenv("AUTOGEN_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        MESSAGE("updated " << golden.string());
        return;
    }
    std::string expected = read_file(golden);
    if (actual == expected) return;
    TempDir tmp;
    auto actual_path = tmp.write("actual" + golden.extension().string(), actual);
    std::string diff;
    if (FILE* p = ::popen(
            ("diff -u '" + golden.string() + "' '" + actual_path.string() + "'").c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) diff += buf;
        ::pclose(p);
    }
    FAIL_CHECK(golden.string() << " differs (AUTOGEN_UPDATE_GOLDEN=1 regenerates it):\n" << diff);
}

}  // namespace autogen::testing
