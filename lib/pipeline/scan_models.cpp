// scan_models() (scan_models.hpp).
#include "scan_models.hpp"

#include <algorithm>

#include "blind_spot_guard.hpp"
#include "compared_tables.hpp"
#include "declared_objects.hpp"
#include "reserved_names.hpp"
#include "support/display_path.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

namespace fs = std::filesystem;

std::size_t max_identifier_length(const dialect::DialectRegistry& dialects,
                                  const support::Config& config) {
    std::size_t limit = 0;
    for (const auto& name : config.database.dialects) {
        const dialect::Dialect* d = dialects.find(name);
        if (d && d->max_identifier_length > 0 && (limit == 0 || d->max_identifier_length < limit))
            limit = d->max_identifier_length;
    }
    return limit;
}

std::optional<scan::ScanResult> scan_models(const Context& ctx, const support::Config& config,
                                            std::vector<scan::BlindSpot>* blind_spots) {
    scan::ScanOptions options;
    options.project_root = config.root;
    options.header_globs = config.models.headers;
    options.compile_commands = config.models.compile_commands;
    for (const auto& dir : config.models.include_dirs) options.include_dirs.emplace_back(dir);
    options.extra_args = config.models.extra_args;
    options.naming = config.models.naming;
    options.naming.max_length = max_identifier_length(ctx.dialects, config);
    scan::CacheTrace trace;
    const auto& progress = ctx.progress;
    support::report(progress, {"scanning models", 0, 0, support::join_with(config.models.headers)});
    auto result = scan::scan(options, scan::CacheSettings::from_env(config.root.lexically_normal()),
                             ctx.diags, &trace);
    support::report_finished(progress, "scanning models");
    if (!result) return std::nullopt;
    // -v: every file read and every model found, with file:line:col (relative to the
    // project), and how the scan was answered: the blind-spot guard's other half.
    auto rel = [&](const fs::path& p) { return support::relative_inside(p, config.root); };
    auto at = [&](support::SourceLocation l) {
        if (l.known()) l.file = rel(l.file);
        return l.str();
    };
    for (const auto& f : result->files) {
        auto via = result->via_compile_commands.find(f);
        ctx.say_detail("read " + rel(f) +
                       (via == result->via_compile_commands.end()
                            ? std::string()
                            : "  (included by " + rel(via->second) + ", " +
                                  config.models.compile_commands + ")"));
    }
    for (const auto& t : result->schema.tables)
        ctx.say_detail("model table " + t.qualified_name() + " at " + at(t.location));
    for (const auto& e : result->schema.enums)
        ctx.say_detail("model enum \"" + e.name + "\" at " + at(e.location));
    if (trace.result_hit) {
        ctx.say_detail("scan: answered from the scan cache (no file changed)");
    } else if (trace.incremental) {
        std::vector<std::string> parsed;
        for (const auto& f : trace.reparsed) parsed.push_back(rel(f));
        std::size_t kept = result->files.size() - trace.reparsed.size();
        ctx.say_detail("scan: incremental: parsed " + std::to_string(trace.reparsed.size()) +
                       " changed model header" + (trace.reparsed.size() == 1 ? "" : "s") +
                       (parsed.empty() ? std::string() : " (" + support::join_with(parsed) + ")") +
                       ", " + std::to_string(kept) + " answered from the per-header cache");
    } else if (!trace.pch_headers.empty())
        ctx.say_detail(std::string("scan: parsed over the precompiled standard headers (") +
                       (trace.pch_built ? "built now" : "reused") +
                       "): " + support::join_with(trace.pch_headers));
    else
        ctx.say_detail("scan: parsed without precompiled headers");
    if (trace.full_parse_after_incremental)
        ctx.say_detail(
            "scan: a changed header did not compile on its own (or the changed headers did not "
            "give "
            "exactly what a whole parse gives), so every header was parsed");
    if (!trace.units_not_stored.empty())
        ctx.say_detail("scan: no per-header cache for the next scan: " + trace.units_not_stored);
    // The blind-spot guard: a model the globs miss would be left out of every revision,
    // and its table proposed for dropping (blind_spot_guard.hpp).
    auto spots = find_project_blind_spots(config, result->files);
    if (blind_spots)
        *blind_spots = std::move(spots);
    else
        report_blind_spots(ctx.diags, config, spots, support::Severity::Warning);
    auto& tables = result->schema.tables;
    tables.erase(std::remove_if(tables.begin(), tables.end(),
                                [&](const schema::Table& t) { return excluded_table(config, t); }),
                 tables.end());
    if (!check_reserved_names(ctx.diags, config, result->schema)) return std::nullopt;
    // The objects declared in SQL files (views ...) join the models' schema.
    if (config.models.sql_given) {
        auto objects = read_declared_objects(config, ctx.diags);
        if (!objects) return std::nullopt;
        for (const auto& o : *objects)
            ctx.say_detail("model " + std::string(schema::to_string(o.kind)) + " " +
                           o.qualified_name() + " at " + o.location.str());
        result->schema.objects = std::move(*objects);
        result->schema.declares_objects = true;
    }
    return result;
}

}  // namespace autogen::pipeline
