// SQLite's lint rules (sqlite_lint.hpp).
#include "lint/sqlite_lint.hpp"

#include <set>

#include "lint/compat_rules.hpp"
#include "lint/statement_shape.hpp"

namespace autogen::lint {

namespace {

/// `INSERT INTO name ...`: the name, else empty.
std::string insert_target(const TokenRange& r) {
    std::size_t i = 0;
    if (!skip_words(r, i, {"INSERT", "INTO"})) return {};
    return read_name(r, i);
}

class SqliteLintRules final : public LintRules {
  public:
    support::SqlQuoting quoting() const override { return support::SqlQuoting::sqlite(); }

    void check(const SectionInput& input, LintState&,
               std::vector<LintFinding>& out) const override {
        const auto& statements = input.statements;
        // A rebuild: CREATE TABLE new; INSERT INTO new ...; DROP TABLE old;
        // ALTER TABLE new RENAME TO old. Its statements are the planner's, not a drop.
        std::set<std::string> new_tables;
        for (const auto& table : created_tables(statements)) new_tables.insert(table);
        for (std::size_t k = 0; k < statements.size(); ++k) {
            auto created = read_create_table(statements[k].range());
            if (!created) continue;
            bool filled = false;
            std::string old;
            for (std::size_t n = k + 1; n < statements.size(); ++n) {
                const auto r = statements[n].range();
                if (insert_target(r) == created->table) filled = true;
                auto dropped = read_drop_table(r);
                if (!dropped.empty() && old.empty()) old = dropped.front();
                auto alter = read_alter_table(r);
                std::size_t i = 0;
                if (alter && alter->table == created->table && alter->actions.size() == 1 &&
                    skip_words(alter->actions[0], i, {"RENAME", "TO"}) && !old.empty() &&
                    read_name(alter->actions[0], i) == old && filled) {
                    new_tables.insert(old);  // its drop is the rebuild's, not data loss
                    auto f = finding_at(
                        statements[k], "AG201",
                        "rebuilds table " + q(old) +
                            ": every row is copied into a new table while the database's write "
                            "lock is held, so every writer waits (long on a large table)",
                        "run it when writers can wait, or keep the old column and stop using it "
                        "instead (SQLite cannot change it in place)");
                    f.lock = kSqliteWriteLock;
                    f.lock_on = "the whole database";
                    f.rewrites = true;
                    f.scans = true;
                    out.push_back(std::move(f));
                    break;
                }
            }
        }
        const auto created_by_revision = created_by_upgrade(input);
        for (const auto& statement : statements)
            check_compat(statement, new_tables, created_by_revision, sqlite_compat_lock(), out);
    }
};

}  // namespace

std::unique_ptr<LintRules> make_sqlite_lint_rules() { return std::make_unique<SqliteLintRules>(); }

}  // namespace autogen::lint
