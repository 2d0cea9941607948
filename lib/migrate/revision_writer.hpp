// Writing a new revision file: the draft (fields + planned statements per dialect) is
// turned into the template context, rendered with the Jinja templates (the project's
// own first, then the built-in ones; strict undefined) and written atomically under a
// name built from [migrations] file_template.
#pragma once

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codegen/planner.hpp"
#include "migrate/revision_stamp.hpp"  // new_revision_id, format_created: the writer's callers
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// The statements of one dialect, both directions.
struct DialectStatements {
    std::string dialect;
    std::vector<codegen::Statement> upgrade;
    std::vector<codegen::Statement> downgrade;
};

/// Everything a new revision file says.
struct RevisionDraft {
    std::string id;                           ///< new_revision_id() or --rev-id
    std::vector<std::string> down_revisions;  ///< current head(s); empty for the first revision
    std::string message;
    std::chrono::system_clock::time_point created = std::chrono::system_clock::now();
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    std::vector<std::string> operations;      ///< "detected added column ..." phrases
    std::vector<DialectStatements> dialects;  ///< one per configured dialect, in config order;
                                              ///< empty statement lists for --empty
};

/// How and where to write it ([migrations] config).
struct WriterOptions {
    std::filesystem::path migrations_dir = "migrations";
    /// strftime fields and {rev} {slug}; ".sql" is appended unless present.
    std::string file_template = "%Y%m%d_%H%M_{rev}_{slug}";
    /// Time zone of the strftime fields: "UTC" or "local". (The `created` header is always UTC.)
    std::string timezone = "UTC";
    /// Where templates are looked up, first folder wins; see template_search_path().
    std::vector<std::filesystem::path> template_search_path;
    std::string template_name = "revision.sql.j2";
};

/// `message` lowercased, every run of non-alphanumerics turned into one '_', trimmed
/// of '_' at both ends, cut to at most 40 characters ("Add user phone!" -> "add_user_phone").
std::string slugify(std::string_view message);

/// The project's template folder (if configured and present), then the built-in one.
std::vector<std::filesystem::path> template_search_path(
    const std::optional<std::filesystem::path>& project_templates);

/// The file name (not the path) for `draft`: file_template expanded, ".sql" appended.
/// Config error (bad time zone, a '/' in the result, empty result) -> nullopt.
std::optional<std::string> revision_file_name(const RevisionDraft& draft,
                                              const WriterOptions& options,
                                              support::Diagnostics& diags);

/// The template context of `draft` (every key always present; see templates/revision.sql.j2).
nlohmann::ordered_json revision_context(const RevisionDraft& draft);

/// Renders the revision file text, without writing anything.
std::optional<std::string> render_revision(const RevisionDraft& draft, const WriterOptions& options,
                                           support::Diagnostics& diags);

/// Renders and writes the revision file into options.migrations_dir (created if
/// missing): through a temporary file in the same folder renamed into place, so no
/// partial file is ever left; refuses to overwrite an existing file. Returns its path.
std::optional<std::filesystem::path> write_revision(const RevisionDraft& draft,
                                                    const WriterOptions& options,
                                                    support::Diagnostics& diags);

}  // namespace autogen::migrate
