// The property test loop shared by the dialects (header-only, for *_test.cpp only):
// one database, a seeded sequence of random model edits (property_generator.hpp), and
// for each step: diff the database against the models -> plan the revision -> apply it
// as one transaction -> the differ finds nothing left -> the rows inserted before the
// step are still there (except in dropped tables and columns, and changed values of
// altered columns). At the end every step's downgrade is applied, newest first, down to
// an empty schema, and the upgrades applied again must bring the last models back.
//
// AUTOGEN_PROPERTY_SEED=<n> replays a seed, AUTOGEN_PROPERTY_STEPS=<n> runs longer.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "codegen/sql_builder.hpp"
#include "db/connection.hpp"
#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "pipeline/materialize_objects.hpp"
#include "tests/support/property_generator.hpp"

namespace autogen::testing::property {

/// One dialect as the property test drives it. The data oracle is answered with plain
/// SQL both dialects accept; a query that fails (a name new in this step) gets the
/// cautious answer.
class Target : public DataOracle {
  public:
    /// The model as the database holds it: lowered, created in a scratch database, read
    /// back, with the model-only `renamed_from` carried over (what the CLI diffs against).
    virtual Schema materialize(const Schema& model, std::string& errors) = 0;
    virtual Schema inspect() = 0;
    /// Runs the statements as one section (in one transaction, unless a statement must run
    /// outside one); false (and messages()) when one fails.
    virtual bool run(const std::vector<codegen::Statement>& statements) = 0;
    /// The rows of a query; nullopt when it fails (nothing reported).
    virtual std::optional<std::vector<db::Row>> query(const std::string& sql) = 0;
    /// Deletes every row of every table of `s` (before the final downgrade).
    virtual bool clear_rows(const Schema& s) = 0;
    virtual const codegen::Planner& planner() const = 0;
    virtual const diff::DiffRules& rules() const = 0;
    /// Every diagnostic so far.
    virtual std::string messages() = 0;
    /// The database's catalog as the test reads it apart from autogen's inspector
    /// (property_catalog.hpp: default privileges, comments on declared objects), one line
    /// each, sorted; the scratch database the models were last materialised in; the
    /// privileges of one table in each. Empty where the dialect has none (SQLite).
    virtual std::vector<std::string> catalog() { return {}; }
    virtual std::vector<std::string> model_catalog() { return {}; }
    virtual std::string table_privileges(const std::string& /*table*/) { return ""; }
    virtual std::string model_table_privileges(const std::string& /*table*/) { return ""; }

    bool has_nulls(const Table& t, const std::string& c) override {
        auto r = query("SELECT 1 FROM " + from(t) + " WHERE " + codegen::quote_identifier(c) +
                       " IS NULL LIMIT 1");
        return !r || !r->empty();
    }
    bool all_null(const Table& t, const std::string& c) override {
        auto r = query("SELECT 1 FROM " + from(t) + " WHERE " + codegen::quote_identifier(c) +
                       " IS NOT NULL LIMIT 1");
        return r && r->empty();
    }
    bool distinct(const Table& t, const std::vector<std::string>& columns) override {
        std::string list, not_null;
        for (const auto& c : columns) {
            list += (list.empty() ? "" : ", ") + codegen::quote_identifier(c);
            not_null +=
                (not_null.empty() ? "" : " AND ") + codegen::quote_identifier(c) + " IS NOT NULL";
        }
        auto r = query("SELECT 1 FROM " + from(t) + " WHERE " + not_null + " GROUP BY " + list +
                       " HAVING count(*) > 1 LIMIT 1");
        return r && r->empty();
    }
    bool label_used(const Schema& s, const Enum& e, const std::string& label) override {
        for (const auto& t : s.tables)
            for (const auto& c : t.columns) {
                if (c.type.logical != Logical::Enum || c.type.enum_name != e.name) continue;
                auto r = query("SELECT 1 FROM " + from(t) + " WHERE CAST(" +
                               codegen::quote_identifier(c.name) +
                               " AS TEXT) = " + codegen::string_literal(label) + " LIMIT 1");
                if (!r || !r->empty()) return true;
            }
        return false;
    }

