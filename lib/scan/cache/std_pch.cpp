// The standard-header PCH (std_pch.hpp).
#include "scan/cache/std_pch.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include "scan/cache/scan_cache.hpp"
#include "scan/clang_raii.hpp"
#include "scan/libclang_loader.hpp"
#include "scan/translation_unit.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Bump when how the PCH is built or what the manifest means changes.
constexpr const char* kFormat = "autogen-std-pch-2";

std::string pch_source(const std::vector<std::string>& headers) {
    std::string src =
        "// autogen: the headers the model headers include from outside the project, precompiled\n";
    for (const auto& h : headers) src += "#include <" + h + ">\n";
    return src;
}

fs::path sibling(const CacheSettings& cache, const std::string& key, const char* extension) {
    return cache.dir / "pch" / ("std-" + key + extension);
}

std::vector<std::string> header_args(std::vector<std::string> args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "-x") args[i + 1] = "c++-header";
    return args;
}

}  // namespace

std::string pch_key(const PchRequest& request) {
    KeyHasher h;
    h.add(kFormat).add(libclang_identity());  // not its version string: that would load it
    add_clang_environment(h);
    h.add(std::to_string(request.args.size()));
    for (const auto& a : request.args) h.add(a);
    h.add(std::to_string(request.headers.size()));
    for (const auto& name : request.headers) h.add(name);
    return h.hex();
}

fs::path pch_path(const CacheSettings& cache, const std::string& key) {
    return sibling(cache, key, ".pch");
}

std::optional<StdPch> find_std_pch(const CacheSettings& cache, const PchRequest& request) {
    if (!cache.enabled()) return std::nullopt;
    std::string key = pch_key(request);
    auto text = read_whole_file(sibling(cache, key, ".json"));
    if (!text) return std::nullopt;
    json manifest = json::parse(*text, nullptr, /*allow_exceptions=*/false);
    StdPch pch{pch_path(cache, key), {}};
    std::error_code ec;
    if (!manifest.is_object() || !fs::is_regular_file(pch.file, ec)) return std::nullopt;
    try {
        if (manifest.at("format") != kFormat || manifest.at("key") != key) return std::nullopt;
        for (const auto& item : manifest.at("read")) {
            FileHash f{item.at(0).get<std::string>(), item.at(1).get<std::string>()};
            auto now = hash_file(f.path);
            if (!now || *now != f.hash) return std::nullopt;
            pch.read.push_back(std::move(f));
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return pch;
}

std::optional<StdPch> build_std_pch(const CacheSettings& cache, const PchRequest& request) {
    // Without a usable libclang no PCH: the parse that follows reports why.
    if (!cache.enabled() || request.headers.empty() || libclang_problem() ||
        !ensure_cache_folder(cache.dir) || !ensure_cache_folder(cache.dir / "pch"))
        return std::nullopt;
    std::string key = pch_key(request);
    // The source must exist on disk (clang records it as the PCH's input). Rewrite it
    // only if it differs: a new mtime would invalidate PCHs other processes are using.
    fs::path source = sibling(cache, key, ".hpp");
    std::string text = pch_source(request.headers);
    if (read_whole_file(source) != text && !write_atomically(source, text)) return std::nullopt;

    clang::Index index(
        clang_createIndex(/*excludeDeclarationsFromPCH=*/0, /*displayDiagnostics=*/0));
    std::vector<std::string> args = header_args(request.args);
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    unsigned options = CXTranslationUnit_ForSerialization | CXTranslationUnit_Incomplete |
                       CXTranslationUnit_SkipFunctionBodies;
    CXTranslationUnit raw = nullptr;
    if (clang_parseTranslationUnit2(index.get(), source.c_str(), argv.data(),
                                    static_cast<int>(argv.size()), nullptr, 0, options,
                                    &raw) != CXError_Success ||
        !raw)
        return std::nullopt;
    clang::TranslationUnit tu(raw);
    support::Diagnostics errors;
    if (report_clang_errors(tu.get(), errors) > 0) return std::nullopt;
    auto read = files_read(tu.get(), {});
    if (!read) return std::nullopt;

    StdPch pch{pch_path(cache, key), std::move(*read)};
    fs::path tmp = temporary_sibling(pch.file);
    std::error_code ec;
    if (clang_saveTranslationUnit(tu.get(), tmp.c_str(), clang_defaultSaveOptions(tu.get())) !=
        CXSaveError_None) {
        fs::remove(tmp, ec);
        return std::nullopt;
    }
    fs::rename(tmp, pch.file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return std::nullopt;
    }
    json list = json::array();
    std::set<fs::path> seen;
    for (const auto& f : pch.read)
        if (seen.insert(f.path).second) list.push_back({f.path.string(), f.hash});
    json manifest = {
        {"format", kFormat}, {"key", key}, {"headers", request.headers}, {"read", list}};
    if (!write_atomically(sibling(cache, key, ".json"), manifest.dump(1))) return std::nullopt;
    return pch;
}

void discard_std_pch(const CacheSettings& cache, const PchRequest& request) {
    if (!cache.enabled()) return;
    std::error_code ec;
    fs::remove(sibling(cache, pch_key(request), ".json"),
               ec);  // the manifest first: no reader trusts the rest
}

}  // namespace autogen::scan
