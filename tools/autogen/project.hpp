// The CLI's door to the compare pipeline (lib/pipeline): the pipeline::Context a
// Session gives (its diagnostics, dialects, progress line, -v and -q, the URL in
// effect, read-only), what almost every command starts from (the config and the
// migration chain), and --dev-url. The pipeline's names are brought into autogen::cli
// so the commands call them as before.
#pragma once

#include <optional>
#include <string>

#include "migrate/revision_graph.hpp"
#include "pipeline/blind_spot_guard.hpp"
#include "pipeline/context.hpp"
#include "pipeline/live_database.hpp"
#include "pipeline/live_read_ahead.hpp"
#include "pipeline/materialize.hpp"
#include "pipeline/model_changes.hpp"
#include "pipeline/plan_change.hpp"
#include "pipeline/project_graph.hpp"
#include "pipeline/replay.hpp"
#include "pipeline/require_dialect.hpp"
#include "pipeline/scan_models.hpp"
#include "pipeline/scratch_available.hpp"
#include "pipeline/snapshot_sides.hpp"
#include "pipeline/sum_checks.hpp"
#include "pipeline/sum_location.hpp"
#include "pipeline/sum_record.hpp"
#include "session.hpp"

namespace autogen::cli {

using pipeline::ChangeOptions;
using pipeline::LiveDatabase;
using pipeline::MaterializeHints;
using pipeline::ModelChanges;
using pipeline::PlannedChange;
using pipeline::SumUpdate;

using pipeline::blind_spot_findings;
using pipeline::check_sum_file;
using pipeline::compute_model_changes;
using pipeline::describe_all;
using pipeline::diff_models;
using pipeline::inspect_live;
using pipeline::keep_unscanned_tables;
using pipeline::materialize;
using pipeline::open_live;
using pipeline::plan_change;
using pipeline::record_new_revision;
using pipeline::record_sum;
using pipeline::recorded_digests;
using pipeline::recorded_snapshot;
using pipeline::replay_chain;
using pipeline::report_blind_spots;
using pipeline::require_dialect;
using pipeline::revision_parents;
using pipeline::scan_models;
using pipeline::scratch_available;
using pipeline::snapshot_before_empty_revision;
using pipeline::snapshot_sides;
using pipeline::sum_display;
using pipeline::sum_path;
using pipeline::sum_ready_for_new_revision;
using pipeline::sum_stands_for_chain;
using pipeline::writer_options;

/// What the pipeline needs from `session`: its diagnostics and dialects, its progress
/// line, detail (-v) and info (-q hides) lines, the database URL in effect and
/// read-only. Built after the config loaded (the URL may come from it).
pipeline::Context pipeline_context(Session& session);

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

}  // namespace autogen::cli
