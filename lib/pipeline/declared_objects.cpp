// read_declared_objects() (declared_objects.hpp).
#include "declared_objects.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "declared_comments.hpp"
#include "declared_default_privileges.hpp"
#include "declared_grants.hpp"
#include "declared_owners.hpp"
#include "migrate/file_bytes.hpp"
#include "migrate/sql_splitter.hpp"
#include "pipeline/partition_declaration.hpp"
#include "pipeline/sequence_declaration.hpp"
#include "pipeline/type_declaration.hpp"
#include "scan/blind_spots.hpp"
#include "scan/glob.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"
#include "schema/routine_signature.hpp"
#include "support/display_path.hpp"
#include "support/sql_tokens.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kKnownDeclarations =
    "a [models] sql file declares views, materialized views, functions, procedures, triggers, "
    "extensions, domains, schemas, sequences, privileges, owners, policies, partitions and "
    "composite "
    "and range types: CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW, CREATE [OR REPLACE] "
    "FUNCTION | PROCEDURE, CREATE [OR REPLACE] [CONSTRAINT] TRIGGER, CREATE EXTENSION, CREATE "
    "DOMAIN, CREATE SCHEMA, CREATE SEQUENCE, GRANT ... ON ... TO, CREATE POLICY, CREATE TABLE "
    "... PARTITION OF, CREATE TYPE, ALTER ... OWNER TO, and COMMENT ON each of them";
constexpr const char* kElsewhereHint =
    "keep other statements in a hand-written revision (the other kinds "
    "are not declared yet: docs/objects.md), or move the file out of [models] sql";

/// The kind a CREATE statement's words at r[i] declare (skipped), or nullopt.
std::optional<schema::ObjectKind> declared_kind(const support::TokenRange& r, std::size_t& i) {
    using schema::ObjectKind;
    support::skip_words(r, i, {"RECURSIVE"});
    if (support::skip_words(r, i, {"DOMAIN"})) return ObjectKind::Domain;
    if (support::skip_words(r, i, {"POLICY"})) return ObjectKind::Policy;
    if (support::skip_words(r, i, {"MATERIALIZED", "VIEW"})) return ObjectKind::MaterializedView;
    if (support::skip_words(r, i, {"VIEW"})) return ObjectKind::View;
    if (support::skip_words(r, i, {"FUNCTION"})) return ObjectKind::Function;
    if (support::skip_words(r, i, {"PROCEDURE"})) return ObjectKind::Procedure;
    if (support::skip_words(r, i, {"CONSTRAINT", "TRIGGER"}) ||
        support::skip_words(r, i, {"TRIGGER"}))
        return ObjectKind::Trigger;
    return std::nullopt;
}

/// Does the token at r[i] follow an object's name in a declaration of `kind`?
bool follows_name(schema::ObjectKind kind, const support::TokenRange& r, std::size_t i) {
    if (i >= r.size()) return false;
    const auto& t = r[i];
    switch (kind) {
        case schema::ObjectKind::Function:
        case schema::ObjectKind::Procedure:
            return t.is('(');
        case schema::ObjectKind::Trigger:
            return t.is("BEFORE") || t.is("AFTER") || t.is("INSTEAD") || t.is("INSERT") ||
                   t.is("UPDATE") || t.is("DELETE");
        case schema::ObjectKind::Domain:  // AS or its base type
            return t.is_name();
        case schema::ObjectKind::Policy:  // ON table
            return t.is("ON");
        default:
            return t.is("AS") || t.is('(') || t.is("WITH") || t.is("USING") || t.is("TABLESPACE");
    }
}

/// The statement's first words, for a message ("CREATE FUNCTION add").
std::string opening(const support::TokenRange& r) {
    std::string out;
    for (std::size_t i = 0; i < r.size() && i < 4 && r[i].is_name(); ++i)
        out += (i ? " " : "") + r[i].text;
    return out;
}

/// A string literal's or a name's text ('1.6' -> 1.6, "1.6" -> 1.6, plain -> plain).
std::string literal_or_name(const support::Token& t) {
    if (auto text = support::string_constant(t); text && t.text.front() == '\'') return *text;
    return t.kind == support::TokenKind::Word ? support::to_lower(t.text) : t.text;
}

