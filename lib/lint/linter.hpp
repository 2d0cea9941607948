// The generic linter: walks a revision file's sections for one dialect, splits them into
// statements (migrate::split_statements, the runner's own splitter), tokenizes them, asks
// the dialect's LintRules, then applies the suppressions written in the file
// (`-- autogen:lint ignore CODE reason`, above a statement or in the header).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"
#include "lint/lint_rules.hpp"
#include "migrate/revision_file.hpp"

namespace autogen::lint {

/// The findings of one revision file.
struct LintResult {
    std::vector<LintFinding> findings;    ///< by line
    std::vector<LintFinding> suppressed;  ///< matched by an ignore comment that gave a reason
};

/// The comment that silences a rule: `-- autogen:lint ignore CODE[,CODE...] reason`.
inline constexpr std::string_view kIgnoreMarker = "autogen:lint ignore";

/// Lints `revision` (whose file's text is `file_text`) for `dialect` with `rules`:
/// the upgrade section, then the downgrade one. `state` carries what earlier revisions
/// of the chain did (LintState); the upgrade section updates it.
LintResult lint_revision(const migrate::Revision& revision, std::string_view file_text,
                         const std::string& dialect, const LintRules& rules, LintState& state);

}  // namespace autogen::lint
