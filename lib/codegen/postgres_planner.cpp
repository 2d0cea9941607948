// PostgreSQL planner: walks the operations in order with the schema they apply to
// (PlanState), renders each through the quoting builder.
#include "codegen/postgres_planner.hpp"

#include <algorithm>
#include <set>

#include "codegen/postgres_casts.hpp"
#include "codegen/postgres_comments.hpp"
#include "codegen/postgres_ddl.hpp"
#include "codegen/postgres_default_privileges.hpp"
#include "codegen/postgres_enums.hpp"
#include "codegen/postgres_grants.hpp"
#include "codegen/postgres_lowering.hpp"
#include "codegen/postgres_online.hpp"
#include "codegen/postgres_owners.hpp"
#include "codegen/postgres_partitions.hpp"
#include "codegen/postgres_plan_state.hpp"
#include "codegen/postgres_policies.hpp"
#include "codegen/postgres_sequences.hpp"
#include "codegen/postgres_types.hpp"
#include "codegen/postgres_view_columns.hpp"
#include "codegen/sql_builder.hpp"
#include "codegen/tightening.hpp"
#include "schema/columns_added_again.hpp"
#include "schema/enum_labels.hpp"
#include "schema/grants.hpp"
#include "schema/user_type.hpp"
#include "support/overloaded.hpp"
#include "support/text.hpp"

