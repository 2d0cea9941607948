// Golden SQL of the PostgreSQL planner for declared objects (issue 20), one file per
// statement kind under tests/golden/postgresql_objects/<case>.sql: views created,
// replaced in place, dropped and created around a table change; a materialized view; a
// function replaced; a trigger with its function; a domain, a sequence and a policy
// altered; row-level security; grants and revokes; a schema; an extension; partitions
// created and given a new bound; composite and range types created, altered, dropped;
// comments on an index, constraints and an enum. Each case is
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
const std::string kByDay = "RANGE (created_on)";
const std::string kEvents2025 =
    "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO "
    "('2026-01-01')";
const std::string kAddress = "CREATE TYPE postal_address AS (street text, city text)";

/// events(id, region, created_on), partitioned by `partition_by`, and `objects`.
std::function<void(Schema&)> events_and(std::string partition_by,
                                        std::vector<std::vector<SqlObject>> objects) {
    return [partition_by, objects](Schema& s) {
        Table t{.name = "events"};
        t.columns = {Column{.name = "id", .type = {.logical = Logical::BigInt}},
                     Column{.name = "region", .type = {.logical = Logical::Text}},
                     Column{.name = "created_on", .type = {.logical = Logical::Date}}};
        t.options.partition_by = partition_by;
        s.tables.push_back(t);
        for (const auto& o : objects) add(s, o);
    };
}

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
        // Partitions (docs/objects.md "Partitions"): a new one of a RANGE parent, LIST
        // ones with a DEFAULT, and a new bound (DETACH, then ATTACH with it: the rows stay).
        {"partition_create",
         events_and(kByDay,
                    {declared(ObjectKind::Partition, "events_2025", kEvents2025, "events")}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Partition, "events_2026",
                             "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM "
                             "('2026-01-01') TO ('2027-01-01')",
                             "events"));
         }},
        {"partition_list_and_default", events_and("LIST (region)", {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Partition, "events_eu",
                             "CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('de', "
                             "'fr')",
                             "events"));
             add(s, declared(ObjectKind::Partition, "events_rest",
                             "CREATE TABLE events_rest PARTITION OF events DEFAULT", "events"));
         }},
        {"partition_rebound",
         events_and(kByDay,
                    {declared(ObjectKind::Partition, "events_2025", kEvents2025, "events")}),
         [](Schema& s) {
             restate(s, "events_2025",
                     "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM "
                     "('2025-01-01') TO ('2026-07-01')");
         }},
        // Composite and range types (docs/objects.md "Composite and range types").
        {"type_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::Type, "postal_address", kAddress));
             add(s, declared(ObjectKind::Type, "float_range",
                             "CREATE TYPE float_range AS RANGE (SUBTYPE = float8)"));
             s.tables[0].columns.push_back(
                 Column{.name = "address", .type = {.sql = "postal_address"}, .nullable = true});
         }},
        {"type_add_attribute",
         [](Schema& s) {
             users(s, true);
             add(s, declared(ObjectKind::Type, "postal_address", kAddress));
             s.tables[0].columns.push_back(
                 Column{.name = "address", .type = {.sql = "postal_address"}, .nullable = true});
         },
         [](Schema& s) {
             restate(s, "postal_address",
                     "CREATE TYPE postal_address AS (street text, city text, zip varchar(10))");
         }},
        {"type_drop",
         users_and(true, declared(ObjectKind::Type, "float_range",
                                  "CREATE TYPE float_range AS RANGE (SUBTYPE = float8)")),
         [](Schema& s) { s.objects.clear(); }},
        // COMMENT ON an index, a constraint and an enum type (`comment =`).
        {"comment_on_index_constraint_type",
         [](Schema& s) {
             users(s, true);
             s.tables[0].indexes.push_back({.name = "users_email", .columns = {"email"}});
             s.tables[0].checks.push_back(
                 {.name = "users_email_at", .expression = "email LIKE '%@%'"});
             s.tables[0].uniques.push_back({.name = "users_email_key", .columns = {"email"}});
             s.enums.push_back({.name = "mood", .labels = {"happy", "sad"}});
         },
         [](Schema& s) {
             s.tables[0].indexes[0].comment = "looked up at sign-in";
             s.tables[0].checks[0].comment = "an address has an @";
             s.tables[0].uniques[0].comment = "one account per address";
             s.tables[0].primary_key->comment = "the user's id";
             s.enums[0].comment = "how it's going";
         }},
        // COMMENT ON a declared view (it stays: the comment alone) and on a new function
        // (after its CREATE); the downgrade removes the one and drops the other.
        {"comment_on_declared_objects",
         users_and(true, declared(ObjectKind::View, "active_users", kActive)),
         [](Schema& s) {
             s.objects[0].comment = "who may sign in";
             add(s, declared(ObjectKind::Function, "greeting",
                             "CREATE FUNCTION greeting() RETURNS text IMMUTABLE LANGUAGE sql "
                             "RETURN 'hello'"));
             s.objects.back().comment = "what we say first";
         }},
    };
}

}  // namespace

TEST_CASE("postgres planner: golden SQL of declared objects, applied and downgraded") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) { check_case<testing::PostgresHarness>(c, "postgresql_objects"); }
    }
}
