// What autogen.sum says, read back: findings about the sum itself and about revision
// files whose bytes differ from their recorded checksums, and the model snapshot it
// records (the chain's schema when no database can replay it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "finding.hpp"
#include "migrate/revision_graph.hpp"
#include "migrate/sum_file.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// Findings about autogen.sum itself (missing, unreadable) and about revision files whose
/// bytes differ from their recorded checksums. Returns the sum when it was readable.
/// `graph` is the chain as loaded from config's migrations folder: its revisions'
/// checksums are those of the files on disk (RevisionGraph::load reads every *.sql file
/// there, or fails), so no revision file is read or hashed a second time.
std::optional<migrate::SumFile> check_sum_file(const support::Config& config,
                                               const migrate::RevisionGraph& graph,
                                               std::vector<Finding>& findings);

/// True when `sum` stands for the migration chain `graph` (as loaded from disk): its
/// heads are the chain's, and no revision file differs from the checksum it records, is
/// missing, or is not listed. Its snapshot is then the schema the chain was recorded at, and
/// `check` takes it instead of replaying the chain (docs/check.md, "When autogen.sum stands for the
/// chain").
bool sum_stands_for_chain(const migrate::RevisionGraph& graph, const migrate::SumFile& sum);

/// The sha256 of every revision file of `graph` (taken when it loaded), by file name: what
/// migrate::revision_file_checksums() gives for the folder it was loaded from.
std::map<std::string, std::string> graph_checksums(const migrate::RevisionGraph& graph);

/// The `normalized` digests `sum` records for `dialect`, or nullptr.
const std::map<std::string, std::string>* recorded_digests(
    const std::optional<migrate::SumFile>& sum, const std::string& dialect);

/// The sum as read from disk when it is readable (no findings made).
std::optional<migrate::SumFile> readable_sum(const support::Config& config);

/// The snapshot an empty revision leaves in autogen.sum: the one a readable sum records
/// (as written, excluded tables included), the empty schema for a chain with no
/// revision yet, nullopt when neither says what the chain produces (then the models).
std::optional<schema::Schema> snapshot_before_empty_revision(const support::Config& config,
                                                             const migrate::RevisionGraph& graph,
                                                             support::Diagnostics& diags);

/// The snapshot a readable sum records, parsed; the empty schema for a project with no
/// revisions and no sum; nullopt otherwise (after reporting a parse error).
std::optional<schema::Schema> recorded_snapshot(const support::Config& config,
                                                const std::optional<migrate::SumFile>& sum,
                                                const migrate::RevisionGraph& graph,
                                                support::Diagnostics& diags);

}  // namespace autogen::pipeline
