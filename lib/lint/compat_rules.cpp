// Renames and drops (compat_rules.hpp).
#include "lint/compat_rules.hpp"

#include "lint/statement_shape.hpp"

namespace autogen::lint {

namespace {

const char* const kExpand =
    "expand and contract: add the new name beside the old one, deploy code that uses "
    "only the new one, then drop the old one in a later revision";

}  // namespace

CompatLock postgres_compat_lock() { return {"ACCESS EXCLUSIVE", false}; }

CompatLock sqlite_compat_lock() { return {kSqliteWriteLock, true}; }

std::set<std::string> created_by_upgrade(const SectionInput& input) {
    std::set<std::string> out;
    if (input.direction != migrate::Direction::Downgrade || !input.opposite) return out;
    for (const auto& table : created_tables(*input.opposite)) out.insert(table);
    return out;
}

void check_compat(const LintStatement& statement, const std::set<std::string>& new_tables,
                  const std::set<std::string>& created_by_revision, const CompatLock& lock,
                  std::vector<LintFinding>& out) {
    auto mark_access_exclusive = [&](LintFinding& f, const std::string& table) {
        f.lock = lock.lock;
        f.lock_on = lock.whole_database ? "the whole database" : "table " + q(table);
    };
    const auto r = statement.range();
    for (const auto& table : read_drop_table(r)) {
        if (new_tables.count(table) || created_by_revision.count(table)) continue;
        auto f = finding_at(
            statement, "AG114",
            "drops table " + q(table) + " and its rows; the running application may still read it",
            "first deploy code that no longer uses the table, keep a backup "
            "or export of its rows, then drop it in a later revision");
        mark_access_exclusive(f, table);
        out.push_back(std::move(f));
    }
    auto alter = read_alter_table(r);
    if (!alter || new_tables.count(alter->table)) return;
    for (const auto& action : alter->actions) {
        std::size_t i = 0;
        if (skip_words(action, i, {"RENAME", "TO"})) {
            auto to = read_name(action, i);
            if (new_tables.count(to)) continue;
            auto f = finding_at(statement, "AG111",
                                "renames table " + q(alter->table) + " to " + q(to) +
                                    "; the running application still uses the old name",
                                kExpand + std::string(" (or a view with the old name)"));
            mark_access_exclusive(f, alter->table);
            out.push_back(std::move(f));
        } else if (skip_words(action, i, {"RENAME"})) {
            skip_words(action, i, {"COLUMN"});
            if (i < action.size() && action[i].is("CONSTRAINT")) continue;
            auto from = read_name(action, i);
            if (!skip_words(action, i, {"TO"})) continue;
            auto to = read_name(action, i);
            auto f = finding_at(statement, "AG112",
                                "renames column " + q(alter->table) + "." + q(from) + " to " +
                                    q(to) + "; the running application still uses the old name",
                                kExpand);
            mark_access_exclusive(f, alter->table);
            out.push_back(std::move(f));
        } else if (skip_words(action, i, {"DROP"})) {
            if (i < action.size() && (action[i].is("CONSTRAINT") || action[i].is("DEFAULT") ||
                                      action[i].is("NOT") || action[i].is("IDENTITY")))
                continue;
            skip_words(action, i, {"COLUMN"});
            skip_words(action, i, {"IF", "EXISTS"});
            auto column = read_name(action, i);
            auto f = finding_at(statement, "AG113",
                                "drops column " + q(alter->table) + "." + q(column) +
                                    " and its values; the running application may still read it",
                                "first deploy code that no longer reads or writes the column, "
                                "then drop it in a later revision");
            mark_access_exclusive(f, alter->table);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace autogen::lint