namespace autogen::codegen {

namespace {

using namespace autogen::schema;
using namespace autogen::codegen::postgres;

using support::Overloaded;

using Statements = std::vector<Statement>;

std::string q(const std::string& name) { return quote_identifier(name); }
std::string alter(const TableRef& t) { return "ALTER TABLE " + table_sql(t) + " "; }
std::string col(const TableRef& t, const std::string& c) { return table_sql(t) + "." + q(c); }

bool is_enum_op(const Operation& op) {
    return std::holds_alternative<CreateEnum>(op) || std::holds_alternative<DropEnum>(op) ||
           std::holds_alternative<AlterEnum>(op);
}

/// Is extension version `a` older than `b` ("1.5" < "1.10"): dotted numbers compared
/// part by part; false when either is not such a number.
bool older_version(const std::string& a, const std::string& b) {
    auto parts = [](const std::string& v) {
        std::vector<long> out;
        std::size_t at = 0;
        while (at < v.size()) {
            std::size_t end = v.find('.', at);
            if (end == std::string::npos) end = v.size();
            const std::string part = v.substr(at, end - at);
            if (part.empty() || part.size() > 9 ||
                part.find_first_not_of("0123456789") != std::string::npos)
                return std::vector<long>{};
            out.push_back(std::stol(part));
            at = end + 1;
        }
        return out;
    };
    const auto pa = parts(a), pb = parts(b);
    return !pa.empty() && !pb.empty() && pa < pb;
}

/// A view (or another declared object): takes no strong lock on a table in use.
bool is_object_op(const Operation& op) {
    return std::holds_alternative<CreateObject>(op) || std::holds_alternative<DropObject>(op) ||
           std::holds_alternative<ReplaceObject>(op);
}

/// GRANT of a grant's privileges; its statement as read when it has none listed (a
/// snapshot's).
Statements grant_statements(const SqlObject& g) {
    if (g.columns.empty()) return {{.sql = g.sql}};
    Statements out;
    for (auto& sql : grant_sql(g, g.columns)) out.push_back({.sql = std::move(sql)});
    return out;
}

/// REVOKE of a grant's privileges (ALL when it has none listed).
Statements revoke_statements(const SqlObject& g) {
    Statements out;
    for (auto& sql : revoke_sql(g, g.columns.empty() ? std::vector<std::string>{"ALL"} : g.columns))
        out.push_back({.sql = std::move(sql)});
    return out;
}

/// ALTER DEFAULT PRIVILEGES giving a default privilege's items (`undo`: taking them back).
Statements default_privilege_statements(const SqlObject& d, bool undo) {
    Statements out;
    for (auto& sql : default_privileges_sql(d, undo)) out.push_back({.sql = std::move(sql)});
    return out;
}

/// A declared object changed in place: ALTER DOMAIN for a domain (its default, NOT NULL
/// and checks), ALTER POLICY for a policy, CREATE OR REPLACE for a view.
Statements replace_object(const ReplaceObject& o) {
    if (o.to.kind == ObjectKind::Policy) {
        Statements out;
        for (auto& sql : alter_policy_sql(o.from, o.to)) out.push_back({.sql = std::move(sql)});
        return out;
    }
    if (o.to.kind == ObjectKind::Partition) {  // a new bound: the rows stay
        Statements out;
        for (auto& sql : rebound_partition_sql(o.from, o.to))
            out.push_back({.sql = std::move(sql)});
        return out;
    }
    if (o.to.kind == ObjectKind::Sequence) {  // ALTER SEQUENCE, never RESTART
        const auto from = sequence_facts(o.from), to = sequence_facts(o.to);
        std::string sql = from && to ? alter_sequence_sql(o.to, *from, *to) : std::string();
        if (sql.empty()) return {};
        return {{.sql = std::move(sql)}};
    }
    if (o.to.kind == ObjectKind::Type) {  // ALTER TYPE ... DROP / ADD ATTRIBUTE
        Statements out;
        if (const auto changes = attribute_changes(o.from, o.to))
            for (auto& sql : alter_type_sql(o.to, *changes)) out.push_back({.sql = std::move(sql)});
        return out;
    }
    if (o.to.kind != ObjectKind::Domain) return {{.sql = create_or_replace_sql(o.to)}};
    const auto from = domain_facts(o.from), to = domain_facts(o.to);
    Statements out;
    if (from && to)
        for (auto& sql : alter_domain_sql(o.to, *from, *to)) out.push_back({.sql = std::move(sql)});
    return out;
}

/// The columns of `s` whose type is `type` (a domain, a composite or range type), for a
/// message: "t"."c", ...; empty when none.
std::string columns_using(const Schema& s, const SqlObject& type) {
    std::string columns;
    for (const auto& t : s.tables)
        for (const auto& c : t.columns)
            if (column_uses_domain(c, type))
                columns +=
                    (columns.empty() ? "" : ", ") + t.qualified_name() + ".\"" + c.name + "\"";
    return columns;
}

/// A composite or range type dropped to be created again (ALTER TYPE cannot make the
/// change), or a composite type losing attributes, while columns of `s` use it: DROP
/// TYPE would refuse (CASCADE would drop the columns), DROP ATTRIBUTE would lose the
/// attribute's values without the data-loss gate asking. A model error at the declaration
/// (the downgrade of the same revision, whose `to` knows no file, says nothing).
void refuse_type_in_use(const SqlObject& type, bool recreated, bool drops_attributes,
                        const Schema& s, const Schema& to, support::Diagnostics& diags) {
    if (type.kind != ObjectKind::Type || (!recreated && !drops_attributes)) return;
    const std::string columns = columns_using(s, type);
    if (columns.empty()) return;
    const SqlObject* declared = to.find_object(type.kind, type.name, type.schema);
    if (!declared || !declared->location.known()) return;
    diags.error(support::Category::Model,
                "type " + type.qualified_name() +
                    (recreated ? " changes in a way ALTER TYPE cannot make (an attribute's type, "
                                 "or the order of those it keeps), and it cannot be dropped and "
                                 "created again while columns use it: "
                               : " loses attributes whose values columns hold: ") +
                    columns,
                declared->location,
                "declare a new type beside it, move the columns to it (their type = annotation) "
                "with the values converted by hand in an --empty revision, and drop the old type "
                "in the next revision; attributes can be appended in place");
}

/// A domain dropped to be created again (its base type or collation changes, which no
/// ALTER DOMAIN does) cannot be while a column of `s` uses it: DROP DOMAIN would refuse
/// (and CASCADE would drop the columns with their data). A model error naming them, at the
/// declaration in `to` (the database's side knows no file).
void refuse_domain_in_use(const DropObject& o, const Schema& s, const Schema& to,
                          support::Diagnostics& diags) {
    if (o.object.kind != ObjectKind::Domain || o.recreated_because.empty()) return;
    const std::string columns = columns_using(s, o.object);
    if (columns.empty()) return;
    const SqlObject* declared = to.find_object(o.object.kind, o.object.name, o.object.schema);
    // The downgrade of the same revision (`to` is the database's side, which knows no
    // file) would say it a second time.
    if (declared && !declared->location.known()) return;
    diags.error(support::Category::Model,
                "domain " + o.object.qualified_name() +
                    " changes its base type or collation, which ALTER DOMAIN cannot change, and "
                    "it cannot be dropped and created again while columns use it: " +
                    columns,
                declared ? declared->location : o.object.location,
                "keep the base type and collation and declare a new domain beside it; move the "
                "columns to the new domain (ALTER COLUMN ... TYPE, their type = annotation) in one "
                "revision and drop the old domain in the next, or write the change by hand in an "
                "--empty revision");
}

Statements create_table(const Table& t) {
    TableRef tr = ref(t);
    Statements out{{.sql = create_table_sql(t)}};
    for (std::size_t i = 0; i < t.uniques.size(); ++i)
        if (folded_by_create_table(t, i))
            out.push_back({.sql = alter(tr) + "ADD " + unique_clause(t.uniques[i])});
    for (const auto& ck : t.checks)
        if (ck.not_valid) out.push_back({.sql = add_check_sql(tr, ck, /*not_valid=*/true)});
    for (const auto& ix : t.indexes) out.push_back({.sql = create_index_sql(tr, ix)});
    // CREATE TABLE has no clause for row-level security: ALTER TABLE right after it.
    schema::TableOptions rls;
    rls.row_level_security = t.options.row_level_security;
    rls.force_row_level_security = t.options.force_row_level_security;
    for (auto& sql : alter_table_options_sql(tr, {}, rls)) out.push_back({.sql = std::move(sql)});
    if (!t.comment.empty()) out.push_back({.sql = comment_on_table_sql(tr, t.comment)});
    for (const auto& c : t.columns)
        if (!c.comment.empty())
            out.push_back({.sql = comment_on_column_sql(tr, c.name, c.comment)});
    return out;
}

Statements add_column(const AddColumn& o) {
    Statement add{.sql = alter(o.table) + "ADD COLUMN " + column_definition(o.column)};
    if (!o.column.nullable && !o.column.server_default && !o.column.identity && !o.column.generated)
        add.comment =
            "WARNING: adds NOT NULL column " + col(o.table, o.column.name) +
            " without a server default: this fails if the table has rows.\n"
            "Give it a server_default, or add it nullable, fill it, then make it NOT NULL.";
    Statements out{add};
    if (!o.column.comment.empty())
        out.push_back({.sql = comment_on_column_sql(o.table, o.column.name, o.column.comment)});
    return out;
}

/// Does `ix` read column `column` (a key, an expression, its predicate, INCLUDE)?
bool index_reads(const Index& ix, const std::string& column) {
    for (const auto& item : ix.columns)
        if (item == column || support::mentions_identifier(item, column)) return true;
    return std::find(ix.include.begin(), ix.include.end(), column) != ix.include.end() ||
           support::mentions_identifier(ix.where, column);
}

void append(Statements& out, Statements more) {
    for (auto& s : more) out.push_back(std::move(s));
}

/// `column`, just dropped, added again as `table` (the plan's state) has it, with its
/// comment and with the uniques, checks, exclusion constraints, foreign keys and indexes
/// of `table` that name it, each with its comment: DROP COLUMN took them along, comments included.
void add_column_again(const TableRef& tr, const Column& column, const Table* table,
                      Statements& out) {
    const Column& b = column;
    out.push_back({.sql = alter(tr) + "ADD COLUMN " + column_definition(b)});
    if (!b.comment.empty()) out.push_back({.sql = comment_on_column_sql(tr, b.name, b.comment)});
    if (!table) return;
    for (const auto& u : table->uniques)
        if (std::find(u.columns.begin(), u.columns.end(), b.name) != u.columns.end()) {
            out.push_back({.sql = alter(tr) + "ADD " + unique_clause(u)});
            append(out, comment_of_constraint(tr, u.name, u.comment));
        }
    for (const auto& ck : table->checks)
        if (support::mentions_identifier(ck.expression, b.name)) {
            out.push_back({.sql = add_check_sql(tr, ck, ck.not_valid)});
            append(out, comment_of_check(tr, ck));
        }
    for (const auto& ex : table->exclusions)
        if (support::mentions_identifier(ex.definition, b.name) ||
            support::mentions_identifier(ex.where, b.name)) {
            out.push_back({.sql = alter(tr) + "ADD " + exclusion_clause(ex)});
            append(out, comment_of_constraint(tr, ex.name, ex.comment));
        }
    for (const auto& fk : table->foreign_keys)
        if (std::find(fk.columns.begin(), fk.columns.end(), b.name) != fk.columns.end()) {
            out.push_back({.sql = alter(tr) + "ADD " + foreign_key_clause(fk)});
            append(out, comment_of_constraint(tr, fk.name, fk.comment));
        }
    for (const auto& ix : table->indexes)
        if (index_reads(ix, b.name)) {
            out.push_back({.sql = create_index_sql(tr, ix)});
            append(out, comment_of_index(tr, ix));
        }
}

/// A column PostgreSQL 15 cannot make generated in place, nor give a new expression
/// (there is no SET EXPRESSION before 17): dropped and added again as `o.to`. DROP
/// COLUMN takes along the indexes and constraints of its table that name the column;
/// they are created again after the ADD, as `table` (the plan's state) has them.
Statements regenerate_column(const AlterColumn& o, const Table* table) {
    const Column& a = o.from;
    const Column& b = o.to;
    Statement drop{.sql = alter(o.table) + "DROP COLUMN " + q(b.name)};
    if (a.generated) {
        drop.comment =
            "PostgreSQL cannot change a generation expression in place: the column "
            "is dropped and added again, and its values are recomputed";
    } else {
        drop.destructive = true;
        drop.warning = "replaces the values of " + col(o.table, b.name) +
                       " by its generation expression's (the column is dropped and added again)";
    }
    Statements out{drop};
    add_column_again(o.table, b, table, out);
    return out;
}

/// The statements of one AlterColumn, in the order PostgreSQL needs them: identity
/// dropped, default dropped, type, default set, NULLs filled, nullability, identity
/// added, comment.
Statements alter_column(const AlterColumn& o, const Table* table) {
    const Column& a = o.from;
    const Column& b = o.to;
    const std::uint32_t ch = o.changes;
    const std::string prefix = alter(o.table) + "ALTER COLUMN " + q(b.name) + " ";
    // A generated column gets its new expression, or its new type, by being added again
    // (it holds no value of its own; PostgreSQL refuses USING on it).
    // (schema/columns_added_again.hpp decides it, for the differ too.)
    if (regenerates_column(o)) return regenerate_column(o, table);
    const bool type_change = ch & kChangeType;
    std::vector<Column> readers;
    if (table)
        for (const Column* g : generated_readers(o, *table)) readers.push_back(*g);
    const std::string using_expr =
        type_change ? using_expression(a.type.sql, b.type.sql, q(b.name)) : "";
    // A default typed for the old type may not convert on its own ("default for column
    // cannot be cast automatically"), and one converted from an enum still names the
    // enum (`'a'::e::text`), so a DROP TYPE after it fails: either way it is dropped and
    // set again around the change.
    const bool old_type_is_enum = a.type.logical == Logical::Enum || !a.type.enum_name.empty();
    const bool default_around_type =
        type_change && (!using_expr.empty() || old_type_is_enum) && a.server_default && !a.identity;
    Statements out;
    for (const auto& g : readers)
        out.push_back({.sql = alter(o.table) + "DROP COLUMN " + q(g.name),
                       .comment = "generated column " + q(g.name) + " reads " + q(b.name) +
                                  ", whose type PostgreSQL cannot change under it: dropped, "
                                  "then added again (its values recomputed)"});

    // A generated column becomes an ordinary one keeping its values (PostgreSQL 13+).
    if ((ch & kChangeGenerated) && a.generated && !b.generated)
        out.push_back({.sql = prefix + "DROP EXPRESSION"});
    if ((ch & kChangeIdentity) && a.identity && !b.identity)
        out.push_back({.sql = prefix + "DROP IDENTITY"});
    if (((ch & kChangeDefault) && a.server_default && !b.server_default) || default_around_type)
        out.push_back({.sql = prefix + "DROP DEFAULT"});
    if (type_change || (ch & kChangeCollation)) {
        Statement s{.sql = prefix + "TYPE " + display_type(b.type.sql)};
        // TYPE without COLLATE gives the column the new type's default collation: a
        // collated column says its collation again even when only the type changes, and
        // a column that loses its collation with a new type leaves COLLATE out (a type
        // without collations, such as bigint, refuses any COLLATE).
        const bool collated = b.collation && !b.collation->empty();
        if (collated)
            s.sql += " COLLATE " + q(*b.collation);
        else if ((ch & kChangeCollation) && !type_change)
            s.sql += " COLLATE " + q("default");
        if (!using_expr.empty()) s.sql += " USING " + using_expr;
        if (type_change) {
            std::string why = narrowing_reason(a.type.sql, b.type.sql);
            if (!why.empty()) {
                s.destructive = true;
                s.warning = "changes the type of " + col(o.table, b.name) + " " + why;
            }
        }
        out.push_back(std::move(s));
    }
    if (b.server_default && !b.identity && ((ch & kChangeDefault) || default_around_type))
        out.push_back({.sql = prefix + "SET DEFAULT " + *b.server_default});
    if (ch & kChangeNullability) {
        if (a.nullable && !b.nullable) {
            Statement s{.sql = prefix + "SET NOT NULL"};
            if (b.server_default && !b.identity)
                out.push_back(
                    {.sql = fill_nulls_sql(table_sql(o.table), q(b.name), *b.server_default),
                     .comment = "NULLs take the default before the column becomes NOT NULL"});
            else
                s.comment = tightening_without_default_comment(table_sql(o.table), q(b.name));
            out.push_back(std::move(s));
        } else if (!a.nullable && b.nullable) {
            out.push_back({.sql = prefix + "DROP NOT NULL"});
        }
    }
    if ((ch & kChangeIdentity) && a.identity && b.identity)
        out.push_back({.sql = prefix + (b.identity_always ? "SET GENERATED ALWAYS"
                                                          : "SET GENERATED BY DEFAULT")});
    if ((ch & kChangeIdentity) && b.identity && !a.identity) {
        out.push_back({.sql = prefix +
                              (b.identity_always ? "ADD GENERATED ALWAYS AS IDENTITY"
                                                 : "ADD GENERATED BY DEFAULT AS IDENTITY") +
                              identity_options_clause(b.identity_options)});
        // The new sequence starts at its START; existing keys would collide with it.
        const auto start = b.identity_options.start;
        const std::string next =
            start ? "COALESCE(MAX(" + q(b.name) + ") + 1, " + std::to_string(*start) + ")"
                  : "COALESCE(MAX(" + q(b.name) + "), 0) + 1";
        out.push_back({.sql = "SELECT setval(pg_get_serial_sequence(" +
                              string_literal(table_sql(o.table)) + ", " + string_literal(b.name) +
                              "), " + next + ", false) FROM " + table_sql(o.table),
                       .comment = "the identity continues after the largest existing value"});
    }
    // In place, never RESTART: the numbers already handed out are not handed out again.
    if ((ch & kChangeIdentityOptions) && a.identity && b.identity) {
        std::string clauses;
        for (const auto& c : identity_set_clauses(a.identity_options, b.identity_options, b.type))
            clauses += (clauses.empty() ? "" : " ") + c;
        if (!clauses.empty()) out.push_back({.sql = prefix + clauses});
    }
    if (ch & kChangeComment)
        out.push_back({.sql = comment_on_column_sql(o.table, b.name, b.comment)});
    for (const auto& g : readers) add_column_again(o.table, g, table, out);
    return out;
}

/// `o`'s check as the plan's state has it before `o` (its comment then), else `o.check`.
CheckConstraint current_check(const SetCheckValidity& o, PlanState& state) {
    if (const Table* t = state.find(o.table))
        for (const auto& ck : t->checks)
            if (ck.name == o.check.name) return ck;
    return o.check;
}

Statements alter_primary_key(const AlterPrimaryKey& o, PlanState& state) {
    std::string current = state.primary_key_name(o.table);
    if (current.empty() && o.from)
        current = o.from->name.empty() ? default_primary_key_name(o.table.name) : o.from->name;
    if (o.from && o.to && o.from->columns == o.to->columns) {
        if (o.to->name.empty() || o.to->name == current) return {};
        return {
            {.sql = alter(o.table) + "RENAME CONSTRAINT " + q(current) + " TO " + q(o.to->name)}};
    }
    Statements out;
    if (o.from) out.push_back({.sql = alter(o.table) + "DROP CONSTRAINT " + q(current)});
    if (o.to) out.push_back({.sql = alter(o.table) + "ADD " + primary_key_clause(*o.to)});
    return out;
}

Statements rename_table(const RenameTable& o, PlanState& state) {
    Statements out{{.sql = alter(o.from) + "RENAME TO " + q(o.to)}};
    // The primary key PostgreSQL named after the table follows it, as the model (which
    // leaves it unnamed) expects of a table created under the new name.
    if (state.primary_key_name(o.from) == default_primary_key_name(o.from.name))
        out.push_back({.sql = alter(TableRef{o.from.schema, o.to}) + "RENAME CONSTRAINT " +
                              q(default_primary_key_name(o.from.name)) + " TO " +
                              q(default_primary_key_name(o.to))});
    return out;
}

/// Does `op` use one of `labels` of enum `e` (a literal in a default, check or index,
/// or a column converted to the enum type)?
bool uses_labels(const Operation& op, const Enum& e, const std::vector<std::string>& labels) {
    std::vector<std::string> texts;
    auto add_column_texts = [&](const Column& c) {
        if (c.server_default) texts.push_back(*c.server_default);
    };
    auto add_table_texts = [&](const Table& t) {
        for (const auto& c : t.columns) add_column_texts(c);
        for (const auto& ck : t.checks) texts.push_back(ck.expression);
        for (const auto& ix : t.indexes) {
            texts.push_back(ix.where);
            texts.insert(texts.end(), ix.columns.begin(), ix.columns.end());
        }
    };
    bool converts = false;
    std::visit(Overloaded{
                   [&](const CreateTable& o) { add_table_texts(o.table); },
                   [&](const AddColumn& o) { add_column_texts(o.column); },
                   [&](const AlterColumn& o) {
                       add_column_texts(o.to);
                       converts =
                           (o.changes & kChangeType) &&
                           (names_enum(o.to.type.sql, e.schema, e.name) ||
                            (o.to.type.logical == Logical::Enum && o.to.type.enum_name == e.name));
                   },
                   [&](const AddCheck& o) { texts.push_back(o.check.expression); },
                   [&](const CreateIndex& o) {
                       texts.push_back(o.index.where);
                       texts.insert(texts.end(), o.index.columns.begin(), o.index.columns.end());
                   },
                   [](const auto&) {},
               },
               op);
    if (converts) return true;
    for (const auto& text : texts)
        for (const auto& label : labels)
            if (text.find(string_literal(label)) != std::string::npos) return true;
    return false;
}

class PostgresPlanner final : public Planner {
  public:
    std::string dialect() const override { return "postgresql"; }

