// SQLite planner: walks the operations in order, emits ALTER/CREATE/DROP statements
// where SQLite can run them in place, and folds every operation on a table that needs
// a rebuild into one rebuild of that table (never one rebuild per operation).
#include "codegen/sqlite_planner.hpp"

#include <map>
#include <optional>
#include <set>

#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"
#include "codegen/sqlite_lowering.hpp"
#include "codegen/sqlite_rebuild.hpp"
#include "support/overloaded.hpp"
#include "support/sql_renames.hpp"

namespace autogen::codegen {

namespace {

using namespace autogen::schema;

using support::Overloaded;

std::string q(const std::string& name) { return quote_identifier(name); }
std::string col(const TableRef& t, const std::string& c) { return q(t.name) + "." + q(c); }

/// A table followed through the operations: its name in `from` (empty if the plan
/// creates it) and its name after the last operation.
struct Track {
    std::string original;
    std::string current;
    bool created = false;
    bool dropped = false;
};

/// Follows table renames through the op list: every op gets the index of the Track of
/// the table it works on (-1 for enum operations).
struct Tracking {
    std::vector<Track> tracks;
    std::vector<int> op_track;

    explicit Tracking(const std::vector<Operation>& ops) {
        std::map<std::string, int> live;  // current name -> track
        auto lookup = [&](const std::string& name) {
            auto it = live.find(name);
            if (it != live.end()) return it->second;
            tracks.push_back({name, name});
            return live[name] = static_cast<int>(tracks.size() - 1);
        };
        for (const auto& op : ops) {
            int t = -1;
            if (const auto* c = std::get_if<CreateTable>(&op)) {
                tracks.push_back({"", c->table.name, true});
                t = live[c->table.name] = static_cast<int>(tracks.size() - 1);
            } else if (const auto* r = std::get_if<RenameTable>(&op)) {
                t = lookup(r->from.name);
                live.erase(r->from.name);
                live[r->to] = t;
                tracks[static_cast<std::size_t>(t)].current = r->to;
            } else if (const auto* d = std::get_if<DropTable>(&op)) {
                t = lookup(d->table.name);
                live.erase(d->table.name);
                tracks[static_cast<std::size_t>(t)].dropped = true;
            } else if (!std::holds_alternative<CreateEnum>(op) &&
                       !std::holds_alternative<DropEnum>(op) &&
                       !std::holds_alternative<AlterEnum>(op) &&
                       !std::holds_alternative<CreateObject>(op) &&
                       !std::holds_alternative<DropObject>(op) &&
                       !std::holds_alternative<ReplaceObject>(op)) {
                t = lookup(target_table(op).name);
            }
            op_track.push_back(t);
        }
    }
};

/// The statements of one operation run in place.
std::vector<Statement> direct(const Operation& op) {
    return std::visit(
        Overloaded{
            [](const CreateTable& o) {
                std::vector<Statement> out{{.sql = sqlite::create_table_sql(o.table)}};
                for (const auto& ix : o.table.indexes)
                    out.push_back({.sql = sqlite::create_index_sql(o.table.name, ix)});
                return out;
            },
            [](const DropTable& o) {
                return std::vector<Statement>{
                    {.sql = "DROP TABLE " + q(o.table.name),
                     .destructive = true,
                     .warning = "drops table " + q(o.table.name) + " and all its rows"}};
            },
            [](const RenameTable& o) {
                return std::vector<Statement>{
                    {.sql = "ALTER TABLE " + q(o.from.name) + " RENAME TO " + q(o.to)}};
            },
            [](const AddColumn& o) {
                Table shell{.name = o.table.name};
                return std::vector<Statement>{{.sql = "ALTER TABLE " + q(o.table.name) +
                                                      " ADD COLUMN " +
                                                      sqlite::column_definition(shell, o.column)}};
            },
            [](const DropColumn& o) {
                return std::vector<Statement>{
                    {.sql = "ALTER TABLE " + q(o.table.name) + " DROP COLUMN " + q(o.column.name),
                     .destructive = true,
                     .warning = "drops column " + col(o.table, o.column.name) + " and its values"}};
            },
            [](const RenameColumn& o) {
                return std::vector<Statement>{{.sql = "ALTER TABLE " + q(o.table.name) +
                                                      " RENAME COLUMN " + q(o.from) + " TO " +
                                                      q(o.to)}};
            },
            [](const CreateIndex& o) {
                return std::vector<Statement>{
                    {.sql = sqlite::create_index_sql(o.table.name, o.index)}};
            },
            [](const DropIndex& o) {
                return std::vector<Statement>{{.sql = "DROP INDEX " + q(o.index.name)}};
            },
            // SQLite cannot rename an index: it is dropped and created under the new
            // name. A constraint's name is in CREATE TABLE: rebuilt (alter_can_do).
            [](const RenameConstraint& o) {
                if (o.kind != ConstraintKind::Index) return std::vector<Statement>{};
                return std::vector<Statement>{
                    {.sql = "DROP INDEX " + q(o.from)},
                    {.sql = sqlite::create_index_sql(o.table.name, o.index)}};
            },
            // Nothing SQLite stores: comments, enum types (the CHECK carries an enum's
            // labels), a comment-only column change.
            [](const AlterColumn&) { return std::vector<Statement>{}; },
            [](const SetTableComment&) { return std::vector<Statement>{}; },
            [](const SetObjectComment&) { return std::vector<Statement>{}; },
            // PostgreSQL's options (never on SQLite: lowering refuses them); SQLite's own
            // are rebuilt (alter_can_do).
            [](const AlterTableOptions&) { return std::vector<Statement>{}; },
            [](const CreateEnum&) { return std::vector<Statement>{}; },
            [](const DropEnum&) { return std::vector<Statement>{}; },
            [](const AlterEnum&) { return std::vector<Statement>{}; },
            // Always rebuilt (alter_can_do says so); never reached.
            [](const AlterPrimaryKey&) { return std::vector<Statement>{}; },
            [](const AddForeignKey&) { return std::vector<Statement>{}; },
            [](const DropForeignKey&) { return std::vector<Statement>{}; },
            [](const CreateObject& o) { return std::vector<Statement>{{.sql = o.object.sql}}; },
            [](const DropObject& o) {
                return std::vector<Statement>{{.sql = sqlite::drop_object_sql(o.object)}};
            },
            // SQLite has no CREATE OR REPLACE: the differ never asks (its rules say no),
            // but the meaning is the same as a drop and a create.
            [](const ReplaceObject& o) {
                return std::vector<Statement>{{.sql = sqlite::drop_object_sql(o.from)},
                                              {.sql = o.to.sql}};
            },
            [](const AddUnique&) { return std::vector<Statement>{}; },
            [](const DropUnique&) { return std::vector<Statement>{}; },
            [](const AddCheck&) { return std::vector<Statement>{}; },
            [](const DropCheck&) { return std::vector<Statement>{}; },
            [](const SetCheckValidity&) { return std::vector<Statement>{}; },
            [](const AddExclusion&) { return std::vector<Statement>{}; },
            [](const DropExclusion&) { return std::vector<Statement>{}; },
        },
        op);
}

/// One line for the rebuild's comment, and the data-loss warning if any.
void describe(const Operation& op, sqlite::Rebuild& r) {
    std::visit(
        Overloaded{
            [&](const AddColumn& o) { r.reasons.push_back("add column " + q(o.column.name)); },
            [&](const DropColumn& o) {
                r.reasons.push_back("drop column " + q(o.column.name));
                r.warnings.push_back("drops column " + col(o.table, o.column.name) +
                                     " and its values");
            },
            [&](const RenameColumn& o) {
                r.reasons.push_back("rename column " + q(o.from) + " to " + q(o.to));
            },
            [&](const RenameTable& o) { r.reasons.push_back("rename from " + q(o.from.name)); },
            [&](const AlterColumn& o) {
                r.reasons.push_back("alter column " + q(o.to.name));
                // Only a change of affinity can change stored values (SQLite
                // enforces no length): INTEGER -> BIGINT or VARCHAR(20) -> TEXT
                // lose nothing.
                std::string a = sqlite::affinity(o.from.type.sql),
                            b = sqlite::affinity(o.to.type.sql);
                if ((o.changes & kChangeGenerated) && o.to.generated && !o.from.generated)
                    r.warnings.push_back("replaces the values of " + col(o.table, o.to.name) +
                                         " by its generation expression's");
                if ((o.changes & kChangeType) && a != b)
                    r.warnings.push_back("changes the type of " + col(o.table, o.to.name) +
                                         " from " + o.from.type.sql + " to " + o.to.type.sql +
                                         " (" + a + " to " + b +
                                         " affinity); values may be converted");
            },
            [&](const AlterPrimaryKey& o) {
                if (!is_primary_key_rename(o))
                    r.reasons.push_back("change the primary key");
                else if (o.to->name.empty())
                    r.reasons.push_back("unname the primary key");
                else
                    r.reasons.push_back("rename the primary key to " + q(o.to->name));
            },
            [&](const AddForeignKey& o) {
                r.reasons.push_back("add foreign key " + q(o.key.name));
            },
            [&](const DropForeignKey& o) {
                r.reasons.push_back("drop foreign key " + q(o.key.name));
            },
            [&](const AddUnique& o) { r.reasons.push_back("add unique " + q(o.unique.name)); },
            [&](const DropUnique& o) { r.reasons.push_back("drop unique " + q(o.unique.name)); },
            [&](const AddCheck& o) { r.reasons.push_back("add check " + q(o.check.name)); },
            [&](const DropCheck& o) { r.reasons.push_back("drop check " + q(o.check.name)); },
            [&](const SetCheckValidity& o) {
                r.reasons.push_back("validate check " + q(o.check.name));
            },
            [&](const AddExclusion& o) {
                r.reasons.push_back("add exclusion " + q(o.exclusion.name));
            },
            [&](const DropExclusion& o) {
                r.reasons.push_back("drop exclusion " + q(o.exclusion.name));
            },
            [&](const CreateIndex& o) { r.reasons.push_back("create index " + q(o.index.name)); },
            [&](const DropIndex& o) { r.reasons.push_back("drop index " + q(o.index.name)); },
            [&](const RenameConstraint& o) {
                r.reasons.push_back("rename " + q(o.from) + " to " + q(o.to));
            },
            [](const auto&) {},
        },
        op);
}

/// The views and triggers in the database when ops[at] runs: those of the side the plan
/// starts from (the database's own when the models declare no objects: then `from` is
/// the database on an upgrade, `to` on a downgrade), less those the plan dropped before.
std::vector<schema::SqlObject> objects_at(const std::vector<Operation>& ops, std::size_t at,
                                          const Schema& from, const Schema& to) {
    const bool declared = from.declares_objects || to.declares_objects;
    std::vector<schema::SqlObject> views =
        declared || !from.objects.empty() ? from.objects : to.objects;
    for (std::size_t i = 0; i < at && i < ops.size(); ++i) {
        const auto* drop = std::get_if<DropObject>(&ops[i]);
        if (!drop) continue;
        std::erase_if(views, [&](const schema::SqlObject& v) {
            return v.kind == drop->object.kind && v.identity() == drop->object.identity();
        });
    }
    return views;
}

/// `objects` as the database holds them after the tables in `renamed` (old -> new) were
/// renamed: SQLite's RENAME TO rewrites the views and triggers that name a table.
std::vector<schema::SqlObject> as_renamed(std::vector<schema::SqlObject> objects,
                                          const std::map<std::string, std::string>& renamed) {
    if (renamed.empty()) return objects;
    for (auto& o : objects) {
        o.sql = support::with_names_renamed(o.sql, renamed);
        if (auto it = renamed.find(o.table); it != renamed.end()) o.table = it->second;
    }
    return objects;
}

class SqlitePlanner final : public Planner {
  public:
    std::string dialect() const override { return "sqlite"; }

