// The -m text of `revision` and `merge`: one line, and something a file name can be made
// of. An empty or punctuation-only message (often an unset shell variable: -m "$MSG")
// would give a file name with no slug, so it is refused with a hint.
#pragma once

#include <string>

#include "session.hpp"

namespace autogen::cli {

/// True when `message` can describe a revision; otherwise reports why (usage error).
/// A message of non-ASCII letters is accepted (its slug is empty; the file name keeps
/// the revision id).
bool usable_revision_message(Session& session, const std::string& message, const char* command);

}  // namespace autogen::cli
