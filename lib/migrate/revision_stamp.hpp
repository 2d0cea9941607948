// What autogen stamps new things with: a fresh revision id (also the unique part of a
// temporary file's name) and the ISO 8601 UTC time of a revision file's `created` header
// and of the version table's applied_at. Apart from the writer, so that the runtime (the
// runner, the version table, atomic writes) does not pull in the Jinja templates.
#pragma once

#include <chrono>
#include <string>

namespace autogen::migrate {

/// A fresh revision id: 12 random lowercase hex characters.
std::string new_revision_id();

/// "2026-11-21T15:30:00Z": the `created` header of `t`.
std::string format_created(std::chrono::system_clock::time_point t);

}  // namespace autogen::migrate
