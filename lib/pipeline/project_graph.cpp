// load_graph(), revision_parents() and writer_options() (project_graph.hpp).
#include "project_graph.hpp"

#include <algorithm>
#include <filesystem>

#include "support/text.hpp"

namespace autogen::pipeline {

using support::Category;
namespace fs = std::filesystem;

std::optional<migrate::RevisionGraph> load_graph(const support::Config& config,
                                                 support::Diagnostics& diags) {
    // git does not keep empty folders: a fresh clone of a project without revisions
    // has no migrations/ yet. That is an empty chain; `revision` creates the folder.
    std::error_code ec;
    if (!fs::exists(config.migrations_dir(), ec)) return migrate::RevisionGraph::build({}, diags);
    return migrate::RevisionGraph::load(config.migrations_dir(), config.database.dialects, diags);
}

std::optional<std::vector<std::string>> revision_parents(const migrate::RevisionGraph& graph,
                                                         const std::string& head, bool splice,
                                                         support::Diagnostics& diags) {
    const auto heads = graph.heads();
    if (head.empty()) {
        if (heads.size() > 1) {
            diags.error(
                Category::MigrationFile,
                "the migration chain has several heads: " + support::join_with(heads), {},
                "join them first with 'autogen merge -m MSG heads', or pick one with --head");
            return std::nullopt;
        }
        return heads;
    }
    auto resolved = graph.resolve(head, {});
    if (!resolved) {
        diags.error(Category::Usage, "--head: " + resolved.error->message());
        return std::nullopt;
    }
    for (const auto& id : resolved.value) {
        if (!splice && std::find(heads.begin(), heads.end(), id) == heads.end()) {
            diags.error(
                Category::Usage,
                "--head " + head + ": revision " + id + " is not a head of the chain", {},
                "a new revision goes on a head (`autogen heads` lists them), on `base`, or, to "
                "start a branch there, add --splice");
            return std::nullopt;
        }
    }
    return resolved.value;
}

migrate::WriterOptions writer_options(const support::Config& config) {
    migrate::WriterOptions o;
    o.migrations_dir = config.migrations_dir();
    o.file_template = config.migrations.file_template;
    o.timezone = config.migrations.timezone;
    std::optional<fs::path> project_templates;
    if (!config.migrations.templates.empty())
        project_templates = config.root / config.migrations.templates;
    o.template_search_path = migrate::template_search_path(project_templates);
    return o;
}

}  // namespace autogen::pipeline
