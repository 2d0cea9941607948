// The materialised-schema cache (materialized_cache.hpp). Entries reuse the scan cache's
// folder, binary schema codec and atomic writes: <cache>/materialized-<key>.bin for the
// models, <cache>/chain-<hash>.bin for the replayed chain.
#include "materialized_cache.hpp"

#include <algorithm>

#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/scan_cache.hpp"
#include "scan/cache/scan_result_codec.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

namespace {

constexpr const char* kFormat = "autogen-materialized-3";
constexpr const char* kChainFormat = "autogen-chain-2";
constexpr const char* kModelFormat = "autogen-model-key-1";
constexpr const char* kChainPrefix =
    "chain-";  ///< starts a chain key (never hex), and its entry's name

std::filesystem::path entry_path(const support::Config& config, const std::string& key) {
    auto cache = scan::CacheSettings::from_env(config.root.lexically_normal());
    if (!cache.enabled()) return {};
    if (key.rfind(kChainPrefix, 0) == 0) return cache.dir / (key + ".bin");
    return cache.dir / ("materialized-" + key + ".bin");
}

/// What both keys share: the build, the dialect, the server that answers (a different
/// one may normalise differently: dev_url, else url, where revision makes its scratch
/// databases), and the inspect options.
void add_common(scan::KeyHasher& h, const std::string& dialect, const std::string& server,
                const support::Config& config) {
    h.add(scan::this_build()).add(dialect).add(server);
    h.add(!config.database.dev_url.empty() ? config.database.dev_url : config.database.url);
    h.add(config.migrations.version_table).add(std::to_string(config.models.exclude_tables.size()));
    for (const auto& pattern : config.models.exclude_tables) h.add(pattern);
}

}  // namespace

std::string materialized_key(const std::string& dialect, const std::string& server,
                             const std::vector<codegen::Statement>& statements,
                             const support::Config& config, const std::string& extra) {
    scan::KeyHasher h;
    h.add(kFormat);
    add_common(h, dialect, server, config);
    h.add(extra);
    h.add(std::to_string(statements.size()));
    for (const auto& s : statements) h.add(s.sql);
    return h.hex();
}

std::string model_key(const std::string& dialect, const std::string& server,
                      const schema::Schema& model, const support::Config& config) {
    scan::KeyHasher h;
    h.add(kModelFormat);
    add_common(h, dialect, server, config);
    h.add(scan::encode_schema(model));
    return h.hex();
}

std::string chain_key(const std::string& dialect, const std::string& server,
                      const migrate::RevisionGraph& graph, std::vector<std::string> heads,
                      const support::Config& config) {
    scan::KeyHasher h;
    h.add(kChainFormat);
    add_common(h, dialect, server, config);
    std::sort(heads.begin(), heads.end());
    h.add(std::to_string(heads.size()));
    for (const auto& head : heads) h.add(head);
    // Every revision the replay applies, with the bytes of its file (sorted: a set).
    const auto applied = graph.ancestors_or_self(heads);
    h.add(std::to_string(applied.size()));
    for (const auto& id : applied) {
        const auto* rev = graph.find(id);
        h.add(id).add(rev ? rev->checksum : std::string("?"));
    }
    return kChainPrefix + h.hex();
}

std::optional<schema::Schema> lookup_materialized(const support::Config& config,
                                                  const std::string& key) {
    auto path = entry_path(config, key);
    if (path.empty()) return std::nullopt;
    auto bytes = scan::read_whole_file(path);
    if (!bytes) return std::nullopt;
    auto outcome = scan::decode_outcome(*bytes);
    if (!outcome) return std::nullopt;
    return std::move(outcome->result.schema);
}

void store_materialized(const support::Config& config, const std::string& key,
                        const schema::Schema& schema) {
    auto path = entry_path(config, key);
    if (path.empty()) return;
    scan::CachedOutcome outcome;
    outcome.result.schema = schema;
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    scan::write_atomically(path, scan::encode_outcome(outcome));
}

namespace {

std::filesystem::path alias_path(const support::Config& config, const std::string& model_key) {
    auto cache = scan::CacheSettings::from_env(config.root.lexically_normal());
    if (!cache.enabled() || model_key.empty()) return {};
    return cache.dir / ("model-" + model_key + ".key");
}

bool is_hex_key(std::string_view key) {
    return key.size() == 32 && key.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> lookup_model_alias(const support::Config& config,
                                              const std::string& model_key) {
    auto path = alias_path(config, model_key);
    if (path.empty()) return std::nullopt;
    auto bytes = scan::read_whole_file(path);
    if (!bytes || !is_hex_key(*bytes)) return std::nullopt;  // absent or damaged
    return *bytes;
}

void store_model_alias(const support::Config& config, const std::string& model_key,
                       const std::string& key) {
    auto path = alias_path(config, model_key);
    if (path.empty() || !is_hex_key(key)) return;
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    scan::write_atomically(path, key);
}

}  // namespace autogen::pipeline
