// Property test of the whole SQLite dialect with the real differ: random schemas S,
// random changes S -> S' (columns added, dropped, retyped, made (not) nullable,
// defaults, collations, renames of columns and tables with renamed_from, indexes,
// uniques, checks, foreign keys). From a database holding S, the planned upgrade of
// diff(S, S') must reach S' exactly (nothing left to diff) and the planned downgrade
// must come back to S.
#include <doctest/doctest.h>

#include <algorithm>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "tests/support/sqlite_schema_generator.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

bool referenced(const Schema& s, const Table& t, const std::string& column) {
    for (const auto& other : s.tables)
        for (const auto& fk : other.foreign_keys)
            if (fk.ref_table == t.name && std::find(fk.ref_columns.begin(), fk.ref_columns.end(),
                                                    column) != fk.ref_columns.end())
                return true;
    return false;
}

bool in_key(const Table& t, const std::string& column) {
    return t.primary_key && std::find(t.primary_key->columns.begin(), t.primary_key->columns.end(),
                                      column) != t.primary_key->columns.end();
}

bool mentions(const std::vector<std::string>& v, const std::string& c) {
    return std::find(v.begin(), v.end(), c) != v.end();
}

/// Applies one random change to `s`, keeping it a valid model.
void mutate(testing::SchemaGenerator& g, Schema& s) {
    Table& t = s.tables[static_cast<std::size_t>(g.pick(0, static_cast<int>(s.tables.size()) - 1))];
    std::vector<Column*> free;  // columns outside keys and references
    for (auto& c : t.columns)
        if (!in_key(t, c.name) && !referenced(s, t, c.name)) free.push_back(&c);
    switch (g.pick(0, 12)) {
        case 0:
            t.columns.push_back(g.column(s, false));
            break;
        case 1:
            if (!free.empty() && t.columns.size() > 1) {
                std::string gone = g.one_of(free)->name, quoted = codegen::quote_identifier(gone);
                t.columns.erase(std::find_if(t.columns.begin(), t.columns.end(),
                                             [&](const Column& c) { return c.name == gone; }));
                std::erase_if(t.uniques,
                              [&](const UniqueConstraint& u) { return mentions(u.columns, gone); });
                std::erase_if(t.foreign_keys,
                              [&](const ForeignKey& k) { return mentions(k.columns, gone); });
                std::erase_if(t.checks, [&](const CheckConstraint& k) {
                    return k.expression.find(quoted) != std::string::npos;
                });
                std::erase_if(t.indexes, [&](const Index& i) {
                    if (i.where.find(quoted) != std::string::npos) return true;
                    for (const auto& item : i.columns)
                        if (item == gone || item.find(quoted) != std::string::npos) return true;
                    return false;
                });
            }
            break;
        case 2:
            if (!free.empty()) {
                Column* c = g.one_of(free);
                Column fresh = g.column(s, false);
                c->type = fresh.type;
                c->server_default = fresh.server_default;
            }
            break;
        case 3:
            if (!free.empty()) g.one_of(free)->nullable ^= true;
            break;
        case 4:
            if (!free.empty()) {
                Column* c = g.one_of(free);
                c->server_default =
                    g.chance(30) ? std::nullopt
                                 : std::optional<std::string>(g.default_for(c->type.logical));
                if (c->type.logical == Logical::Text)
                    c->collation =
                        g.chance(50) ? std::optional<std::string>("NOCASE") : std::nullopt;
            }
            break;
        case 5:
            if (!free.empty()) {
                Column* c = g.one_of(free);
                std::string old = c->name, now = g.name("renamed");
                std::string qo = codegen::quote_identifier(old),
                            qn = codegen::quote_identifier(now);
                if (c->renamed_from.empty()) c->renamed_from = old;  // the name the database has
                c->name = now;
                for (auto& u : t.uniques)
                    std::replace(u.columns.begin(), u.columns.end(), old, now);
                for (auto& k : t.foreign_keys)
                    std::replace(k.columns.begin(), k.columns.end(), old, now);
                for (auto& k : t.checks) k.expression = replace_all(k.expression, qo, qn);
                for (auto& i : t.indexes) {
                    for (auto& item : i.columns)
                        item = item == old ? now : replace_all(item, qo, qn);
                    i.where = replace_all(i.where, qo, qn);
                }
            }
            break;
        case 6: {
            std::string old = t.name, now = g.name("t_renamed");
            if (t.renamed_from.empty()) t.renamed_from = old;
            t.name = now;
            for (auto& other : s.tables)
                for (auto& k : other.foreign_keys)
                    if (k.ref_table == old) k.ref_table = now;
            break;
        }
        case 7:
            t.indexes.push_back({.name = g.name("ix"),
                                 .columns = {g.one_of(t.columns).name},
                                 .unique = g.chance(30)});
            break;
        case 8:
            if (!t.uniques.empty())
                t.uniques.pop_back();
            else
                t.uniques.push_back({.name = g.name("uq"), .columns = {g.one_of(t.columns).name}});
            break;
        case 9:
            if (!t.checks.empty())
                t.checks.erase(t.checks.begin());
            else
                t.checks.push_back(
                    {.name = g.name("ck"),
                     .expression = codegen::quote_identifier(g.one_of(t.columns).name) +
                                   " IS NOT NULL OR 1"});
            break;
        case 10:
            if (!t.indexes.empty()) t.indexes.pop_back();
            break;
        case 11:
            if (!t.foreign_keys.empty()) {
                t.foreign_keys.pop_back();
            } else {
                for (const auto& target : s.tables) {
                    if (&target == &t || !target.primary_key ||
                        target.primary_key->columns.size() != 1)
                        continue;
                    Column c = g.column(s, false);
                    c.type = target.find_column(target.primary_key->columns.front())->type;
                    c.nullable = true;
                    c.server_default.reset();
                    t.foreign_keys.push_back({.name = g.name("fk"),
                                              .columns = {c.name},
                                              .ref_table = target.name,
                                              .ref_columns = target.primary_key->columns,
                                              .on_delete = ReferentialAction::SetNull});
                    t.columns.push_back(c);
                    break;
                }
            }
            break;
        case 12:
            // A composite key in the other order (only where nothing references it).
            if (t.primary_key && t.primary_key->columns.size() > 1 &&
                !referenced(s, t, t.primary_key->columns.front()))
                std::reverse(t.primary_key->columns.begin(), t.primary_key->columns.end());
            break;
    }
}

