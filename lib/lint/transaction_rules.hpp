// The rule every dialect shares about transactions (AG118): the runner owns them. A
// section runs in one transaction (with its version-table change) unless it is marked
// `-- autogen: no-transaction`, where each statement commits on its own and a failed or
// killed run resumes statement by statement; BEGIN, COMMIT or ROLLBACK written in a
// section breaks either promise.
#pragma once

#include <vector>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

/// AG118 for each transaction-control statement of `input`'s section.
void check_transaction_control(const SectionInput& input, std::vector<LintFinding>& out);

}  // namespace autogen::lint