    Schema lower(const Schema& model, support::Diagnostics& diags) const override {
        return sqlite::lower(model, diags);
    }

    using Planner::plan;

    /// SQLite has no online form: its ALTER TABLE is a quick catalog change or a rebuild
    /// under the database's write lock either way, so `options.online` changes nothing.
    std::vector<Statement> plan(const std::vector<Operation>& ops, const Schema& from,
                                const Schema& to, const PlanOptions&,
                                support::Diagnostics& diags) const override {
        Tracking tracking(ops);
        auto before_of = [&](const Track& t) {
            return t.created ? nullptr : from.find_table(t.original);
        };
        auto after_of = [&](const Track& t) {
            return t.dropped ? nullptr : to.find_table(t.current);
        };

        // Which tables need a rebuild: any op on them that ALTER cannot do in place.
        std::set<int> rebuilt;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            int t = tracking.op_track[i];
            if (t < 0) continue;
            const Track& tr = tracking.tracks[static_cast<std::size_t>(t)];
            if (!sqlite::alter_can_do(ops[i], before_of(tr), after_of(tr), from)) rebuilt.insert(t);
        }
        for (auto it = rebuilt.begin(); it != rebuilt.end();) {
            // A table dropped by the same plan is not worth rebuilding first.
            if (tracking.tracks[static_cast<std::size_t>(*it)].dropped)
                it = rebuilt.erase(it);
            else
                ++it;
        }

