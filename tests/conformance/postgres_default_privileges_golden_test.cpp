// Golden SQL of ALTER DEFAULT PRIVILEGES (docs/objects.md "Default privileges") and of an
// overload dropped beside its twin ("Overloads"), in tests/golden/postgresql_objects/ like
// the other declared objects' (objects_golden.hpp: both sides materialised in a real
// database, the revision applied and downgraded there, then its text compared). The
// revisions name the role autogen connects as: the test server's (scripts/pg-server.sh
// makes it `postgres`). The grant-option case grants to a role the test creates when
// missing (roles are cluster-wide).
#include <doctest/doctest.h>

#include "pipeline/declared_default_privileges.hpp"
#include "schema/routine_signature.hpp"
#include "tests/support/objects_golden.hpp"
#include "tests/support/postgres_test_harness.hpp"

using namespace autogen;
using namespace autogen::schema;
using namespace autogen::testing::objects_golden;

namespace {

constexpr const char* kRole = "autogen_golden_reader";

/// The default privilege objects of one ALTER DEFAULT PRIVILEGES statement, as the
/// [models] sql reader makes them.
std::vector<SqlObject> defaults(const std::string& sql) {
    support::Diagnostics diags;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    auto made = pipeline::default_privilege_declarations(r, sql, {"golden.sql", 1, 1}, diags);
    for (const auto& d : diags.items()) MESSAGE(support::format(d));
    REQUIRE_MESSAGE(made, sql);
    return *made;
}

/// A function keyed by its input types, as the reader keys an overload.
std::vector<SqlObject> routine(const std::string& name, const std::string& sql) {
    SqlObject o{.kind = ObjectKind::Function, .name = name, .sql = sql};
    o.arguments = declared_identity_types(sql);
    return {o};
}

/// users and a schema `reports`, and `objects`.
std::function<void(Schema&)> reports_and(std::vector<SqlObject> objects) {
    return [objects](Schema& s) {
        users(s, true);
        add(s, declared(ObjectKind::Schema, "reports", "CREATE SCHEMA reports"));
        add(s, objects);
    };
}

std::vector<Case> cases() {
    return {
        // A global entry (the whole ACL, read against acldefault: a REVOKE from PUBLIC is
        // an item) and one IN SCHEMA (it only adds), given before the table created in the
        // same revision, which gets them; the downgrade takes them back after the drop.
        {"default_privileges_create", reports_and({}),
         [](Schema& s) {
             add(s, defaults("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC"));
             add(s, defaults("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"));
             add(s, defaults("ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT USAGE, SELECT ON "
                             "SEQUENCES TO PUBLIC"));
             Table audit{.name = "audit"};
             audit.columns = {Column{.name = "id", .type = {.logical = Logical::BigInt}}};
             s.tables.push_back(audit);
         }},
        // Privileges gained and lost, and the grant option given, in a global entry and in
        // one IN SCHEMA.
        {"default_privileges_change",
         reports_and(
             {defaults("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC").front(),
              defaults(std::string("ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON "
                                   "TABLES TO ") +
                       kRole)
                  .front()}),
         [](Schema& s) {
             std::erase_if(s.objects, [](const SqlObject& o) {
                 return o.kind == ObjectKind::DefaultPrivilege;
             });
             add(s, defaults("ALTER DEFAULT PRIVILEGES GRANT SELECT, UPDATE ON TABLES TO PUBLIC"));
             add(s, defaults(std::string("ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT "
                                         "INSERT ON TABLES TO ") +
                             kRole + " WITH GRANT OPTION"));
         }},
        // Both entries dropped: each item undone (the global entry back to the built-in
        // default), the schema's entry first, before the schema itself would go.
        {"default_privileges_drop",
         reports_and(
             {defaults("ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC").front(),
              defaults("ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO PUBLIC").front(),
              defaults("ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT EXECUTE ON FUNCTIONS "
                       "TO PUBLIC")
                  .front()}),
         [](Schema& s) {
             std::erase_if(s.objects, [](const SqlObject& o) {
                 return o.kind == ObjectKind::DefaultPrivilege;
             });
         }},
        // One overload dropped beside its twin: DROP FUNCTION names its input types, the
        // twin stays untouched (the downgrade creates the dropped one again).
        {"overload_drop_beside_twin",
         [](Schema& s) {
             users(s, true);
             add(s, routine("label",
                            "CREATE FUNCTION label(n integer) RETURNS text IMMUTABLE "
                            "LANGUAGE sql AS $$ SELECT 'n' || n $$"));
             add(s, routine("label",
                            "CREATE FUNCTION label(t text) RETURNS text IMMUTABLE "
                            "LANGUAGE sql AS $$ SELECT 't' || t $$"));
         },
         [](Schema& s) { s.objects.pop_back(); }},
    };
}

}  // namespace

TEST_CASE("postgres planner: golden SQL of default privileges and a dropped overload") {
    {
        testing::PostgresHarness h;
        REQUIRE_MESSAGE(h.conn, h.messages());
        REQUIRE_MESSAGE(h.run({{.sql = std::string("DO $$ BEGIN IF NOT EXISTS (SELECT FROM "
                                                   "pg_roles WHERE rolname = '") +
                                       kRole + "') THEN CREATE ROLE " + kRole +
                                       " NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR "
                                       "unique_violation THEN NULL; END $$"}}),
                        h.messages());
    }
    for (const auto& c : cases()) {
        SUBCASE(c.name) { check_case<testing::PostgresHarness>(c, "postgresql_objects"); }
    }
}