/// `CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]` from
/// r[i] on (after its EXTENSION), or an error at `at`.
std::optional<schema::SqlObject> extension_declaration(const support::TokenRange& r, std::size_t i,
                                                       const std::string& sql,
                                                       const SourceLocation& at,
                                                       support::Diagnostics& diags) {
    schema::SqlObject o{.kind = schema::ObjectKind::Extension};
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    const auto parts = support::read_name_parts(r, i);
    if (parts.size() != 1) {
        diags.error(Category::Model, "extension name expected after \"CREATE EXTENSION\"", at,
                    "write CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] "
                    "[CASCADE]; an extension's name has no schema (SCHEMA says where its "
                    "objects go)");
        return std::nullopt;
    }
    o.name = parts.front();
    support::skip_words(r, i, {"WITH"});
    while (i < r.size()) {
        if (r[i].is("SCHEMA") && i + 1 < r.size() && r[i + 1].is_name()) {
            ++i;
            o.schema = support::read_name(r, i);
        } else if (r[i].is("VERSION") && i + 1 < r.size() &&
                   (r[i + 1].is_name() || r[i + 1].kind == support::TokenKind::String ||
                    r[i + 1].kind == support::TokenKind::Number)) {
            o.version = literal_or_name(r[i + 1]);
            i += 2;
        } else if (r[i].is("CASCADE")) {
            ++i;
        } else {
            diags.error(Category::Model,
                        "\"" + r[i].text + "\" is not an option of CREATE EXTENSION " + o.name,
                        SourceLocation{at.file, r[i].line, r[i].column},
                        "CREATE EXTENSION takes [WITH] [SCHEMA s] [VERSION v] [CASCADE]");
            return std::nullopt;
        }
    }
    o.sql = sql;
    o.definition = support::canonical_sql(o.sql, support::SqlQuoting::portable());
    o.location = at;
    return o;
}

/// `CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]` from r[i] on (after its
/// SCHEMA), or an error at `at`. The owner is not compared (docs/objects.md).
std::optional<schema::SqlObject> schema_declaration(const support::TokenRange& r, std::size_t i,
                                                    const std::string& sql,
                                                    const SourceLocation& at,
                                                    support::Diagnostics& diags) {
    constexpr const char* kForm = "write CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]";
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    if (i < r.size() && r[i].is("AUTHORIZATION")) {
        diags.error(Category::Model, "CREATE SCHEMA AUTHORIZATION role names no schema", at,
                    std::string(kForm) + ": the schema's name is part of the schema");
        return std::nullopt;
    }
    const auto parts = support::read_name_parts(r, i);
    if (parts.size() != 1) {
        diags.error(Category::Model, "schema name expected after \"CREATE SCHEMA\"", at, kForm);
        return std::nullopt;
    }
    if (i + 1 < r.size() && r[i].is("AUTHORIZATION") && r[i + 1].is_name()) i += 2;
    if (i < r.size()) {
        diags.error(Category::Model,
                    "\"" + r[i].text + "\" in CREATE SCHEMA " + parts.front() +
                        ": a schema is declared alone",
                    SourceLocation{at.file, r[i].line, r[i].column},
                    std::string(kForm) +
                        ", then declare what it holds by its own statements (CREATE TABLE "
                        "elements belong in the models)");
        return std::nullopt;
    }
    schema::SqlObject o{.kind = schema::ObjectKind::Schema, .name = parts.front()};
    o.sql = sql;
    o.definition = "SCHEMA";
    o.location = at;
    return o;
}

/// A CREATE statement whose kind has a reader of its own (none takes OR REPLACE): the
/// keyword after CREATE, the refusal of OR REPLACE with its hint, and the reader.
struct OwnReader {
    const char* word;
    const char* no_replace;
    const char* hint;
    std::optional<schema::SqlObject> (*read)(const support::TokenRange&, std::size_t,
                                             const std::string&, const SourceLocation&,
                                             support::Diagnostics&);
};
const OwnReader kOwnReaders[] = {
    {"EXTENSION", "PostgreSQL has no CREATE OR REPLACE EXTENSION",
     "write CREATE EXTENSION [IF NOT EXISTS] name; a version change is declared by VERSION",
     extension_declaration},
    {"SEQUENCE", "PostgreSQL has no CREATE OR REPLACE SEQUENCE",
     "write CREATE SEQUENCE [IF NOT EXISTS] name ...; a changed option is made with ALTER "
     "SEQUENCE by the revision",
     sequence_declaration},
    {"TYPE", "PostgreSQL has no CREATE OR REPLACE TYPE",
     "write CREATE TYPE name AS (...) or AS RANGE (...); a changed type is altered (or dropped "
     "and created again) by the next revision",
     type_declaration},
    {"TABLE", "PostgreSQL has no CREATE OR REPLACE TABLE",
     "write CREATE TABLE name PARTITION OF parent ...", partition_declaration},
    {"SCHEMA", "there is no CREATE OR REPLACE SCHEMA", "write CREATE SCHEMA [IF NOT EXISTS] name",
     schema_declaration},
};

