// The steps `revision`, `diff` and `check` share: scan the models, materialise them in
// a scratch database of a dialect, replay the migration chain, read the live database,
// and compute the operations with both directions planned. Both sides of every
// comparison are read back by the same inspector, so they went through the same
// database normalisation (types, defaults, expressions).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "migrate/revision_writer.hpp"
#include "scan/blind_spots.hpp"
#include "scan/scanner.hpp"
#include "schema/operation.hpp"
#include "session.hpp"

namespace autogen::cli {

/// True if [models] exclude_tables matches the table's name (or schema.name).
bool excluded_table(const support::Config& config, const schema::Table& table);

/// Scans the configured models (printing files and models with -v) and drops the
/// tables matching [models] exclude_tables. The project's blind spots (files that
/// declare models but were not scanned) go to `blind_spots` when given, for the caller
/// to refuse or report (blind_spot_guard.hpp); without it each is a warning.
std::optional<scan::ScanResult> scan_models(Session& session, const support::Config& config,
                                            std::vector<scan::BlindSpot>* blind_spots = nullptr);

/// Loads the revision graph of the configured migrations folder.
std::optional<migrate::RevisionGraph> load_graph(Session& session, const support::Config& config);

/// What almost every command starts from: the config and the migration chain.
struct Project {
    const support::Config* config = nullptr;
    migrate::RevisionGraph graph;
};

/// Loads the config and the revision graph; nullopt after reporting an error.
std::optional<Project> open_project(Session& session);

/// Applies a command's --dev-url (`flag`, empty: not given) to `config` and checks the
/// dev URL in effect: a SQLite URL is an error (SQLite replays in memory and never uses
/// one), a URL of a dialect the project does not use a warning. False after an error.
bool apply_dev_url(Session& session, support::Config& config, const std::string& flag);

/// The dialect named `name`, or an error saying which ones exist.
const Dialect* require_dialect(Session& session, const std::string& name);

/// The model schema as `dialect` stores it: lowered, created in a scratch database,
/// read back (`progress`: "materialising" N/M statements). `cache_only`: answered from the materialised-schema cache or not at all
/// (nullopt without an error), opening no database.
std::optional<schema::Schema> materialize(const Dialect& dialect, const schema::Schema& model,
                                          const support::Config& config, support::Diagnostics& diags,
                                          bool cache_only = false, const support::ProgressCallback& progress = {});

/// The schema the chain produces at `heads` (empty = base), replayed into a scratch
/// database of `dialect` and read back, or answered from the chain cache (keyed by the
/// applied files' checksums; `progress`: "replaying" each revision). `cache_only`: the cache or nothing (nullopt without an
/// error), opening no database.
std::optional<schema::Schema> replay_chain(const Dialect& dialect, const migrate::RevisionGraph& graph,
                                           const std::vector<std::string>& heads, const support::Config& config,
                                           support::Diagnostics& diags, bool cache_only = false,
                                           const support::ProgressCallback& progress = {});

/// An open live database, when one is configured.
struct LiveDatabase {
    db::DatabaseUrl url;
    const Dialect* dialect = nullptr;
    std::unique_ptr<db::Connection> conn;
};

/// Opens the configured database, read-only for a read-only command (Session::read_only:
/// a missing SQLite file is an error, never created). nullopt with no error when none
/// is configured (`required` false); an error when it cannot be opened or `required`
/// and none is.
std::optional<LiveDatabase> open_live(Session& session, const support::Config& config, bool required);

/// Reads the live database's schema.
std::optional<schema::Schema> inspect_live(LiveDatabase& live, const support::Config& config,
                                           support::Diagnostics& diags, const support::ProgressCallback& progress = {});

/// What changes between two schemas of one dialect, planned both ways.
struct PlannedChange {
    const Dialect* dialect = nullptr;
    std::vector<schema::Operation> operations;
    migrate::DialectStatements statements;
    /// Possible undeclared renames ("hint: ..." lines without the "hint: ").
    std::vector<std::string> hints;
    schema::Schema from, to;  ///< the two sides that were diffed (the rows live in `from`)
};

/// Diffs `from` -> `to` and plans the upgrade and its derived downgrade.
std::optional<PlannedChange> plan_change(const Dialect& dialect, const schema::Schema& from,
                                         const schema::Schema& to, support::Diagnostics& diags);

/// The writer options of the config ([migrations]).
migrate::WriterOptions writer_options(const support::Config& config);

/// The phrases of `ops` ("added column ...").
std::vector<std::string> describe_all(const std::vector<schema::Operation>& ops);

/// The "revision" that all of `revision`, `diff` and `check` compute: for every
/// configured dialect, what turns the chain (or, for the live database's dialect, the
/// live schema) into the models.
struct ModelChanges {
    scan::ScanResult scan;
    std::vector<std::string> heads;          ///< the chain's heads the revision builds on
    std::vector<PlannedChange> per_dialect;  ///< in [database] dialects order
    std::size_t primary_index = 0;           ///< the one whose operations are reported
    /// The live database the primary change was diffed against (kept open for the
    /// data-loss gate's counts); nullopt when it was diffed against the chain.
    std::optional<LiveDatabase> live;
    const PlannedChange& primary() const { return per_dialect[primary_index]; }
};

/// Options of compute_model_changes.
struct ChangeOptions {
    bool against_live = true;  ///< diff the live database (if configured) instead of the chain for its dialect
    /// `revision --head`: the head(s) the new revision goes on (a head id or prefix,
    /// `label@head`, or `base` for a new root branch); empty = the chain's single head.
    std::string head;
    bool splice = false;  ///< `revision --splice`: `head` may be a revision that is not a head (a new branch)
};

/// The heads a new revision goes on: `head` resolved (each must be a current head of
/// the chain unless `splice`; `base` gives none: a new branch from nothing), or the
/// chain's single head. Usage / MigrationFile errors otherwise -> nullopt.
std::optional<std::vector<std::string>> revision_parents(Session& session, const migrate::RevisionGraph& graph,
                                                         const std::string& head, bool splice = false);

/// Refuses (Model error) when a project file declares a model but is not scanned; the
/// tables of unscanned and [models] ignore files are kept out of every comparison.
std::optional<ModelChanges> compute_model_changes(Session& session, const support::Config& config,
                                                  const migrate::RevisionGraph& graph, ChangeOptions options);

}  // namespace autogen::cli
