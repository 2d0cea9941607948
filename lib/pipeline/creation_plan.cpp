// creation_plan() (creation_plan.hpp).
#include "creation_plan.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "diff/differ.hpp"
#include "schema/table_lookup.hpp"

namespace autogen::pipeline {

namespace {

/// Below this many tables one session is as fast (opening peers costs a connection each).
constexpr std::size_t kSharedFrom = 40;
/// Tables per group: a group's statements run in transactions of GroupRun::batch, which
/// batches never cross (docs/performance.md: ~10 tables, ~30 statements).
constexpr std::size_t kTablesPerGroup = 10;

/// Whether the server keeps `name` as it is (PostgreSQL cuts longer names to 63 bytes).
bool kept_whole(const dialect::Dialect& dialect, const std::string& name) {
    return !name.empty() &&
           (dialect.max_identifier_length == 0 || name.size() <= dialect.max_identifier_length);
}

/// Whether another constraint or index of `t` is named `name` (the server refuses the
/// second: the key is created, so that the error names it).
bool name_taken(const schema::Table& t, const schema::ForeignKey& key) {
    const auto& n = key.name;
    if (t.primary_key && t.primary_key->name == n) return true;
    auto named = [&](const auto& list) {
        return std::count_if(list.begin(), list.end(), [&](const auto& x) { return x.name == n; });
    };
    return named(t.uniques) > 0 || named(t.checks) > 0 || named(t.indexes) > 0 ||
           named(t.foreign_keys) > 1;
}

/// All a created foreign key's read-back depends on but its name and its own columns'
/// names: its table's schema, what it references and how, its columns' types and
/// collations. Empty when the key must be created itself (a name the server would cut
/// or that is taken, a column the table does not have).
std::string copy_signature(const dialect::Dialect& dialect, const schema::Table& t,
                           const schema::ForeignKey& key) {
    if (!kept_whole(dialect, key.name) || name_taken(t, key)) return "";
    const char sep = '\x1f';
    std::string sig = t.schema + sep + key.ref_schema + sep + key.ref_table + sep;
    for (const auto& c : key.ref_columns) sig += c + '\x1e';
    sig += sep;
    for (const auto& name : key.columns) {
        const schema::Column* c = t.find_column(name);
        if (!c || !kept_whole(dialect, name)) return "";
        sig += c->type.sql + '\x1d' + c->collation.value_or("") + '\x1e';
    }
    sig += sep + std::to_string(static_cast<int>(key.on_delete)) + sep +
           std::to_string(static_cast<int>(key.on_update)) + sep + (key.deferrable ? "d" : "") +
           (key.initially_deferred ? "i" : "") + (key.match_full ? "f" : "");
    return sig;
}

/// `lowered` with only the foreign keys that are created; the others go to `copied`.
schema::Schema keys_to_create(const dialect::Dialect& dialect, const schema::Schema& lowered,
                              const std::function<bool(const schema::Table&)>& read_back,
                              std::vector<CopiedKey>& copied) {
    schema::Schema linked = lowered;
    // signature -> the first key of it: its table's name and its own
    std::unordered_map<std::string, std::pair<std::string, std::string>> created;
    for (auto& t : linked.tables) {
        if (read_back && !read_back(t)) continue;  // all created: nothing is copied to it
        std::vector<schema::ForeignKey> kept;
        for (auto& key : t.foreign_keys) {
            auto sig = copy_signature(dialect, t, key);
            auto it = sig.empty() ? created.end() : created.find(sig);
            if (it != created.end()) {
                copied.push_back({t.schema, t.name, key, it->second.first, it->second.second});
                continue;
            }
            if (!sig.empty()) created.emplace(std::move(sig), std::make_pair(t.name, key.name));
            kept.push_back(std::move(key));
        }
        t.foreign_keys = std::move(kept);
    }
    return linked;
}

}  // namespace

std::vector<codegen::Statement> creation_statements(const dialect::Dialect& dialect,
                                                    const schema::Schema& to,
                                                    support::Diagnostics& diags,
                                                    const schema::Schema& from) {
    return dialect.planner->plan(diff::diff(schema::Schema{}, to, *dialect.rules), from, to, diags);
}

std::optional<CreationPlan> creation_plan(
    const dialect::Dialect& dialect, const schema::Schema& lowered,
    std::vector<codegen::Statement> in_order,
    const std::function<bool(const schema::Table&)>& read_back, support::Diagnostics& diags) {
    CreationPlan plan;
    auto& phases = plan.phases;
    if (!dialect.scratch_peer || lowered.tables.size() < kSharedFrom || scratch_connections() < 2) {
        phases.push_back({{std::move(in_order)}, {.connections = 1}});
        return plan;
    }
    schema::Schema unlinked = lowered;  // no foreign keys: no table needs another
    for (auto& t : unlinked.tables) t.foreign_keys.clear();

    // First, alone: the enum types, and the first table of each named schema, so that the
    // planner creates every schema here and never twice at the same time later.
    schema::Schema first;
    first.enums = unlinked.enums;
    std::set<std::string> schemas;
    std::vector<const schema::Table*> rest;
    for (const auto& t : unlinked.tables) {
        if (!t.schema.empty() && schemas.insert(t.schema).second)
            first.tables.push_back(t);
        else
            rest.push_back(&t);
    }
    CreationPhase tables{{creation_statements(dialect, first, diags)}, {.first_group_first = true}};
    for (std::size_t i = 0; i < rest.size(); i += kTablesPerGroup) {
        schema::Schema group;
        for (std::size_t j = i; j < rest.size() && j < i + kTablesPerGroup; ++j)
            group.tables.push_back(*rest[j]);
        tables.groups.push_back(creation_statements(dialect, group, diags, first));
    }
    if (diags.has_errors()) return std::nullopt;
    phases.push_back(std::move(tables));

    const auto linked = keys_to_create(dialect, lowered, read_back, plan.copied);
    auto links = dialect.planner->plan(diff::diff(unlinked, linked, *dialect.rules), unlinked,
                                       linked, diags);
    if (diags.has_errors()) return std::nullopt;
    if (!links.empty()) phases.push_back({{std::move(links)}, {.connections = 1}});
    return plan;
}

bool copy_keys(const std::vector<CopiedKey>& copied, schema::Schema& read) {
    if (copied.empty()) return true;
    const schema::TableLookup tables(read);
    std::set<std::size_t> touched;
    for (const auto& c : copied) {
        auto target = tables.position(c.table, c.schema);
        const schema::Table* like = tables.find(c.like_table, c.schema);
        if (!target || !like) return false;
        const auto& keys = like->foreign_keys;
        auto made = std::find_if(keys.begin(), keys.end(),
                                 [&](const schema::ForeignKey& k) { return k.name == c.like_key; });
        if (made == keys.end()) return false;
        schema::ForeignKey key = *made;
        key.name = c.key.name;
        key.columns = c.key.columns;
        // Pushing onto one table's keys leaves the list of tables, and so the lookup, as is.
        read.tables[*target].foreign_keys.push_back(std::move(key));
        touched.insert(*target);
    }
    for (auto at : touched) {
        auto& keys = read.tables[at].foreign_keys;
        std::stable_sort(keys.begin(), keys.end(),
                         [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    return true;
}

}  // namespace autogen::pipeline
