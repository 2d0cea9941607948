// grant_declarations() (declared_grants.hpp).
#include "declared_grants.hpp"

#include <algorithm>
#include <map>

#include "schema/grants.hpp"
#include "schema/routine_signature.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "write GRANT privileges ON [TABLE | SEQUENCE | FUNCTION | PROCEDURE | SCHEMA] name [, ...] "
    "TO role [, ...] [WITH GRANT OPTION]; a column grant names its columns: GRANT SELECT (a, b) "
    "ON t TO role";

struct Privilege {
    std::string name;                  ///< SELECT, ALL ...
    std::vector<std::string> columns;  ///< empty: the whole object
};

struct Target {
    std::string schema, name, arguments;
};

}  // namespace

// The words up to the closing parenthesis of the one at r[i] (skipped), as text.
std::string parenthesised(const support::TokenRange& r, std::size_t& i) {
    const std::size_t open = i;
    int depth = 0;
    for (; i < r.size(); ++i) {
        if (r[i].is('(')) ++depth;
        if (r[i].is(')') && --depth == 0) break;
    }
    const support::TokenRange inside{r.begin + open + 1, r.begin + (i < r.size() ? i : r.size())};
    if (i < r.size()) ++i;
    return inside.text();
}

Grantees read_grantees(const support::TokenRange& r, std::size_t& i,
                       std::initializer_list<const char*> stops, const std::string& example) {
    Grantees out;
    auto stop = [&](const support::Token& t) {
        for (const char* w : stops)
            if (t.is(w)) return true;
        return false;
    };
    while (i < r.size() && r[i].is_name() && !stop(r[i])) {
        if (r[i].is("GROUP")) ++i;
        if (i < r.size() &&
            (r[i].is("CURRENT_USER") || r[i].is("SESSION_USER") || r[i].is("CURRENT_ROLE"))) {
            out.error = r[i].upper + " is whoever runs the revision";
            out.hint = "name the role: " + example;
            return out;
        }
        if (i < r.size() && r[i].is("PUBLIC")) {
            out.roles.push_back(schema::kPublicGrantee);
            ++i;
        } else if (i < r.size() && r[i].is_name()) {
            out.roles.push_back(support::read_name(r, i));
        } else {
            return out;
        }
        if (i < r.size() && r[i].is(',')) ++i;
    }
    return out;
}

