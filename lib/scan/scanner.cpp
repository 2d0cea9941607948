// scan(): globs -> umbrella TU -> declarations -> schema -> cross-model checks.
// Each step lives in its own file; this one only sequences them.
#include "scan/scanner.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include "scan/compile_commands.hpp"
#include "scan/decl_collector.hpp"
#include "scan/include_walk.hpp"
#include "scan/glob.hpp"
#include "scan/scan_cache.hpp"
#include "scan/schema_checks.hpp"
#include "scan/source_mapping.hpp"
#include "scan/std_pch.hpp"
#include "scan/table_builder.hpp"
#include "scan/translation_unit.hpp"
#include "support/resource_paths.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

using support::Category;

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + ("\"" + s + "\"");
    return out;
}

/// The clang arguments of a scan, which the caches are keyed by: the defaults, then
/// the flags of compile_commands.json, then include_dirs, then extra_args (later wins).
std::vector<std::string> clang_arguments(const ScanOptions& options, const fs::path& root,
                                         const std::vector<std::string>& database_flags) {
    std::vector<std::string> args = {"-x", "c++", "-std=c++20", "-resource-dir", AUTOGEN_CLANG_RESOURCE_DIR};
    if (auto inc = support::model_include_dir()) {
        args.push_back("-I");
        args.push_back(inc->string());
    }
    args.insert(args.end(), database_flags.begin(), database_flags.end());
    for (const auto& dir : options.include_dirs) {
        args.push_back("-I");
        args.push_back((dir.is_absolute() ? dir : root / dir).lexically_normal().string());
    }
    args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
    return args;
}

/// Parses the umbrella; retries once with the system compiler's libstdc++ folders
/// when clang's own header search misses a standard header (TOOLCHAIN §1.3).
std::optional<ParsedUnit> parse_models(UnitRequest request, support::Diagnostics& diags) {
    auto unit = parse_unit(request, diags);
    if (!unit || !misses_standard_header(unit->tu.get())) return unit;
    auto dirs = libstdcxx_include_dirs();
    if (dirs.empty()) return unit;
    request.args.push_back("-nostdinc++");
    for (const auto& d : dirs) {
        request.args.push_back("-isystem");
        request.args.push_back(d);
    }
    support::Diagnostics retry_diags;
    auto retry = parse_unit(request, retry_diags);
    if (!retry || misses_standard_header(retry->tu.get())) return unit;
    std::string list;
    for (const auto& d : dirs) list += " " + d;
    diags.note(Category::Model,
               "libclang did not find the C++ standard headers on its own; scanned with -nostdinc++ and the "
               "system compiler's libstdc++ folders:" + list);
    return retry;
}

/// What a parse gave, and what the precompiled header it used read (for the result cache).
struct Parsed {
    std::optional<ParsedUnit> unit;
    std::vector<FileHash> pch_read;
};

/// Parses over the cached std-header PCH when there is one (building it if needed);
/// a PCH that libclang refuses is discarded and rebuilt once, then the parse goes on
/// without one. Without a cache folder, a plain parse.
Parsed parse_with_pch(UnitRequest request, const CacheSettings& cache, const fs::path& root, CacheTrace& trace,
                      support::Diagnostics& diags) {
    if (cache.enabled()) {
        std::error_code ec;
        PchRequest wanted{walk_includes(request.headers, include_search(request.args, fs::current_path(ec)), root)
                              .outside_headers,
                          request.args};
        std::optional<StdPch> pch;
        if (!wanted.headers.empty()) pch = find_std_pch(cache, wanted);
        trace.pch_reused = pch.has_value();
        for (int attempt = 0; attempt < 2 && !wanted.headers.empty(); ++attempt) {
            if (!pch) {
                pch = build_std_pch(cache, wanted);
                trace.pch_built = pch.has_value();
                trace.pch_reused = false;
            }
            if (!pch) break;
            request.pch = pch->file;
            CXErrorCode failure = CXError_Success;
            support::Diagnostics unused;
            auto unit = parse_unit(request, unused, &failure);
            if (unit && !pch_rejected(unit->tu.get())) {
                trace.pch_headers = wanted.headers;
                return {std::move(unit), std::move(pch->read)};
            }
            trace.pch_rejected = true;  // stale or foreign: never trusted again
            discard_std_pch(cache, wanted);
            pch.reset();
        }
        request.pch.clear();
    }
    return {parse_models(std::move(request), diags), {}};
}

/// Real path -> the path the globs matched, so locations name files as `files` does
/// even when the project folder is reached through a symlink.
using PathMap = std::map<std::string, std::string>;

void remap(support::SourceLocation& l, const PathMap& paths) {
    auto it = paths.find(l.file);
    if (it != paths.end()) l.file = it->second;
}

