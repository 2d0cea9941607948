// The generic differ: matches tables (with declared renames), runs the per-kind
// comparators on each pair, and orders the result by dependency.
#include "diff/differ.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "diff/table_changes.hpp"
#include "schema/table_lookup.hpp"

namespace autogen::diff {

using namespace schema;

void TableChanges::flatten_into(std::vector<Operation>& out) const {
    for (const auto* bucket :
         {&drop_dependents, &renames, &columns, &drop_columns, &add_dependents, &other}) {
        out.insert(out.end(), bucket->begin(), bucket->end());
    }
}

namespace {

std::string key(const std::string& schema_name, const std::string& name) {
    return schema_name + "." + name;
}

/// A column of `to` takes over another column of `from` (a declared rename).
bool renames_columns(const Table& from, const Table& to) {
    return std::any_of(to.columns.begin(), to.columns.end(), [&](const Column& c) {
        return !c.renamed_from.empty() && source_column_name(from, c) != c.name;
    });
}

/// `from` with its column names translated to the names they have in `to`, so that
/// constraints over renamed columns compare equal when nothing but the name changed.
Table with_renamed_columns(const Table& from, const Table& to) {
    std::map<std::string, std::string> renamed;
    for (const Column& c : to.columns) {
        std::string source = source_column_name(from, c);
        if (source != c.name) renamed[source] = c.name;
    }
    if (renamed.empty()) return from;
    auto tr = [&](std::vector<std::string>& names) {
        for (auto& n : names) {
            if (auto it = renamed.find(n); it != renamed.end()) n = it->second;
        }
    };
    Table t = from;
    t.name = to.name;
    if (t.primary_key) tr(t.primary_key->columns);
    for (auto& fk : t.foreign_keys) tr(fk.columns);
    for (auto& u : t.uniques) tr(u.columns);
    for (auto& i : t.indexes) {
        tr(i.columns);
        tr(i.include);
    }
    return t;
}

/// Tables in an order where every table comes after the tables it references
/// (references to tables outside `tables` and self-references are ignored). A cycle is
/// broken at the first table met, in name order: the foreign keys that close a cycle
/// are listed in `deferred`, to be added after every table exists (and dropped before
/// any of them goes).
struct ReferenceOrder {
    std::vector<const Table*> tables;
    std::set<std::pair<const Table*, std::string>> deferred;  ///< (table, foreign key name)