/// One statement as a declared object, or an error at its location (nullopt).
std::optional<schema::SqlObject> declaration(const migrate::SqlStatement& statement,
                                             const SourceLocation& at,
                                             support::Diagnostics& diags) {
    const auto tokens =
        support::tokenize(statement.sql, support::SqlQuoting::portable(), statement.line);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    auto fail = [&](const std::string& message, const std::string& hint) {
        diags.error(Category::Model, message, at, hint);
        return std::nullopt;
    };
    std::size_t i = 0;
    if (!support::skip_words(r, i, {"CREATE"}))
        return fail("\"" + opening(r) + "\" is not a declaration: " + kKnownDeclarations,
                    kElsewhereHint);
    support::skip_words(r, i, {"OR", "REPLACE"});
    if (i < r.size() && (r[i].is("TEMP") || r[i].is("TEMPORARY")))
        return fail("a temporary view lasts one session and is not part of the schema",
                    "drop TEMP, or create it in the application's session instead");
    // The kinds with no OR REPLACE and a reader of their own, after their keyword.
    for (const auto& k : kOwnReaders) {
        if (i >= r.size() || !r[i].is(k.word)) continue;
        if (i != 1) return fail("\"" + opening(r) + "\": " + k.no_replace, k.hint);
        return k.read(r, i + 1, statement.sql, at, diags);
    }
    schema::SqlObject o;
    const auto kind = declared_kind(r, i);
    if (!kind)
        return fail(
            "\"" + opening(r) + "\" is not a declaration autogen reads yet: " + kKnownDeclarations,
            kElsewhereHint);
    o.kind = *kind;
    if (o.kind == schema::ObjectKind::Policy && r[1].is("OR"))
        return fail("\"" + opening(r) + "\": PostgreSQL has no CREATE OR REPLACE POLICY",
                    "write CREATE POLICY name ON table ...; a changed policy is altered (or "
                    "dropped and created again) by the next revision");
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    const auto parts = support::read_name_parts(r, i);
    // A trigger's or a policy's name is its table's (policies.cpp reads the rest).
    const bool trigger =
        o.kind == schema::ObjectKind::Trigger || o.kind == schema::ObjectKind::Policy;
    // A trigger's name is its table's: SQLite's optional qualifier names the database.
    if (parts.empty() || parts.size() > 2 || (trigger && parts.size() > 1 && parts[0] != "main") ||
        !follows_name(o.kind, r, i))
        return fail(
            std::string(schema::to_string(o.kind)) + " name expected after \"" + opening(r) + "\"",
            trigger ? "write the " + std::string(schema::to_string(o.kind)) +
                          "'s name unquoted or in double quotes, without a schema (it is in "
                          "its table's)"
                    : "write the name unquoted or in double quotes, optionally schema.name");
    o.name = parts.back();
    if (parts.size() == 2 && !trigger) o.schema = parts.front();
    if (trigger) {
        // ... ON [schema.]table: the first ON (an UPDATE OF column list precedes it).
        while (i < r.size() && !r[i].is("ON")) ++i;
        std::vector<std::string> table;
        if (i < r.size()) table = support::read_name_parts(r, ++i);
        if (table.empty() || table.size() > 2)
            return fail(std::string(schema::to_string(o.kind)) + " \"" + o.name +
                            "\" names no table: ON [schema.]table expected",
                        o.kind == schema::ObjectKind::Policy
                            ? "write CREATE POLICY name ON table [AS PERMISSIVE | RESTRICTIVE] "
                              "[FOR command] [TO role, ...] [USING (expr)] [WITH CHECK (expr)]"
                            : "write CREATE TRIGGER name {BEFORE | AFTER | INSTEAD OF} event ON "
                              "table ...");
        o.table = table.back();
        if (table.size() == 2) o.schema = table.front();
    }
    o.sql = statement.sql;
    // Its input types name it among its overloads; a scratch database's reading replaces
    // them with the catalog's (routine_signature.hpp).
    if (schema::is_routine(o)) o.arguments = schema::declared_identity_types(o.sql);
    // Until a scratch database reads it back (materialize_objects.hpp), the statement is
    // its own definition: two snapshots of the models compare their text.
    o.definition = support::canonical_sql(o.sql, support::SqlQuoting::portable());
    o.location = at;
    return o;
}

