// AG128 (docs/lint.md): ALTER DEFAULT PRIVILEGES ... REVOKE, in a file of its own beside
// the maintenance rules that call it.
#pragma once

#include <vector>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

/// The AG128 finding of `statement` when it is ALTER DEFAULT PRIVILEGES ... REVOKE (true);
/// false for any other statement.
bool check_default_privileges_revoke(const LintStatement& statement, std::vector<LintFinding>& out);

}  // namespace autogen::lint
