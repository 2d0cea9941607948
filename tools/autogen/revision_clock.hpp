// The time a new revision is stamped with. AUTOGEN_NOW=2026-11-21T15:30:00Z fixes it,
// so golden tests and reproducible demos get byte-identical files.
#pragma once

#include <chrono>

namespace autogen::cli {

/// Now, or the UTC instant in $AUTOGEN_NOW (ISO 8601, "Z").
std::chrono::system_clock::time_point revision_clock();

}  // namespace autogen::cli
