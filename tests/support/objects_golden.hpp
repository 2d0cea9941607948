// Golden SQL of the planners' statements for declared objects (issue 20; header-only,
// for *_objects_golden_test.cpp only). Unlike golden_sql.hpp's table cases, an object's
// facts (a view's deparsed query, a domain's checks, a sequence's options) are what its
// database reads back, so both sides of a case are materialised in a real database of
// the dialect, as the CLI does in its scratch database; the revision is then applied to
// the "before" database, checked, downgraded and checked again, and its text compared
// with tests/golden/<folder>/<case>.sql (AUTOGEN_UPDATE_GOLDEN=1 rewrites the files).
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "pipeline/declared_grants.hpp"
#include "pipeline/materialize_objects.hpp"
#include "pipeline/partition_declaration.hpp"
#include "pipeline/type_declaration.hpp"
#include "support/sql_tokens.hpp"
#include "tests/support/declared_read_back.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/golden_sql.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::testing::objects_golden {

using namespace autogen::schema;

/// One declared statement: its kind, name, table (a trigger's or policy's), text.
/// A GRANT's objects come from the grant reader (one per privilege target and grantee);
/// a partition's and a type's from theirs (their facts are read from the statement).
inline std::vector<SqlObject> declared(ObjectKind kind, std::string name, std::string sql,
                                       std::string table = {}) {
    support::Diagnostics diags;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    const SourceLocation at{"golden.sql", 1, 1};
    if (kind == ObjectKind::Grant) {
        auto grants = pipeline::grant_declarations(r, sql, at, diags);
        REQUIRE_MESSAGE(grants, sql);
        return *grants;
    }
    if (kind == ObjectKind::Partition || kind == ObjectKind::Type) {
        // After CREATE TABLE / CREATE TYPE.
        auto o = kind == ObjectKind::Partition
                     ? pipeline::partition_declaration(r, 2, sql, at, diags)
                     : pipeline::type_declaration(r, 2, sql, at, diags);
        for (const auto& d : diags.items()) MESSAGE(support::format(d));
        REQUIRE_MESSAGE(o, sql);
        // Both sides of a case are databases here: the downgrade's `to`, like the CLI's,
        // knows no file (a refusal at the declaration is for the upgrade alone).
        o->location = {};
        return {*o};
    }
    return {SqlObject{
        .kind = kind, .name = std::move(name), .sql = std::move(sql), .table = std::move(table)}};
}

/// users(id, email, active), the table the cases' objects read: a bigint identity key
/// on PostgreSQL, an integer key (the rowid) on SQLite.
inline void users(Schema& s, bool postgres) {
    Table t{.name = "users"};
    t.columns = {Column{.name = "id",
                        .type = {.logical = postgres ? Logical::BigInt : Logical::Integer},
                        .identity = postgres},
                 Column{.name = "email", .type = {.logical = Logical::Text}},
                 Column{.name = "active", .type = {.logical = Logical::Boolean}, .nullable = true}};
    t.primary_key = PrimaryKey{.columns = {"id"}};
    s.tables.push_back(t);
}

inline void add(Schema& s, std::vector<SqlObject> objects) {
    for (auto& o : objects) s.objects.push_back(std::move(o));
}

/// Replaces the statement of object `name` (its kind and table kept).
inline void restate(Schema& s, const std::string& name, const std::string& sql) {
    for (auto& o : s.objects)
        if (o.name == name) o.sql = sql;
}

/// A case's starting point: users and `objects`.
inline std::function<void(Schema&)> users_and(bool postgres, std::vector<SqlObject> objects) {
    return [postgres, objects](Schema& s) {
        users(s, postgres);
        add(s, objects);
    };
}

/// A case: the tables and objects before, and the change to them.
struct Case {
    const char* name;
    std::function<void(Schema&)> before;
    std::function<void(Schema&)> change;
};

/// The model of `c` before (`after` false) or after its change, declaring objects.
inline Schema model(const Case& c, bool after) {
    Schema s;
    s.declares_objects = true;
    c.before(s);
    if (after) c.change(s);
    return s;
}

/// `model` as the database of `h` holds it once created from nothing: tables, then the
/// objects in the planner's order, read back, with the statements as written carried over.
template <class Harness>
Schema materialize(Harness& h, const Schema& m) {
    Schema lowered = h.planner->lower(m, h.diags);
    REQUIRE_MESSAGE(!h.diags.has_errors(), h.messages());
    REQUIRE_MESSAGE(
        h.run(h.planner->plan(diff::diff(Schema{}, lowered, *h.rules), Schema{}, lowered, h.diags)),
        h.messages());
    Schema read = h.inspect();
    keep_declared_grants(lowered.objects, read.objects);  // (as the CLI keeps them)
    pipeline::carry_object_facts(lowered.objects, read.objects);
    for (auto& t : read.tables)  // the model-only renames, as the CLI diffs them
        if (const Table* mt = m.find_table(t.name, t.schema))
            for (auto& c : t.columns)
                if (const Column* mc = mt->find_column(c.name)) c.renamed_from = mc->renamed_from;
    read.declares_objects = true;
    return read;
}

/// What the differ still finds between the database of `h` and `want`.
template <class Harness>
std::string left(Harness& h, const Schema& want) {
    Schema now = h.inspect();
    now.declares_objects = true;
    std::string out;
    for (const auto& op : diff::diff(now, want, *h.rules)) out += diff::describe(op) + "\n";
    return out;
}

/// Runs case `c` on two fresh databases of `Harness` and checks its golden file.
template <class Harness>
void check_case(const Case& c, const std::string& folder) {
    Harness from_db, to_db;
    const Schema from = materialize(from_db, model(c, false)),
                 to = materialize(to_db, model(c, true));
    const auto ops = diff::diff(from, to, *from_db.rules);
    support::Diagnostics diags;
    const auto up = from_db.planner->plan(ops, from, to, diags);
    const auto down = from_db.planner->plan(schema::reverse(ops), to, from, diags);
    for (const auto& d : diags.items()) MESSAGE(support::format(d));
    CHECK_FALSE(diags.has_errors());
    REQUIRE_FALSE(ops.empty());
    // The revision does what it says, both ways, on the "before" database.
    REQUIRE_MESSAGE(from_db.run(up), from_db.messages());
    CHECK_MESSAGE(left(from_db, to).empty(), "left after the upgrade:\n" << left(from_db, to));
    REQUIRE_MESSAGE(from_db.run(down), from_db.messages());
    CHECK_MESSAGE(left(from_db, from).empty(), "left after the downgrade:\n"
                                                   << left(from_db, from));
    std::string text = std::string("-- golden: ") + c.name + "\n-- operations:\n";
    for (const auto& op : ops) text += "--   " + diff::describe(op) + "\n";
    const std::string dialect = from_db.planner->dialect();
    text += "\n" + section_heading("upgrade", dialect, up) + render_statements(up);
    text += section_heading("downgrade", dialect, down) + render_statements(down);
    check_golden(text, source_dir() / "tests/golden" / folder / (std::string(c.name) + ".sql"));
}

}  // namespace autogen::testing::objects_golden