    Schema lower(const Schema& model, support::Diagnostics& diags) const override {
        return postgres::lower(model, diags);
    }

    using Planner::plan;

    std::vector<Statement> plan(const std::vector<Operation>& listed, const Schema& from,
                                const Schema& to, const PlanOptions& options,
                                support::Diagnostics& diags) const override {
        const std::vector<Operation> ops = with_view_columns_removed(listed, from, to);
        PlanState state(from);
        // Online: the tables this plan creates are nobody's yet and get plain DDL; every
        // statement's strong lock on a table in use is noted for the lock_timeout.
        std::set<std::pair<std::string, std::string>> created;
        std::vector<bool> strong;
        std::set<std::string> schemas;  // schemas known to exist
        for (const auto& t : from.tables) schemas.insert(t.schema);
        for (const auto& e : from.enums) schemas.insert(e.schema);
        for (const auto& o : from.objects) schemas.insert(schema::holds_schema(o));
        Statements out;
        auto ensure_schema = [&](const std::string& s) {
            if (s.empty() || s == "public" || !schemas.insert(s).second) return;
            out.push_back({.sql = "CREATE SCHEMA IF NOT EXISTS " + q(s)});
        };
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const Operation& op = ops[i];
            Statements stmts = std::visit(
                Overloaded{
                    [&](const CreateTable& o) {
                        ensure_schema(o.table.schema);
                        return create_table(o.table);
                    },
                    [&](const DropTable& o) {
                        return Statements{{.sql = "DROP TABLE " + table_sql(ref(o.table)),
                                           .destructive = true,
                                           .warning = "drops table " + table_sql(ref(o.table)) +
                                                      " and all its rows"}};
                    },
                    [&](const RenameTable& o) { return rename_table(o, state); },
                    [&](const AddColumn& o) { return add_column(o); },
                    [&](const DropColumn& o) {
                        return Statements{
                            {.sql = alter(o.table) + "DROP COLUMN " + q(o.column.name),
                             .destructive = true,
                             .warning = "drops column " + col(o.table, o.column.name) +
                                        " and its values"}};
                    },
                    [&](const RenameColumn& o) {
                        return Statements{{.sql = alter(o.table) + "RENAME COLUMN " + q(o.from) +
                                                  " TO " + q(o.to)}};
                    },
                    [&](const AlterColumn& o) { return alter_column(o, state.find(o.table)); },
                    [&](const AlterPrimaryKey& o) { return alter_primary_key(o, state); },
                    [&](const AddForeignKey& o) {
                        return Statements{
                            {.sql = alter(o.table) + "ADD " + foreign_key_clause(o.key)}};
                    },
                    [&](const DropForeignKey& o) {
                        return Statements{
                            {.sql = alter(o.table) + "DROP CONSTRAINT " + q(o.key.name)}};
                    },
                    [&](const AddUnique& o) {
                        return Statements{
                            {.sql = alter(o.table) + "ADD " + unique_clause(o.unique)}};
                    },
                    [&](const DropUnique& o) {
                        return Statements{
                            {.sql = alter(o.table) + "DROP CONSTRAINT " + q(o.unique.name)}};
                    },
                    [&](const AddCheck& o) {
                        return Statements{
                            {.sql = add_check_sql(o.table, o.check, o.check.not_valid)}};
                    },
                    [&](const AddExclusion& o) {
                        return Statements{
                            {.sql = alter(o.table) + "ADD " + exclusion_clause(o.exclusion)}};
                    },
                    [&](const DropExclusion& o) {
                        return Statements{
                            {.sql = alter(o.table) + "DROP CONSTRAINT " + q(o.exclusion.name)}};
                    },
                    [&](const SetCheckValidity& o) {
                        if (!o.check.not_valid)
                            return Statements{
                                {.sql = alter(o.table) + "VALIDATE CONSTRAINT " + q(o.check.name)}};
                        // PostgreSQL cannot mark a validated check NOT VALID again; DROP
                        // CONSTRAINT takes the comment along, so the check gets the one it
                        // has at this point of the plan again (o.check's is the upgrade's
                        // side, which a downgrade that goes back to NOT VALID must not take).
                        Statements out{
                            {.sql = alter(o.table) + "DROP CONSTRAINT " + q(o.check.name)},
                            {.sql = add_check_sql(o.table, o.check, /*not_valid=*/true)}};
                        append(out, comment_of_check(o.table, current_check(o, state)));
                        return out;
                    },
                    [&](const DropCheck& o) {
                        return Statements{
                            {.sql = alter(o.table) + "DROP CONSTRAINT " + q(o.check.name)}};
                    },
                    [&](const CreateIndex& o) {
                        return Statements{{.sql = create_index_sql(o.table, o.index)}};
                    },
                    [&](const DropIndex& o) {
                        return Statements{{.sql = drop_index_sql(o.table, o.index)}};
                    },
                    [&](const SetTableComment& o) {
                        return Statements{{.sql = comment_on_table_sql(o.table, o.to)}};
                    },
                    [&](const SetObjectComment& o) {
                        return Statements{{.sql = comment_on_sql(o)}};
                    },
                    [&](const AlterTableOptions& o) {
                        refuse_repartition(o, to, diags);
                        Statements out;
                        for (auto& sql : alter_table_options_sql(o.table, o.from, o.to))
                            out.push_back({.sql = std::move(sql)});
                        // SET LOGGED / UNLOGGED comes first when the persistence changes.
                        if (o.from.unlogged != o.to.unlogged && !out.empty())
                            out.front().comment =
                                "rewrites the table under an ACCESS EXCLUSIVE lock (reads and "
                                "writes wait)";
                        return out;
                    },
                    [&](const CreateEnum& o) {
                        ensure_schema(o.type.schema);
                        return Statements{{.sql = create_enum_sql(o.type)}};
                    },
                    [&](const DropEnum& o) {
                        return Statements{{.sql = "DROP TYPE " + enum_sql(o.type)}};
                    },
                    [&](const AlterEnum& o) {
                        auto labels = added_labels(o);
                        bool used = false;
                        for (std::size_t k = i + 1; k < ops.size() && !labels.empty(); ++k)
                            used = used || uses_labels(ops[k], o.to, labels);
                        return alter_enum(o, schema_at(ops, i, from, to, state), used);
                    },
                    [&](const RenameConstraint& o) {
                        // An index is renamed as a relation of its schema; a constraint
                        // (a unique constraint renames its index along) on its table.
                        if (o.kind == ConstraintKind::Index)
                            return Statements{{.sql = "ALTER INDEX " +
                                                      qualified_name(o.table.schema, o.from) +
                                                      " RENAME TO " + q(o.to)}};
                        return Statements{{.sql = alter(o.table) + "RENAME CONSTRAINT " +
                                                  q(o.from) + " TO " + q(o.to)}};
                    },
                    [&](const CreateObject& o) {
                        // A declared schema is what CREATE SCHEMA IF NOT EXISTS would
                        // write: once it exists, neither is written again.
                        if (o.object.kind == ObjectKind::Schema)
                            return schemas.insert(o.object.name).second
                                       ? Statements{{.sql = o.object.sql}}
                                       : Statements{};
                        // What the downgrade revokes from a table it creates again: nothing now.
                        if (o.object.kind == ObjectKind::Grant)
                            return o.recreated_because == schema::kRevokedWhenCreatedAgain
                                       ? Statements{}
                                       : grant_statements(o.object);
                        if (o.object.kind == ObjectKind::DefaultPrivilege)
                            return default_privilege_statements(o.object, false);
                        if (o.object.kind == ObjectKind::Owner)
                            return Statements{{.sql = owner_statement(o.object)}};
                        ensure_schema(o.object.schema);
                        return Statements{{.sql = o.object.sql}};
                    },
                    [&](const DropObject& o) {
                        refuse_domain_in_use(o, state.schema(), to, diags);
                        refuse_type_in_use(o.object, !o.recreated_because.empty(), false,
                                           state.schema(), to, diags);
                        // A grant whose object the revision drops goes with it: nothing to
                        // write (its reverse, the downgrade's GRANT, is).
                        if (o.object.kind == ObjectKind::DefaultPrivilege)
                            return default_privilege_statements(o.object, true);
                        if (o.object.kind == ObjectKind::Grant)
                            return o.recreated_because.empty() ||
                                           o.recreated_because == schema::kRevokedWhenCreatedAgain
                                       ? revoke_statements(o.object)
                                       : Statements{};
                        // So does an owner: back to the role that runs the migrations.
                        if (o.object.kind == ObjectKind::Owner)
                            return o.recreated_because.empty()
                                       ? Statements{{.sql = owner_undo_statement(o.object)}}
                                       : Statements{};
                        return Statements{{.sql = drop_object_sql(o.object)}};
                    },
                    [&](const ReplaceObject& o) {
                        if (o.to.kind == ObjectKind::Owner)
                            return Statements{{.sql = owner_statement(o.to)}};
                        if (o.to.kind == schema::ObjectKind::Extension) {
                            ensure_schema(o.to.schema);
                            Statements alters;
                            for (auto& sql : alter_extension_sql(o.from, o.to))
                                alters.push_back({.sql = std::move(sql)});
                            if (!alters.empty() && older_version(o.to.version, o.from.version))
                                alters.front().comment =
                                    "extensions seldom ship a script back to an older version: "
                                    "this fails unless " +
                                    o.to.name + "--" + o.from.version + "--" + o.to.version +
                                    ".sql is installed";
                            return alters;
                        }
                        if (o.to.kind == ObjectKind::Type) {
                            const auto changes = attribute_changes(o.from, o.to);
                            refuse_type_in_use(o.to, false, changes && !changes->dropped.empty(),
                                               state.schema(), to, diags);
                        }
                        return replace_object(o);
                    },
                },
                op);
            if (options.online) {
                if (const auto* c = std::get_if<CreateTable>(&op))
                    created.insert({c->table.schema, c->table.name});
                online_form(op, created, stmts);
                strong.resize(out.size(), false);  // CREATE SCHEMA statements locked nothing
                for (const auto& s : stmts) strong.push_back(locks_table_in_use(op, s, created));
            }
            // What the operation created gets its comment (after the online form, which
            // replaces the statements above).
            for (auto& s : comments_after(op)) {
                stmts.push_back(std::move(s));
                if (options.online) strong.push_back(false);
            }
            for (auto& s : stmts) out.push_back(std::move(s));
            state.apply(op);
        }
        if (options.online) out = with_lock_timeouts(std::move(out), strong, options.lock_timeout);
        drop_emptied_schemas(from, to, ops, out);
        return out;
    }

