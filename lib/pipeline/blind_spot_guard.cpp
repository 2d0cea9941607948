// Messages and table keeping of the blind-spot guard (blind_spot_guard.hpp).
#include "blind_spot_guard.hpp"

#include <algorithm>

#include "introspect/inspector.hpp"
#include "schema/table_lookup.hpp"
#include "support/display_path.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

namespace fs = std::filesystem;
using support::Category;

namespace {

/// `p` relative to the project, '/'-separated (what the globs of autogen.toml match).
std::string project_relative(const support::Config& config, const std::string& p) {
    return fs::path(support::relative_inside(p, config.root)).generic_string();
}

/// "legacy/*.hpp" for legacy/b.hpp: the glob of its folder and extension.
std::string suggested_glob(const std::string& relative) {
    fs::path p(relative);
    std::string folder = p.parent_path().generic_string();
    return (folder.empty() ? std::string() : folder + "/") + "*" + p.extension().string();
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::vector<std::string> q;
    for (const auto& i : items) q.push_back("\"" + i + "\"");
    return support::join_with(q);
}

std::string qualified(const scan::UnscannedTable& t) {
    return t.schema.empty() ? t.name : t.schema + "." + t.name;
}

/// The fix, one sentence: which glob to add, or which ignore entry.
std::string fix_for(const support::Config& config, const std::string& relative) {
    const std::string now = config.models.headers.empty()
                                ? std::string("none; compile_commands reaches the others")
                                : quoted_list(config.models.headers);
    return "add \"" + suggested_glob(relative) +
           "\" (or another glob that matches it) to [models] headers in " +
           config.file.filename().string() + " (now: " + now +
           "), or, to leave it out on purpose, add \"" + relative + "\" to [models] ignore";
}

}  // namespace

std::vector<scan::BlindSpot> find_project_blind_spots(const support::Config& config,
                                                      const std::vector<fs::path>& scanned) {
    return scan::find_blind_spots(config.root, scanned, config.models.ignore);
}

bool report_blind_spots(support::Diagnostics& diags, const support::Config& config,
                        const std::vector<scan::BlindSpot>& spots, support::Severity severity) {
    bool none = true;
    for (const auto& spot : spots) {
        if (!spot.ignored_by.empty()) continue;
        none = false;
        std::vector<std::string> names;
        for (const auto& t : spot.tables)
            if (!t.name.empty()) names.push_back(qualified(t));
        std::string message = "this file declares a model (AUTOGEN_TABLE) but is not scanned";
        if (!names.empty())
            message += ": its table" + std::string(names.size() == 1 ? " " : "s ") +
                       quoted_list(names) + " would be left out of every revision";
        std::string hint = fix_for(config, project_relative(config, spot.first_use.file));
        if (severity == support::Severity::Error)
            diags.error(Category::Model, message, spot.first_use, hint);
        else
            diags.warning(Category::Model, message, spot.first_use, hint);
    }
    return none;
}

std::vector<Finding> blind_spot_findings(const support::Config& config,
                                         const std::vector<scan::BlindSpot>& spots) {
    std::vector<Finding> out;
    for (const auto& spot : spots) {
        if (!spot.ignored_by.empty()) continue;
        support::SourceLocation at = spot.first_use;
        const std::string relative = project_relative(config, at.file);
        at.file = relative;
        out.push_back({"blind-spot", relative,
                       at.str() + " declares a model (AUTOGEN_TABLE) but is not scanned: " +
                           fix_for(config, relative)});
    }
    return out;
}

std::optional<support::Config> keep_unscanned_tables(const Context& ctx,
                                                     const support::Config& config,
                                                     const std::vector<scan::BlindSpot>& spots,
                                                     const schema::Schema& models) {
    support::Config kept = config;
    const schema::TableLookup model_tables(models);
    for (const auto& spot : spots) {
        const std::string why = spot.ignored_by.empty()
                                    ? std::string("which is not scanned")
                                    : "listed in [models] ignore (\"" + spot.ignored_by + "\")";
        for (const auto& t : spot.tables) {
            support::SourceLocation at = t.declared;
            at.file = project_relative(config, at.file);
            if (t.name.empty()) {
                // Not knowing the table, autogen could propose dropping it: refuse.
                ctx.diags.error(
                    Category::Model,
                    "cannot tell from the text which table this declares, so it cannot be kept "
                    "safe "
                    "from dropping (the file is " +
                        why + ")",
                    t.declared,
                    "name the table: AUTOGEN_TABLE(\"name\"), or add the file to [models] headers");
                continue;
            }
            // A scanned model of the same name is the table's definition: it is compared.
            if (model_tables.find(t.name, t.schema)) continue;
            const std::string pattern = qualified(t);
            auto& excluded = kept.models.exclude_tables;
            if (std::find(excluded.begin(), excluded.end(), pattern) == excluded.end())
                excluded.push_back(pattern);
            ctx.say_detail("kept table \"" + pattern + "\": declared at " + at.str() + ", " + why +
                           "; left out of the comparison, never dropped");
        }
    }
    if (ctx.diags.has_errors()) return std::nullopt;
    return kept;
}

}  // namespace autogen::pipeline
