// The per-header scan cache (unit_store.hpp). An entry is one line of JSON (format,
// key, the shared files, and per unit: file, dependencies, outside enums and the
// size of its payload), then each unit's payload in the binary form of
// scan_result_codec.hpp, in order.
#include "scan/cache/unit_store.hpp"

#include <nlohmann/json.hpp>
#include <system_error>

#include "scan/cache/cache_entry.hpp"
#include "scan/cache/scan_result_codec.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Bump when the entry format or the meaning of a stored field changes.
constexpr const char* kFormat = "autogen-scan-units-1";

json hashes_to_json(const std::vector<FileHash>& files) {
    json out = json::array();
    for (const auto& f : files) out.push_back({f.path.string(), f.hash});
    return out;
}

std::vector<FileHash> hashes_from_json(const json& j) {
    std::vector<FileHash> out;
    for (const auto& item : j)
        out.push_back({item.at(0).get<std::string>(), item.at(1).get<std::string>()});
    return out;
}

}  // namespace

fs::path units_entry_path(const CacheSettings& cache, const std::string& key) {
    return cache.dir / ("units-" + key + ".units");
}

std::optional<StoredUnits> load_units(const CacheSettings& cache, const std::string& key) {
    if (!cache.enabled()) return std::nullopt;
    auto entry = read_cache_entry(units_entry_path(cache, key), kFormat, key);
    if (!entry) return std::nullopt;
    StoredUnits out;
    std::string_view payload = entry->payload();
    try {
        out.shared = hashes_from_json(entry->head.at("shared"));
        for (const auto& u : entry->head.at("units")) {
            auto size = u.at("bytes").get<std::size_t>();
            if (size > payload.size()) return std::nullopt;
            auto outcome = decode_outcome(payload.substr(0, size));
            if (!outcome) return std::nullopt;
            payload.remove_prefix(size);
            HeaderUnit unit;
            unit.file = u.at("file").get<std::string>();
            unit.depends_on = hashes_from_json(u.at("depends_on"));
            unit.outside_enums_used = u.at("outside_enums_used").get<std::vector<std::string>>();
            unit.outside_enums_owned = u.at("outside_enums_owned").get<std::vector<std::string>>();
            unit.fragment = std::move(outcome->result.schema);
            unit.diagnostics = std::move(outcome->diagnostics);
            out.units.push_back(std::move(unit));
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (!payload.empty()) return std::nullopt;  // trailing bytes: not an entry this code wrote
    return out;
}

bool store_units(const CacheSettings& cache, const std::string& key, StoredUnits units) {
    if (!cache.enabled()) return false;
    json list = json::array();
    std::string payload;
    for (auto& unit : units.units) {
        CachedOutcome outcome;  // moved in, not copied: 500 tables are a few milliseconds
        outcome.result.schema = std::move(unit.fragment);
        outcome.diagnostics = std::move(unit.diagnostics);
        std::string bytes = encode_outcome(outcome);
        list.push_back({{"file", unit.file.string()},
                        {"depends_on", hashes_to_json(unit.depends_on)},
                        {"outside_enums_used", unit.outside_enums_used},
                        {"outside_enums_owned", unit.outside_enums_owned},
                        {"bytes", bytes.size()}});
        payload += bytes;
    }
    return write_cache_entry(units_entry_path(cache, key), kFormat, key,
                             {{"shared", hashes_to_json(units.shared)}, {"units", list}}, payload);
}

void forget_units(const CacheSettings& cache, const std::string& key) {
    if (!cache.enabled()) return;
    std::error_code ec;
    fs::remove(units_entry_path(cache, key), ec);
}

}  // namespace autogen::scan
