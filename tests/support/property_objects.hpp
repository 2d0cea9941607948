// The declared objects of the property generator (issue 20; header-only, for tests only):
// views, materialized views, functions, procedures, triggers, domains, sequences, schemas,
// policies, extensions, grants and composite and range types, kept in Schema::objects as the CREATE
// statements a `[models] sql` file would hold. Each object remembers what it reads (a table, some
// of its columns, its function), so that an edit of the tables keeps every statement valid: a
// renamed table or column is renamed in the statement, a dropped one drops the object (or the
// column from a view's list), as an author edits the .sql file in the same change.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "codegen/sql_builder.hpp"
#include "pipeline/declared_grants.hpp"
#include "pipeline/partition_declaration.hpp"
#include "pipeline/type_declaration.hpp"
#include "schema/schema.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::testing::property {

using schema::ObjectKind;

/// One generated object: what it reads and which of its spellings it has now.
struct Declared {
    ObjectKind kind = ObjectKind::View;
    std::string name;
    std::string table;                 ///< the table it reads (a view, trigger, policy)
    std::vector<std::string> columns;  ///< the columns it reads, in order
    std::string function;              ///< a trigger's function (PostgreSQL); a grant's target
    /// A grant's target kind (TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA) and grantee.
    std::string on, grantee;
    bool for_trigger = false;  ///< a function a trigger executes (RETURNS trigger)
    int variant = 0;           ///< which body, options or clauses it has now
};

/// The objects of one model and their statements, per dialect.
class DeclaredObjects {
  public:
    explicit DeclaredObjects(std::string dialect) : postgres_(dialect == "postgresql") {}

    bool postgres() const { return postgres_; }
    std::vector<Declared>& all() { return objects_; }
    const std::vector<Declared>& all() const { return objects_; }
    Declared* find(const std::string& name) {
        for (auto& d : objects_)
            if (d.name == name) return &d;
        return nullptr;
    }
    void add(Declared d) { objects_.push_back(std::move(d)); }
    /// Removes `name` and the grants on it (an author drops the GRANT with the object).
    /// (`name` by value: callers pass a name inside the vector this erases from.)
    void remove(std::string name) {
        std::erase_if(objects_, [&](const Declared& d) {
            return d.name == name || (d.kind == ObjectKind::Grant && d.function == name);
        });
    }

    // ---- the tables change under the objects ----------------------------------------

    void rename_table(const std::string& old, const std::string& now) {
        for (auto& d : objects_)
            if (d.table == old) d.table = now;
    }
    void rename_column(const std::string& table, const std::string& old, const std::string& now) {
        for (auto& d : objects_)
            if (d.table == table) std::replace(d.columns.begin(), d.columns.end(), old, now);
    }
    /// A dropped table drops what reads it (a trigger's function with the trigger).
    void drop_table(const std::string& table) {
        std::vector<std::string> gone;
        for (const auto& d : objects_)
            if (d.table == table) gone.push_back(d.name);
        for (const auto& n : gone) drop_with_function(n);
    }
    /// A dropped column leaves a view's list; an object left reading nothing of its table
    /// (a trigger's UPDATE OF, a policy's USING) is dropped.
    void drop_column(const std::string& table, const std::string& column) {
        std::vector<std::string> gone;
        for (auto& d : objects_) {
            if (d.table != table ||
                std::find(d.columns.begin(), d.columns.end(), column) == d.columns.end())
                continue;
            std::erase(d.columns, column);
            if (d.columns.empty()) gone.push_back(d.name);
        }
        for (const auto& n : gone) drop_with_function(n);
    }
    void drop_with_function(const std::string& name) {
        const Declared* d = find(name);
        if (!d) return;
        std::string function = d->kind == ObjectKind::Trigger ? d->function : "";
        remove(name);
        if (!function.empty()) remove(function);
    }

    // ---- statements -------------------------------------------------------------------

