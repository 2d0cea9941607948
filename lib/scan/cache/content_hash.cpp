// Content hashing (content_hash.hpp) with xxHash inlined: nothing to link.
#include "scan/cache/content_hash.hpp"

#include <cstdint>
#include <cstdio>
#include <unordered_map>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace autogen::scan {

namespace {

std::string to_hex(XXH128_hash_t h) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (std::uint64_t word : {h.high64, h.low64})
        for (int shift = 60; shift >= 0; shift -= 4) out += digits[(word >> shift) & 0xF];
    return out;
}

/// The live HashFileMemo's table (null when none): path -> hash, or nullopt if unreadable.
thread_local std::unordered_map<std::string, std::optional<std::string>>* file_memo = nullptr;

std::optional<std::string> hash_file_uncached(const std::filesystem::path& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return std::nullopt;
    XXH3_state_t state;
    XXH3_128bits_reset(&state);
    std::vector<char> buf(1 << 16);
    for (;;) {
        std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
        if (n > 0) XXH3_128bits_update(&state, buf.data(), n);
        if (n < buf.size()) break;
    }
    if (std::ferror(f.get())) return std::nullopt;
    return to_hex(XXH3_128bits_digest(&state));
}

}  // namespace

HashFileMemo::HashFileMemo() {
    if (file_memo) return;
    file_memo = new std::unordered_map<std::string, std::optional<std::string>>();
    owner_ = true;
}

HashFileMemo::~HashFileMemo() {
    if (!owner_) return;
    delete file_memo;
    file_memo = nullptr;
}

std::string hash_bytes(std::string_view bytes) {
    return to_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

std::optional<std::string> hash_file(const std::filesystem::path& path) {
    if (!file_memo) return hash_file_uncached(path);
    auto [it, added] = file_memo->try_emplace(path.string());
    if (added) it->second = hash_file_uncached(path);
    return it->second;
}

struct KeyHasher::State {
    XXH3_state_t xxh;
};

KeyHasher::KeyHasher() : state_(std::make_unique<State>()) { XXH3_128bits_reset(&state_->xxh); }
KeyHasher::~KeyHasher() = default;

KeyHasher& KeyHasher::add(std::string_view part) {
    std::uint64_t size = part.size();
    XXH3_128bits_update(&state_->xxh, &size, sizeof size);
    XXH3_128bits_update(&state_->xxh, part.data(), part.size());
    return *this;
}

std::string KeyHasher::hex() const { return to_hex(XXH3_128bits_digest(&state_->xxh)); }

}  // namespace autogen::scan
