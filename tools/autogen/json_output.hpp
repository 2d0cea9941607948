// The pieces of `--json` (docs/json.md): every command prints one document,
// {"version", "command", "ok", "exit_code", "result", "diagnostics"}, and the objects
// that several commands' results share (a revision, an operation, a diagnostic) are
// built here so that they have one shape everywhere.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "schema/operation.hpp"
#include "support/diagnostics.hpp"
#include "support/json_writer.hpp"

namespace autogen::pipeline {
struct PlannedChange;
}

namespace autogen::cli {

using pipeline::PlannedChange;

/// The `version` of the document; raised when a field changes meaning or goes away
/// (adding a field does not raise it).
inline constexpr int kJsonVersion = 1;

using Json = nlohmann::ordered_json;

/// {"severity", "category", "message", "file", "line", "column", "hint"}; file is null
/// when unknown (then line and column are too), else relative to the current folder
/// when inside it.
Json diagnostic_json(const support::Diagnostic& d);

/// Writes a command's `result` object straight into the document, for results too large
/// to build as a DOM first (a whole schema: Session::stream_result).
using ResultWriter = std::function<void(support::JsonWriter&)>;

/// Prints the whole document of one command run and a line break: formatted as
/// Json::dump(2), made safe for a terminal (support::terminal_text) and with passwords
/// in URLs hidden (db::redact_password), as every stdout line. Nothing is printed when
/// writing it fails (a string that is not UTF-8 throws nlohmann's type_error, as dump()
/// did). `result` writes the document's result object.
void print_json_document(std::ostream& out, const std::string& command, int exit_code,
                         const ResultWriter& result,
                         const std::vector<support::Diagnostic>& diagnostics);

/// The same with a result built as a DOM (null stands for `{}`).
void print_json_document(std::ostream& out, const std::string& command, int exit_code,
                         const Json& result, const std::vector<support::Diagnostic>& diagnostics);

/// A revision of the chain: id, down_revisions, message, created, branch_labels,
/// depends_on, path (relative to `root` when inside it), head, branchpoint, mergepoint.
Json revision_json(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                   const std::filesystem::path& root);

/// A list of revision ids.
Json ids_json(const std::vector<std::string>& ids);

/// An operation: kind ("add_column" ...), table (null for an enum's), column (null
/// unless the operation is on one column), destructive, phrase (the human line) and
/// statements: {dialect: [sql, ...]}, what the operation alone renders to in each
/// change of `per_dialect` that has it (the same phrase). SQLite may fold several
/// operations into one table rebuild: the whole change's SQL is the dialect's list.
Json operation_json(const schema::Operation& op, bool destructive,
                    const std::vector<const PlannedChange*>& per_dialect = {});

/// The snake_case name of an operation's kind ("create_table", "alter_column" ...).
std::string operation_kind(const schema::Operation& op);

}  // namespace autogen::cli