std::optional<std::vector<schema::SqlObject>> grant_declarations(const support::TokenRange& r,
                                                                 const std::string& sql,
                                                                 const SourceLocation& at,
                                                                 support::Diagnostics& diags) {
    auto fail = [&](const std::string& message, const std::string& hint, std::size_t k) {
        diags.error(Category::Model, message,
                    k < r.size() ? SourceLocation{at.file, r[k].line, r[k].column} : at, hint);
        return std::nullopt;
    };
    std::size_t i = 1;  // after GRANT
    std::vector<Privilege> privileges;
    while (i < r.size() && !r[i].is("ON") && !r[i].is("TO")) {
        Privilege p;
        if (!r[i].is_name()) return fail("privilege expected in GRANT", kForm, i);
        p.name = r[i].upper;
        ++i;
        if (p.name == "ALL") support::skip_words(r, i, {"PRIVILEGES"});
        if (i < r.size() && r[i].is('(')) {
            ++i;
            while (i < r.size() && !r[i].is(')')) {
                if (r[i].is_name())
                    p.columns.push_back(support::read_name(r, i));
                else
                    ++i;
            }
            ++i;
        }
        privileges.push_back(std::move(p));
        if (i < r.size() && r[i].is(',')) ++i;
    }
    if (i >= r.size() || !r[i].is("ON"))
        return fail(
            "GRANT without ON grants a role to a role: roles are the cluster's, not "
            "the schema's",
            "grant role membership outside autogen (roles are not modelled); " + std::string(kForm),
            i);
    ++i;
    if (i < r.size() && r[i].is("ALL"))
        return fail(
            "GRANT ... ON ALL ... IN SCHEMA grants on what exists now, not on a declared "
            "object",
            "name each table, sequence or function: GRANT ... ON TABLE a, b TO role", i);
    std::string kind = "TABLE";
    for (const char* k : {"TABLE", "SEQUENCE", "FUNCTION", "PROCEDURE", "SCHEMA"})
        if (support::skip_words(r, i, {k})) kind = k;
    if (i < r.size() && (r[i].is("ROUTINE") || r[i].is("DATABASE") || r[i].is("DOMAIN") ||
                         r[i].is("TYPE") || r[i].is("LANGUAGE") || r[i].is("TABLESPACE") ||
                         r[i].is("FOREIGN") || r[i].is("LARGE") || r[i].is("PARAMETER")))
        return fail("GRANT ON " + r[i].upper + " is not declared by autogen",
                    "grants on tables, views, sequences, columns, functions, procedures and "
                    "schemas are; keep this one in a hand-written revision",
                    i);
    std::vector<Target> targets;
    while (i < r.size() && !r[i].is("TO")) {
        const auto parts = support::read_name_parts(r, i);
        if (parts.empty() || parts.size() > 2 || (kind == "SCHEMA" && parts.size() != 1))
            return fail("name expected after GRANT ... ON " + kind,
                        "write the name unquoted or in double quotes, optionally schema.name", i);
        Target t{parts.size() == 2 ? parts[0] : "", parts.back(), ""};
        if (i < r.size() && r[i].is('('))
            t.arguments = parenthesised(r, i);
        else if (kind == "FUNCTION" || kind == "PROCEDURE")
            t.arguments = schema::kUnwrittenArguments;
        targets.push_back(std::move(t));
        if (i < r.size() && r[i].is(',')) ++i;
    }
    if (i >= r.size()) return fail("GRANT without TO names no grantee", kForm, i);
    ++i;
    auto read = read_grantees(r, i, {"WITH", "GRANTED"}, "GRANT ... TO app_reader");
    if (!read.error.empty()) return fail(read.error, read.hint, i);
    if (i < r.size() && !r[i].is("WITH") && !r[i].is("GRANTED"))
        return fail("role expected after TO", kForm, i);
    std::vector<std::string> grantees = std::move(read.roles);
    bool option = false;
    if (support::skip_words(r, i, {"WITH", "GRANT", "OPTION"})) option = true;
    if (i < r.size() && r[i].is("GRANTED"))
        return fail("GRANTED BY is not compared", "grant as the role that runs the revisions", i);
    if (i < r.size()) return fail("\"" + r[i].text + "\" is not part of a GRANT", kForm, i);
    if (privileges.empty() || targets.empty() || grantees.empty())
        return fail("GRANT needs privileges, a target and a grantee", kForm, 0);

    // One object per target, grantee and column (none: the whole target).
    std::map<std::string, schema::SqlObject> made;
    std::vector<std::string> order;
    for (const auto& t : targets)
        for (const auto& g : grantees)
            for (const auto& p : privileges) {
                const std::string name = p.name + (option ? " WITH GRANT OPTION" : "");
                const std::vector<std::string> columns =
                    p.columns.empty() ? std::vector<std::string>{""} : p.columns;
                if (!p.columns.empty() && kind != "TABLE")
                    return fail("column privileges are a table's", kForm, 0);
                for (const auto& c : columns) {
                    auto o = schema::make_grant(kind, t.schema, t.name, c, g, {name});
                    o.arguments = t.arguments;
                    const std::string key = o.identity();
                    if (auto it = made.find(key); it != made.end()) {
                        schema::merge_privileges(it->second, o);
                        continue;
                    }
                    order.push_back(key);
                    made.emplace(key, std::move(o));
                }
            }
    std::vector<schema::SqlObject> out;
    for (const auto& key : order) {
        auto o = made.at(key);
        o.sql = sql;  // as written: the planner writes GRANT from the privileges
        o.location = at;
        out.push_back(std::move(o));
    }
    return out;
}

void resolve_grant_overloads(std::vector<schema::SqlObject>& objects, support::Diagnostics& diags) {
    bool resolved = false;
    for (auto& g : objects) {
        if (g.kind != schema::ObjectKind::Grant || g.arguments != schema::kUnwrittenArguments)
            continue;
        const std::string kind = schema::grant_target_kind(g);
        std::vector<const schema::SqlObject*> named;
        for (const auto& o : objects)
            if (schema::is_routine(o) && schema::to_upper_kind(o.kind) == kind &&
                o.name == g.name && o.schema == g.schema)
                named.push_back(&o);
        g.arguments = named.empty() ? "" : named.front()->arguments;
        resolved = true;
        if (named.size() < 2) continue;
        std::string which;
        for (const auto* o : named) which += (which.empty() ? "" : ", ") + o->identity();
        diags.error(Category::Model,
                    "GRANT ON " + kind + " " + g.qualified_name() +
                        " does not say which overload: the models declare " + which,
                    g.location,
                    "name it with its argument types: GRANT ... ON " + kind + " " + g.name + "(" +
                        named.front()->arguments + ") TO ...");
    }
    if (!resolved) return;
    // Two statements may now grant one role on one routine: one grant, as add_declared merges.
    std::vector<schema::SqlObject> merged;
    for (auto& o : objects) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const schema::SqlObject& m) {
            return o.kind == schema::ObjectKind::Grant && m.kind == o.kind &&
                   m.identity() == o.identity();
        });
        if (same == merged.end()) {
            merged.push_back(std::move(o));
            continue;
        }
        schema::merge_privileges(*same, o);
        if (same->sql != o.sql) same->sql += ";\n" + o.sql;
    }
    objects = std::move(merged);
}

}  // namespace autogen::pipeline
