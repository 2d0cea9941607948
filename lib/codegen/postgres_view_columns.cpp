// with_view_columns_removed() (postgres_view_columns.hpp).
#include "codegen/postgres_view_columns.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "schema/grants.hpp"
#include "schema/owners.hpp"
#include "support/text.hpp"

namespace autogen::codegen::postgres {

using namespace schema;

namespace {

std::string key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.identity();
}

/// Does `o`'s new result column list end where `from`'s did, having lost columns there?
bool loses_columns(const ReplaceObject& r) {
    return r.from.kind == ObjectKind::View && r.to.kind == ObjectKind::View &&
           r.to.columns.size() < r.from.columns.size() &&
           std::equal(r.to.columns.begin(), r.to.columns.end(), r.from.columns.begin());
}

/// Can `o` be bound to another object it names (a view or materialized view reading it, a
/// trigger on it)? Grants, owners and what the differ compares apart follow their object;
/// a routine's body is bound to nothing until it runs.
bool binds(const SqlObject& o) {
    return o.kind == ObjectKind::View || o.kind == ObjectKind::MaterializedView ||
           o.kind == ObjectKind::Trigger;
}

/// The objects of `from` bound to `view`, directly or through one another, in creation
/// order, leaving out those the revision's own operations drop or create.
std::vector<const SqlObject*> bound_to_view(const SqlObject& view, const Schema& from,
                                            const std::set<std::string>& handled) {
    std::vector<const SqlObject*> out;
    std::set<std::string> names{view.name};
    for (bool grew = true; grew;) {
        grew = false;
        for (const SqlObject& o : from.objects) {
            if (!binds(o) || key(o) == key(view) || handled.count(key(o))) continue;
            if (std::find(out.begin(), out.end(), &o) != out.end()) continue;
            const bool reads = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
                return support::mentions_identifier(o.sql, n);
            });
            if (!reads) continue;
            out.push_back(&o);
            if (o.kind != ObjectKind::Trigger) names.insert(o.name);
            grew = true;
        }
    }
    std::sort(out.begin(), out.end());  // from.objects is in creation order
    return out;
}

}  // namespace

std::vector<Operation> with_view_columns_removed(const std::vector<Operation>& ops,
                                                 const Schema& from, const Schema& to) {
    std::set<std::string> handled;  // what the operations drop or create themselves
    for (const Operation& op : ops) {
        if (const auto* d = std::get_if<DropObject>(&op)) handled.insert(key(d->object));
        if (const auto* c = std::get_if<CreateObject>(&op)) handled.insert(key(c->object));
    }
    std::vector<Operation> out;
    for (const Operation& op : ops) {
        const auto* r = std::get_if<ReplaceObject>(&op);
        if (!r || !loses_columns(*r)) {
            out.push_back(op);
            continue;
        }
        const std::string why = "view \"" + r->to.name +
                                "\" loses columns, which CREATE OR REPLACE VIEW cannot take "
                                "away: it is dropped and created again";
        const auto bound = bound_to_view(r->from, from, handled);
        for (auto it = bound.rbegin(); it != bound.rend(); ++it)
            out.push_back(DropObject{**it, "it reads view \"" + r->to.name + "\", which " +
                                               "is dropped and created again"});
        out.push_back(DropObject{r->from, why});
        out.push_back(CreateObject{r->to, why});
        std::vector<const SqlObject*> again{&r->to};
        for (const SqlObject* b : bound)
            if (const SqlObject* now = to.find_object(*b)) {
                out.push_back(CreateObject{
                    *now, "it reads view \"" + r->to.name + "\", which is created again"});
                again.push_back(now);
            }
        // DROP took their privileges and owners along: given again as `to` has them.
        for (const SqlObject& g : to.objects) {
            const bool on_again = std::any_of(again.begin(), again.end(), [&](const SqlObject* o) {
                return g.kind == ObjectKind::Grant   ? grant_is_on(g, *o)
                       : g.kind == ObjectKind::Owner ? owner_is_of(g, *o)
                                                     : false;
            });
            if (on_again) out.push_back(CreateObject{g, "what it is on is created again"});
        }
    }
    return out;
}

}  // namespace autogen::codegen::postgres
