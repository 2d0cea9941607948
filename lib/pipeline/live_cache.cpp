// LiveCacheEntry (live_cache.hpp). The entry is the key's 32 hex digits, a newline, and
// the schema in the scan cache's binary codec (encode_schema); a key that differs is a
// miss.
#include "live_cache.hpp"

#include "dialect/dialect.hpp"
#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/scan_cache.hpp"
#include "scan/cache/scan_result_codec.hpp"

namespace autogen::pipeline {

namespace {

constexpr const char* kFormat = "autogen-live-2";

}  // namespace

LiveCacheEntry::LiveCacheEntry(const support::Config& config, LiveDatabase& live,
                               const introspect::InspectOptions& options) {
    auto cache = scan::CacheSettings::from_env(config.root.lexically_normal());
    if (!cache.enabled() || !live.dialect || !live.conn) return;
    const std::string fingerprint = live.dialect->inspector->catalog_fingerprint(*live.conn);
    if (fingerprint.empty()) return;
    // Which database read under which options: the slot an entry replaces.
    scan::KeyHasher slot;
    slot.add(kFormat).add(scan::this_build()).add(live.dialect->name).add(live.url.target);
    slot.add(options.version_table).add(std::to_string(options.exclude_tables.size()));
    for (const auto& pattern : options.exclude_tables) slot.add(pattern);
    scan::KeyHasher key;
    key.add(slot.hex()).add(fingerprint);
    path_ = cache.dir / ("live-" + slot.hex() + ".bin");
    key_ = key.hex();
}

std::optional<schema::Schema> LiveCacheEntry::lookup() const {
    if (key_.empty()) return std::nullopt;
    auto bytes = scan::read_whole_file(path_);
    if (!bytes || bytes->size() <= key_.size() || bytes->compare(0, key_.size(), key_) != 0 ||
        (*bytes)[key_.size()] != '\n')
        return std::nullopt;
    return scan::decode_schema(std::string_view(*bytes).substr(key_.size() + 1));
}

void LiveCacheEntry::store(const schema::Schema& schema) const {
    if (key_.empty()) return;
    std::error_code ignored;
    std::filesystem::create_directories(path_.parent_path(), ignored);
    scan::write_atomically(path_, key_ + '\n' + scan::encode_schema(schema));
}

}  // namespace autogen::pipeline
