// The rules every dialect shares: renames and drops, which break the application that
// is still running against the old schema while the revision is applied, and drops
// lose data (AG111-AG114).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

/// The findings of `statement` for renames and drops; tables in `new_tables` (created
/// by the same section, or rebuilt by it) are nobody's yet and yield none.
void check_compat(const LintStatement& statement, const std::set<std::string>& new_tables,
                  std::vector<LintFinding>& out);

}  // namespace autogen::lint
