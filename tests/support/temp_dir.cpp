// TempDir and file helpers for tests.
#include "tests/support/temp_dir.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace autogen::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = fs::temp_directory_path() / ("autogen-test-" + std::to_string(::getpid()) +
                                                      "-" + std::to_string(rd()));
        std::error_code ec;
        if (fs::create_directory(candidate, ec)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("AUTOGEN_KEEP_TEMP")) fs::remove_all(path_, ec);
}

fs::path TempDir::write(const fs::path& relative, const std::string& content) const {
    auto full = path_ / relative;
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << content;
    return full;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path source_dir() {
    if (const char* env = std::getenv("AUTOGEN_SOURCE_DIR"); env && *env) return env;
    return AUTOGEN_SOURCE_DIR;
}

}  // namespace autogen::testing
