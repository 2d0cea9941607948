// Cache folder and atomic file writes (cache_store.hpp).
#include "scan/cache/cache_store.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <system_error>

namespace autogen::scan {

namespace fs = std::filesystem;

CacheSettings CacheSettings::from_env(const fs::path& project_root) {
    const char* off = std::getenv("AUTOGEN_NO_CACHE");
    if (off && *off && std::string(off) != "0") return {};
    const char* dir = std::getenv("AUTOGEN_CACHE_DIR");
    if (dir && *dir) return {fs::path(dir)};
    return {project_root / ".autogen" / "cache"};
}

std::optional<std::string> read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return out.str();
}

namespace {

/// A name no other process or thread picks at the same time.
std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    static const unsigned long long seed = std::random_device{}();
    return ".tmp." + std::to_string(::getpid()) + "." + std::to_string(seed) + "." +
           std::to_string(counter++);
}

}  // namespace

fs::path temporary_sibling(const fs::path& path) {
    fs::path tmp = path;
    tmp += unique_suffix();
    return tmp;
}

bool ensure_cache_folder(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return true;
    fs::create_directories(dir, ec);
    // The default location: keep it out of git without asking the user.
    if (!ec && dir.filename() == "cache" && dir.parent_path().filename() == ".autogen") {
        std::ofstream(dir / ".gitignore")
            << "# autogen's scan caches (docs/models.md); safe to delete\n*\n";
    }
    return fs::is_directory(dir, ec);
}

bool write_atomically(const fs::path& path, const std::string& content) {
    ensure_cache_folder(path.parent_path());
    fs::path tmp = temporary_sibling(path);
    std::error_code ec;
    {
        std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(tmp.c_str(), "wb"), std::fclose);
        if (!f) return false;
        bool ok = std::fwrite(content.data(), 1, content.size(), f.get()) == content.size();
        ok = std::fflush(f.get()) == 0 && ok;
        if (!ok) {
            f.reset();
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace autogen::scan