/// Model -> what the database holds for it (lowered, created, inspected), keeping the
/// model-only renamed_from, as the CLI's pipeline does.
Schema materialize(const Schema& model, std::string& error) {
    testing::SqliteHarness scratch;
    Schema lowered = scratch.planner->lower(model, scratch.diags);
    if (!scratch.create(lowered)) error = scratch.messages();
    Schema s = scratch.inspect();
    for (auto& t : s.tables) {
        const Table* m = model.find_table(t.name, t.schema);
        if (!m) continue;
        t.renamed_from = m->renamed_from;
        for (auto& c : t.columns)
            if (const Column* mc = m->find_column(c.name)) c.renamed_from = mc->renamed_from;
    }
    return s;
}

std::string text(const std::vector<Operation>& ops) {
    std::string out;
    for (const auto& op : ops) out += diff::describe(op) + "\n";
    return out;
}

std::string text(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) out += s.sql + ";\n";
    return out;
}

}  // namespace

TEST_CASE("sqlite mutations: upgrade reaches the target exactly and downgrade comes back") {
    testing::RegistryDialect sqlite("sqlite");
    const auto& rules = sqlite->rules;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        CAPTURE(seed);
        testing::SchemaGenerator g(seed);
        Schema before = g.generate(), after = before;
        for (int i = g.pick(1, 6); i > 0; --i) mutate(g, after);
        std::string error;
        Schema want_before = materialize(before, error), want_after = materialize(after, error);
        REQUIRE_MESSAGE(error.empty(), error);
        // The differ keeps the model's renamed_from only for the step that renames.
        for (auto& t : want_before.tables) {
            t.renamed_from.clear();
            for (auto& c : t.columns) c.renamed_from.clear();
        }

        testing::SqliteHarness h;
        REQUIRE(h.create(h.planner->lower(before, h.diags)));
        Schema from = h.inspect();
        auto ops = diff::diff(from, want_after, *rules);
        auto up = h.planner->plan(ops, from, want_after, h.diags);
        INFO("operations:\n" << text(ops) << "upgrade:\n" << text(up));
        REQUIRE_MESSAGE(h.run(up), h.messages());
        auto left = diff::diff(h.inspect(), want_after, *rules);
        CHECK_MESSAGE(left.empty(), "left after upgrade:\n" << text(left));

        auto down = h.planner->plan(reverse(ops), want_after, from, h.diags);
        INFO("downgrade:\n" << text(down));
        REQUIRE_MESSAGE(h.run(down), h.messages());
        auto back = diff::diff(h.inspect(), want_before, *rules);
        CHECK_MESSAGE(back.empty(), "left after downgrade:\n" << text(back));
        if (!left.empty() || !back.empty()) break;
    }
}
