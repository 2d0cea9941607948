// PostgreSQL statements a revision may hold besides schema DDL, each with the lock it
// takes (https://www.postgresql.org/docs/current/explicit-locking.html):
//   AG119 REINDEX without CONCURRENTLY: SHARE on the table, ACCESS EXCLUSIVE on the index;
//   AG120 VACUUM FULL / CLUSTER: the table rewritten under ACCESS EXCLUSIVE;
//   AG121 TRUNCATE: every row gone, under ACCESS EXCLUSIVE (CASCADE: other tables too);
//   AG122 ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID: every column of the domain
//         checked, SHARE on each table that has one;
//   AG126 DROP EXTENSION: its types, functions and operators go (CASCADE: what uses them);
//   AG129 REVOKE: a role loses a privilege the application may still use.
// (AG123, DETACH PARTITION without CONCURRENTLY, is an ALTER TABLE action: postgres_lint.)
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

/// The findings of `statement` when it is one of the statements above (true), with
/// `exclusive_on` set to what it takes ACCESS EXCLUSIVE on (for AG110) and `table` to the
/// table it works on; false for any other statement. Tables in `new_tables` were created
/// by the same section: nobody waits for them.
bool check_maintenance(const LintStatement& statement, const std::set<std::string>& new_tables,
                       std::vector<LintFinding>& out, std::string& exclusive_on,
                       std::string& table);

}  // namespace autogen::lint
