// File identities for cache keys (file_identity.hpp).
#include "scan/cache/file_identity.hpp"

#include <algorithm>
#include <fstream>

#include "scan/cache/content_hash.hpp"
#include "scan/cache/elf_build_id.hpp"

namespace autogen::scan {

std::string file_identity(const std::filesystem::path& path) {
    std::string id = file_build_id(path);
    if (!id.empty()) return "build-id " + id;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return "unreadable";
    constexpr std::streamoff kEnd = 1 << 20;
    std::streamoff size = in.tellg();
    if (size < 0) return "unreadable";
    std::string head(static_cast<std::size_t>(std::min(size, kEnd)), '\0');
    std::string tail(head.size(), '\0');
    in.seekg(0);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    in.seekg(size - static_cast<std::streamoff>(tail.size()));
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    if (!in) return "unreadable";
    return "size " + std::to_string(size) + " ends " + hash_bytes(head + tail);
}

}  // namespace autogen::scan
