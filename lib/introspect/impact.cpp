// The generic decision of impact.hpp: which operation asks which question about the
// stored rows. No dialect names here: type-change knowledge, enum matching and the
// counting SQL are the ImpactCounter's.
#include "introspect/impact.hpp"

#include <algorithm>
#include <map>
#include <variant>

#include "codegen/sql_builder.hpp"
#include "schema/enum_labels.hpp"
#include "support/overloaded.hpp"

namespace autogen::introspect {

namespace {

using namespace schema;
using codegen::qualified_name;
using codegen::quote_identifier;

using support::Overloaded;

std::string table_sql(const TableRef& t) { return qualified_name(t.schema, t.name); }
std::string column_sql(const TableRef& t, const std::string& c) {
    return table_sql(t) + "." + quote_identifier(c);
}

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : ", ") + codegen::string_literal(l);
    return out;
}

/// Maps the names the operations use (after renames) back to the live database's.
class LiveNames {
  public:
    LiveNames(const std::vector<Operation>& ops, const Schema& from) : from_(from) {
        for (const auto& op : ops) {
            if (const auto* r = std::get_if<RenameTable>(&op))
                tables_[{r->from.schema, r->to}] = r->from;
            if (const auto* r = std::get_if<RenameColumn>(&op))
                columns_[{key(r->table), r->to}] = r->from;
        }
    }

    /// The live table behind `t`, or nullptr when it does not exist yet.
    const Table* table(const TableRef& t) const {
        auto it = tables_.find({t.schema, t.name});
        const TableRef live = it == tables_.end() ? t : it->second;
        return from_.find_table(live.name, live.schema);
    }

    /// The live name of column `c` of `t`; empty when the live table lacks it.
    std::string column(const TableRef& t, const std::string& c) const {
        const Table* live = table(t);
        if (!live) return {};
        auto it = columns_.find({key(t), c});
        const std::string name = it == columns_.end() ? c : it->second;
        return live->find_column(name) ? name : std::string();
    }

    /// All of `cs` in live names; nullopt when one is missing (or is an expression).
    std::optional<std::vector<std::string>> columns(const TableRef& t,
                                                    const std::vector<std::string>& cs) const {
        std::vector<std::string> out;
        for (const auto& c : cs) {
            if (codegen::is_expression_item(c)) {
                out.push_back(c);
                continue;
            }
            std::string live = column(t, c);
            if (live.empty()) return std::nullopt;
            out.push_back(live);
        }
        return out;
    }

    /// The question's table in live names.
    TableRef live_ref(const TableRef& t) const {
        const Table* live = table(t);
        return live ? ref(*live) : t;
    }

  private:
    static std::string key(const TableRef& t) { return t.schema + "." + t.name; }
    const Schema& from_;
    std::map<std::pair<std::string, std::string>, TableRef> tables_;
    std::map<std::pair<std::string, std::string>, std::string> columns_;
};

constexpr const char* kNotNullFix =
    "give it a server_default (AUTOGEN_COLUMN(server_default = \"...\")), or add it nullable "
    "(std::optional), fill it in a hand-written revision ('autogen revision --empty'), then make "
    "it NOT NULL";
constexpr const char* kTighteningFix =
    "give it a server_default (its NULLs then take that value first), or fill the NULLs in a "
    "hand-written revision ('autogen revision --empty') before this change";
constexpr const char* kNarrowingFix =
    "widen the type instead, or clean the data first (a hand-written revision that updates or "
    "deletes those rows, 'autogen revision --empty')";
constexpr const char* kDuplicatesFix =
    "de-duplicate the rows first (a hand-written revision, 'autogen revision --empty'), then add "
    "the key";
constexpr const char* kOrphansFix =
    "delete or fix the rows that reference nothing first (a hand-written revision, 'autogen "
    "revision --empty'), "
    "or make the reference nullable and clear it";
constexpr const char* kCheckFix =
    "update the rows that break it first (a hand-written revision, 'autogen revision --empty'), or "
    "relax the check";
constexpr const char* kStrictFix =
    "fix or delete those rows first (a hand-written revision, 'autogen revision --empty'), or "
    "declare the column ANY (type = \"ANY\"), which keeps every value";
constexpr const char* kLabelFix =
    "update the rows that hold the label first (a hand-written revision, 'autogen revision "
    "--empty')";

class Assessor {
  public:
    Assessor(const std::vector<Operation>& ops, const Schema& from, const Schema& to,
             const ImpactCounter& counter)
        : ops_(ops), from_(from), to_(to), counter_(counter), names_(ops, from) {}

