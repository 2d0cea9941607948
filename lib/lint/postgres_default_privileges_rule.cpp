// check_default_privileges_revoke() (postgres_default_privileges_rule.hpp).
#include "lint/postgres_default_privileges_rule.hpp"

#include "lint/statement_shape.hpp"

namespace autogen::lint {

bool check_default_privileges_revoke(const LintStatement& statement,
                                     std::vector<LintFinding>& out) {
    const auto r = statement.range();
    if (r.size() < 4 || !r[0].is("ALTER") || !r[1].is("DEFAULT") || !r[2].is("PRIVILEGES"))
        return false;
    const std::size_t revoke = r.find_word("REVOKE");
    if (revoke >= r.size()) return true;  // a GRANT: nothing is lost
    const std::size_t from = r.find_word("FROM", revoke);
    const std::string who = from < r.size() ? r.from(from + 1).text() : "a role";
    // No object changes now: the tables, sequences or functions the role creates from now
    // on no longer give the privilege, so the next revision's new table fails the
    // application where the old ones work.
    out.push_back(finding_at(
        statement, "AG128",
        "the objects created from now on no longer give " + who +
            " these privileges: what runs as that role may fail on the next new table or "
            "function, while the existing ones still work",
        "grant what the application needs on the new objects explicitly (GRANT in [models] "
        "sql), or deploy the application that no longer needs it first; then say so in an "
        "'-- autogen:lint ignore AG128 reason' comment"));
    return true;
}

}  // namespace autogen::lint