  private:
    using Created = std::set<std::pair<std::string, std::string>>;

    static bool is_new(const Created& created, const std::string& schema, const std::string& name) {
        return created.count({schema, name}) > 0;
    }

    /// Replaces `stmts`, the plain form of `op`, by its online form when `op` changes a
    /// table in use (one this plan did not create).
    static void online_form(const Operation& op, const Created& created, Statements& stmts) {
        if (const auto* r = std::get_if<ReplaceObject>(&op); r && r->to.kind == ObjectKind::Domain)
            return online_domain_checks(*r, stmts);
        if (std::holds_alternative<CreateTable>(op) || is_enum_op(op) || is_object_op(op)) return;
        const TableRef table = target_table(op);
        if (is_new(created, table.schema, table.name)) return;
        Statements online = std::visit(
            Overloaded{
                [&](const CreateIndex& o) { return online_create_index(o.table, o.index); },
                [&](const DropIndex& o) { return online_drop_index(o.table, o.index); },
                [&](const AddForeignKey& o) { return online_add_foreign_key(o.table, o.key); },
                [&](const AddCheck& o) { return online_add_check(o.table, o.check); },
                [&](const SetCheckValidity& o) { return online_validate_check(o.table, o.check); },
                [&](const AddUnique& o) { return online_add_unique(o.table, o.unique); },
                [&](const AlterPrimaryKey& o) {
                    // The plain form drops the old key first; only its ADD changes.
                    Statements out = stmts;
                    if (!o.to || out.empty() ||
                        out.back().sql.find(" PRIMARY KEY (") == std::string::npos)
                        return out;
                    out.pop_back();
                    const std::string name =
                        o.to->name.empty() ? default_primary_key_name(o.table.name) : o.to->name;
                    for (auto& s : online_add_primary_key(o.table, *o.to, name))
                        out.push_back(std::move(s));
                    return out;
                },
                [&](const AlterColumn& o) {
                    Statements out = stmts;
                    if ((o.changes & kChangeNullability) && o.from.nullable && !o.to.nullable)
                        online_set_not_null(out, o.table, o.to.name);
                    return out;
                },
                [&](const auto&) { return Statements{}; },
            },
            op);
        if (!online.empty()) stmts = std::move(online);
    }

