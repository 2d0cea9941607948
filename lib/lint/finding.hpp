// What `autogen lint` reports: one finding per dangerous statement of a revision file
// (code, severity, where, the lock it takes and on what, rewrite or scan, message and
// the safe alternative), and the catalogue of every rule (docs/lint.md lists the same).
#pragma once

#include <filesystem>
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
};

/// Builds a finding of rule `code` (severity and name from the catalogue).
LintFinding make_finding(std::string_view code, std::string message, std::string fix);

}  // namespace autogen::lint
