// owner_declaration(), resolve_owner_targets() (declared_owners.hpp).
#include "declared_owners.hpp"

#include <map>

#include "pipeline/declared_grants.hpp"
#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"

namespace autogen::pipeline {

namespace {

using schema::ObjectKind;
using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "write ALTER {TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | FUNCTION f(types) | PROCEDURE "
    "p(types) | ROUTINE r(types) | SCHEMA | TYPE | DOMAIN} name OWNER TO role";

/// The kinds ALTER ... OWNER TO declares, as ALTER spells them (longest first).
constexpr std::initializer_list<const char*> kKinds[] = {{"MATERIALIZED", "VIEW"},
                                                         {"TABLE"},
                                                         {"VIEW"},
                                                         {"SEQUENCE"},
                                                         {"FUNCTION"},
                                                         {"PROCEDURE"},
                                                         {"ROUTINE"},
                                                         {"SCHEMA"},
                                                         {"TYPE"},
                                                         {"DOMAIN"}};

bool routine_word(const std::string& kind) {
    return kind == "FUNCTION" || kind == "PROCEDURE" || kind == "ROUTINE";
}

bool same_schema(const std::string& a, const std::string& b) {
    return a == b || (a.empty() && b == "public") || (b.empty() && a == "public");
}

/// `ALTER VIEW "s"."v" OWNER TO r` as written, for messages.
std::string shown(const schema::SqlObject& o) {
    return schema::owned_kind(o) + " " + (o.schema.empty() ? "" : o.schema + ".") + o.name +
           (routine_word(schema::owned_kind(o)) && o.arguments != schema::kUnwrittenArguments
                ? "(" + o.arguments + ")"
                : "");
}

/// The declared objects `owner` may name: same name and schema, of a kind it may be.
std::vector<const schema::SqlObject*> candidates(const schema::SqlObject& owner,
                                                 const std::vector<schema::SqlObject>& objects) {
    const std::string& kind = schema::owned_kind(owner);
    std::vector<const schema::SqlObject*> out;
    for (const auto& o : objects) {
        if (o.kind == ObjectKind::Owner || o.name != owner.name) continue;
        if (o.kind != ObjectKind::Schema && !same_schema(o.schema, owner.schema)) continue;
        const bool fits =
            kind == "TABLE"
                ? o.kind == ObjectKind::View || o.kind == ObjectKind::MaterializedView ||
                      o.kind == ObjectKind::Sequence || o.kind == ObjectKind::Partition
            : kind == "ROUTINE"  ? schema::is_routine(o)
            : kind == "TYPE"     ? o.kind == ObjectKind::Type || o.kind == ObjectKind::Domain
            : kind == "SEQUENCE" ? o.kind == ObjectKind::Sequence
                                 : schema::to_upper_kind(o.kind) == kind;
        if (!fits) continue;
        if (schema::is_routine(o) && owner.arguments != schema::kUnwrittenArguments &&
            schema::identity_types(owner.arguments) != schema::identity_types(o.arguments))
            continue;
        out.push_back(&o);
    }
    return out;
}

}  // namespace

bool is_owner_statement(const support::TokenRange& r) {
    if (r.empty() || !r[0].is("ALTER")) return false;
    for (std::size_t i = 1; i + 1 < r.size(); ++i)
        if (r[i].is("OWNER") && r[i + 1].is("TO")) return true;
    return false;
}

std::optional<schema::SqlObject> owner_declaration(const support::TokenRange& r,
                                                   const std::string& sql, const SourceLocation& at,
                                                   support::Diagnostics& diags) {
    auto fail = [&](const std::string& message, const std::string& hint, std::size_t k) {
        diags.error(Category::Model, message,
                    k < r.size() ? SourceLocation{at.file, r[k].line, r[k].column} : at, hint);
        return std::nullopt;
    };
    std::size_t i = 1;  // after ALTER
    std::string kind;
    for (const auto& words : kKinds) {
        if (!support::skip_words(r, i, words)) continue;
        for (const char* w : words) kind += (kind.empty() ? "" : " ") + std::string(w);
        break;
    }
    if (kind.empty())
        return fail("ALTER " + (i < r.size() ? r[i].upper : std::string()) +
                        " ... OWNER TO is not declared by autogen",
                    "owners of tables, views, materialized views, sequences, functions, "
                    "procedures, schemas, types and domains are; keep this one in a "
                    "hand-written revision",
                    i);
    support::skip_words(r, i, {"IF", "EXISTS"});
    if (kind == "TABLE") support::skip_words(r, i, {"ONLY"});
    const std::size_t name_at = i;
    const auto parts = support::read_name_parts(r, i);
    if (parts.empty() || parts.size() > 2 || (kind == "SCHEMA" && parts.size() != 1))
        return fail("name expected after ALTER " + kind,
                    "write the name unquoted or in double quotes, optionally schema.name", name_at);
    std::string arguments;
    if (routine_word(kind))
        arguments =
            i < r.size() && r[i].is('(') ? parenthesised(r, i) : schema::kUnwrittenArguments;
    if (!support::skip_words(r, i, {"OWNER", "TO"}))
        return fail("only ALTER " + kind + " ... OWNER TO role is declared in a [models] sql file",
                    "declare the object as it should be (CREATE ...); " + std::string(kForm), i);
    if (i < r.size() &&
        (r[i].is("CURRENT_USER") || r[i].is("SESSION_USER") || r[i].is("CURRENT_ROLE")))
        return fail(r[i].upper +
                        " is whoever runs the revision, and an object declared without OWNER "
                        "TO is that role's already",
                    "remove the statement, or name the role: ALTER " + kind +
                        " ... OWNER TO "
                        "app_owner",
                    i);
    const std::size_t role_at = i;
    const auto role = support::read_name_parts(r, i);
    if (role.size() != 1) return fail("role expected after OWNER TO", kForm, role_at);
    if (i < r.size())
        return fail("\"" + r[i].text + "\" is not part of ALTER " + kind + " ... OWNER TO", kForm,
                    i);
    if (kind == "SCHEMA" && parts.front() == "public")
        return fail("the public schema is the database's: its owner is not declared",
                    "keep ALTER SCHEMA public OWNER TO in a hand-written revision, or declare "
                    "a schema of the project's own (CREATE SCHEMA app) and its owner",
                    name_at);
    auto o = schema::make_owner(kind, parts.size() == 2 && parts[0] != "public" ? parts[0] : "",
                                parts.back(), arguments, role.front(), "");
    o.sql = sql;  // as written: the planner writes OWNER TO from the fields
    o.location = at;
    return o;
}

std::optional<schema::SqlObject> schema_authorization_owner(const support::TokenRange& r,
                                                            const schema::SqlObject& schema) {
    std::size_t i = r.find_word("AUTHORIZATION");
    if (i >= r.size() || ++i >= r.size() || r[i].is("CURRENT_USER") || r[i].is("SESSION_USER") ||
        r[i].is("CURRENT_ROLE"))
        return std::nullopt;
    const auto role = support::read_name_parts(r, i);
    if (role.size() != 1) return std::nullopt;
    auto o = schema::make_owner("SCHEMA", "", schema.name, "", role.front(), "");
    o.sql = schema.sql;
    o.location = schema.location;
    return o;
}

void resolve_owner_targets(std::vector<schema::SqlObject>& objects, support::Diagnostics& diags) {
    std::map<std::string, SourceLocation> seen;  // identity -> where
    for (auto& owner : objects) {
        if (owner.kind != ObjectKind::Owner) continue;
        const std::string kind = schema::owned_kind(owner);
        const auto named = candidates(owner, objects);
        if (named.size() > 1 && routine_word(kind)) {
            std::string which;
            for (const auto* o : named) which += (which.empty() ? "" : ", ") + o->identity();
            diags.error(Category::Model,
                        "ALTER " + shown(owner) +
                            " OWNER TO does not say which overload: the models declare " + which,
                        owner.location,
                        "name it with its argument types: ALTER " + kind + " " + owner.name + "(" +
                            named.front()->arguments + ") OWNER TO ...");
            continue;
        }
        if (named.empty()) {
            // A table, a type or a schema may be a model's (struct, AUTOGEN_ENUM, the
            // schema of model tables): the scratch database tells.
            if (kind == "TABLE" || kind == "TYPE" || kind == "SCHEMA") continue;
            diags.error(Category::Model,
                        "ALTER " + shown(owner) + " OWNER TO names no object the models declare",
                        owner.location,
                        "declare it in a [models] sql file (CREATE ...), or correct the "
                        "name and kind (a routine by its input types)");
            continue;
        }
        const schema::SqlObject& target = *named.front();
        if (target.kind == ObjectKind::Partition) {
            diags.error(Category::Model,
                        "partition " + target.identity() + " has its parent's owner",
                        owner.location,
                        "declare the owner of the parent table instead (ALTER TABLE " +
                            target.table + " OWNER TO ...)");
            continue;
        }
        owner.version = schema::to_upper_kind(target.kind);
        owner.schema = target.kind == ObjectKind::Schema ? "" : target.schema;
        if (owner.schema == "public") owner.schema.clear();
        if (schema::is_routine(target)) owner.arguments = target.arguments;
        // The statement's text names the object as written; the fields now name it whole.
    }
    for (const auto& owner : objects) {
        if (owner.kind != ObjectKind::Owner) continue;
        auto [it, added] = seen.emplace(owner.identity(), owner.location);
        if (!added)
            diags.error(Category::Model,
                        "a second OWNER TO for " + owner.identity() + " (first at " +
                            it->second.str() + ")",
                        owner.location, "keep one of the two statements");
    }
}

}  // namespace autogen::pipeline
