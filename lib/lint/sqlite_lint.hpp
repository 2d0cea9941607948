// SQLite's lint rules: the table rebuild (AG201, the CREATE / INSERT ... SELECT / DROP /
// RENAME pattern autogen's SQLite planner writes) and the shared renames and drops.
#pragma once

#include <memory>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

std::unique_ptr<LintRules> make_sqlite_lint_rules();

}  // namespace autogen::lint