        std::vector<Statement> out;
        // Drops first: index names are global in SQLite, so an index that moves to
        // another table (or a table dropped while a new one takes its index names or
        // its name) must be gone before the new one is created.
        std::vector<bool> hoisted = hoist_drops(ops, tracking);
        for (std::size_t i = 0; i < ops.size(); ++i)
            if (hoisted[i])
                for (auto& s : direct(ops[i])) out.push_back(std::move(s));
        std::set<int> emitted;
        std::map<std::string, std::string> renamed_so_far;  // old table name -> new
        for (std::size_t i = 0; i < ops.size(); ++i) {
            int t = tracking.op_track[i];
            if (hoisted[i] && (t < 0 || !rebuilt.count(t))) continue;
            if (t < 0 || !rebuilt.count(t)) {
                for (auto& s : direct(target_version(ops, i, tracking, to)))
                    out.push_back(std::move(s));
                if (const auto* rename = std::get_if<RenameTable>(&ops[i]))
                    renamed_so_far[rename->from.name] = rename->to;
                continue;
            }
            if (!emitted.insert(t).second) continue;  // folded into the table's rebuild
            const Track& tr = tracking.tracks[static_cast<std::size_t>(t)];
            const Table* after = after_of(tr);
            if (!after) {
                diags.error(
                    support::Category::Internal,
                    "SQLite planner: table \"" + tr.current + "\" is not in the target schema", {},
                    "this is a bug in autogen's differ or planner; please report it");
                continue;
            }
            if (tr.created) {
                // Created by this plan: create it in its final shape at once.
                for (auto& s : direct(CreateTable{*after})) out.push_back(std::move(s));
                continue;
            }
            const Table* before = before_of(tr);
            if (!before) {
                diags.error(
                    support::Category::Internal,
                    "SQLite planner: table \"" + tr.original + "\" is not in the source schema", {},
                    "this is a bug in autogen's differ or planner; please report it");
                continue;
            }
            // A renamed table is renamed first, so that SQLite moves the references of
            // other tables along (a rebuild under the new name would leave them on the
            // old one), and then rebuilt under its new name.
            Table renamed = *before;
            if (tr.original != tr.current) {
                for (auto& s : direct(RenameTable{ref(*before), tr.current}))
                    out.push_back(std::move(s));
                renamed.name = tr.current;
                renamed_so_far[tr.original] = tr.current;
            }
            sqlite::Rebuild rebuild = rebuild_for(t, tracking, ops, renamed, *after);
            rebuild.objects = as_renamed(objects_at(ops, i, from, to), renamed_so_far);
            if (tr.original != tr.current) rebuild.renamed_from = tr.original;
            for (auto& s : sqlite::rebuild_table(rebuild)) out.push_back(std::move(s));
        }
        return out;
    }