    std::vector<Impact> run() {
        for (index_ = 0; index_ < ops_.size(); ++index_) visit(ops_[index_]);
        return std::move(out_);
    }

  private:
    void visit(const Operation& op) {
        std::visit(
            Overloaded{
                [&](const DropTable& o) {
                    if (!names_.table(ref(o.table))) return;
                    RowQuestion q{.kind = RowQuestionKind::AllRows,
                                  .table = names_.live_ref(ref(o.table))};
                    destructive("drops table " + table_sql(ref(o.table)), q, "");
                },
                [&](const DropColumn& o) {
                    std::string c = names_.column(o.table, o.column.name);
                    if (c.empty()) return;
                    RowQuestion q{.kind = RowQuestionKind::NonNull,
                                  .table = names_.live_ref(o.table),
                                  .columns = {c}};
                    destructive("drops column " + column_sql(o.table, o.column.name), q,
                                " holding a value");
                },
                [&](const AlterColumn& o) { alter_column(o); },
                [&](const AlterEnum& o) { alter_enum(o); },
                [&](const DropUnique& o) {
                    if (replaced_unique(o)) return;
                    constraint_dropped("unique constraint " + quote_identifier(o.unique.name),
                                       o.table);
                },
                [&](const DropCheck& o) {
                    if (replaced_check(o)) return;
                    constraint_dropped("check constraint " + quote_identifier(o.check.name),
                                       o.table);
                },
                [&](const AddColumn& o) {
                    if (o.column.nullable || o.column.server_default || o.column.identity ||
                        o.column.generated)
                        return;
                    if (!names_.table(o.table)) return;
                    RowQuestion q{.kind = RowQuestionKind::AllRows,
                                  .table = names_.live_ref(o.table)};
                    unexecutable("adds NOT NULL column " + column_sql(o.table, o.column.name) +
                                     " without a server default to a table with rows",
                                 q, "", kNotNullFix);
                },
                [&](const AlterPrimaryKey& o) {
                    if (!o.to || (o.from && o.from->columns == o.to->columns)) return;
                    duplicates("sets the primary key of " + table_sql(o.table) + " to (" +
                                   codegen::column_list(o.to->columns) + ")",
                               o.table, o.to->columns, "");
                },
                [&](const AddUnique& o) {
                    duplicates("adds unique constraint " + quote_identifier(o.unique.name) +
                                   " on " + table_sql(o.table) + " (" +
                                   codegen::column_list(o.unique.columns) + ")",
                               o.table, o.unique.columns, "");
                },
                [&](const CreateIndex& o) {
                    if (!o.index.unique) return;
                    duplicates("creates unique index " + quote_identifier(o.index.name) + " on " +
                                   table_sql(o.table) + " (" +
                                   codegen::index_item_list(o.index.columns) + ")" +
                                   (o.index.nulls_not_distinct ? " NULLS NOT DISTINCT" : ""),
                               o.table, o.index.columns, o.index.where, o.index.nulls_not_distinct);
                },
                [&](const AddForeignKey& o) { foreign_key(o); },
                [&](const AddCheck& o) {
                    if (!o.check.not_valid) check(o.table, o.check, "adds", " to ");
                },
                // VALIDATE CONSTRAINT fails on the rows that break the check.
                [&](const SetCheckValidity& o) {
                    if (!o.check.not_valid) check(o.table, o.check, "validates", " on ");
                },
                // Nothing stored changes, or nothing stored can stop them.
                [](const CreateTable&) {},
                [](const RenameTable&) {},
                [](const RenameColumn&) {},
                [](const DropForeignKey&) {},
                [](const DropIndex&) {},
                [](const SetTableComment&) {},
                [](const SetObjectComment&) {},
                [](const CreateEnum&) {},
                [&](const AlterTableOptions& o) { made_strict(o); },
                // A type no column uses any more: its columns went by their own operations.
                [](const DropEnum&) {},
                [](const RenameConstraint&) {},  // a new name holds the same rows
                // Views hold no rows; a materialized view's are computed again.
                [](const CreateObject&) {},
                [&](const DropObject& o) { dropped_partition(o); },
                [](const ReplaceObject&) {},
                // Not counted: which rows collide depends on the operators.
                [](const AddExclusion&) {},
                [](const DropExclusion&) {},
            },
            op);
    }

