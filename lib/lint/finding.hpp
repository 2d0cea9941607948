// What `autogen lint` reports: one finding per dangerous statement of a revision file
// (code, severity, where, the lock it takes and on what, rewrite or scan, message and
// the safe alternative), and the catalogue of every rule (docs/lint.md lists the same).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace autogen::lint {

enum class LintSeverity { Info, Warning, Error };

/// "info", "warning", "error".
const char* to_string(LintSeverity s);

/// One rule: its stable code, a name in squawk's style and its severity.
struct RuleInfo {
    std::string_view code;  ///< "AG101"
    std::string_view name;  ///< "require-concurrent-index-creation"
    LintSeverity severity = LintSeverity::Warning;
    std::string_view summary;  ///< one line, for `--json` consumers and the docs
};

/// Every rule, by code order.
const std::vector<RuleInfo>& rule_catalogue();

/// The rule of `code`, or nullptr.
const RuleInfo* find_rule(std::string_view code);

/// A table's size as the live database estimates it.
struct TableSize {
    std::int64_t rows = -1;  ///< the planner's estimate (PostgreSQL reltuples); -1: never counted
    std::int64_t bytes = 0;  ///< on disk, with its indexes and TOAST
};

/// Sizes by every name a statement may give the table ("schema.name", and "name" alone
/// in the database's default schema).
using TableSizes = std::map<std::string, TableSize>;

struct LintFinding {
    std::string code;
    std::string name;  ///< the rule's name (RuleInfo::name)
    LintSeverity severity = LintSeverity::Warning;
    std::filesystem::path path;
    unsigned line = 0;    ///< 1-based, of the statement's first token
    unsigned column = 0;  ///< 1-based
    std::string dialect;
    std::string direction;  ///< "upgrade" / "downgrade"
    std::string lock;       ///< the lock level taken ("ACCESS EXCLUSIVE"), empty: none to speak of
    std::string lock_on;    ///< what it is taken on ("table \"users\"")
    bool rewrites = false;  ///< the table is rewritten (every row copied)
    bool scans = false;     ///< the table is read in full under the lock
    std::string message;
    std::string fix;        ///< the safe alternative
    std::string statement;  ///< the statement, shortened, for context
    /// The table the statement works on, as it names it ("users", "app.users"); empty:
    /// none, or the rules cannot tell (a DROP INDEX names only the index).
    std::string table;
    /// The table's size in the live database, when lint had one (weigh_by_size).
    std::optional<TableSize> table_size;
};

/// Builds a finding of rule `code` (severity and name from the catalogue).
LintFinding make_finding(std::string_view code, std::string message, std::string fix);

/// Below this size (with indexes and TOAST) a table is small: scanning, rewriting or
/// indexing it holds its lock for a moment.
inline constexpr std::int64_t kSmallTableBytes = 10 * 1024 * 1024;

/// Weighs each finding whose cost grows with its table (it scans or rewrites the table,
/// or builds an index on it) by the table's size in `sizes`: on a small table
/// (kSmallTableBytes) one level less severe; the size goes into every finding about a
/// table the database holds, and a table it does not hold yet is said to be new there.
void weigh_by_size(std::vector<LintFinding>& findings, const TableSizes& sizes);

}  // namespace autogen::lint