  private:
    /// Which operations run before all others: every DropIndex of an index the plan
    /// did not create itself (also on a table that is rebuilt: dropping its index
    /// early is harmless, the rebuild re-creates only the target's indexes), and
    /// every DropTable of a table no earlier operation touched.
    static std::vector<bool> hoist_drops(const std::vector<Operation>& ops,
                                         const Tracking& tracking) {
        std::vector<bool> out(ops.size(), false);
        std::set<std::string> created_indexes;
        std::set<int> touched;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            int t = tracking.op_track[i];
            if (const auto* ci = std::get_if<CreateIndex>(&ops[i]))
                created_indexes.insert(ci->index.name);
            if (const auto* ct = std::get_if<CreateTable>(&ops[i]))
                for (const auto& ix : ct->table.indexes) created_indexes.insert(ix.name);
            if (const auto* di = std::get_if<DropIndex>(&ops[i]))
                out[i] = !created_indexes.count(di->index.name);
            if (std::holds_alternative<DropTable>(ops[i])) out[i] = !touched.count(t);
            // The differ puts the objects' drops first (a view goes before what it
            // reads): they stay ahead of the tables' hoisted drops.
            if (std::holds_alternative<DropObject>(ops[i])) out[i] = true;
            touched.insert(t);
        }
        return out;
    }

