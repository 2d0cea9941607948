// Golden SQL of the PostgreSQL planner for declared objects (issue 20), one file per
// statement kind under tests/golden/postgresql_objects/<case>.sql: views created,
// replaced in place, dropped and created around a table change; a materialized view; a
// function replaced; a trigger with its function; a domain, a sequence and a policy
// altered; row-level security; grants and revokes; a schema; an extension. Each case is
// materialised on the test server, applied and downgraded (objects_golden.hpp).
#include <doctest/doctest.h>

#include "tests/support/objects_golden.hpp"
#include "tests/support/postgres_test_harness.hpp"

using namespace autogen;
using namespace autogen::testing::objects_golden;

namespace {

const std::string kActive = "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active";
const std::string kFunction =
    "CREATE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$";
const std::string kTouch =
    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$";

std::vector<Case> cases() {
    return {
        {"view_create", users_and(true, {}),
         [](Schema& s) { add(s, declared(ObjectKind::View, "active_users", kActive)); }},
        {"view_replace", users_and(true, declared(ObjectKind::View, "active_users", kActive)),
         [](Schema& s) {
             restate(s, "active_users",
                     "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active IS TRUE "
                     "AND email LIKE '%@%'");
         }},
        {"view_new_columns", users_and(true, declared(ObjectKind::View, "active_users", kActive)),
         [](Schema& s) {
             restate(s, "active_users", "CREATE VIEW active_users AS SELECT email FROM users");
         }},
        {"view_around_column_type",
         users_and(true, declared(ObjectKind::View, "active_users", kActive)),
         [](Schema& s) { s.tables[0].columns[1].type = {.sql = "VARCHAR(320)"}; }},
        {"materialized_view_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::MaterializedView, "user_count",
                             "CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM "
                             "users"));
         }},
        {"function_replace", users_and(true, declared(ObjectKind::Function, "answer", kFunction)),
         [](Schema& s) {
             restate(s, "answer",
                     "CREATE FUNCTION answer() RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ "
                     "BEGIN RETURN 43; END $$");
         }},
        {"trigger_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Function, "touch", kTouch));
             add(s, declared(ObjectKind::Trigger, "users_touch",
                             "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW "
                             "EXECUTE FUNCTION touch()",
                             "users"));
         }},
        {"domain_alter",
         users_and(true, declared(ObjectKind::Domain, "email_address",
                                  "CREATE DOMAIN email_address AS text CONSTRAINT email_at CHECK "
                                  "(VALUE LIKE '%@%')")),
         [](Schema& s) {
             restate(s, "email_address",
                     "CREATE DOMAIN email_address AS text DEFAULT 'nobody@example.com' NOT NULL "
                     "CONSTRAINT email_at CHECK (VALUE LIKE '%@%') CONSTRAINT email_len CHECK "
                     "(length(VALUE) < 320)");
         }},
        {"sequence_alter",
         users_and(true, declared(ObjectKind::Sequence, "invoice_no",
                                  "CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 10")),
         [](Schema& s) {
             restate(s, "invoice_no",
                     "CREATE SEQUENCE invoice_no AS integer START WITH 1000 INCREMENT BY 5 "
                     "CACHE 20 CYCLE");
         }},
        {"schema_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Schema, "reporting", "CREATE SCHEMA reporting"));
         }},
        {"policy_and_row_level_security", users_and(true, {}),
         [](Schema& s) {
             s.tables[0].options.row_level_security = true;
             add(s, declared(ObjectKind::Policy, "own_rows",
                             "CREATE POLICY own_rows ON users FOR SELECT USING (active)", "users"));
         }},
        {"policy_alter",
         [](Schema& s) {
             users(s, true);
             s.tables[0].options.row_level_security = true;
             add(s, declared(ObjectKind::Policy, "own_rows",
                             "CREATE POLICY own_rows ON users FOR SELECT USING (active)", "users"));
         },
         [](Schema& s) {
             restate(s, "own_rows",
                     "CREATE POLICY own_rows ON users FOR SELECT USING (active AND email LIKE "
                     "'%@%')");
         }},
        {"grant_revoke",
         users_and(true,
                   declared(ObjectKind::Grant, "", "GRANT SELECT, UPDATE ON users TO PUBLIC")),
         [](Schema& s) {
             s.objects.clear();
             add(s, declared(ObjectKind::Grant, "", "GRANT SELECT, INSERT ON users TO PUBLIC"));
         }},
        {"extension_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Extension, "citext", "CREATE EXTENSION citext"));
         }},
    };
}

}  // namespace

TEST_CASE("postgres planner: golden SQL of declared objects, applied and downgraded") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) { check_case<testing::PostgresHarness>(c, "postgresql_objects"); }
    }
}
