// How revisions are shown in `current`, `heads` and `history` (Alembic's layout:
// "9a8b7c6d5e4f -> 3f2a9c1b7d4e (head), add user phone").
#pragma once

#include <string>

#include "migrate/revision_graph.hpp"

namespace autogen::cli {

/// "<parents> -> <id> (head) (branchpoint) (mergepoint), <message>"; `current` adds
/// "(current)" after the tags, as Alembic's history -i does.
std::string revision_line(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                          bool current = false);

/// The multi-line form of --verbose: id, parents, path, labels, created, message.
std::string revision_block(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                           bool current = false);

/// "<id> (head)" style short form with the message.
std::string revision_short(const migrate::RevisionGraph& graph, const migrate::Revision& rev);

}  // namespace autogen::cli
