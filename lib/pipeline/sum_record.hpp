// The CLI's side of migrations/autogen.sum: where it is, writing it after `revision`,
// `merge` and `hash`, and the comparisons `check` and `hash` make with it (models vs
// the snapshot with no database, the snapshot vs the replayed chain with one).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "migrate/sum_file.hpp"
#include "schema/schema.hpp"
#include "session.hpp"

namespace autogen::cli {

/// One `check` finding: its kind (the JSON "kind"), what it is about (a file relative
/// to the project, "database", "models"), and the line printed.
struct Finding {
    std::string kind;
    std::string where;
    std::string message;
    bool destructive = false;  ///< fixing it takes an operation that loses data (a drop, a narrowing)
    Json operation = nullptr;  ///< the difference as an operation object (json_output.hpp), when it is one
};

/// <migrations>/autogen.sum.
std::filesystem::path sum_path(const support::Config& config);
/// "migrations/autogen.sum" as users see it (relative to the project).
std::string sum_display(const support::Config& config);

/// Which checksums a rewrite of autogen.sum takes from the files on disk.
enum class SumUpdate {
    Rehash,       ///< `hash`: every file's, as it is now
    AddNew,       ///< `revision`: the new file's only; every other one kept as recorded
    AddUnlisted,  ///< `merge`: the new file's and those of files the sum does not list (the
                  ///< other branch's revisions); those it lists kept as recorded
};

/// Rewrites autogen.sum: the heads of the chain the files on disk form, `snapshot` (the
/// model schema those heads stand for) and the checksums `update` says; a checksum kept
/// as recorded keeps a hand edit of that file a finding for `check` and `upgrade`, which
/// only `hash` settles. Without a readable sum, every file's. `added` is the file
/// `revision`/`merge` just wrote. Removes temporary files a killed writer left first.
/// Reports and returns false when the folder no longer loads or the file cannot be written.
bool record_sum(Session& session, const support::Config& config, const schema::Schema& snapshot,
                SumUpdate update = SumUpdate::Rehash, const std::filesystem::path& added = {});

/// Before `revision` writes anything: false (after reporting) when autogen.sum exists but
/// cannot be read, since recording the new file would mean rewriting it from the files
/// and erasing what it says about them. (`merge` is the documented fix for a sum a git
/// merge conflicted, so it rewrites such a sum, with a warning.)
bool sum_ready_for_new_revision(Session& session, const support::Config& config);

/// After `revision`/`merge` wrote `file` (and its hooks ran): records it in autogen.sum
/// (`update`: AddNew or AddUnlisted); when that fails, removes `file` again, so the
/// folder gains both or neither.
bool record_new_revision(Session& session, const support::Config& config, const std::filesystem::path& file,
                         const schema::Schema& snapshot, SumUpdate update);

/// Findings about autogen.sum itself (missing, unreadable) and about revision files whose
/// bytes differ from their recorded checksums. Returns the sum when it was readable.
std::optional<migrate::SumFile> check_sum_file(const support::Config& config, const migrate::RevisionGraph& graph,
                                               std::vector<Finding>& findings);

/// The snapshot a readable sum records, parsed; the empty schema for a project with no
/// revisions and no sum; nullopt otherwise (after reporting a parse error).
std::optional<schema::Schema> recorded_snapshot(const support::Config& config, const std::optional<migrate::SumFile>& sum,
                                                const migrate::RevisionGraph& graph, support::Diagnostics& diags);

/// The differences between two unlowered model schemas as `dialect` sees them (both
/// lowered by its planner, diffed by its rules; no database): operations turning
/// `from` into `to`. nullopt after reporting an error.
std::optional<std::vector<schema::Operation>> diff_models(const Dialect& dialect, const schema::Schema& from,
                                                          const schema::Schema& to, support::Diagnostics& diags);

/// For a dialect with no scratch database: the two sides `revision` and `diff` compare,
/// lowered by the dialect's planner without a database: {the chain's schema as the
/// snapshot in autogen.sum records it (the empty schema before any revision), the
/// models}. Refuses (error, nullopt) when the sum is missing, unreadable or does not
/// match the files: then nothing says what the chain produces.
std::optional<std::pair<schema::Schema, schema::Schema>> snapshot_sides(const Dialect& dialect,
                                                                        const support::Config& config,
                                                                        const migrate::RevisionGraph& graph,
                                                                        const schema::Schema& models,
                                                                        support::Diagnostics& diags);

/// True if `dialect` can open a scratch database now (an in-memory SQLite always can;
/// a server dialect needs its server: [database] dev_url), asked through
/// Dialect::scratch_ready, which creates no database. The reason it cannot goes to `why`.
bool scratch_available(const Dialect& dialect, const support::Config& config, std::string& why);

}  // namespace autogen::cli
