// AG118 (transaction_rules.hpp).
#include "lint/transaction_rules.hpp"

#include "lint/statement_shape.hpp"

namespace autogen::lint {

void check_transaction_control(const SectionInput& input, std::vector<LintFinding>& out) {
    const bool in_transaction = !input.section->no_transaction;
    for (const auto& statement : input.statements) {
        const auto r = statement.range();
        if (r.size() == 0) continue;
        const bool begins =
            r[0].is("BEGIN") || (r.size() > 1 && r[0].is("START") && r[1].is("TRANSACTION"));
        const bool ends = r[0].is("COMMIT") || r[0].is("END") || r[0].is("ROLLBACK");
        if (!begins && !ends) continue;
        // ROLLBACK TO SAVEPOINT stays inside the transaction.
        if (r[0].is("ROLLBACK") && r.has_word("TO")) continue;
        std::string message;
        if (in_transaction)
            message = begins ? "starts a transaction inside the one the runner wraps this section "
                               "in (a database warns and goes on, or fails)"
                             : "ends the transaction the runner wraps this section in: the "
                               "statements after it, and the version-table change, are no longer "
                               "atomic with the ones before";
        else
            message =
                "controls a transaction in a no-transaction section: the runner records and "
                "resumes its statements one by one, so a run stopped inside the block "
                "resumes after its BEGIN";
        out.push_back(finding_at(statement, "AG118", std::move(message),
                                 "remove it: statements that must be atomic go in a section "
                                 "without '-- autogen: no-transaction' (the runner's transaction), "
                                 "the others in one with it"));
    }
}

}  // namespace autogen::lint
