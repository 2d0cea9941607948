// scan(): globs -> umbrella TU -> declarations -> schema -> cross-model checks.
// Each step lives in its own file; this one only sequences them.
#include "scan/scanner.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <system_error>

#include "scan/cache/header_units.hpp"
#include "scan/cache/incremental_scan.hpp"
#include "scan/cache/scan_cache.hpp"
#include "scan/cache/std_pch.hpp"
#include "scan/cache/unit_store.hpp"
#include "scan/compile_commands.hpp"
#include "scan/decl_collector.hpp"
#include "scan/glob.hpp"
#include "scan/include_walk.hpp"
#include "scan/libclang_loader.hpp"
#include "scan/schema_checks.hpp"
#include "scan/source_mapping.hpp"
#include "scan/table_builder.hpp"
#include "scan/translation_unit.hpp"
#include "support/resource_paths.hpp"
#include "support/text.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

using support::Category;

/// The items in double quotes, comma-separated: "a", "b".
std::string quoted_list(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const auto& s : items) quoted.push_back("\"" + s + "\"");
    return support::join_with(quoted);
}

/// The clang arguments of a scan, which the caches are keyed by: the defaults, then
/// the flags of compile_commands.json, then include_dirs, then extra_args (later wins).
std::vector<std::string> clang_arguments(const ScanOptions& options, const fs::path& root,
                                         const std::vector<std::string>& database_flags) {
    std::vector<std::string> args = {"-x", "c++", "-std=c++20", "-resource-dir",
                                     AUTOGEN_CLANG_RESOURCE_DIR};
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
               "libclang did not find the C++ standard headers on its own; scanned with "
               "-nostdinc++ and the "
               "system compiler's libstdc++ folders:" +
                   list);
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
/// `all_headers`: every model header of the scan, which the PCH is made for even when
/// `request` parses only some of them (an incremental scan), so both share one PCH.
Parsed parse_with_pch(UnitRequest request, const std::vector<fs::path>& all_headers,
                      const CacheSettings& cache, const fs::path& root, CacheTrace& trace,
                      support::Diagnostics& diags) {
    if (cache.enabled()) {
        std::error_code ec;
        PchRequest wanted{
            walk_includes(all_headers, include_search(request.args, fs::current_path(ec)), root)
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
        for (auto& x : t.exclusions) remap(x.location, paths);
    }
}

void remap(HeaderUnit& unit, const PathMap& paths) {
    remap(unit.fragment, paths);
    for (auto& d : unit.diagnostics) remap(d.location, paths);
}

/// What the scan is: its headers, how to parse them, where it caches.
struct ScanSetup {
    const std::vector<fs::path>& files;        ///< the model headers, sorted
    const std::set<std::string>& model_files;  ///< their paths, as given and real
    const PathMap& paths;                      ///< real path -> given path
    UnitOf unit_of;                            ///< a declaration's file -> index into `files`
    UnitRequest request;                       ///< the whole scan's umbrella request
    ProjectFolder project;
    const CacheSettings& cache;
    std::string key;  ///< the cache key (empty: not caching)
    const support::NamingConvention& naming;
};

/// What a parse of some of the headers gave, split into units; nullopt when libclang
/// failed or the headers do not compile (clang or model errors, reported in `diags`).
struct UnitParse {
    std::optional<ParsedUnit> unit;
    ParsedUnits units;
    std::vector<FileHash>
        read;  ///< every file the parse read (the PCH's inputs too); empty: unknown
    std::size_t diagnostics_before_split = 0;  ///< reported by clang and the cursor walk
};

UnitParse parse_units(const ScanSetup& setup, const std::set<std::size_t>& which,
                      const std::map<std::size_t, const HeaderUnit*>& cached, CacheTrace& trace,
                      support::Diagnostics& diags) {
    UnitRequest request = setup.request;
    if (which.size() != setup.files.size()) {
        request.headers.clear();
        for (std::size_t i : which) request.headers.push_back(setup.files[i]);
    }
    UnitParse out;
    auto [unit, pch_read] = parse_with_pch(std::move(request), setup.files, setup.cache,
                                           setup.project.root, trace, diags);
    if (!unit) return out;
    out.unit = std::move(unit);
    CXTranslationUnit tu = out.unit->tu.get();
    report_clang_errors(tu, diags);
    SourceCache sources;
    ModelDecls decls = collect_models(tu, setup.model_files, sources, diags);
    out.diagnostics_before_split = diags.items().size();
    out.units = split_units(decls, setup.files, which, cached, setup.unit_of, setup.naming, diags);
    for (auto& [i, u] : out.units.units) remap(u, setup.paths);
    if (setup.cache.enabled()) {
        if (auto read = files_read(tu, setup.request.main_file)) {
            out.read = std::move(*read);
            out.read.insert(out.read.end(), pch_read.begin(), pch_read.end());
        }
    }
    return out;
}

/// The merged result of `units` (one per header, in order) and its cross-model checks.
schema::Schema assemble(const std::vector<const HeaderUnit*>& units, support::Diagnostics& diags) {
    schema::Schema s = merge_units(units);
    check_schema(s, diags);
    return s;
}

/// Stores what a clean scan gives later scans: the result entry (every file read) and
/// the per-header entry, when the include walk vouches for the dependencies.
void store_scan(const ScanSetup& setup, ScanResult& result,
                const std::vector<support::Diagnostic>& reported, std::vector<FileHash> shared,
                std::map<std::size_t, HeaderUnit> units, const std::set<std::size_t>& parsed,
                const std::vector<FileHash>& parse_read, bool units_storable, CacheTrace& trace) {
    std::error_code ec;
    std::string why = "a diagnostic of the parse is not one header's";
    std::optional<std::map<std::size_t, std::vector<FileHash>>> deps;
    if (units_storable)
        deps = header_dependencies(setup.files, parsed,
                                   include_search(setup.request.args, fs::current_path(ec)),
                                   setup.project, parse_read, &why);
    if (deps)
        for (auto& [i, d] : *deps) units[i].depends_on = std::move(d);
    // The result entry must miss when any file of any unit changes, parsed now or kept.
    std::vector<FileHash> read = parse_read;
    read.insert(read.end(), shared.begin(), shared.end());
    for (const auto& [i, u] : units)
        read.insert(read.end(), u.depends_on.begin(), u.depends_on.end());
    if (deps) {
        StoredUnits stored;
        shared.insert(shared.end(), parse_read.begin(), parse_read.end());
        stored.shared = outside_files(shared, setup.project);  // each file once, the newest hash
        for (auto& [i, u] : units) stored.units.push_back(std::move(u));
        trace.units_stored = store_units(setup.cache, setup.key, std::move(stored));
    } else {
        forget_units(setup.cache, setup.key);
        trace.units_not_stored = why;
    }
    if (read.empty()) return;
    CachedOutcome outcome{std::move(result), reported};  // lent, not copied, and given back
    trace.result_stored = store_result(setup.cache, setup.key, read, outcome);
    result = std::move(outcome.result);
}

/// Re-parses only the headers `plan` names and puts the kept units beside them.
/// nullopt when that cannot give exactly what a whole parse gives (a re-parsed header
/// does not compile on its own, an outside enum changed hands, any error): the caller
/// then parses everything, which also reports any error with the whole context.
std::optional<ScanResult> scan_incremental(const ScanSetup& setup, IncrementalPlan plan,
                                           CacheTrace& trace, support::Diagnostics& diags) {
    std::map<std::size_t, const HeaderUnit*> kept;
    for (const auto& [i, u] : plan.kept) kept[i] = &u;
    std::map<std::size_t, HeaderUnit> units = std::move(plan.kept);
    UnitParse parse;
    support::Diagnostics found;
    CacheTrace parse_trace;
    if (!plan.reparse.empty()) {
        parse = parse_units(setup, plan.reparse, kept, parse_trace, found);
        if (!parse.unit || found.error_count() > 0 || !parse.units.cached_owners_agree ||
            parse.read.empty())
            return std::nullopt;
        for (auto& [i, u] : parse.units.units) units[i] = std::move(u);
    }
    std::vector<const HeaderUnit*> ordered;
    std::vector<support::Diagnostic> reported;
    for (const auto& [i, u] : units) {
        ordered.push_back(&u);
        reported.insert(reported.end(), u.diagnostics.begin(), u.diagnostics.end());
    }
    support::Diagnostics checks;
    ScanResult result;
    result.files = setup.files;
    result.schema = assemble(ordered, checks);
    if (checks.error_count() > 0) return std::nullopt;
    for (auto d : checks.items()) {
        remap(d.location, setup.paths);
        reported.push_back(std::move(d));
    }
    trace.incremental = true;
    trace.pch_reused = parse_trace.pch_reused;
    trace.pch_built = parse_trace.pch_built;
    trace.pch_rejected = parse_trace.pch_rejected;
    trace.pch_headers = parse_trace.pch_headers;
    for (std::size_t i : plan.reparse) trace.reparsed.push_back(setup.files[i]);
    store_scan(setup, result, reported, std::move(plan.shared), std::move(units), plan.reparse,
               parse.read, parse.diagnostics_before_split == 0, trace);
    for (auto& d : reported) diags.report(std::move(d));
    return result;
}

}  // namespace