void remap(schema::Schema& s, const PathMap& paths) {
    for (auto& e : s.enums) remap(e.location, paths);
    for (auto& t : s.tables) {
        remap(t.location, paths);
        for (auto& c : t.columns) remap(c.location, paths);
        for (auto& fk : t.foreign_keys) remap(fk.location, paths);
        for (auto& ix : t.indexes) remap(ix.location, paths);
        for (auto& u : t.uniques) remap(u.location, paths);
        for (auto& ck : t.checks) remap(ck.location, paths);
    }
}

}  // namespace

std::optional<ScanResult> scan(const ScanOptions& options, support::Diagnostics& diags) {
    std::error_code ec;
    fs::path root = fs::absolute(options.project_root.empty() ? fs::current_path(ec) : options.project_root, ec);
    return scan(options, CacheSettings::from_env(root.lexically_normal()), diags);
}

std::optional<ScanResult> scan(const ScanOptions& options, const CacheSettings& cache, support::Diagnostics& diags,
                               CacheTrace* trace) {
    CacheTrace ignored;
    if (!trace) trace = &ignored;
    std::size_t errors_before = diags.error_count();
    std::error_code ec;
    fs::path root = fs::absolute(options.project_root.empty() ? fs::current_path(ec) : options.project_root, ec);
    root = root.lexically_normal();

    ScanResult result;
    if (options.header_globs.empty() && options.compile_commands.empty()) {
        diags.error(Category::Config, "no model headers configured", {},
                    "list them in autogen.toml: [models] headers = [\"src/models/**/*.hpp\"] (or compile_commands)");
        return std::nullopt;
    }
    result.files = expand_globs(root, options.header_globs);
    CompileCommandsModels database;
    if (!options.compile_commands.empty()) {
        fs::path file = (options.compile_commands.is_absolute() ? options.compile_commands
                                                                 : root / options.compile_commands)
                            .lexically_normal();
        auto commands = read_compile_commands(file, diags);
        if (!commands) return std::nullopt;
        database = models_from_commands(*commands, root, file, diags);
        result.via_compile_commands = database.via;
        result.files.insert(result.files.end(), database.headers.begin(), database.headers.end());
        std::sort(result.files.begin(), result.files.end());
        result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
    }
    if (result.files.empty()) {
        std::string where = options.header_globs.empty() ? std::string()
                                                         : "no model header matched " + join(options.header_globs);
        if (!options.compile_commands.empty())
            where += (where.empty() ? "" : ", and ") + std::string("no source in ") +
                     options.compile_commands.string() + " includes a project header that uses AUTOGEN_TABLE";
        diags.error(Category::Config, where + " in " + root.string(), {},
                    "check [models] headers and compile_commands in autogen.toml; patterns are relative to the folder "
                    "of autogen.toml ('**' matches any number of folders)");
        return std::nullopt;
    }
    std::set<std::string> model_files;
    PathMap paths;
    for (const auto& f : result.files) {
        fs::path real = fs::canonical(f, ec);
        model_files.insert(ec ? f.string() : real.string());
        model_files.insert(f.string());
        if (!ec && real != f) paths[real.string()] = f.string();
    }

    std::string request_main = (root / ".autogen-scan.cpp").string();
    UnitRequest request{request_main, result.files, clang_arguments(options, root, database.flags), {}};
    std::string cache_key;
    if (cache.enabled()) {
        cache_key = result_key(libclang_version(), request.args, request.main_file);
        if (auto hit = lookup_result(cache, cache_key, result.files)) {
            for (auto& d : hit->diagnostics) diags.report(std::move(d));
            trace->result_hit = true;
            hit->result.via_compile_commands = std::move(result.via_compile_commands);
            return std::move(hit->result);
        }
    }
    // Problems are collected locally first so their paths can be remapped.
    support::Diagnostics found;
    auto [unit, pch_read] = parse_with_pch(std::move(request), cache, root, *trace, found);
    if (unit) {
        report_clang_errors(unit->tu.get(), found);
        SourceCache sources;
        ModelDecls decls = collect_models(unit->tu.get(), model_files, sources, found);
        result.schema = build_schema(decls, found);
        check_schema(result.schema, found);
        remap(result.schema, paths);
    }
    std::vector<support::Diagnostic> reported;
    for (auto d : found.items()) {
        remap(d.location, paths);
        // The umbrella exists only in memory: name the header its line includes instead
        // (an error there means that header ends inside an unfinished construct).
        if (d.location.file == request_main && d.location.line >= 2 && d.location.line - 2 < result.files.size())
            d.location = {result.files[d.location.line - 2].string(), 0, 0};
        reported.push_back(d);
        diags.report(std::move(d));
    }

    if (!unit || diags.error_count() > errors_before) return std::nullopt;
    if (cache.enabled()) {
        // Only a clean scan is stored, with exactly the warnings and notes it reported.
        // The files behind the PCH count as read: a changed standard header must miss.
        auto read = files_read(unit->tu.get(), request_main);
        if (read) read->insert(read->end(), pch_read.begin(), pch_read.end());
        if (read)
            trace->result_stored = store_result(cache, cache_key, *read, CachedOutcome{result, std::move(reported)});
    }
    return result;
}

}  // namespace autogen::scan