    /// Schema::objects of the model: each object's CREATE statement, in creation order.
    std::vector<schema::SqlObject> render() const {
        std::vector<schema::SqlObject> out;
        for (const auto& d : objects_) {
            // A grant and a type as the [models] sql reader makes them (their facts are
            // read from the statement).
            if (d.kind == ObjectKind::Grant || d.kind == ObjectKind::Type ||
                d.kind == ObjectKind::Partition) {
                for (auto& o : read_statement(d)) out.push_back(std::move(o));
                continue;
            }
            schema::SqlObject o{.kind = d.kind, .name = d.name, .sql = statement(d)};
            if (d.kind == ObjectKind::Trigger || d.kind == ObjectKind::Policy) o.table = d.table;
            out.push_back(std::move(o));
        }
        return out;
    }

    std::string statement(const Declared& d) const {
        auto q = [](const std::string& n) { return codegen::quote_identifier(n); };
        std::string list;
        for (const auto& c : d.columns) list += (list.empty() ? "" : ", ") + q(c);
        switch (d.kind) {
            case ObjectKind::View:
            case ObjectKind::MaterializedView: {
                std::string head = d.kind == ObjectKind::View ? "CREATE VIEW "
                                                              : "CREATE "
                                                                "MATERIALIZED "
                                                                "VIEW ";
                std::string sql = head + q(d.name) + " AS SELECT " + list + " FROM " + q(d.table);
                if (d.variant % 2) sql += " WHERE " + q(d.columns.front()) + " IS NOT NULL";
                return sql;
            }
            case ObjectKind::Function:
                if (d.for_trigger)
                    return "CREATE FUNCTION " + q(d.name) +
                           "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                           (d.variant % 2 ? "NEW := NEW; " : "") + "RETURN NEW; END $$";
                // A column default's: SQL or PL/pgSQL, its result the variant.
                if (d.variant % 2)
                    return "CREATE FUNCTION " + q(d.name) +
                           "() RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN " +
                           std::to_string(d.variant) + "; END $$";
                return "CREATE FUNCTION " + q(d.name) +
                       "() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT " +
                       std::to_string(d.variant) + " $$";
            case ObjectKind::Trigger: {
                std::string event = d.variant % 2 ? "UPDATE OF " + list
                                                  : std::string("INSERT OR UPDATE OF ") + list;
                if (postgres_)
                    return "CREATE TRIGGER " + q(d.name) + " BEFORE " + event + " ON " +
                           q(d.table) + " FOR EACH ROW EXECUTE FUNCTION " + q(d.function) + "()";
                // SQLite: no INSERT OR UPDATE; a body reading the column.
                return "CREATE TRIGGER " + q(d.name) + " AFTER " +
                       (d.variant % 2 ? "UPDATE OF " + list : std::string("INSERT")) + " ON " +
                       q(d.table) + " BEGIN SELECT NEW." + q(d.columns.front()) + "; END";
            }
            case ObjectKind::Domain: {
                std::string sql = "CREATE DOMAIN " + q(d.name) + " AS text";
                if (d.variant & 1) sql += " DEFAULT 'dflt'";
                sql += d.variant & 2
                           ? " CONSTRAINT " + q(d.name + "_len") + " CHECK (length(VALUE) < 5000)"
                           : " CONSTRAINT " + q(d.name + "_ck") + " CHECK (VALUE <> 'forbidden')";
                return sql;
            }
            case ObjectKind::Sequence: {
                std::string sql = "CREATE SEQUENCE " + q(d.name);
                if (d.variant & 1) sql += " INCREMENT BY 5";
                if (d.variant & 2) sql += " MINVALUE -10 MAXVALUE 100000";
                if (d.variant & 4) sql += " CACHE 20 CYCLE";
                return sql;
            }
            case ObjectKind::Schema:
                return "CREATE SCHEMA " + q(d.name);
            case ObjectKind::Policy:
                if (d.variant % 2)
                    return "CREATE POLICY " + q(d.name) + " ON " + q(d.table) +
                           " FOR SELECT TO PUBLIC USING (" + q(d.columns.front()) + " IS NOT NULL)";
                return "CREATE POLICY " + q(d.name) + " ON " + q(d.table) + " USING (" +
                       q(d.columns.front()) + " IS NOT NULL OR " + q(d.columns.front()) +
                       " IS NULL) WITH CHECK (true)";
            case ObjectKind::Extension:
                return "CREATE EXTENSION IF NOT EXISTS " + q(d.name);
            case ObjectKind::Partition: {
                // Of a LIST (region) or RANGE (id) parent (`on`); variant < 0: the DEFAULT
                // one. The bounds hold values no generated row has (rows land in DEFAULT),
                // so a new bound or partition never meets rows in the way.
                std::string sql = "CREATE TABLE " + q(d.name) + " PARTITION OF " + q(d.table);
                if (d.variant < 0) return sql + " DEFAULT";
                const std::string v = std::to_string(d.variant);
                if (d.on == "LIST") return sql + " FOR VALUES IN ('v_" + v + "', 'w_" + v + "')";
                return sql + " FOR VALUES FROM (-" + std::to_string(d.variant + 1) +
                       "000000) TO (-" + v + "000000)";
            }
            case ObjectKind::Procedure: {  // bit 1: SQL or PL/pgSQL; bit 2: a second argument
                std::string sql = "CREATE PROCEDURE " + q(d.name) + "(a integer" +
                                  (d.variant & 2 ? ", b text DEFAULT 'x'" : "") + ")";
                if (d.variant & 1)
                    return sql + " LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'a = %', a; END $$";
                return sql + " LANGUAGE sql AS $$ SELECT a + " + std::to_string(d.variant) + " $$";
            }
            case ObjectKind::Type: {
                // variant < 0: a range type; else a composite type with 2 + variant attributes
                // (appended: ALTER TYPE ... ADD ATTRIBUTE while columns use it).
                if (d.variant < 0)
                    return "CREATE TYPE " + q(d.name) + " AS RANGE (SUBTYPE = float8)";
                std::string sql = "CREATE TYPE " + q(d.name) + " AS (n integer, label text";
                for (int i = 0; i < d.variant; ++i)
                    sql += ", extra_" + std::to_string(i) + " integer";
                return sql + ")";
            }
            case ObjectKind::Grant: {  // bit 1 picks the privileges
                std::string privileges, target = d.on + " " + q(d.function);
                if (d.on == "TABLE" && !d.columns.empty()) {
                    privileges =
                        "SELECT (" + list + ")" + (d.variant & 1 ? ", UPDATE (" + list + ")" : "");
                    target = "TABLE " + q(d.table);
                } else if (d.on == "TABLE") {
                    privileges = d.variant & 1 ? "SELECT, INSERT" : "SELECT";
                    target = "TABLE " + q(d.table);
                } else if (d.on == "SEQUENCE")
                    privileges = d.variant & 1 ? "USAGE, SELECT" : "USAGE";
                else if (d.on == "SCHEMA")
                    privileges = d.variant & 1 ? "USAGE, CREATE" : "USAGE";
                else {
                    privileges = "EXECUTE";
                    target += d.on == "PROCEDURE"
                                  ? "(integer" + std::string(arguments_of(d.function)) + ")"
                                  : "()";
                }
                return "GRANT " + privileges + " ON " + target + " TO " +
                       (d.grantee == "PUBLIC" ? d.grantee : q(d.grantee)) +
                       // (PostgreSQL grants no grant option to PUBLIC)
                       (d.variant & 2 && d.grantee != "PUBLIC" ? " WITH GRANT OPTION" : "");
            }
            default:
                return "";
        }
    }

  private:
    /// The rest of a procedure's argument types after its first.
    const char* arguments_of(const std::string& procedure) const {
        for (const auto& d : objects_)
            if (d.name == procedure && (d.variant & 2)) return ", text";
        return "";
    }

    /// The objects of `d`'s statement as the [models] sql reader makes them.
    std::vector<schema::SqlObject> read_statement(const Declared& d) const {
        const std::string sql = statement(d);
        support::Diagnostics diags;
        const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
        const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
        const schema::SourceLocation at{"property.sql", 1, 1};
        if (d.kind == ObjectKind::Grant) {
            if (auto grants = pipeline::grant_declarations(r, sql, at, diags)) return *grants;
        } else if (d.kind == ObjectKind::Partition) {
            if (auto o = pipeline::partition_declaration(r, 2, sql, at, diags)) return {*o};
        } else if (auto o = pipeline::type_declaration(r, 2, sql, at, diags)) {
            return {*o};
        }
        return {schema::SqlObject{.kind = d.kind, .name = d.name, .sql = "-- unreadable: " + sql}};
    }

    bool postgres_;
    std::vector<Declared> objects_;
};

}  // namespace autogen::testing::property