    void alter_column(const AlterColumn& o) {
        std::string c = names_.column(o.table, o.from.name);
        if (c.empty()) return;
        const TableRef live = names_.live_ref(o.table);
        if (o.changes & kChangeType) {
            TypeChangeEffect effect = counter_.type_change(o.from, o.to);
            if (effect.narrows) {
                RowQuestion q{.kind = RowQuestionKind::NotFitting,
                              .table = live,
                              .columns = {c},
                              .from = o.from,
                              .to = o.to};
                Impact& i = destructive(
                    "changes the type of " + column_sql(o.table, o.to.name) + " " + effect.reason,
                    q, effect.refuses ? " whose value does not fit" : " whose value may change");
                i.refused_when_counted = effect.refuses;
                i.fix = kNarrowingFix;
            }
        }
        if ((o.changes & kChangeGenerated) && o.to.generated && !o.from.generated) {
            RowQuestion q{.kind = RowQuestionKind::NonNull, .table = live, .columns = {c}};
            destructive("replaces the values of " + column_sql(o.table, o.to.name) +
                            " by its generation expression's",
                        q, " holding a value");
        }
        if ((o.changes & kChangeNullability) && o.from.nullable && !o.to.nullable &&
            !o.to.server_default && !o.to.identity) {
            RowQuestion q{.kind = RowQuestionKind::Nulls, .table = live, .columns = {c}};
            unexecutable(
                "makes " + column_sql(o.table, o.to.name) + " NOT NULL without a server default", q,
                " where it is NULL", kTighteningFix);
        }
    }

    void alter_enum(const AlterEnum& o) {
        // Labels renamed in place (the only change of their AlterEnum) keep their rows.
        if (!renamed_positions(o.from.labels, o.to.labels).empty()) return;
        std::vector<std::string> removed;
        for (const auto& l : o.from.labels)
            if (std::find(o.to.labels.begin(), o.to.labels.end(), l) == o.to.labels.end())
                removed.push_back(l);
        if (removed.empty()) return;
        for (const auto& t : from_.tables) {
            for (const auto& c : t.columns) {
                if (!counter_.uses_enum(c, o.from)) continue;
                RowQuestion q{.kind = RowQuestionKind::Holding,
                              .table = ref(t),
                              .columns = {c.name},
                              .values = removed};
                Impact& i = destructive("drops label(s) " + label_list(removed) + " of enum " +
                                            qualified_name(o.from.schema, o.from.name) +
                                            " used by " + column_sql(ref(t), c.name),
                                        q, " holding them");
                i.refused_when_counted = true;
                i.fix = kLabelFix;
            }
        }
    }

    /// A table made STRICT is rebuilt: the copy of a stored value its column's type
    /// refuses (sqlite.org/stricttables.html) fails the rebuild, so ask it of every
    /// column the live table has.
    void made_strict(const AlterTableOptions& o) {
        if (o.from.strict || !o.to.strict || !names_.table(o.table)) return;
        const Table* desired = to_.find_table(o.table.name, o.table.schema);
        if (!desired) return;
        for (const auto& c : desired->columns) {
            if (c.generated) continue;  // computed again, never copied
            std::string live = names_.column(o.table, c.name);
            if (live.empty()) continue;
            RowQuestion q{.kind = RowQuestionKind::NotStrict,
                          .table = names_.live_ref(o.table),
                          .columns = {live},
                          .to = c};
            unexecutable("makes " + table_sql(o.table) + " STRICT, where " +
                             column_sql(o.table, c.name) + " is " + c.type.sql,
                         q, " whose value a STRICT " + c.type.sql + " column refuses", kStrictFix);
        }
    }

    void constraint_dropped(const std::string& what, const TableRef& t) {
        if (!names_.table(t)) return;
        RowQuestion q{.kind = RowQuestionKind::AllRows, .table = names_.live_ref(t)};
        destructive("drops " + what + " of " + table_sql(t), q, " that it guarded");
    }

    /// The same table gets a constraint of that name (or those columns) back: a change,
    /// not a drop; the new one is assessed on its own.
    bool replaced_unique(const DropUnique& o) const {
        return std::any_of(ops_.begin(), ops_.end(), [&](const Operation& op) {
            const auto* add = std::get_if<AddUnique>(&op);
            return add && add->table == o.table &&
                   (add->unique.name == o.unique.name || add->unique.columns == o.unique.columns);
        });
    }
    bool replaced_check(const DropCheck& o) const {
        return std::any_of(ops_.begin(), ops_.end(), [&](const Operation& op) {
            const auto* add = std::get_if<AddCheck>(&op);
            return add && add->table == o.table && add->check.name == o.check.name;
        });
    }

    void duplicates(const std::string& what, const TableRef& t,
                    const std::vector<std::string>& columns, const std::string& where,
                    bool nulls_equal = false) {
        auto live = names_.columns(t, columns);
        if (!live) return;
        RowQuestion q{.kind = RowQuestionKind::DuplicateGroups,
                      .table = names_.live_ref(t),
                      .columns = *live,
                      .expression = where,
                      .nulls_equal = nulls_equal};
        unexecutable(what, q, " of rows sharing a value", kDuplicatesFix);
    }