    /// Online, a check added to a domain is added NOT VALID (new values are checked at
    /// once) and validated in a transaction of its own, as a table's check is: ADD
    /// CONSTRAINT would check every column of the domain while holding its tables' writes.
    static void online_domain_checks(const ReplaceObject& o, Statements& stmts) {
        const auto from = domain_facts(o.from), to = domain_facts(o.to);
        if (!from || !to) return;
        const std::string alter = "ALTER DOMAIN " + qualified_name(o.to.schema, o.to.name) + " ";
        for (const auto& c : check_changes(*from, *to).added) {
            if (std::string_view(c.definition).ends_with("NOT VALID")) continue;
            const std::string add = alter + "ADD CONSTRAINT " + q(c.name) + " " + c.definition;
            for (auto& s : stmts)
                if (s.sql == add) s.sql += " NOT VALID";
            stmts.push_back(
                {.sql = alter + "VALIDATE CONSTRAINT " + q(c.name), .no_transaction = true});
        }
    }

    /// Does statement `s` of `op` take a lock that blocks reads or writes of a table in
    /// use: ACCESS EXCLUSIVE (ALTER TABLE but VALIDATE, DROP TABLE, DROP INDEX), SHARE
    /// (CREATE INDEX) or SHARE ROW EXCLUSIVE (a foreign key, on the table it references
    /// too)? Those wait behind a long transaction while every query queues behind them.
    static bool locks_table_in_use(const Operation& op, const Statement& s,
                                   const Created& created) {
        auto starts = [&](const char* prefix) { return s.sql.rfind(prefix, 0) == 0; };
        if (s.sql.empty() || s.no_transaction) return false;
        auto references_table_in_use = [&](const std::vector<ForeignKey>& keys) {
            for (const auto& fk : keys)
                if (!is_new(created, fk.ref_schema, fk.ref_table)) return true;
            return false;
        };
        if (const auto* c = std::get_if<CreateTable>(&op))
            return starts("CREATE TABLE ") && references_table_in_use(c->table.foreign_keys);
        // An enum rebuild converts the columns of the tables that use the type (ALTER
        // TABLE) and rebuilds their indexes that name a label.
        if (is_enum_op(op))
            return starts("ALTER TABLE ") || starts("DROP INDEX ") || starts("CREATE INDEX ") ||
                   starts("CREATE UNIQUE INDEX ");
        const TableRef table = target_table(op);
        const bool in_use = !is_new(created, table.schema, table.name);
        if (const auto* fk = std::get_if<AddForeignKey>(&op))
            return in_use || references_table_in_use({fk->key});
        if (!in_use) return false;
        return starts("ALTER TABLE ") || starts("DROP TABLE ") || starts("DROP INDEX ") ||
               starts("CREATE INDEX ") || starts("CREATE UNIQUE INDEX ");
    }

