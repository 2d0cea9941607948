// The rule catalogue and finding helpers (finding.hpp).
#include "lint/finding.hpp"

namespace autogen::lint {

const char* to_string(LintSeverity s) {
    switch (s) {
        case LintSeverity::Info:
            return "info";
        case LintSeverity::Warning:
            return "warning";
        case LintSeverity::Error:
            return "error";
    }
    return "error";
}

const std::vector<RuleInfo>& rule_catalogue() {
    using S = LintSeverity;
    static const std::vector<RuleInfo> rules = {
        {"AG001", "suppression-without-reason", S::Error,
         "an `autogen:lint ignore` comment gives no reason"},
        {"AG002", "suppression-unknown-code", S::Warning,
         "an `autogen:lint ignore` comment names no known rule"},
        {"AG101", "require-concurrent-index-creation", S::Error,
         "CREATE INDEX without CONCURRENTLY blocks writes for the whole build"},
        {"AG102", "require-concurrent-index-deletion", S::Warning,
         "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table"},
        {"AG103", "foreign-key-without-not-valid", S::Error,
         "ADD FOREIGN KEY without NOT VALID scans the table under a lock on both tables"},
        {"AG104", "check-without-not-valid", S::Error,
         "ADD CHECK without NOT VALID scans the table under ACCESS EXCLUSIVE"},
        {"AG105", "set-not-null-without-validated-check", S::Error,
         "SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated check proves it"},
        {"AG106", "column-type-change-rewrites", S::Error,
         "ALTER COLUMN TYPE rewrites the table and its indexes under ACCESS EXCLUSIVE"},
        {"AG107", "column-type-change-without-rewrite", S::Info,
         "ALTER COLUMN TYPE to a binary-coercible type: no rewrite, a brief ACCESS EXCLUSIVE"},
        {"AG108", "volatile-default-rewrites", S::Error,
         "ADD COLUMN with a volatile default rewrites the table under ACCESS EXCLUSIVE"},
        {"AG109", "constraint-without-index", S::Error,
         "ADD PRIMARY KEY / UNIQUE without USING INDEX builds the index under ACCESS EXCLUSIVE"},
        {"AG110", "access-exclusive-without-lock-timeout", S::Warning,
         "an ACCESS EXCLUSIVE statement in a section that sets no lock_timeout"},
        {"AG111", "renaming-table", S::Warning, "renaming a table breaks the running application"},
        {"AG112", "renaming-column", S::Warning,
         "renaming a column breaks the running application"},
        {"AG113", "ban-drop-column", S::Warning,
         "dropping a column loses its data and breaks the running application"},
        {"AG114", "ban-drop-table", S::Warning,
         "dropping a table loses its rows and breaks the running application"},
        {"AG115", "concurrently-in-transaction", S::Error,
         "CONCURRENTLY in a section that runs inside a transaction fails"},
        {"AG116", "adding-required-field", S::Error,
         "ADD COLUMN NOT NULL without a default fails on a table with rows"},
        {"AG117", "column-type-change-unknown-source", S::Warning,
         "ALTER COLUMN TYPE whose old type the revision does not show: it may rewrite"},
        {"AG118", "transaction-control-in-section", S::Error,
         "BEGIN, COMMIT or ROLLBACK in a section: the runner owns the transactions"},
        {"AG119", "require-concurrent-reindex", S::Error,
         "REINDEX without CONCURRENTLY blocks writes (and reads using the index) for the build"},
        {"AG120", "table-rewrite-command", S::Error,
         "VACUUM FULL or CLUSTER rewrites the table under ACCESS EXCLUSIVE"},
        {"AG121", "ban-truncate", S::Warning,
         "TRUNCATE deletes every row (CASCADE: of the referencing tables too)"},
        {"AG122", "domain-constraint-without-not-valid", S::Error,
         "ALTER DOMAIN ADD CONSTRAINT without NOT VALID checks every column of the domain"},
        {"AG123", "require-concurrent-partition-detach", S::Error,
         "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table"},
        {"AG124", "set-logged", S::Error,
         "SET LOGGED / SET UNLOGGED rewrites the table under ACCESS EXCLUSIVE"},
        {"AG125", "adding-exclusion-constraint", S::Warning,
         "ADD EXCLUDE builds its index and checks every row under ACCESS EXCLUSIVE"},
        {"AG126", "ban-drop-extension", S::Warning,
         "DROP EXTENSION drops its types, functions and operators; a later CREATE may install "
         "another version"},
        {"AG127", "disable-row-level-security", S::Warning,
         "DISABLE ROW LEVEL SECURITY turns the table's policies off: every row is visible"},
        {"AG128", "ban-default-privileges-revoke", S::Warning,
         "ALTER DEFAULT PRIVILEGES ... REVOKE: the objects created from now on lack the privilege"},
        {"AG129", "ban-revoke", S::Warning,
         "REVOKE takes a privilege away: the application's role may stop working"},
        {"AG201", "table-rebuild", S::Warning,
         "a SQLite table rebuild copies every row while holding the database's write lock"},
    };
    return rules;
}

const RuleInfo* find_rule(std::string_view code) {
    for (const auto& rule : rule_catalogue())
        if (rule.code == code) return &rule;
    return nullptr;
}

LintFinding make_finding(std::string_view code, std::string message, std::string fix) {
    LintFinding f;
    f.code = std::string(code);
    if (const auto* rule = find_rule(code)) {
        f.name = std::string(rule->name);
        f.severity = rule->severity;
    }
    f.message = std::move(message);
    f.fix = std::move(fix);
    return f;
}

}  // namespace autogen::lint
