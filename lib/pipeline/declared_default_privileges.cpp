// default_privilege_declarations() (declared_default_privileges.hpp).
#include "declared_default_privileges.hpp"

#include "declared_grants.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "write ALTER DEFAULT PRIVILEGES [FOR ROLE r [, ...]] [IN SCHEMA s [, ...]] GRANT privileges "
    "ON {TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS} TO role [, ...] [WITH "
    "GRANT OPTION], or REVOKE [GRANT OPTION FOR] privileges ON ... FROM role [, ...]";

/// Names separated by commas from r[i] on (a role's CURRENT_USER read as ""), up to a
/// word of `stops`.
std::vector<std::string> name_list(const support::TokenRange& r, std::size_t& i) {
    std::vector<std::string> out;
    while (i < r.size() && r[i].is_name()) {
        if (r[i].is("CURRENT_USER") || r[i].is("CURRENT_ROLE") || r[i].is("SESSION_USER")) {
            out.push_back("");
            ++i;
        } else {
            out.push_back(support::read_name(r, i));
        }
        if (i >= r.size() || !r[i].is(',')) break;
        ++i;
    }
    return out;
}

}  // namespace

bool is_default_privileges(const support::TokenRange& r) {
    return r.size() > 2 && r[0].is("ALTER") && r[1].is("DEFAULT") && r[2].is("PRIVILEGES");
}

std::optional<std::vector<schema::SqlObject>> default_privilege_declarations(
    const support::TokenRange& r, const std::string& sql, const SourceLocation& at,
    support::Diagnostics& diags) {
    auto fail = [&](const std::string& message, const std::string& hint, std::size_t k) {
        diags.error(Category::Model, message,
                    k < r.size() ? SourceLocation{at.file, r[k].line, r[k].column} : at, hint);
        return std::nullopt;
    };
    std::size_t i = 3;  // after ALTER DEFAULT PRIVILEGES
    std::vector<std::string> roles{""}, schemas{""};
    std::size_t in_schema_at = r.size();
    while (i < r.size() && (r[i].is("FOR") || r[i].is("IN"))) {
        if (support::skip_words(r, i, {"FOR", "ROLE"}) ||
            support::skip_words(r, i, {"FOR", "USER"})) {
            roles = name_list(r, i);
        } else if (support::skip_words(r, i, {"IN", "SCHEMA"})) {
            in_schema_at = i - 2;
            schemas = name_list(r, i);
        } else {
            return fail("FOR ROLE or IN SCHEMA expected", kForm, i);
        }
        if (roles.empty() || schemas.empty())
            return fail("name expected after FOR ROLE or IN SCHEMA", kForm, i);
    }
    const bool grant = i < r.size() && r[i].is("GRANT");
    if (!grant && !(i < r.size() && r[i].is("REVOKE")))
        return fail("GRANT or REVOKE expected in ALTER DEFAULT PRIVILEGES", kForm, i);
    ++i;
    bool option = false;
    if (!grant && support::skip_words(r, i, {"GRANT", "OPTION", "FOR"})) option = true;
    std::vector<std::string> privileges;
    while (i < r.size() && !r[i].is("ON")) {
        if (!r[i].is_name()) return fail("privilege expected", kForm, i);
        privileges.push_back(r[i].upper);
        ++i;
        if (privileges.back() == "ALL") support::skip_words(r, i, {"PRIVILEGES"});
        if (i < r.size() && r[i].is('('))
            return fail("default privileges are on whole objects, not on columns",
                        "grant on the columns of each table with GRANT SELECT (a, b) ON t", i);
        if (i < r.size() && r[i].is(',')) ++i;
    }
    if (i >= r.size() || privileges.empty())
        return fail("ALTER DEFAULT PRIVILEGES needs privileges ON a kind of object", kForm, i);
    ++i;  // ON
    std::string kind;
    for (const char* k : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES", "SCHEMAS"})
        if (i < r.size() && r[i].is(k)) kind = k;
    if (kind.empty())
        return fail(
            "TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES or SCHEMAS "
            "expected after ON",
            kForm, i);
    ++i;
    if (kind == "ROUTINES") kind = "FUNCTIONS";  // PostgreSQL keeps them as one
    if (kind == "SCHEMAS" && in_schema_at < r.size())
        return fail(
            "default privileges ON SCHEMAS cannot be given IN SCHEMA (PostgreSQL "
            "refuses it: a schema is in no schema)",
            "remove IN SCHEMA, or write a statement per kind of object", in_schema_at);
    if (i >= r.size() || !r[i].is(grant ? "TO" : "FROM"))
        return fail(std::string(grant ? "TO" : "FROM") + " expected after ON " + kind, kForm, i);
    ++i;
    auto read = read_grantees(r, i, {"WITH", "CASCADE", "RESTRICT", "GRANTED"},
                              "ALTER DEFAULT PRIVILEGES GRANT ... TO app_reader");
    if (!read.error.empty()) return fail(read.error, read.hint, i);
    const std::vector<std::string> grantees = std::move(read.roles);
    if (grant && support::skip_words(r, i, {"WITH", "GRANT", "OPTION"})) option = true;
    if (!grant && i < r.size() && (r[i].is("CASCADE") || r[i].is("RESTRICT"))) ++i;
    if (i < r.size())
        return fail("\"" + r[i].text + "\" is not part of ALTER DEFAULT PRIVILEGES", kForm, i);
    if (grantees.empty()) return fail("ALTER DEFAULT PRIVILEGES names no grantee", kForm, i);

    std::vector<std::string> items;
    for (const auto& g : grantees)
        for (const auto& p : privileges)
            items.push_back(schema::default_privilege_item_text(
                {.grant = grant, .grant_option = option, .privilege = p, .grantee = g}));
    std::vector<schema::SqlObject> out;
    for (const auto& role : roles)
        for (const auto& s : schemas) {
            auto o = schema::make_default_privilege(role, s, kind, items);
            o.sql = sql;  // as written: the planner writes the statements from the items
            o.location = at;
            out.push_back(std::move(o));
        }
    return out;
}

}  // namespace autogen::pipeline