    /// A schema that held tables or enums of `from` and holds none of `to` (nor a declared
    /// object of `to`: a domain, a view, the schema itself) is dropped
    /// last: the mirror of the `CREATE SCHEMA IF NOT EXISTS` written when its first
    /// object came in, so a downgrade leaves no schema its upgrade created. A database's
    /// side reads every schema (ObjectKind::Schema), so one that was there, even empty,
    /// is kept; one an operation drops (a declared schema removed) is not dropped twice.
    /// RESTRICT (the default): a schema still holding objects autogen does not manage
    /// stops the revision rather than losing them.
    static void drop_emptied_schemas(const Schema& from, const Schema& to,
                                     const std::vector<Operation>& ops, Statements& out) {
        std::set<std::string> kept;
        for (const auto& t : to.tables) kept.insert(t.schema);
        for (const auto& e : to.enums) kept.insert(e.schema);
        for (const auto& o : to.objects) kept.insert(schema::holds_schema(o));
        for (const auto& op : ops)
            if (const auto* d = std::get_if<DropObject>(&op);
                d && d->object.kind == ObjectKind::Schema)
                kept.insert(d->object.name);
        std::set<std::string> emptied;
        for (const auto& t : from.tables) emptied.insert(t.schema);
        for (const auto& e : from.enums) emptied.insert(e.schema);
        // A declared object brings its schema along too (CREATE SCHEMA IF NOT EXISTS before
        // it): a sequence's, a domain's, a function's. Not a declared schema (an object of
        // its own) nor an extension's (the schema it installs into is not its own).
        for (const auto& o : from.objects)
            if (o.kind != ObjectKind::Schema && o.kind != ObjectKind::Extension)
                emptied.insert(schema::holds_schema(o));
        for (const auto& s : emptied) {
            if (s.empty() || s == "public" || kept.count(s)) continue;
            out.push_back({.sql = "DROP SCHEMA IF EXISTS " + q(s),
                           .comment = "nothing of the models is left in schema " + q(s) +
                                      "; this fails if it still holds other objects"});
        }
    }

    /// The schema the database has when ops[i] runs. The differ puts enum changes
    /// before every table change (upgrade) or after them all (their downgrade), so it
    /// is exactly `from` or `to`; in any other position, the simulated state.
    static const Schema& schema_at(const std::vector<Operation>& ops, std::size_t i,
                                   const Schema& from, const Schema& to, const PlanState& state) {
        // A label renamed before (RENAME VALUE) renamed it in the defaults holding it: the
        // state has them so.
        auto renames = [](const Operation& op) {
            const auto* e = std::get_if<AlterEnum>(&op);
            return e && !renamed_positions(e->from.labels, e->to.labels).empty();
        };
        if (std::all_of(ops.begin(), ops.begin() + static_cast<long>(i), is_enum_op))
            return std::any_of(ops.begin(), ops.begin() + static_cast<long>(i), renames)
                       ? state.schema()
                       : from;
        if (std::all_of(ops.begin() + static_cast<long>(i) + 1, ops.end(), is_enum_op)) return to;
        return state.schema();
    }
};

}  // namespace

std::unique_ptr<Planner> make_postgres_planner() { return std::make_unique<PostgresPlanner>(); }

}  // namespace autogen::codegen