    /// A CreateIndex is rendered from the target schema's index of that name when no
    /// later operation renames the table's columns or drops the index again: the
    /// target schema is the authority on what the index looks like, while an
    /// operation built from a renamed-column view of the source (a downgrade
    /// re-creating a dropped index) may mix old and new names. A later table rename
    /// does not matter: the index definition does not name its table.
    static Operation target_version(const std::vector<Operation>& ops, std::size_t i,
                                    const Tracking& tracking, const Schema& to) {
        const auto* create = std::get_if<CreateIndex>(&ops[i]);
        int t = tracking.op_track[i];
        if (!create || t < 0) return ops[i];
        for (std::size_t k = i + 1; k < ops.size(); ++k) {
            if (tracking.op_track[k] != t) continue;
            if (std::holds_alternative<RenameColumn>(ops[k]) ||
                std::holds_alternative<DropIndex>(ops[k]))
                return ops[i];
        }
        const Track& tr = tracking.tracks[static_cast<std::size_t>(t)];
        const Table* after = tr.dropped ? nullptr : to.find_table(tr.current);
        if (!after) return ops[i];
        for (const auto& ix : after->indexes)
            if (ix.name == create->index.name) return CreateIndex{create->table, ix};
        return ops[i];
    }

    /// Gathers what the ops on track `t` do: column sources (following renames, adds
    /// and drops) and the reasons/warnings for the comment.
    static sqlite::Rebuild rebuild_for(int t, const Tracking& tracking,
                                       const std::vector<Operation>& ops, const Table& before,
                                       const Table& after) {
        sqlite::Rebuild r{.before = &before, .after = &after};
        std::map<std::string, std::optional<std::string>> origin;  // current column -> old column
        for (const auto& c : before.columns) origin[c.name] = c.name;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (tracking.op_track[i] != t) continue;
            const Operation& op = ops[i];
            describe(op, r);
            if (const auto* rc = std::get_if<RenameColumn>(&op)) {
                auto it = origin.find(rc->from);
                std::optional<std::string> src = it == origin.end() ? std::nullopt : it->second;
                if (it != origin.end()) origin.erase(it);
                origin[rc->to] = src;
            } else if (const auto* ac = std::get_if<AddColumn>(&op)) {
                origin[ac->column.name] = std::nullopt;
            } else if (const auto* dc = std::get_if<DropColumn>(&op)) {
                origin.erase(dc->column.name);
            }
        }
        for (const auto& [name, src] : origin)
            if (src && after.find_column(name)) r.sources[name] = *src;
        return r;
    }
};

}  // namespace

std::unique_ptr<Planner> make_sqlite_planner() { return std::make_unique<SqlitePlanner>(); }

}  // namespace autogen::codegen
