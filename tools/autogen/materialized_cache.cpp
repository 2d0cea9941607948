// The materialised-schema cache (materialized_cache.hpp). Entries reuse the scan cache's
// folder, binary schema codec and atomic writes: <cache>/materialized-<key>.bin.
#include "materialized_cache.hpp"

#include "scan/cache_store.hpp"
#include "scan/content_hash.hpp"
#include "scan/scan_cache.hpp"
#include "scan/scan_result_codec.hpp"
#include "support/config.hpp"

namespace autogen::cli {

namespace {

constexpr const char* kFormat = "autogen-materialized-1";

std::filesystem::path entry_path(const support::Config& config, const std::string& key) {
    auto cache = scan::CacheSettings::from_env(config.root.lexically_normal());
    if (!cache.enabled()) return {};
    return cache.dir / ("materialized-" + key + ".bin");
}

}  // namespace

std::string materialized_key(const std::string& dialect, const std::vector<codegen::Statement>& statements,
                             const support::Config& config) {
    scan::KeyHasher h;
    h.add(kFormat).add(scan::this_build()).add(dialect);
    // Where the scratch database lives: a different server may normalise differently.
    h.add(config.database.dev_url).add(config.database.url);
    h.add(config.migrations.version_table).add(std::to_string(config.models.exclude_tables.size()));
    for (const auto& pattern : config.models.exclude_tables) h.add(pattern);
    h.add(std::to_string(statements.size()));
    for (const auto& s : statements) h.add(s.sql);
    return h.hex();
}

std::optional<schema::Schema> lookup_materialized(const support::Config& config, const std::string& key) {
    auto path = entry_path(config, key);
    if (path.empty()) return std::nullopt;
    auto bytes = scan::read_whole_file(path);
    if (!bytes) return std::nullopt;
    auto outcome = scan::decode_outcome(*bytes);
    if (!outcome) return std::nullopt;
    return std::move(outcome->result.schema);
}

void store_materialized(const support::Config& config, const std::string& key, const schema::Schema& schema) {
    auto path = entry_path(config, key);
    if (path.empty()) return;
    scan::CachedOutcome outcome;
    outcome.result.schema = schema;
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    scan::write_atomically(path, scan::encode_outcome(outcome));
}

}  // namespace autogen::cli