    void foreign_key(const AddForeignKey& o) {
        auto live = names_.columns(o.table, o.key.columns);
        if (!live) return;
        const std::string what = "adds foreign key " + quote_identifier(o.key.name) + " from " +
                                 table_sql(o.table) + " (" + codegen::column_list(o.key.columns) +
                                 ") to " + qualified_name(o.key.ref_schema, o.key.ref_table);
        const TableRef target{o.key.ref_schema, o.key.ref_table};
        auto ref_columns = names_.columns(target, o.key.ref_columns);
        if (!names_.table(target) || !ref_columns) {
            // The referenced table is new (empty): every row with a key references nothing.
            RowQuestion q{.kind = RowQuestionKind::NonNull,
                          .table = names_.live_ref(o.table),
                          .columns = *live};
            unexecutable(what, q, " referencing a row that does not exist", kOrphansFix);
            return;
        }
        RowQuestion q{
            .kind = RowQuestionKind::Orphans, .table = names_.live_ref(o.table), .columns = *live};
        q.key = o.key;
        q.key.columns = *live;
        const TableRef live_target = names_.live_ref(target);
        q.key.ref_schema = live_target.schema;
        q.key.ref_table = live_target.name;
        q.key.ref_columns = *ref_columns;
        unexecutable(what, q, " referencing a row that does not exist", kOrphansFix);
    }

    void check(const TableRef& table, const CheckConstraint& ck, const char* verb, const char* on) {
        if (!names_.table(table)) return;
        // A check over a column added by the same change cannot be asked of the live
        // table (the column is not there yet).
        for (const auto& op : ops_) {
            const auto* add = std::get_if<AddColumn>(&op);
            if (add && add->table == table &&
                ck.expression.find(add->column.name) != std::string::npos)
                return;
        }
        RowQuestion q{.kind = RowQuestionKind::Violating,
                      .table = names_.live_ref(table),
                      .expression = ck.expression};
        unexecutable(std::string(verb) + " check constraint " + quote_identifier(ck.name) + " (" +
                         ck.expression + ")" + on + table_sql(table),
                     q, " that break it", kCheckFix);
    }

    /// A partition dropped for good loses its rows, like a table; not when its parent
    /// is dropped too (the parent's count holds them: counting both would say them twice).
    void dropped_partition(const DropObject& o) {
        if (o.object.kind != ObjectKind::Partition || !o.recreated_because.empty()) return;
        for (const Operation& op : ops_)
            if (const auto* d = std::get_if<DropTable>(&op);
                d && d->table.name == o.object.table && d->table.schema == o.object.schema)
                return;
        const TableRef partition{o.object.schema, o.object.name};
        destructive("drops partition " + table_sql(partition),
                    RowQuestion{.kind = RowQuestionKind::AllRows, .table = partition}, "");
    }

    Impact& destructive(std::string what, RowQuestion q, std::string counted) {
        out_.push_back({.kind = ImpactKind::Destructive,
                        .op_index = index_,
                        .what = std::move(what),
                        .question = std::move(q),
                        .counted = std::move(counted)});
        return out_.back();
    }
    void unexecutable(std::string what, RowQuestion q, std::string counted, std::string fix) {
        out_.push_back({.kind = ImpactKind::Unexecutable,
                        .op_index = index_,
                        .what = std::move(what),
                        .question = std::move(q),
                        .counted = std::move(counted),
                        .fix = std::move(fix)});
    }

    const std::vector<Operation>& ops_;
    const Schema& from_;
    const Schema& to_;
    const ImpactCounter& counter_;
    LiveNames names_;
    std::size_t index_ = 0;
    std::vector<Impact> out_;
};

}  // namespace

std::vector<Impact> assess(const std::vector<Operation>& ops, const Schema& from, const Schema& to,
                           const ImpactCounter& counter) {
    return Assessor(ops, from, to, counter).run();
}

std::vector<bool> destructive_operations(const std::vector<Operation>& ops, const Schema& from,
                                         const Schema& to, const ImpactCounter& counter) {
    std::vector<bool> out(ops.size(), false);
    for (const auto& i : assess(ops, from, to, counter))
        if (i.kind == ImpactKind::Destructive) out[i.op_index] = true;
    return out;
}

