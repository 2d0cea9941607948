// Writing migrations/autogen.sum after `revision`, `merge` and `hash`: the chain's
// heads, the model snapshot and the revision files' checksums (what is read back from
// it is in sum_checks.hpp, where it is in sum_location.hpp).
#pragma once

#include <filesystem>

#include "context.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

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
bool record_sum(const Context& ctx, const support::Config& config, const schema::Schema& snapshot,
                SumUpdate update = SumUpdate::Rehash, const std::filesystem::path& added = {});

/// Before `revision` writes anything: false (after reporting) when autogen.sum exists but
/// cannot be read, since recording the new file would mean rewriting it from the files
/// and erasing what it says about them. (`merge` is the documented fix for a sum a git
/// merge conflicted, so it rewrites such a sum, with a warning.)
bool sum_ready_for_new_revision(const Context& ctx, const support::Config& config);

/// After `revision`/`merge` wrote `file` (and its hooks ran): records it in autogen.sum
/// (`update`: AddNew or AddUnlisted); when that fails, removes `file` again, so the
/// folder gains both or neither.
bool record_new_revision(const Context& ctx, const support::Config& config,
                         const std::filesystem::path& file, const schema::Schema& snapshot,
                         SumUpdate update);

}  // namespace autogen::pipeline