  protected:
    static std::string from(const Table& t) { return codegen::quote_identifier(t.name); }
};

/// A Target over one of the dialect test harnesses (sqlite_test_harness.hpp,
/// postgres_test_harness.hpp): the database side of the loop.
template <class Harness>
class HarnessTarget : public Target {
  public:
    Schema inspect() override { return h_.inspect(); }
    bool run(const std::vector<codegen::Statement>& statements) override {
        return h_.run(statements);
    }
    std::optional<std::vector<db::Row>> query(const std::string& sql) override {
        support::Diagnostics quiet;
        auto r = h_.conn->query(sql, {}, quiet);
        if (!r) return std::nullopt;
        return r->rows;
    }
    const codegen::Planner& planner() const override { return *h_.planner; }
    std::string messages() override { return h_.messages(); }

  protected:
    Harness h_;
};

/// Copies the model-only `renamed_from` of tables and columns, and the declared objects'
/// statements as written, onto the schema read back from a scratch database, as the
/// CLI's pipeline does before diffing.
inline Schema carry_renamed_from(const Schema& model, Schema inspected) {
    pipeline::carry_object_facts(model.objects, inspected.objects);
    inspected.declares_objects = model.declares_objects;
    for (auto& t : inspected.tables) {
        const Table* m = model.find_table(t.name, t.schema);
        if (!m) continue;
        t.renamed_from = m->renamed_from;
        for (auto& c : t.columns)
            if (const Column* mc = m->find_column(c.name)) c.renamed_from = mc->renamed_from;
    }
    return inspected;
}

namespace detail {

inline std::string describe(const std::vector<Operation>& ops) {
    std::string out;
    for (const auto& op : ops) out += "  " + diff::describe(op) + "\n";
    return out;
}

inline std::string sql_text(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) out += "  " + s.sql + ";\n";
    return out;
}

inline std::string column_list(const Table& t) {
    std::string out;
    for (const auto& c : t.columns)
        out += (out.empty() ? "" : ", ") + codegen::quote_identifier(c.name);
    return out;
}

/// The literal a new row holds in column `c` (row counter `n`), for a model column.
inline std::string literal(Generator& g, const Schema& s, const Column& c, long n) {
    switch (g.kind(c)) {
        case Logical::SmallInt:
        case Logical::Integer:
        case Logical::BigInt:
        case Logical::Real:
        case Logical::Double:
            return std::to_string(n);
        case Logical::Text:
            return codegen::string_literal(std::to_string(n));
        case Logical::Boolean:
            return g.profile().true_literal;
        case Logical::Blob: {
            std::ostringstream hex;
            hex << std::hex << (n * 2);  // even number of digits for n >= 10000 / 2
            std::string h = hex.str();
            if (h.size() % 2) h = "0" + h;
            return g.profile().blob_literal(h);
        }
        case Logical::TimestampTz:
            return "'2026-01-01 10:00:00+00'";
        case Logical::Date:
            return "'2026-01-02'";
        case Logical::Enum: {
            const Enum* e = s.find_enum(c.type.enum_name);
            return e && !e->labels.empty() ? codegen::string_literal(g.one_of(e->labels)) : "NULL";
        }
        case Logical::None:  // a composite or range type the models declare
            return g.type_literal(c, n);
    }
    return "NULL";
}

/// Inserts one row into each table of the model `s` (as the database now holds it),
/// with values valid for every key, reference, unique and check the generator makes.
/// A table whose NOT NULL reference has nothing to point at yet gets no row.
inline void insert_rows(Generator& g, const Schema& s, Target& db, long& counter,
                        std::string& failure) {
    for (const auto& t : s.tables) {
        std::map<std::string, std::string> values;
        bool skip = false;
        for (const auto& fk : t.foreign_keys) {
            bool nullable = true;
            for (const auto& c : fk.columns) nullable = nullable && t.find_column(c)->nullable;
            std::optional<std::vector<db::Row>> target;
            if (!nullable || g.chance(50)) {
                std::string cols;
                for (const auto& c : fk.ref_columns)
                    cols += (cols.empty() ? "" : ", ") + codegen::quote_identifier(c);
                target = db.query("SELECT " + cols + " FROM " +
                                  codegen::quote_identifier(fk.ref_table) + " LIMIT 1");
            }
            bool have = target && !target->empty();
            if (!have && !nullable) skip = true;
            for (std::size_t i = 0; i < fk.columns.size(); ++i) {
                const auto& v = have ? (*target)[0][i] : std::nullopt;
                if (!values.count(fk.columns[i]) || values[fk.columns[i]] == "NULL")
                    values[fk.columns[i]] = v ? codegen::string_literal(*v) : "NULL";
            }
        }
        if (skip) continue;
        long n = ++counter;
        std::string cols, vals;
        bool always = false;  // an identity ALWAYS column refuses a value unless told
        for (const auto& c : t.columns) {
            if (c.generated) continue;  // computed by the database, no value given
            always = always || c.identity_always;
            std::string v;
            if (values.count(c.name))
                v = values[c.name];
            else if (c.nullable && g.chance(25))
                v = "NULL";
            else
                v = literal(g, s, c, n);
            cols += (cols.empty() ? "" : ", ") + codegen::quote_identifier(c.name);
            vals += (vals.empty() ? "" : ", ") + v;
        }
        std::string sql = "INSERT INTO " + codegen::quote_identifier(t.name) + " (" + cols + ")" +
                          (always ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + vals + ")";
        if (!db.run({{.sql = sql}}))
            failure += "could not insert a row: " + sql + "\n" + db.messages();
    }
}

/// Per table of the database before a step: its row count and each column's values,
/// sorted (NULL as "NULL").
struct Snapshot {
    struct TableRows {
        std::size_t count = 0;
        std::map<std::string, std::vector<std::string>> columns;
    };
    std::map<std::string, TableRows> tables;
};

inline Snapshot snapshot(Target& db, const Schema& s) {
    Snapshot out;
    for (const auto& t : s.tables) {
        auto rows =
            db.query("SELECT " + column_list(t) + " FROM " + codegen::quote_identifier(t.name));
        if (!rows) continue;
        auto& tr = out.tables[t.name];
        tr.count = rows->size();
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            auto& values = tr.columns[t.columns[i].name];
            for (const auto& row : *rows) values.push_back(row[i] ? *row[i] : "NULL");
            std::sort(values.begin(), values.end());
        }
    }
    return out;
}

/// What differs between the rows before a step (through its renames) and after it:
/// row counts of every table kept, values of every column kept and not retyped or
/// tightened, and of enum columns whose labels did not change.
inline std::string lost_rows(const Snapshot& before, const Snapshot& after,
                             const std::vector<Operation>& ops, const Schema& model) {
    std::map<std::string, std::string> table_to;  // old table name -> new
    std::map<std::pair<std::string, std::string>, std::string>
        column_to;  // (new table, old column) -> new
    std::set<std::string> dropped_tables, changed_enums, changed_types;
    std::set<std::pair<std::string, std::string>> skip;  // (new table, new column)
    for (const auto& op : ops) {
        if (auto* o = std::get_if<RenameTable>(&op)) table_to[o->from.name] = o->to;
        if (auto* o = std::get_if<DropTable>(&op)) dropped_tables.insert(o->table.name);
        if (auto* o = std::get_if<RenameColumn>(&op)) column_to[{o->table.name, o->from}] = o->to;
        if (auto* o = std::get_if<DropColumn>(&op)) skip.insert({o->table.name, o->column.name});
        if (auto* o = std::get_if<AlterColumn>(&op))
            if (o->changes & (kChangeType | kChangeNullability | kChangeIdentity))
                skip.insert({o->table.name, o->to.name});
        if (auto* o = std::get_if<AlterEnum>(&op)) changed_enums.insert(o->to.name);
        if (auto* o = std::get_if<ReplaceObject>(&op))
            if (o->to.kind == ObjectKind::Type) changed_types.insert(o->to.name);
    }
    std::string out;
    for (const auto& [old_name, rows] : before.tables) {
        if (dropped_tables.count(old_name)) continue;
        std::string now = table_to.count(old_name) ? table_to[old_name] : old_name;
        auto it = after.tables.find(now);
        if (it == after.tables.end()) {
            out +=
                "table \"" + now + "\" (was \"" + old_name + "\") cannot be read after the step\n";
            continue;
        }
        if (it->second.count != rows.count)
            out += "table \"" + now + "\": " + std::to_string(rows.count) + " rows before, " +
                   std::to_string(it->second.count) + " after\n";
        const Table* t = model.find_table(now);
        for (const auto& [old_col, values] : rows.columns) {
            auto renamed = column_to.find({now, old_col});
            std::string col = renamed != column_to.end() ? renamed->second : old_col;
            if (skip.count({now, col}) || skip.count({now, old_col})) continue;
            auto after_values = it->second.columns.find(col);
            if (after_values == it->second.columns.end())
                continue;  // dropped without an op: reported by the differ
            const Column* c = t ? t->find_column(col) : nullptr;
            // A generated column's values follow its expression (which may have changed).
            if (c && c->generated) continue;
            // A composite value gains an empty field with an appended attribute.
            if (c && changed_types.count(c->type.sql)) continue;
            // A label renamed in place changes the values (that is the point).
            if (c && c->type.logical == Logical::Enum && changed_enums.count(c->type.enum_name))
                continue;
            if (after_values->second != values)
                out += "column \"" + now + "\".\"" + col + "\": values changed\n";
        }
    }
    return out;
}

/// The lines of `a` missing from `b` and of `b` missing from `a` (both sorted), for a
/// message; empty when they are equal.
inline std::string catalog_difference(const std::vector<std::string>& a, const std::string& a_name,
                                      const std::vector<std::string>& b,
                                      const std::string& b_name) {
    std::vector<std::string> only_a, only_b;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
    std::string out;
    for (const auto& l : only_a) out += "  only in " + a_name + ": " + l + "\n";
    for (const auto& l : only_b) out += "  only in " + b_name + ": " + l + "\n";
    return out;
}

/// One step of the run, kept for the downgrade and the second upgrade.
struct Step {
    std::string edits;
    /// The catalog lines (Target::catalog) before the step: what its downgrade restores.
    std::vector<std::string> catalog_before;
    Schema from;  ///< the database before (inspected)
    Schema to;    ///< the models (materialised)
    std::vector<Operation> ops;
    std::vector<codegen::Statement> up;
};

inline unsigned env_number(const char* name, unsigned fallback) {
    const char* v = std::getenv(name);
    return v && *v ? static_cast<unsigned>(std::strtoul(v, nullptr, 10)) : fallback;
}

}  // namespace detail

