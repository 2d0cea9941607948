// grant_column_privileges_again() (column_grants_again.hpp).
#include "diff/column_grants_again.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "schema/grants.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

constexpr std::string_view kOption = " WITH GRANT OPTION";

/// "SELECT" for "SELECT WITH GRANT OPTION": what a REVOKE names.
std::string base_privilege(const std::string& p) {
    return p.size() > kOption.size() && p.ends_with(kOption)
               ? p.substr(0, p.size() - kOption.size())
               : p;
}

/// A table (or view) and a grantee: whose column privileges a REVOKE on the table takes.
std::string table_role(const SqlObject& g) { return g.schema + '\x1f' + g.name + '\x1f' + g.table; }

std::string column_of(const std::string& schema, const std::string& table,
                      const std::string& column) {
    return schema + '\x1f' + table + '\x1f' + column;
}

bool is_table_grant(const SqlObject& o) {
    return o.kind == ObjectKind::Grant && grant_target_kind(o) == "TABLE" &&
           grant_column(o).empty();
}

/// Why the privilege `p` of column grant `g` is lost by a direction of the revision, or "".
struct Losses {
    std::string who;  ///< "" for the upgrade, "the downgrade's " (kDowngradeRegrant)
    std::map<std::string, std::set<std::string>> revoked;  ///< table_role -> base privileges
    std::set<std::string> added_again;                     ///< column_of
    std::string why(const SqlObject& g, const std::string& p) const {
        if (added_again.count(column_of(g.schema, g.name, grant_column(g))))
            return who.empty() ? "its column is dropped and added again"
                               : who + "DROP COLUMN takes it";
        auto r = revoked.find(table_role(g));
        if (r != revoked.end() && r->second.count(base_privilege(p)))
            return who + "REVOKE " + base_privilege(p) + " on its table takes it";
        return "";
    }
};

}  // namespace

void grant_column_privileges_again(const Schema& from, const Schema& to,
                                   const std::vector<Operation>& table_ops, const DiffRules& rules,
                                   ObjectChanges& out) {
    // The REVOKEs on whole tables each direction writes: the upgrade's own, and the
    // downgrade's (the reverse of the upgrade's GRANTs). A grant given again whole or
    // going with its object (a reason) is left as it is.
    Losses up, down{.who = kDowngradeRegrant};
    std::set<std::string> whole;
    auto note = [&whole](const SqlObject& g, const std::string& why, Losses& losses) {
        if (!why.empty()) whole.insert(grant_identity(g));
        if (why.empty() && is_table_grant(g))
            for (const auto& p : g.columns) losses.revoked[table_role(g)].insert(base_privilege(p));
    };
    for (const Operation& op : out.first)
        if (const auto* d = std::get_if<DropObject>(&op); d && d->object.kind == ObjectKind::Grant)
            note(d->object, d->recreated_because, up);
    for (const Operation& op : out.last)
        if (const auto* c = std::get_if<CreateObject>(&op);
            c && c->object.kind == ObjectKind::Grant)
            note(c->object, c->recreated_because, down);
    // The columns each direction drops and adds again (asked of the table on both sides:
    // granting a privilege a column still holds again changes nothing).
    for (const Operation& op : table_ops) {
        const auto* a = std::get_if<AlterColumn>(&op);
        if (!a) continue;
        const AlterColumn back{a->table, a->to, a->from, a->changes};
        for (const Schema* side : {&from, &to})
            if (const Table* t = side->find_table(a->table.name, a->table.schema)) {
                for (const auto& c : rules.columns_added_again(*a, *t))
                    up.added_again.insert(column_of(a->table.schema, a->table.name, c));
                for (const auto& c : rules.columns_added_again(back, *t))
                    down.added_again.insert(column_of(a->table.schema, a->table.name, c));
            }
    }
    if (up.revoked.empty() && down.revoked.empty() && up.added_again.empty() &&
        down.added_again.empty())
        return;

    std::map<std::string, const SqlObject*> had;
    for (const SqlObject& o : from.objects)
        if (o.kind == ObjectKind::Grant && !grant_column(o).empty())
            had.emplace(grant_identity(o), &o);
    for (const SqlObject& g : to.objects) {
        if (g.kind != ObjectKind::Grant || grant_column(g).empty()) continue;
        auto old = had.find(grant_identity(g));
        if (old == had.end() || whole.count(old->first)) continue;
        // Only what both sides hold alike: a privilege that changes is revoked before and
        // granted after by compare_grants already.
        std::vector<std::string> lost_up, lost_down;
        std::string why_up, why_down;
        for (const auto& p : g.columns) {
            if (std::find(old->second->columns.begin(), old->second->columns.end(), p) ==
                old->second->columns.end())
                continue;
            if (std::string why = up.why(g, p); !why.empty()) {
                lost_up.push_back(p);
                why_up = why;
            }
            if (std::string why = down.why(g, p); !why.empty()) {
                lost_down.push_back(p);
                why_down = why;
            }
        }
        if (!lost_up.empty())
            out.last.push_back(CreateObject{with_privileges(g, std::move(lost_up)), why_up});
        if (!lost_down.empty())
            out.first.push_back(
                DropObject{with_privileges(*old->second, std::move(lost_down)), why_down});
    }
}

}  // namespace autogen::diff