void count_impacts(std::vector<Impact>& impacts, const ImpactCounter& counter, db::Connection& conn,
                   support::Diagnostics& diags) {
    for (auto& i : impacts) {
        support::Diagnostics local;
        i.count = counter.count(conn, i.question, local);
        if (i.count) continue;
        std::string why =
            local.items().empty() ? std::string("no answer") : local.items().front().message;
        diags.warning(
            support::Category::Database, "could not count the rows of: " + i.what + ": " + why, {},
            "the change is listed as not counted; check the data by hand before applying it");
    }
}

std::string count_query(const RowQuestion& q, const std::string& not_fitting) {
    const std::string table = table_sql(q.table);
    auto not_null = [](const std::vector<std::string>& columns, const std::string& alias) {
        std::string out;
        for (const auto& c : columns) {
            if (codegen::is_expression_item(c)) continue;
            out += (out.empty() ? "" : " AND ") + alias + quote_identifier(c) + " IS NOT NULL";
        }
        return out;
    };
    const std::string column =
        q.columns.empty() ? std::string() : quote_identifier(q.columns.front());
    const std::string count = "SELECT count(*) FROM " + table;
    switch (q.kind) {
        case RowQuestionKind::AllRows:
            return count;
        case RowQuestionKind::NonNull:
            return count + " WHERE " + not_null(q.columns, "");
        case RowQuestionKind::Nulls:
            return count + " WHERE " + column + " IS NULL";
        case RowQuestionKind::NotFitting:
        case RowQuestionKind::NotStrict:
            return count + " WHERE " + column + " IS NOT NULL AND (" +
                   (not_fitting.empty() ? "1 = 1" : not_fitting) + ")";
        case RowQuestionKind::Holding:
            return count + " WHERE CAST(" + column + " AS TEXT) IN (" + label_list(q.values) + ")";
        case RowQuestionKind::Violating:
            return count + " WHERE NOT (" + q.expression + ")";
        case RowQuestionKind::DuplicateGroups: {
            // GROUP BY puts NULLs together: the NULLS NOT DISTINCT reading, unless left out.
            std::string where = q.nulls_equal ? std::string() : not_null(q.columns, "");
            if (!q.expression.empty())
                where += (where.empty() ? "" : " AND ") + ("(" + q.expression + ")");
            return "SELECT count(*) FROM (SELECT 1 FROM " + table +
                   (where.empty() ? "" : " WHERE " + where) + " GROUP BY " +
                   codegen::index_item_list(q.columns) + " HAVING count(*) > 1) AS " +
                   quote_identifier("_autogen_groups");
        }
        case RowQuestionKind::Orphans: {
            const std::string child = quote_identifier("_autogen_child") + ".";
            const std::string parent = quote_identifier("_autogen_parent") + ".";
            std::string match;
            for (std::size_t i = 0; i < q.key.columns.size() && i < q.key.ref_columns.size(); ++i) {
                match += (i ? " AND " : "") + parent + quote_identifier(q.key.ref_columns[i]) +
                         " = " + child + quote_identifier(q.key.columns[i]);
            }
            return "SELECT count(*) FROM " + table + " AS " + quote_identifier("_autogen_child") +
                   " WHERE " + not_null(q.key.columns, child) + " AND NOT EXISTS (SELECT 1 FROM " +
                   qualified_name(q.key.ref_schema, q.key.ref_table) + " AS " +
                   quote_identifier("_autogen_parent") + " WHERE " + match + ")";
        }
    }
    return count;
}

std::optional<RowCount> run_count(db::Connection& conn, const std::string& sql,
                                  const std::vector<std::optional<std::string>>& params,
                                  support::Diagnostics& diags) {
    auto result = conn.query(sql, params, diags);
    if (!result) return std::nullopt;
    if (result->rows.empty() || result->rows[0].empty() || !result->rows[0][0]) {
        diags.error(support::Category::Database, "a count returned no number\n  statement: " + sql);
        return std::nullopt;
    }
    return RowCount{.rows = std::stoull(*result->rows[0][0])};
}

bool blocks(const Impact& impact) {
    return (impact.kind == ImpactKind::Unexecutable || impact.refused_when_counted) &&
           impact.count && impact.count->rows > 0;
}

std::string describe_count(const Impact& impact) {
    if (!impact.count) return "rows not counted";
    const bool groups = impact.question.kind == RowQuestionKind::DuplicateGroups;
    const std::uint64_t n = impact.count->rows;
    std::string unit =
        groups ? (n == 1 ? " duplicate group" : " duplicate groups") : (n == 1 ? " row" : " rows");
    std::string text = std::to_string(n) + unit + impact.counted;
    return impact.count->estimated ? "about " + text + " (estimate)" : text;
}

}  // namespace autogen::introspect