std::optional<ScanResult> scan(const ScanOptions& options, support::Diagnostics& diags) {
    std::error_code ec;
    fs::path root = fs::absolute(
        options.project_root.empty() ? fs::current_path(ec) : options.project_root, ec);
    return scan(options, CacheSettings::from_env(root.lexically_normal()), diags);
}

std::optional<ScanResult> scan(const ScanOptions& options, const CacheSettings& cache,
                               support::Diagnostics& diags, CacheTrace* trace) {
    CacheTrace ignored;
    if (!trace) trace = &ignored;
    std::size_t errors_before = diags.error_count();
    std::error_code ec;
    fs::path root = fs::absolute(
        options.project_root.empty() ? fs::current_path(ec) : options.project_root, ec);
    root = root.lexically_normal();

    ScanResult result;
    if (options.header_globs.empty() && options.compile_commands.empty()) {
        diags.error(Category::Config, "no model headers configured", {},
                    "list them in autogen.toml: [models] headers = [\"src/models/**/*.hpp\"] (or "
                    "compile_commands)");
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
        result.files.erase(std::unique(result.files.begin(), result.files.end()),
                           result.files.end());
    }
    if (result.files.empty()) {
        std::string where = options.header_globs.empty()
                                ? std::string()
                                : "no model header matched " + quoted_list(options.header_globs);
        if (!options.compile_commands.empty())
            where += (where.empty() ? "" : ", and ") + std::string("no source in ") +
                     options.compile_commands.string() +
                     " includes a project header that uses AUTOGEN_TABLE";
        diags.error(Category::Config, where + " in " + root.string(), {},
                    "check [models] headers and compile_commands in autogen.toml; patterns are "
                    "relative to the folder "
                    "of autogen.toml ('**' matches any number of folders)");
        return std::nullopt;
    }
    // Each model header by the path the globs gave and by its real path (what libclang
    // names): which header a declaration belongs to, and how to name it back.
    std::map<std::string, std::size_t> unit_index;
    std::set<std::string> model_files;
    PathMap paths;
    for (std::size_t i = 0; i < result.files.size(); ++i) {
        const fs::path& f = result.files[i];
        unit_index[f.string()] = i;
        fs::path real = fs::canonical(f, ec);
        if (ec) continue;
        unit_index.emplace(real.string(), i);
        if (real != f) paths[real.string()] = f.string();
    }
    for (const auto& [file, i] : unit_index) model_files.insert(file);

    std::string request_main = (root / ".autogen-scan.cpp").string();
    ScanSetup setup{
        result.files,
        model_files,
        paths,
        [&unit_index](const std::string& file) -> std::optional<std::size_t> {
            auto it = unit_index.find(file);
            if (it == unit_index.end()) return std::nullopt;
            return it->second;
        },
        UnitRequest{request_main, result.files, clang_arguments(options, root, database.flags), {}},
        ProjectFolder{
            root, cache.dir.empty() ? fs::path() : fs::absolute(cache.dir, ec).lexically_normal()},
        cache,
        {},
        options.naming};
    HashFileMemo memo;  // the caches below check many of the same files
    std::future<void> preload;
    if (cache.enabled()) {
        // The naming convention shapes the result as much as the clang arguments do.
        std::vector<std::string> key_args = setup.request.args;
        if (auto naming = options.naming.fingerprint(); !naming.empty())
            key_args.push_back("autogen-naming:" + naming);
        setup.key = result_key(libclang_identity(), key_args, setup.request.main_file);
        if (auto hit = lookup_result(cache, setup.key, result.files)) {
            for (auto& d : hit->diagnostics) diags.report(std::move(d));
            trace->result_hit = true;
            hit->result.via_compile_commands = std::move(result.via_compile_commands);
            return std::move(hit->result);
        }
        // Nearly every scan that gets here parses: load libclang (~18 ms of relocations)
        // on the other core while the per-header cache and the PCH are checked. The
        // future's destructor waits for it, so no thread outlives the scan.
        preload = std::async(std::launch::async, [] { (void)libclang_problem(); });
        if (auto stored = load_units(cache, setup.key)) {
            if (auto plan = plan_incremental_scan(std::move(*stored), result.files)) {
                if (auto done = scan_incremental(setup, std::move(*plan), *trace, diags)) {
                    done->via_compile_commands = std::move(result.via_compile_commands);
                    return done;
                }
                trace->full_parse_after_incremental = true;
            }
        }
    }

    // The whole parse. Problems are collected locally first so their paths can be remapped.
    std::set<std::size_t> every;
    for (std::size_t i = 0; i < result.files.size(); ++i) every.insert(i);
    support::Diagnostics found;
    UnitParse parse = parse_units(setup, every, {}, *trace, found);
    std::vector<const HeaderUnit*> ordered;
    for (const auto& [i, u] : parse.units.units) ordered.push_back(&u);
    if (parse.unit)
        result.schema = assemble(ordered, found);  // the units' locations are remapped already
    std::vector<support::Diagnostic> reported;
    for (auto d : found.items()) {
        remap(d.location, paths);
        // The umbrella exists only in memory: name the header its line includes instead
        // (an error there means that header ends inside an unfinished construct).
        if (d.location.file == request_main && d.location.line >= 2 &&
            d.location.line - 2 < result.files.size())
            d.location = {result.files[d.location.line - 2].string(), 0, 0};
        reported.push_back(d);
        diags.report(std::move(d));
    }

    if (!parse.unit || diags.error_count() > errors_before) return std::nullopt;
    if (cache.enabled() && !parse.read.empty())
        store_scan(setup, result, reported, {}, std::move(parse.units.units), every, parse.read,
                   parse.diagnostics_before_split == 0, *trace);
    return result;
}

}  // namespace autogen::scan