/// The objects one statement declares: a GRANT's grants (declared_grants.hpp), else the
/// one object of a CREATE; nullopt after an error at its location.
std::optional<std::vector<schema::SqlObject>> declarations(const migrate::SqlStatement& statement,
                                                           const SourceLocation& at,
                                                           support::Diagnostics& diags) {
    const auto tokens =
        support::tokenize(statement.sql, support::SqlQuoting::portable(), statement.line);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    if (!r.empty() && r[0].is("GRANT")) return grant_declarations(r, statement.sql, at, diags);
    if (is_default_privileges(r))
        return default_privilege_declarations(r, statement.sql, at, diags);
    if (is_owner_statement(r)) {
        auto o = owner_declaration(r, statement.sql, at, diags);
        if (!o) return std::nullopt;
        return std::vector<schema::SqlObject>{std::move(*o)};
    }
    if (r.size() > 0 && r[0].is("REVOKE")) {
        diags.error(Category::Model,
                    "REVOKE in a [models] sql file: the files declare what is granted", at,
                    "remove the GRANT that gave the privilege instead; the next revision revokes "
                    "what no file grants");
        return std::nullopt;
    }
    auto o = declaration(statement, at, diags);
    if (!o) return std::nullopt;
    std::vector<schema::SqlObject> out{std::move(*o)};
    // CREATE SCHEMA s AUTHORIZATION r declares its owner too.
    if (out.front().kind == schema::ObjectKind::Schema)
        if (auto owner = schema_authorization_owner(r, out.front())) out.push_back(*owner);
    return out;
}

/// A COMMENT ON statement's comment (declared_comments.hpp): nullopt for any other
/// statement, an empty optional after an error at its location.
std::optional<std::optional<DeclaredComment>> comment_statement(
    const migrate::SqlStatement& statement, const SourceLocation& at, support::Diagnostics& diags) {
    const auto tokens =
        support::tokenize(statement.sql, support::SqlQuoting::portable(), statement.line);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    if (r.empty() || !r[0].is("COMMENT")) return std::nullopt;
    return comment_declaration(r, at, diags);
}

/// `objects` in an order where each comes after the others it reads, else in the order
/// given; a cycle is an error at one of its objects.
/// Two routines of one name: each names the other by its own name, which says nothing
/// of an order (a body binds to what it calls only when it runs).
bool overloads(const schema::SqlObject& a, const schema::SqlObject& b) {
    return schema::is_routine(a) && schema::is_routine(b) && a.name == b.name;
}

std::optional<std::vector<schema::SqlObject>> in_dependency_order(
    std::vector<schema::SqlObject> objects, support::Diagnostics& diags) {
    std::vector<schema::SqlObject> out;
    std::vector<int> state(objects.size(), 0);  // 0 new, 1 visiting, 2 done
    bool cycle = false;
    auto visit = [&](auto&& self, std::size_t k) -> void {
        if (state[k] == 2 || cycle) return;
        if (state[k] == 1) {
            cycle = true;
            diags.error(Category::Model,
                        std::string(schema::to_string(objects[k].kind)) + " " +
                            objects[k].qualified_name() + " reads itself through other objects",
                        objects[k].location,
                        "break the cycle: an object cannot read one that reads it");
            return;
        }
        state[k] = 1;
        // Nothing reads a trigger (one is often named after its function), a grant or an
        // owner; an extension reads nothing declared, and every object may read one (its
        // types); a schema and a sequence read nothing.
        for (std::size_t j = 0; j < objects.size(); ++j)
            if (j != k && objects[j].kind != schema::ObjectKind::Trigger &&
                objects[j].kind != schema::ObjectKind::Grant &&
                objects[j].kind != schema::ObjectKind::Policy &&
                objects[j].kind != schema::ObjectKind::DefaultPrivilege &&
                objects[j].kind != schema::ObjectKind::Owner &&
                objects[k].kind != schema::ObjectKind::Extension &&
                objects[k].kind != schema::ObjectKind::Schema &&
                objects[k].kind != schema::ObjectKind::Sequence &&
                !overloads(objects[k], objects[j]) &&
                support::mentions_identifier(objects[k].sql, objects[j].name))
                self(self, j);
        state[k] = 2;
        if (!cycle) out.push_back(objects[k]);
    };
    for (std::size_t k = 0; k < objects.size() && !cycle; ++k) visit(visit, k);
    if (cycle) return std::nullopt;
    return out;
}

