// Reading and writing scan-cache entries (cache_entry.hpp).
#include "scan/cache/cache_entry.hpp"

#include "scan/cache/cache_store.hpp"

namespace autogen::scan {

std::optional<CacheEntry> read_cache_entry(const std::filesystem::path& path,
                                           std::string_view format, std::string_view key) {
    auto text = read_whole_file(path);
    if (!text) return std::nullopt;
    auto newline = text->find('\n');
    if (newline == std::string::npos) return std::nullopt;
    CacheEntry entry;
    entry.head = nlohmann::json::parse(
        text->begin(), text->begin() + static_cast<std::ptrdiff_t>(newline), nullptr,
        /*allow_exceptions=*/false);
    if (!entry.head.is_object()) return std::nullopt;
    auto named = [&](const char* field, std::string_view want) {
        auto it = entry.head.find(field);
        return it != entry.head.end() && it->is_string() &&
               it->get_ref<const std::string&>() == want;
    };
    if (!named("format", format) || !named("key", key)) return std::nullopt;
    entry.text = std::move(*text);
    entry.payload_offset = newline + 1;
    return entry;
}

bool write_cache_entry(const std::filesystem::path& path, std::string_view format,
                       std::string_view key, nlohmann::json head, const std::string& payload) {
    head["format"] = format;
    head["key"] = key;
    return write_atomically(path, head.dump() + "\n" + payload);
}

}  // namespace autogen::scan