/// Figures of a run, for the test's message.
struct RunStats {
    unsigned seed = 0;
    int steps = 0;
    int steps_with_changes = 0;
    std::size_t operations = 0;
    long rows = 0;
    double seconds = 0;
    /// Seconds per phase: materialise, upgrade (inspect, diff, plan, apply, check),
    /// rows (snapshots, inserts), downgrade, upgrade again.
    double materialize = 0, upgrade = 0, rows_time = 0, downgrade = 0, again = 0;
    /// Operations on declared objects (created, dropped, replaced) per kind: a run that
    /// generates none of a kind does not test it.
    std::map<std::string, int> object_operations;
    /// The generator's edits by name (one of a step's may have done nothing the differ sees).
    std::map<std::string, int> edits;

    /// One line for the test's MESSAGE.
    std::string summary() const {
        std::ostringstream out;
        out << "seed " << seed << ": " << steps << " steps (" << steps_with_changes
            << " with changes, " << operations << " operations, " << rows << " rows) in " << seconds
            << " s (materialise " << materialize << ", upgrade " << upgrade << ", rows "
            << rows_time << ", downgrade " << downgrade << ", upgrade again " << again << ")";
        if (!object_operations.empty()) {
            out << "; declared objects:";
            for (const auto& [kind, n] : object_operations) out << " " << kind << " " << n;
        }
        if (!edits.empty()) {
            out << "; edits:";
            for (const auto& [name, n] : edits) out << " " << name << " " << n << ",";
        }
        return out.str();
    }
};