/// The first declaration of `text` (a whole .sql file) that `read_declared_objects`
/// would read (errors dropped), as "view \"v\"" with what the next revision would do
/// without it ("drop it"), and where; nullopt when it declares nothing. A CREATE, a GRANT,
/// an ALTER DEFAULT PRIVILEGES and a COMMENT ON alike: each is undone when left unread.
std::optional<std::pair<std::string, SourceLocation>> first_declaration_in(
    const std::string& text, const std::string& shown) {
    support::Diagnostics ignored;
    for (const auto& statement : migrate::split_statements(text, 1)) {
        const SourceLocation at{shown, statement.line, 1};
        if (auto c = comment_statement(statement, at, ignored)) {
            if (*c)
                return std::pair{"a comment on " + std::string(schema::to_string((*c)->kind)) +
                                     " \"" + (*c)->name +
                                     "\" but is not in [models] sql: the "
                                     "next revision would remove it",
                                 at};
            continue;
        }
        const auto made = declarations(statement, at, ignored);
        if (!made || made->empty()) continue;
        const schema::SqlObject& o = made->front();
        const bool privilege =
            o.kind == schema::ObjectKind::Grant || o.kind == schema::ObjectKind::DefaultPrivilege;
        return std::pair{std::string(schema::to_string(o.kind)) + " " +
                             (privilege ? o.identity() : o.qualified_name()) +
                             " but is not in [models] sql: the next revision would " +
                             (o.kind == schema::ObjectKind::Grant ? "revoke it"
                              : o.kind == schema::ObjectKind::DefaultPrivilege
                                  ? "reset them to the built-in default"
                                  : "drop it"),
                         o.location};
    }
    return std::nullopt;
}

/// The blind spots of [models] sql: a .sql file of the project outside its globs (and
/// outside the migrations folder and [models] ignore) that declares a view would have
/// that view dropped by the next revision, as a header outside [models] headers would
/// have its tables dropped (blind_spot_guard.hpp). An error each.
/// The words a declaration starts with (a file holding none declares nothing).
constexpr const char* kDeclaringWords[] = {"CREATE", "GRANT", "ALTER", "COMMENT"};

void report_unscanned_object_files(const support::Config& config,
                                   const std::vector<std::filesystem::path>& scanned,
                                   support::Diagnostics& diags) {
    const std::set<std::filesystem::path> read(scanned.begin(), scanned.end());
    const auto migrations = config.migrations_dir().lexically_normal();
    for (const auto& file : scan::project_files(config.root)) {
        if (file.extension() != ".sql") continue;
        const auto normal = std::filesystem::absolute(file).lexically_normal();
        if (read.count(normal)) continue;
        const auto inside = normal.lexically_relative(migrations);
        if (!inside.empty() && *inside.begin() != "..") continue;
        const std::string shown = support::relative_inside(normal, config.root);
        if (std::any_of(config.models.ignore.begin(), config.models.ignore.end(),
                        [&](const std::string& g) { return scan::glob_match(g, shown); }))
            continue;
        auto text = migrate::read_file_bytes(normal);
        if (!text ||
            !std::any_of(std::begin(kDeclaringWords), std::end(kDeclaringWords),
                         [&](const char* w) { return support::mentions_identifier(*text, w); }))
            continue;  // fast path
        const auto first = first_declaration_in(*text, shown);
        if (!first) continue;
        diags.error(Category::Model, "this file declares " + first->first, first->second,
                    "add \"" + shown +
                        "\" to [models] sql, or to [models] ignore if it is not "
                        "part of the schema");
    }
}