    bool is_deferred(const Table* t, const ForeignKey& fk) const {
        return deferred.count({t, fk.name}) > 0;
    }
    /// `t` without its deferred foreign keys.
    Table without_deferred(const Table* t) const {
        Table copy = *t;
        copy.foreign_keys.erase(
            std::remove_if(copy.foreign_keys.begin(), copy.foreign_keys.end(),
                           [&](const ForeignKey& fk) { return is_deferred(t, fk); }),
            copy.foreign_keys.end());
        return copy;
    }
};

ReferenceOrder order_by_references(std::vector<const Table*> tables) {
    std::sort(tables.begin(), tables.end(), [](const Table* a, const Table* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });
    std::map<std::string, const Table*> by_key;
    for (const Table* t : tables) by_key[key(t->schema, t->name)] = t;
    ReferenceOrder out;
    std::set<std::string> done, visiting;
    std::function<void(const Table*)> visit = [&](const Table* t) {
        std::string k = key(t->schema, t->name);
        if (done.count(k) || visiting.count(k)) return;
        visiting.insert(k);
        for (const ForeignKey& fk : t->foreign_keys) {
            auto it = by_key.find(key(fk.ref_schema, fk.ref_table));
            if (it == by_key.end() || it->second == t) continue;
            if (visiting.count(key(fk.ref_schema, fk.ref_table)))
                out.deferred.insert({t, fk.name});
            else
                visit(it->second);
        }
        visiting.erase(k);
        done.insert(k);
        out.tables.push_back(t);
    };
    for (const Table* t : tables) visit(t);
    return out;
}

/// A default holding a label renamed in place holds the new one: the database renames it
/// along with the label (how the default spells it: DiffRules). Only columns typed with
/// the enum (a dialect with enum types) are concerned.
void follow_label_rename(
    Column& c, const std::map<std::string, std::map<std::string, std::string>>& renamed_labels,
    const DiffRules& rules) {
    auto labels = renamed_labels.find(c.type.enum_name);
    if (c.type.enum_name.empty() || labels == renamed_labels.end() || !c.server_default) return;
    auto literal = [](const std::string& label) {
        std::string out = "'";
        for (char ch : label) out += ch == '\'' ? std::string("''") : std::string(1, ch);
        return out + "'";
    };
    std::string& d = *c.server_default;
    for (const auto& [old_label, new_label] : labels->second) {
        if (auto renamed =
                rules.default_after_label_rename(d, literal(old_label), literal(new_label))) {
            d = *renamed;
            return;
        }
    }
}

/// `from` with every foreign key's target translated through the renames of this diff
/// (`pairs`: matched tables, old -> new): the referenced table's new name, the
/// referenced columns' new names. A database moves a reference along with a rename, so
/// a key that only follows a rename is no change; and a key that is dropped (or whose
/// table is dropped) names the table as it is called when the drop runs (renames come
/// first), so that its reverse, run in the downgrade before the rename back, finds it.
Schema follow_renames(
    const Schema& from, const std::vector<std::pair<const Table*, const Table*>>& pairs,
    const std::map<std::string, std::map<std::string, std::string>>& renamed_labels,
    const DiffRules& rules) {
    std::map<std::string, std::pair<const Table*, const Table*>> by_old;
    for (const auto& p : pairs) by_old[key(p.first->schema, p.first->name)] = p;
    Schema out = from;
    for (Table& t : out.tables) {
        for (Column& c : t.columns) follow_label_rename(c, renamed_labels, rules);
        for (ForeignKey& fk : t.foreign_keys) {
            auto it = by_old.find(key(fk.ref_schema, fk.ref_table));
            if (it == by_old.end()) continue;
            const auto& [old_table, new_table] = it->second;
            fk.ref_table = new_table->name;
            for (std::string& c : fk.ref_columns) {
                for (const Column& nc : new_table->columns) {
                    if (source_column_name(*old_table, nc) == c) {
                        c = nc.name;
                        break;
                    }
                }
            }
        }
    }
    return out;
}

/// The tables (schema.name, as named after this diff's renames) whose changes touch
/// what a foreign key can reference: the primary key, a unique constraint or index, or
/// the type, name or existence of a column.
std::set<std::string> tables_changing_keys(const std::vector<TableChanges>& per_table) {
    std::set<std::string> out;
    auto touches_keys = [](const Operation& op) {
        if (const auto* ix = std::get_if<CreateIndex>(&op)) return ix->index.unique;
        if (const auto* ix = std::get_if<DropIndex>(&op)) return ix->index.unique;
        return std::holds_alternative<AlterPrimaryKey>(op) ||
               std::holds_alternative<AddUnique>(op) || std::holds_alternative<DropUnique>(op) ||
               std::holds_alternative<AlterColumn>(op) || std::holds_alternative<DropColumn>(op) ||
               std::holds_alternative<RenameColumn>(op);
    };
    for (const auto& changes : per_table)
        for (const auto* bucket : {&changes.drop_dependents, &changes.renames, &changes.columns,
                                   &changes.drop_columns, &changes.add_dependents})
            for (const Operation& op : *bucket)
                if (touches_keys(op)) {
                    const TableRef& t = target_table(op);
                    out.insert(key(t.schema, t.name));
                }
    return out;
}

/// Referenced table (schema.name, as named after this diff's renames) -> its renamed
/// columns, new name -> old name.
using ColumnRenames = std::map<std::string, std::map<std::string, std::string>>;

ColumnRenames column_renames(const std::vector<std::pair<const Table*, const Table*>>& pairs) {
    ColumnRenames out;
    for (const auto& [old, now] : pairs)
        for (const Column& c : now->columns)
            if (std::string source = source_column_name(*old, c); source != c.name)
                out[key(now->schema, now->name)][c.name] = source;
    return out;
}

/// A foreign key dropped ahead of every table's changes names the columns it references
/// as they are called then: before the column renames (the table renames ran first).
/// Its reverse, the downgrade's last step, then finds them under their old names.
void name_columns_before_renames(Operation& op, const ColumnRenames& renames) {
    auto* drop = std::get_if<DropForeignKey>(&op);
    if (!drop) return;
    auto it = renames.find(key(drop->key.ref_schema, drop->key.ref_table));
    if (it == renames.end()) return;
    for (std::string& c : drop->key.ref_columns)
        if (auto old = it->second.find(c); old != it->second.end()) c = old->second;
}

/// The column sets of the keys `changes` drops (a unique constraint, a unique index, a
/// primary key that changes; on `old`, as the table stands before, a key over a column
/// DROP COLUMN takes along to add it again: rules.columns_added_again), sorted: what a
/// foreign key may have been tied to.
std::vector<std::vector<std::string>> dropped_key_columns(const TableChanges& changes,
                                                          const Table& old,
                                                          const DiffRules& rules) {
    std::vector<std::vector<std::string>> out;
    auto add = [&](std::vector<std::string> columns) {
        std::sort(columns.begin(), columns.end());
        out.push_back(std::move(columns));
    };
    for (const auto* bucket : {&changes.drop_dependents, &changes.columns}) {
        for (const Operation& op : *bucket) {
            if (const auto* u = std::get_if<DropUnique>(&op)) add(u->unique.columns);
            if (const auto* ix = std::get_if<DropIndex>(&op))
                if (ix->index.unique && ix->index.where.empty()) add(ix->index.columns);
            if (const auto* pk = std::get_if<AlterPrimaryKey>(&op))
                if (pk->from) add(pk->from->columns);
            const auto* a = std::get_if<AlterColumn>(&op);
            if (!a) continue;
            for (const std::string& c : rules.columns_added_again(*a, old)) {
                auto covers = [&](const std::vector<std::string>& columns) {
                    return std::find(columns.begin(), columns.end(), c) != columns.end();
                };
                for (const UniqueConstraint& u : old.uniques)
                    if (covers(u.columns)) add(u.columns);
                for (const Index& ix : old.indexes)
                    if (ix.unique && ix.where.empty() && covers(ix.columns)) add(ix.columns);
                if (old.primary_key && covers(old.primary_key->columns))
                    add(old.primary_key->columns);
            }
        }
    }
    return out;
}

/// A foreign key no change touches, referencing columns a dropped key covered while
/// another key still covers them: PostgreSQL ties a foreign key to one unique index of
/// the referenced columns (the oldest), and refuses to drop that one under it (2BP01)
/// though another would do; or referencing a column that is dropped and added again
/// (DROP COLUMN refuses, 2BP01). Such a key is dropped and added again around the change
/// (move_foreign_keys_to then puts the drop first and the add last), both directions.
void cycle_keys_on_dropped_keys(const std::vector<std::pair<const Table*, const Table*>>& pairs,
                                std::vector<TableChanges>& per_table, const DiffRules& rules) {
    if (!rules.binds_foreign_keys_to_an_index()) return;
    std::map<std::string, std::vector<std::vector<std::string>>> dropped;  // table -> keys
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (auto keys = dropped_key_columns(per_table[i], *pairs[i].first, rules); !keys.empty())
            dropped[key(pairs[i].second->schema, pairs[i].second->name)] = std::move(keys);
    if (dropped.empty()) return;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& [old, now] = pairs[i];
        for (const ForeignKey& fk : now->foreign_keys) {
            auto it = dropped.find(key(fk.ref_schema, fk.ref_table));
            if (it == dropped.end()) continue;
            std::vector<std::string> columns = fk.ref_columns;
            std::sort(columns.begin(), columns.end());
            if (std::find(it->second.begin(), it->second.end(), columns) == it->second.end())
                continue;
            const ForeignKey* before = nullptr;
            for (const ForeignKey& o : old->foreign_keys)
                if (o.name == fk.name && o.ref_table == fk.ref_table &&
                    o.ref_schema == fk.ref_schema && o.columns == fk.columns &&
                    o.ref_columns == fk.ref_columns)
                    before = &o;
            if (!before || fk.name.empty()) continue;
            auto touches = [&](const Operation& op) {
                if (const auto* d = std::get_if<DropForeignKey>(&op)) return d->key.name == fk.name;
                if (const auto* a = std::get_if<AddForeignKey>(&op)) return a->key.name == fk.name;
                return false;
            };
            TableChanges& changes = per_table[i];
            if (std::any_of(changes.drop_dependents.begin(), changes.drop_dependents.end(),
                            touches) ||
                std::any_of(changes.add_dependents.begin(), changes.add_dependents.end(), touches))
                continue;
            changes.drop_dependents.push_back(DropForeignKey{ref(*now), *before});
            changes.add_dependents.push_back(AddForeignKey{ref(*now), fk});
        }
    }
}

/// Moves the foreign-key operations of `bucket` that reference another table in
/// `rekeyed` to the end of `out`, keeping their order.
void move_foreign_keys_to(std::vector<Operation>& bucket, const std::set<std::string>& rekeyed,
                          std::vector<Operation>& out) {
    auto waits = [&](const Operation& op) {
        const ForeignKey* fk = nullptr;
        if (const auto* add = std::get_if<AddForeignKey>(&op)) fk = &add->key;
        if (const auto* drop = std::get_if<DropForeignKey>(&op)) fk = &drop->key;
        if (!fk) return false;
        const TableRef& t = target_table(op);
        return (fk->ref_schema != t.schema || fk->ref_table != t.name) &&
               rekeyed.count(key(fk->ref_schema, fk->ref_table)) > 0;
    };
    auto keep = std::stable_partition(bucket.begin(), bucket.end(),
                                      [&](const Operation& op) { return !waits(op); });
    out.insert(out.end(), std::make_move_iterator(keep), std::make_move_iterator(bucket.end()));
    bucket.erase(keep, bucket.end());
}

}  // namespace