namespace detail {
/// Adds the seconds since construction to a counter when it goes out of scope.
struct Timer {
    explicit Timer(double& t) : total(t) {}
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    double& total;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    ~Timer() {
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
};
}  // namespace detail

/// Runs `steps` steps of seed `seed` against `db` (an empty database), planning with
/// `plan` (online or not). Fails the current doctest test case with the seed, the step's
/// edits, operations and SQL on the first broken property.
inline RunStats run_property(Target& db, Profile profile, unsigned default_seed, int default_steps,
                             const codegen::PlanOptions& plan = {}) {
    using detail::describe;
    using detail::sql_text;
    RunStats stats;
    stats.seed = detail::env_number("AUTOGEN_PROPERTY_SEED", default_seed);
    int steps = static_cast<int>(
        detail::env_number("AUTOGEN_PROPERTY_STEPS", static_cast<unsigned>(default_steps)));
    INFO("dialect " << profile.dialect << ", seed " << stats.seed
                    << " (replay with AUTOGEN_PROPERTY_SEED=" << stats.seed << ")");
    auto started = std::chrono::steady_clock::now();
    Generator g(stats.seed, profile);
    std::vector<detail::Step> history;
    Schema model;
    std::vector<std::string> catalog = db.catalog();  // as the test reads it (the base's)
    long counter = 10000;  // row values: distinct, above any identity the database hands out
    for (int i = 0; i < steps; ++i) {
        detail::Step step;
        g.begin_step(model);
        if (g.chance(50)) {
            for (auto& t : model.tables) {
                t.renamed_from.clear();
                for (auto& c : t.columns) c.renamed_from.clear();
            }
        }
        if (i == 0) {
            model = g.initial();
            step.edits = "initial schema";
        } else {
            for (int k = g.pick(1, 3); k > 0; --k) {
                std::string e = g.edit(model, db);
                if (!e.empty()) step.edits += (step.edits.empty() ? "" : ", ") + e;
                if (!e.empty()) stats.edits[e]++;
            }
        }
        INFO("step " << i << ": " << step.edits);
        std::string errors;
        {
            detail::Timer timer(stats.materialize);
            step.to = db.materialize(model, errors);
        }
        REQUIRE_MESSAGE(errors.empty(), "the generated models do not materialise:\n" << errors);
        const auto expected_catalog = db.model_catalog();
        step.catalog_before = catalog;
        std::optional<detail::Timer> timer(std::in_place, stats.upgrade);
        step.from = db.inspect();
        step.from.declares_objects = model.declares_objects;
        auto before = detail::snapshot(db, step.from);
        step.ops = diff::diff(step.from, step.to, db.rules());
        INFO("operations:\n" << describe(step.ops));
        support::Diagnostics plan_diags;
        step.up = db.planner().plan(step.ops, step.from, step.to, plan, plan_diags);
        INFO("upgrade:\n" << sql_text(step.up));
        REQUIRE_MESSAGE(!plan_diags.has_errors(), "planning failed");
        REQUIRE_MESSAGE(db.run(step.up), "the upgrade failed:\n" << db.messages());
        Schema now = db.inspect();
        now.declares_objects = model.declares_objects;
        auto left = diff::diff(now, step.to, db.rules());
        REQUIRE_MESSAGE(left.empty(), "left after the upgrade (check would report):\n"
                                          << describe(left));
        // The same, read apart from autogen: default privileges and comments as the
        // models' scratch database has them, and each table this step creates with the
        // privileges it has there (the declared defaults', given before the CREATE).
        catalog = db.catalog();
        std::string drift =
            detail::catalog_difference(catalog, "the database", expected_catalog, "the models");
        for (const auto& op : step.ops)
            if (auto* c = std::get_if<CreateTable>(&op)) {
                const auto got = db.table_privileges(c->table.name),
                           want = db.model_table_privileges(c->table.name);
                if (got != want)
                    drift += "  new table \"" + c->table.name + "\" has privileges " + got +
                             ", the models' " + want + "\n";
            }
        REQUIRE_MESSAGE(drift.empty(), "the catalog after the upgrade is not the models':\n"
                                           << drift);
        timer.reset();
        timer.emplace(stats.rows_time);
        std::string lost = detail::lost_rows(before, detail::snapshot(db, now), step.ops, model);
        REQUIRE_MESSAGE(lost.empty(), "rows lost or changed by the upgrade:\n" << lost);
        std::string failure;
        long rows_before = counter;
        detail::insert_rows(g, model, db, counter, failure);
        REQUIRE_MESSAGE(failure.empty(), failure);
        stats.rows += counter - rows_before;
        stats.steps++;
        if (!step.ops.empty()) stats.steps_with_changes++;
        stats.operations += step.ops.size();
        for (const auto& op : step.ops) {
            const SqlObject* o = nullptr;
            if (auto* c = std::get_if<CreateObject>(&op)) o = &c->object;
            if (auto* d = std::get_if<DropObject>(&op)) o = &d->object;
            if (auto* r = std::get_if<ReplaceObject>(&op)) o = &r->to;
            if (o) stats.object_operations[schema::to_string(o->kind)]++;
        }
        history.push_back(std::move(step));
    }

    std::optional<detail::Timer> timer(std::in_place, stats.downgrade);
    // Downgrade to base: every step's reverse, newest first, each back to its `from`.
    REQUIRE_MESSAGE(db.clear_rows(db.inspect()), "could not delete the rows before the downgrade:\n"
                                                     << db.messages());
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        const auto& step = *it;
        INFO("downgrade of step " << (history.rend() - it - 1) << ": " << step.edits
                                  << "\noperations:\n"
                                  << describe(step.ops));
        support::Diagnostics plan_diags;
        auto down =
            db.planner().plan(schema::reverse(step.ops), step.to, step.from, plan, plan_diags);
        INFO("downgrade:\n" << sql_text(down));
        REQUIRE_MESSAGE(db.run(down), "the downgrade failed:\n" << db.messages());
        Schema now = db.inspect();
        now.declares_objects = step.from.declares_objects;
        auto back = diff::diff(now, step.from, db.rules());
        REQUIRE_MESSAGE(back.empty(), "left after the downgrade:\n" << describe(back));
        const std::string drift = detail::catalog_difference(
            db.catalog(), "the database", step.catalog_before, "the database before the step");
        REQUIRE_MESSAGE(drift.empty(), "the downgrade did not restore the catalog:\n" << drift);
    }
    Schema base = db.inspect();
    CHECK_MESSAGE((base.tables.empty() && base.enums.empty() && base.objects.empty()),
                  "the downgrade to base left objects behind");

    timer.reset();
    timer.emplace(stats.again);
    // Upgrade head again: the same revisions bring the last models back.
    for (std::size_t i = 0; i < history.size(); ++i) {
        INFO("second upgrade, step " << i << ": " << history[i].edits);
        REQUIRE_MESSAGE(db.run(history[i].up), "the upgrade failed the second time:\n"
                                                   << db.messages());
    }
    if (!history.empty()) {
        Schema now = db.inspect();
        now.declares_objects = history.back().to.declares_objects;
        auto left = diff::diff(now, history.back().to, db.rules());
        CHECK_MESSAGE(left.empty(), "left after upgrading again:\n" << describe(left));
        const std::string drift = detail::catalog_difference(db.catalog(), "the database", catalog,
                                                             "the first upgrade's");
        CHECK_MESSAGE(drift.empty(), "the catalog after upgrading again:\n" << drift);
    }
    timer.reset();
    stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace autogen::testing::property