/// Adds `o` to `objects` unless its kind and identity are there already (`declared`:
/// where each was): an error at `o` then, save for a grant, whose privileges join the
/// first's (two statements granting one role on one object).
void add_declared(schema::SqlObject o, std::vector<schema::SqlObject>& objects,
                  std::map<std::string, SourceLocation>& declared, support::Diagnostics& diags) {
    // The default schema exists in every database: declaring it changes nothing.
    if (o.kind == schema::ObjectKind::Schema && o.name == "public") return;
    const std::string key = std::string(schema::to_string(o.kind)) + " " + o.identity();
    if (auto [it, added] = declared.emplace(key, o.location); !added) {
        if (o.kind == schema::ObjectKind::Grant) {
            for (auto& g : objects)
                if (g.kind == o.kind && g.identity() == o.identity()) {
                    schema::merge_privileges(g, o);
                    if (g.sql != o.sql) g.sql += ";\n" + o.sql;
                }
            return;
        }
        // Two statements for one role, schema and kind: the scratch database runs both,
        // in order.
        if (o.kind == schema::ObjectKind::DefaultPrivilege) {
            for (auto& d : objects)
                if (d.kind == o.kind && d.identity() == o.identity()) {
                    auto items = d.columns;
                    items.insert(items.end(), o.columns.begin(), o.columns.end());
                    auto merged = schema::make_default_privilege(d.table, d.version, d.name, items);
                    merged.sql = d.sql == o.sql ? d.sql : d.sql + ";\n" + o.sql;
                    merged.location = d.location;
                    d = std::move(merged);
                }
            return;
        }
        diags.error(Category::Model, key + " is declared twice (first at " + it->second.str() + ")",
                    o.location,
                    schema::is_routine(o)
                        ? "an overload needs other input types (names, defaults and OUT "
                          "arguments do not count, nor int against integer): keep one of the "
                          "two, or change this one's argument types"
                        : "keep one of the two declarations");
        return;
    }
    objects.push_back(std::move(o));
}

}  // namespace

void redeclare_snapshot_objects(schema::Schema& snapshot) {
    for (auto& o : snapshot.objects) {
        if (o.kind == schema::ObjectKind::Grant || o.kind == schema::ObjectKind::Owner) continue;
        support::Diagnostics ignored;
        auto again = declaration(migrate::SqlStatement{o.sql, 1}, o.location, ignored);
        if (!again || again->kind != o.kind || again->name != o.name) continue;
        o.definition = std::move(again->definition);
        o.columns = std::move(again->columns);
    }
}

std::optional<std::vector<schema::SqlObject>> read_declared_objects(const support::Config& config,
                                                                    support::Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    std::vector<schema::SqlObject> objects;
    std::map<std::string, SourceLocation> declared;  // kind + qualified name -> where
    std::vector<DeclaredComment> comments;           // given to their objects once all are read
    const auto files = scan::expand_globs(config.root, config.models.sql);
    report_unscanned_object_files(config, files, diags);
    for (const auto& file : files) {
        const std::string shown = support::relative_inside(file, config.root);
        auto text = migrate::read_file_bytes(file);
        if (!text) {
            diags.error(Category::Model, "cannot read " + shown, SourceLocation{shown},
                        "check the file's permissions, or the [models] sql globs");
            continue;
        }
        for (const auto& statement : migrate::split_statements(*text, 1)) {
            const SourceLocation at{shown, statement.line, 1};
            if (auto c = comment_statement(statement, at, diags)) {
                if (*c) comments.push_back(std::move(**c));
                continue;
            }
            auto made = declarations(statement, at, diags);
            if (!made) continue;
            for (auto& o : *made) add_declared(std::move(o), objects, declared, diags);
        }
    }
    resolve_grant_overloads(objects, diags);
    resolve_owner_targets(objects, diags);
    attach_comments(comments, objects, diags);
    if (diags.error_count() != errors_before) return std::nullopt;
    // Schemas first (everything else may be created in one), then extensions: a view
    // may use their functions and types, a table their types.
    std::stable_partition(objects.begin(), objects.end(), [](const schema::SqlObject& o) {
        return o.kind == schema::ObjectKind::Extension;
    });
    std::stable_partition(objects.begin(), objects.end(), [](const schema::SqlObject& o) {
        return o.kind == schema::ObjectKind::Schema;
    });
    return in_dependency_order(std::move(objects), diags);
}

}  // namespace autogen::pipeline
