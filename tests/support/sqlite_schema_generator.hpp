// Random but valid model schemas for the SQLite property tests (header-only, for
// *_test.cpp only): tables with columns of every logical type, nullability, defaults,
// collations, every key shape, uniques, indexes (with expressions and predicates),
// checks and foreign keys, and names that need quoting.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "codegen/sql_builder.hpp"
#include "schema/schema.hpp"

namespace autogen::testing {

using namespace autogen::schema;

/// Generates random but valid model schemas from a seed.
class SchemaGenerator {
  public:
    explicit SchemaGenerator(unsigned seed) : rng_(seed) {}

    Schema generate() {
        Schema s;
        s.enums.push_back({.name = "mood", .labels = {"happy", "it's ok", "sad"}});
        int tables = pick(1, 4);
        for (int i = 0; i < tables; ++i) s.tables.push_back(table(s));
        return s;
    }

  public:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return pick(1, 100) <= percent; }
    template <class T>
    const T& one_of(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))];
    }

    /// Unique (case-insensitively) names, some of them needing quotes.
    std::string name(const std::string& stem) {
        static const std::vector<std::string> odd = {"select", "Mixed Case", "we\"ird",
                                                     "it's",   "order",      "x-y"};
        std::string n = chance(15) ? one_of(odd) + "_" + stem : stem;
        n += "_" + std::to_string(++counter_);
        return n;
    }

    Column column(const Schema& s, bool key) {
        static const std::vector<Logical> kinds = {
            Logical::Boolean,     Logical::SmallInt, Logical::Integer, Logical::BigInt,
            Logical::Real,        Logical::Double,   Logical::Text,    Logical::Blob,
            Logical::TimestampTz, Logical::Date,     Logical::Enum};
        Column c{.name = name("c"), .type = {.logical = one_of(kinds)}};
        if (c.type.logical == Logical::Text && chance(40))
            c.type.length = static_cast<unsigned>(pick(1, 500));
        if (c.type.logical == Logical::Enum) c.type.enum_name = s.enums[0].name;
        if (chance(10))
            c.type = {.sql = one_of(std::vector<std::string>{"NUMERIC(12,2)", "VARCHAR(40)", "INT8",
                                                             "JSON"})};
        c.nullable = !key && chance(40);
        if (!key && chance(40)) c.server_default = default_for(c.type.logical);
        if (c.type.logical == Logical::Text && chance(30))
            c.collation = one_of(std::vector<std::string>{"NOCASE", "RTRIM", "BINARY"});
        return c;
    }

    std::string default_for(Logical l) {
        switch (l) {
            case Logical::Boolean:
                return one_of(std::vector<std::string>{"0", "1", "TRUE", "FALSE"});
            case Logical::SmallInt:
            case Logical::Integer:
            case Logical::BigInt:
                return one_of(std::vector<std::string>{"0", "-5", "42", "abs(-3)", "(1 + 2)"});
            case Logical::Real:
            case Logical::Double:
                return one_of(std::vector<std::string>{"1.5", "-0.25", "1e3"});
            case Logical::Text:
                return one_of(
                    std::vector<std::string>{"''", "'it''s'", "'x'", "lower('ABC')", "NULL"});
            case Logical::Blob:
                return "X'00FF'";
            case Logical::TimestampTz:
                return one_of(std::vector<std::string>{"CURRENT_TIMESTAMP", "datetime('now')"});
            case Logical::Date:
                return one_of(std::vector<std::string>{"CURRENT_DATE", "'2026-01-01'"});
            case Logical::Enum:
                return "'happy'";
            case Logical::None:
                return "NULL";
        }
        return "NULL";
    }

    Table table(const Schema& s) {
        Table t{.name = name("t")};
        int shape = pick(0, 3);  // 0 no key, 1 identity, 2 text key, 3 composite
        if (shape == 1) {
            Column id{.name = name("id"),
                      .type = {.logical =
                                   one_of(std::vector<Logical>{Logical::Integer, Logical::BigInt})},
                      .identity = true};
            t.columns.push_back(id);
            t.primary_key = PrimaryKey{.columns = {id.name}};
        } else if (shape == 2) {
            Column k{.name = name("k"), .type = {.logical = Logical::Text, .length = 64}};
            t.columns.push_back(k);
            t.primary_key = PrimaryKey{.columns = {k.name}};
        } else if (shape == 3) {
            Column a = column(s, true), b = column(s, true);
            t.columns = {a, b};
            t.primary_key = PrimaryKey{.columns = {b.name, a.name}};
        }
        int n = pick(1, 5);
        for (int i = 0; i < n; ++i) t.columns.push_back(column(s, false));

        auto some_columns = [&](std::size_t max) {
            std::vector<std::string> cols;
            for (const auto& c : t.columns)
                if (cols.size() < max && chance(50)) cols.push_back(c.name);
            if (cols.empty()) cols.push_back(one_of(t.columns).name);
            return cols;
        };
        for (int i = pick(0, 2); i > 0; --i)
            t.uniques.push_back({.name = name("uq"), .columns = some_columns(2)});
        for (int i = pick(0, 2); i > 0; --i) {
            Index ix{.name = name("ix"), .columns = some_columns(3), .unique = chance(30)};
            if (chance(30))
                ix.columns.push_back("(lower(" + codegen::quote_identifier(t.columns.back().name) +
                                     "))");
            if (chance(30))
                ix.where = codegen::quote_identifier(ix.columns.front()) + " IS NOT NULL";
            t.indexes.push_back(ix);
        }
        for (int i = pick(0, 2); i > 0; --i) {
            const auto& c = one_of(t.columns);
            t.checks.push_back(
                {.name = chance(80) ? name("ck") : "",
                 .expression = "length(" + codegen::quote_identifier(c.name) + ") >= 0"});
        }
        // Foreign keys to the primary key of an earlier table (or of this one).
        std::vector<const Table*> targets;
        for (const auto& other : s.tables)
            if (other.primary_key) targets.push_back(&other);
        if (t.primary_key && chance(30)) targets.push_back(&t);
        for (int i = chance(60) ? pick(1, 2) : 0; i > 0 && !targets.empty(); --i) {
            const Table* target = one_of(targets);
            ForeignKey fk{.name = chance(85) ? name("fk") : "",
                          .ref_table = target->name,
                          .ref_columns = target->primary_key->columns};
            static const std::vector<ReferentialAction> actions = {
                ReferentialAction::NoAction, ReferentialAction::Restrict,
                ReferentialAction::Cascade, ReferentialAction::SetNull,
                ReferentialAction::SetDefault};
            fk.on_delete = one_of(actions);
            fk.on_update = one_of(actions);
            for (std::size_t k = 0; k < fk.ref_columns.size(); ++k) {
                Column c = column(s, false);
                c.type = target->find_column(fk.ref_columns[k])->type;
                fk.columns.push_back(c.name);
                t.columns.push_back(c);
            }
            t.foreign_keys.push_back(fk);
        }
        t.comment = chance(30) ? "a comment SQLite does not keep" : "";
        return t;
    }

    std::mt19937 rng_;
    int counter_ = 0;
};

}  // namespace autogen::testing
