// PostgreSQL's lint rules (AG101-AG117, AG119-AG125, AG127): the locks its DDL takes, the
// statements that scan or rewrite a table under them, and the safe forms (docs/lint.md).
#pragma once

#include <memory>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

std::unique_ptr<LintRules> make_postgres_lint_rules();

}  // namespace autogen::lint