std::vector<Operation> diff(const Schema& from, const Schema& to, const DiffRules& rules) {
    std::vector<Operation> ops;

    // 1. Enums: new ones and new labels before the tables that use them.
    EnumChanges enums = compare_enums(from, to);
    ops.insert(ops.end(), enums.before_tables.begin(), enums.before_tables.end());
    const std::size_t tables_begin = ops.size();

    // 2. Match tables; a declared rename pairs the old table with the new name.
    std::set<std::string> matched_from;
    std::vector<std::pair<const Table*, const Table*>> pairs;
    std::vector<const Table*> created;
    const schema::TableLookup from_tables(from);
    for (const Table& t : to.tables) {
        const Table* old = from_tables.find(t.name, t.schema);
        if (!old && !t.renamed_from.empty()) {
            old = from_tables.find(t.renamed_from, t.schema);
            if (old && matched_from.count(key(old->schema, old->name))) old = nullptr;
            if (old) ops.push_back(RenameTable{ref(*old), t.name});
        }
        if (old) {
            matched_from.insert(key(old->schema, old->name));
            pairs.emplace_back(old, &t);
        } else {
            created.push_back(&t);
        }
    }

    // Foreign keys follow the renames: re-point the pairs into the translated copy.
    // Without a table, column or label renamed, that copy is `from` itself (on 1,000
    // tables, copying it cost more than comparing them).
    const bool renames =
        !enums.renamed_labels.empty() || std::any_of(pairs.begin(), pairs.end(), [](const auto& p) {
            return p.first->name != p.second->name || renames_columns(*p.first, *p.second);
        });
    std::optional<Schema> translated;
    if (renames) {
        translated = follow_renames(from, pairs, enums.renamed_labels, rules);
        const schema::TableLookup translated_tables(*translated);
        for (auto& p : pairs) p.first = translated_tables.find(p.first->name, p.first->schema);
    }
    const Schema& followed = translated ? *translated : from;

    // 3. New tables, referenced ones first; the foreign keys of a cycle after them all.
    ReferenceOrder create_order = order_by_references(created);
    for (const Table* t : create_order.tables)
        ops.push_back(CreateTable{create_order.without_deferred(t)});
    for (const Table* t : create_order.tables)
        for (const ForeignKey& fk : t->foreign_keys)
            if (create_order.is_deferred(t, fk)) ops.push_back(AddForeignKey{ref(*t), fk});

    // 4. Changes inside the tables both sides have, in name order.
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second->schema, a.second->name) <
               std::tie(b.second->schema, b.second->name);
    });
    std::vector<TableChanges> per_table;
    per_table.reserve(pairs.size());
    for (const auto& [old, now] : pairs) {
        std::optional<Table> renamed_copy;
        if (old->name != now->name || renames_columns(*old, *now)) {
            renamed_copy = with_renamed_columns(*old, *now);
            renamed_copy->name = now->name;
        }
        FromTable from_table{*old, renamed_copy ? *renamed_copy : *old};
        TableChanges changes;
        compare_columns(*old, *now, rules, changes);
        compare_primary_key(from_table, *now, rules, changes);
        compare_foreign_keys(from_table, *now, rules, changes);
        compare_uniques(from_table, *now, rules, changes);
        compare_checks(from_table, *now, rules, changes);
        compare_exclusions(from_table, *now, changes);
        compare_indexes(from_table, *now, rules, changes);
        compare_object_comments(from_table, *now, changes);
        compare_table_comment(*old, *now, changes);
        compare_table_options(*old, *now, changes);
        per_table.push_back(std::move(changes));
    }
    // A foreign key that references a key another table changes waits for it: dropped
    // before any table's changes (the key cannot go while it is referenced), added after
    // all of them (the key it references exists only then).
    cycle_keys_on_dropped_keys(pairs, per_table, rules);
    const std::set<std::string> rekeyed = tables_changing_keys(per_table);
    std::vector<Operation> fk_adds;
    const std::size_t early_drops = ops.size();
    for (auto& changes : per_table) {
        move_foreign_keys_to(changes.drop_dependents, rekeyed, ops);
        move_foreign_keys_to(changes.add_dependents, rekeyed, fk_adds);
    }
    if (renames && ops.size() > early_drops) {
        const ColumnRenames renamed_columns = column_renames(pairs);
        for (std::size_t i = early_drops; i < ops.size(); ++i)
            name_columns_before_renames(ops[i], renamed_columns);
    }
    for (const auto& changes : per_table) changes.flatten_into(ops);
    ops.insert(ops.end(), fk_adds.begin(), fk_adds.end());

    // 5. Dropped tables, referencing ones first (the reverse of creation order).
    std::vector<const Table*> dropped;
    for (const Table& t : followed.tables) {
        if (!matched_from.count(key(t.schema, t.name))) dropped.push_back(&t);
    }
    // The foreign keys of a cycle go first (the reverse of their creation).
    ReferenceOrder drop_order = order_by_references(dropped);
    for (auto it = drop_order.tables.rbegin(); it != drop_order.tables.rend(); ++it)
        for (const ForeignKey& fk : (*it)->foreign_keys)
            if (drop_order.is_deferred(*it, fk)) ops.push_back(DropForeignKey{ref(**it), fk});
    for (auto it = drop_order.tables.rbegin(); it != drop_order.tables.rend(); ++it)
        ops.push_back(DropTable{drop_order.without_deferred(*it)});

    // 6. Labels and enums no model uses any more, after the tables that used them.
    const std::size_t tables_end = ops.size();
    ops.insert(ops.end(), enums.after_tables.begin(), enums.after_tables.end());

    // 7. Declared objects: those reading tables (views ...) dropped before everything
    // above and created after it; those the tables need (extensions ...) created before
    // the table changes and dropped after them.
    ObjectChanges objects = compare_objects(from, to, ops, rules);
    if (objects.first.empty() && objects.before_tables.empty() && objects.after_tables.empty() &&
        objects.last.empty())
        return ops;
    std::vector<Operation> out = std::move(objects.first);
    auto append = [&](auto begin, auto end) {
        out.insert(out.end(), std::make_move_iterator(begin), std::make_move_iterator(end));
    };
    append(ops.begin(), ops.begin() + static_cast<std::ptrdiff_t>(tables_begin));
    append(objects.before_tables.begin(), objects.before_tables.end());
    append(ops.begin() + static_cast<std::ptrdiff_t>(tables_begin),
           ops.begin() + static_cast<std::ptrdiff_t>(tables_end));
    append(objects.after_tables.begin(), objects.after_tables.end());
    append(ops.begin() + static_cast<std::ptrdiff_t>(tables_end), ops.end());
    append(objects.last.begin(), objects.last.end());
    return out;
}

}  // namespace autogen::diff
