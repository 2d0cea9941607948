// The scan-result cache (scan_cache.hpp).
#include "scan/cache/scan_cache.hpp"

#include <link.h>

#include <cstdlib>
#include <set>

#include "scan/cache/cache_entry.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/elf_build_id.hpp"
#include "scan/cache/scan_result_codec.hpp"
#include "support/resource_paths.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Bump when the entry format or the meaning of a stored field changes (14: a declared
/// routine's `arguments` holds its input types, routine_signature.hpp).
/// An entry is one line of JSON, {format, key, read}, then the outcome in the binary
/// form of scan_result_codec.hpp: a miss (some file changed) is decided without
/// decoding the outcome, and a hit decodes it in a few milliseconds.
constexpr const char* kFormat = "autogen-scan-result-17";

/// The running executable's GNU build id (hex), which changes with any change to its
/// code, so a rebuilt scanner never reads results of the old one. Empty if absent.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
            auto& result = *static_cast<std::string*>(out);
            for (int i = 0; i < info->dlpi_phnum && result.empty(); ++i) {
                const auto& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                result =
                    build_id_in_notes(reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr),
                                      ph.p_memsz, ph.p_align == 8 ? 8 : 4);
            }
            return 1;  // the first object is the executable itself: stop there
        },
        &id);
    return id;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

}  // namespace

const std::string& this_build() {
    // Without a build id, the compile time of this file stands in (a weaker guard).
    static const std::string id = [] {
        std::string b = build_id();
        return b.empty() ? std::string("built ") + __DATE__ + " " + __TIME__ : b;
    }();
    return id;
}

std::string result_key(const std::string& toolchain, const std::vector<std::string>& args,
                       const fs::path& umbrella) {
    KeyHasher h;
    h.add(kFormat).add(support::version()).add(this_build()).add(toolchain).add(umbrella.string());
    add_clang_environment(h);
    h.add(std::to_string(args.size()));
    for (const auto& a : args) h.add(a);
    return h.hex();
}

void add_clang_environment(KeyHasher& h) {
    // clang reads these include paths from the environment.
    for (const char* var : {"CPATH", "CPLUS_INCLUDE_PATH", "C_INCLUDE_PATH"})
        h.add(var).add(env(var));
    // A relative path in the arguments resolves against the working directory.
    std::error_code ec;
    h.add(fs::current_path(ec).string());
}

fs::path result_entry_path(const CacheSettings& cache, const std::string& key) {
    return cache.dir / ("scan-" + key + ".bin");
}

std::optional<CachedOutcome> lookup_result(const CacheSettings& cache, const std::string& key,
                                           const std::vector<fs::path>& files) {
    if (!cache.enabled()) return std::nullopt;
    auto entry = read_cache_entry(result_entry_path(cache, key), kFormat, key);
    if (!entry) return std::nullopt;
    try {
        for (const auto& item : entry->head.at("read")) {
            auto now = hash_file(item.at(0).get<std::string>());
            if (!now || *now != item.at(1).get<std::string>()) return std::nullopt;
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    auto outcome = decode_outcome(entry->payload());
    if (!outcome || outcome->result.files != files) return std::nullopt;
    return outcome;
}

bool store_result(const CacheSettings& cache, const std::string& key,
                  const std::vector<FileHash>& files_read, const CachedOutcome& outcome) {
    if (!cache.enabled()) return false;
    json read = json::array();
    std::set<fs::path> seen;
    for (const auto& f : files_read)
        if (seen.insert(f.path).second) read.push_back({f.path.string(), f.hash});
    return write_cache_entry(result_entry_path(cache, key), kFormat, key, {{"read", read}},
                             encode_outcome(outcome));
}

}  // namespace autogen::scan
