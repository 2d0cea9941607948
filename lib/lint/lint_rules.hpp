// The seam between the generic linter (linter.hpp: sections, statements, suppressions)
// and a dialect's rules (postgres_lint.hpp, sqlite_lint.hpp): what one section gives the
// rules, what they remember from section to section, and the interface they implement.
// A dialect::Dialect carries its rules (Dialect::lint), so the CLI never names one.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lint/finding.hpp"
#include "migrate/revision_file.hpp"
#include "support/sql_scanner.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::lint {

// The tokens are support's (sql_tokens.hpp), shared with the runner's resume check.
using support::Token;
using support::tokenize;
using support::TokenKind;
using support::TokenRange;

/// One statement of a section, tokenized.
struct LintStatement {
    unsigned line = 0;    ///< of its first token
    unsigned column = 0;  ///< of its first token
    std::string sql;      ///< as the splitter gave it
    std::vector<Token> tokens;
    TokenRange range() const { return {tokens.data(), tokens.data() + tokens.size()}; }
};

/// One section of a revision file, ready for the rules.
struct SectionInput {
    const migrate::Revision* revision = nullptr;
    const migrate::Section* section = nullptr;
    migrate::Direction direction = migrate::Direction::Upgrade;
    std::vector<LintStatement> statements;
    /// The same revision's section of the other direction (for the old type of a type
    /// change: the downgrade changes it back), or nullptr.
    const std::vector<LintStatement>* opposite = nullptr;
};

/// What the rules remember across sections and revisions (the chain is linted parents
/// first, so a later revision sees what an earlier one did).
struct LintState {
    /// "table.column" -> its declared type (canonical text), from CREATE TABLE,
    /// ADD COLUMN and type changes of upgrade sections.
    std::map<std::string, std::string> column_types;
    /// "table.column" proved NOT NULL by a validated CHECK (col IS NOT NULL).
    std::set<std::string> validated_not_null;
    /// constraint name -> "table.column" of a CHECK (col IS NOT NULL) NOT VALID.
    std::map<std::string, std::string> unvalidated_not_null;
};

/// A dialect's lint rules.
class LintRules {
  public:
    virtual ~LintRules() = default;
    /// How the dialect quotes (for the tokenizer).
    virtual support::SqlQuoting quoting() const = 0;
    /// Appends the findings of one section (path, line, column, dialect and direction
    /// are filled in by the caller from the statement each finding names by `line`).
    /// `state` is updated only for upgrade sections (the caller passes a copy otherwise).
    virtual void check(const SectionInput& input, LintState& state,
                       std::vector<LintFinding>& out) const = 0;
};

}  // namespace autogen::lint
