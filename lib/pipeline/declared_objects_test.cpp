// read_declared_objects(): the statements of [models] sql files as objects, in dependency
// order, and every statement it cannot take as an error at its file:line.
#include "pipeline/declared_objects.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/support/temp_dir.hpp"

using namespace autogen;

namespace {

support::Config config_in(const testing::TempDir& dir) {
    support::Config c;
    c.root = dir.path();
    c.models.sql = {"db/**/*.sql"};
    c.models.sql_given = true;
    return c;
}

std::string messages(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += d.location.str() + ": " + d.message + "\n";
    return out;
}

/// The object named `name` among `objects` (a failed check when there is none).
const schema::SqlObject& named(const std::vector<schema::SqlObject>& objects,
                               const std::string& name) {
    for (const auto& o : objects)
        if (o.name == name) return o;
    FAIL("no object " << name);
    return objects.front();
}

}  // namespace

TEST_CASE("declared objects: views and materialized views, each after what it reads") {
    testing::TempDir dir;
    // b.sql sorts after a.sql, yet a's view reads b's: b's comes first.
    dir.write("db/a.sql",
              "-- a comment\nCREATE OR REPLACE VIEW report AS SELECT * FROM base_view;\n\n"
              "CREATE MATERIALIZED VIEW IF NOT EXISTS stats.daily AS SELECT 1 AS n;\n");
    dir.write("db/sub/b.sql", "create view \"base_view\" as select 1 as x");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 3);
    CHECK((*objects)[0].name == "base_view");
    CHECK((*objects)[0].sql == "create view \"base_view\" as select 1 as x");
    CHECK((*objects)[0].location.str() == "db/sub/b.sql:1:1");
    CHECK((*objects)[1].name == "report");
    CHECK((*objects)[1].location.str() == "db/a.sql:2:1");
    CHECK((*objects)[2].kind == schema::ObjectKind::MaterializedView);
    CHECK((*objects)[2].schema == "stats");
    CHECK((*objects)[2].name == "daily");
    CHECK((*objects)[2].location.line == 4);
}

TEST_CASE("declared objects: a respelled statement has the same definition before any database") {
    testing::TempDir one, two;
    one.write("db/v.sql", "CREATE VIEW v AS SELECT id FROM users");
    two.write("db/v.sql", "create   view v as\n  -- why\n  select ID from USERS;");
    support::Diagnostics diags;
    auto a = pipeline::read_declared_objects(config_in(one), diags);
    auto b = pipeline::read_declared_objects(config_in(two), diags);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->front().definition == b->front().definition);
}

TEST_CASE("declared objects: what a file cannot hold is an error at its line, all of them") {
    testing::TempDir dir;
    dir.write("db/bad.sql",
              "CREATE VIEW v AS SELECT 1 AS one;\n"
              "CREATE AGGREGATE agg (integer) (SFUNC = int4pl, STYPE = integer);\n"
              "CREATE TEMPORARY VIEW t AS SELECT 1 AS one;\n"
              "CREATE VIEW v AS SELECT 2 AS two;\n"
              "INSERT INTO users VALUES (1);\n"
              "CREATE VIEW AS SELECT 1;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/bad.sql:2:1: \"CREATE AGGREGATE agg\" is not a declaration autogen "
                    "reads yet") != std::string::npos);
    CHECK(said.find("db/bad.sql:3:1: a temporary view") != std::string::npos);
    CHECK(said.find("db/bad.sql:4:1: view \"v\" is declared twice (first at db/bad.sql:1:1)") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:5:1: \"INSERT INTO users VALUES\" is not a declaration") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:6:1: view name expected") != std::string::npos);
    CHECK(diags.error_count() == 5);
}

TEST_CASE("declared objects: functions, procedures and triggers, each trigger on its table") {
    testing::TempDir dir;
    dir.write(
        "db/t.sql",
        "CREATE TRIGGER audit AFTER UPDATE OF email ON app.users\n"
        "    FOR EACH ROW EXECUTE FUNCTION audit();\n"
        "CREATE TRIGGER audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();\n");
    dir.write("db/u.sql",
              "CREATE OR REPLACE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$\n"
              "BEGIN RETURN NEW; END; $$;\n"
              "CREATE PROCEDURE app.tidy(days int) LANGUAGE sql AS $$ DELETE FROM log $$;\n"
              "CREATE TRIGGER t3 AFTER INSERT ON log BEGIN SELECT 1; END;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 5);
    // The triggers run the function: it comes first, though its file sorts after theirs
    // (and a trigger named like its function is no cycle).
    CHECK((*objects)[0].kind == schema::ObjectKind::Function);
    CHECK((*objects)[0].name == "audit");
    CHECK((*objects)[1].kind == schema::ObjectKind::Trigger);
    CHECK((*objects)[1].schema == "app");
    CHECK((*objects)[1].table == "users");
    CHECK((*objects)[1].identity() == "\"app\".\"audit\" on \"app\".\"users\"");
    CHECK((*objects)[2].table == "orders");
    CHECK((*objects)[3].kind == schema::ObjectKind::Procedure);
    CHECK((*objects)[3].schema == "app");
    CHECK((*objects)[4].table == "log");
    CHECK((*objects)[4].location.str() == "db/u.sql:4:1");
}

TEST_CASE("declared objects: a second function of one name and types, a trigger without a table") {
    testing::TempDir dir;
    dir.write("db/f.sql",
              "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "CREATE FUNCTION f(b int4 DEFAULT 2, OUT r int) AS $$ SELECT 1 $$ LANGUAGE sql;\n"
              "CREATE TRIGGER t BEFORE INSERT FOR EACH ROW EXECUTE FUNCTION f();\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/f.sql:2:1: function \"f\"(integer) is declared twice (first at "
                    "db/f.sql:1:1)") != std::string::npos);
    CHECK(said.find("db/f.sql:3:1: trigger \"t\" names no table") != std::string::npos);
    CHECK(diags.error_count() == 2);
}

TEST_CASE("declared objects: overloads are two functions, named by their input types") {
    testing::TempDir dir;
    dir.write("db/f.sql",
              "CREATE FUNCTION app.f(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "CREATE FUNCTION app.f(a text, VARIADIC r varchar(10)[]) RETURNS int\n"
              "    AS $$ SELECT app.f(1) $$ LANGUAGE sql;\n"
              "CREATE PROCEDURE app.f(a int, INOUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;\n"
              "GRANT EXECUTE ON FUNCTION app.f(text, character varying[]) TO PUBLIC;\n");
    support::Diagnostics diags;
    const auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE(objects);
    REQUIRE(objects->size() == 4);
    std::vector<std::string> ids;
    for (const auto& o : *objects) ids.push_back(o.identity());
    CHECK(std::count(ids.begin(), ids.end(), "\"app\".\"f\"(integer)") == 1);
    CHECK(std::count(ids.begin(), ids.end(), "\"app\".\"f\"(text, character varying[])") == 1);
    CHECK(std::count(ids.begin(), ids.end(), "\"app\".\"f\"(integer, integer)") == 1);
    CHECK(std::count(ids.begin(), ids.end(),
                     "FUNCTION \"app\".\"f\"(text, character varying[]) to PUBLIC") == 1);
}

TEST_CASE("declared objects: a grant on an overloaded name must say which") {
    testing::TempDir dir;
    dir.write("db/f.sql",
              "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "CREATE FUNCTION f(a text) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\n"
              "GRANT EXECUTE ON FUNCTION f TO PUBLIC;\n"
              "CREATE FUNCTION g(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "GRANT EXECUTE ON FUNCTION g TO PUBLIC;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/f.sql:3:1: GRANT ON FUNCTION \"f\" does not say which overload: the "
                    "models declare \"f\"(integer), \"f\"(text)") != std::string::npos);
    CHECK(diags.error_count() == 1);

    dir.write("db/f.sql",
              "CREATE FUNCTION g(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "GRANT EXECUTE ON FUNCTION g TO PUBLIC;\nGRANT ALL ON FUNCTION g(int) TO PUBLIC;\n");
    support::Diagnostics fine;
    const auto objects = pipeline::read_declared_objects(config_in(dir), fine);
    REQUIRE(objects);
    REQUIRE(objects->size() == 2);  // the two grants name one routine: one grant
    const auto& grant =
        (*objects)[0].kind == schema::ObjectKind::Grant ? (*objects)[0] : (*objects)[1];
    CHECK(grant.identity() == "FUNCTION \"g\"(integer) to PUBLIC");
    CHECK(grant.columns.size() == 2);
}

TEST_CASE("declared objects: views that read each other in a cycle are an error") {
    testing::TempDir dir;
    dir.write("db/c.sql", "CREATE VIEW a AS SELECT * FROM b;\nCREATE VIEW b AS SELECT * FROM a;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    CHECK(messages(diags).find("reads itself through other objects") != std::string::npos);
}

TEST_CASE("declared objects: no file matched is no object") {
    testing::TempDir dir;
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE(objects);
    CHECK(objects->empty());
}

TEST_CASE("declared objects: CREATE EXTENSION with its schema and version, before the views") {
    testing::TempDir dir;
    dir.write("db/a.sql",
              "CREATE VIEW v AS SELECT 'x'::citext AS c;\n"
              "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA ext VERSION '1.6' CASCADE;\n"
              "create extension \"uuid-ossp\";\n"
              "CREATE EXTENSION hstore VERSION \"1.8\";\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 4);
    const auto& citext = (*objects)[0];
    CHECK(citext.kind == schema::ObjectKind::Extension);
    CHECK(citext.name == "citext");
    CHECK(citext.schema == "ext");
    CHECK(citext.version == "1.6");
    CHECK(citext.qualified_name() == "\"citext\"");
    CHECK(citext.location.str() == "db/a.sql:2:1");
    CHECK((*objects)[1].name == "uuid-ossp");
    CHECK((*objects)[1].schema.empty());
    CHECK((*objects)[1].version.empty());
    CHECK((*objects)[2].name == "hstore");
    CHECK((*objects)[2].version == "1.8");
    CHECK((*objects)[3].kind == schema::ObjectKind::View);
}

TEST_CASE("declared objects: what CREATE EXTENSION cannot say is an error at its place") {
    testing::TempDir dir;
    dir.write("db/bad.sql",
              "CREATE EXTENSION citext FROM '1.0';\n"
              "CREATE OR REPLACE EXTENSION hstore;\n"
              "CREATE EXTENSION public.citext;\n"
              "CREATE EXTENSION pg_trgm;\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/bad.sql:1:25: \"FROM\" is not an option of CREATE EXTENSION citext") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:2:1: \"CREATE OR REPLACE EXTENSION\": PostgreSQL has no") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:3:1: extension name expected") != std::string::npos);
    CHECK(said.find("db/bad.sql:5:1: extension \"pg_trgm\" is declared twice") !=
          std::string::npos);
    CHECK(diags.error_count() == 4);
}

TEST_CASE(
    "declared objects: a .sql file outside [models] sql declaring an extension is a blind spot") {
    testing::TempDir dir;
    dir.write("db/a.sql", "CREATE EXTENSION citext;\n");
    dir.write("seeds/ext.sql", "-- by hand\nCREATE EXTENSION hstore;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    CHECK(messages(diags).find("seeds/ext.sql:2:1: this file declares extension \"hstore\" but "
                               "is not in [models] sql") != std::string::npos);
}

TEST_CASE("declared objects: domains, with AS or without, qualified or not") {
    testing::TempDir dir;
    dir.write("db/types.sql",
              "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901);\n"
              "create domain \"app\".email text not null;\n"
              "CREATE VIEW recent AS SELECT 2000::year AS y;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 3);
    CHECK((*objects)[0].kind == schema::ObjectKind::Domain);
    CHECK((*objects)[0].name == "year");
    CHECK((*objects)[0].location.str() == "db/types.sql:1:1");
    CHECK((*objects)[1].kind == schema::ObjectKind::Domain);
    CHECK((*objects)[1].schema == "app");
    CHECK((*objects)[1].name == "email");
    CHECK((*objects)[2].kind == schema::ObjectKind::View);
    // A domain without a type is not one.
    testing::TempDir bad;
    bad.write("db/types.sql", "CREATE DOMAIN year;\n");
    support::Diagnostics errors;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(bad), errors));
    CHECK(messages(errors).find("db/types.sql:1:1: domain name expected after \"CREATE DOMAIN "
                                "year\"") != std::string::npos);
}

TEST_CASE("declared objects: schemas come first, public is no object, elements are errors") {
    testing::TempDir dir;
    dir.write("db/a.sql",
              "CREATE VIEW archive.v AS SELECT 1 AS one;\n"
              "CREATE EXTENSION citext SCHEMA ext;\n"
              "create schema if not exists archive authorization someone;\n"
              "CREATE SCHEMA \"Ext\";\nCREATE SCHEMA public;\nCREATE SCHEMA ext;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    // AUTHORIZATION declares the schema's owner (docs/objects.md "Owners").
    REQUIRE(objects->size() == 6);
    CHECK((*objects)[5].kind == schema::ObjectKind::Owner);
    CHECK((*objects)[5].identity() == "SCHEMA \"archive\"");
    CHECK((*objects)[5].table == "someone");
    const auto& archive = (*objects)[0];
    CHECK(archive.kind == schema::ObjectKind::Schema);
    CHECK(archive.name == "archive");
    CHECK(archive.schema.empty());
    CHECK(schema::holds_schema(archive) == "archive");
    CHECK(archive.qualified_name() == "\"archive\"");
    CHECK(archive.location.str() == "db/a.sql:3:1");
    CHECK((*objects)[1].name == "Ext");
    CHECK((*objects)[2].name == "ext");
    CHECK((*objects)[3].kind == schema::ObjectKind::Extension);
    CHECK((*objects)[4].kind == schema::ObjectKind::View);
    CHECK(schema::holds_schema((*objects)[4]) == "archive");

    dir.write("db/a.sql",
              "CREATE SCHEMA s CREATE TABLE t (id int);\nCREATE OR REPLACE SCHEMA s;\n"
              "CREATE SCHEMA AUTHORIZATION bob;\nCREATE SCHEMA a.b;\nCREATE SCHEMA x;\n"
              "CREATE SCHEMA IF NOT EXISTS x;\n");
    support::Diagnostics bad;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), bad));
    const std::string said = messages(bad);
    CHECK(said.find("db/a.sql:1:17: \"CREATE\" in CREATE SCHEMA s: a schema is declared alone") !=
          std::string::npos);
    CHECK(said.find("db/a.sql:2:1: \"CREATE OR REPLACE SCHEMA\": there is no") !=
          std::string::npos);
    CHECK(said.find("db/a.sql:3:1: CREATE SCHEMA AUTHORIZATION role names no schema") !=
          std::string::npos);
    CHECK(said.find("db/a.sql:4:1: schema name expected") != std::string::npos);
    CHECK(said.find("db/a.sql:6:1: schema \"x\" is declared twice") != std::string::npos);
    CHECK(bad.error_count() == 5);
}

TEST_CASE("declared objects: policies are named on their table, after what they read") {
    testing::TempDir dir;
    dir.write("db/rls.sql",
              "CREATE POLICY own_rows ON app.documents USING (owner = current_user);\n"
              "create policy \"own_rows\" on notes for select to reporting using (true);\n"
              "CREATE VIEW shared_notes AS SELECT 1 AS n;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 3);
    // One name on two tables is two policies.
    CHECK((*objects)[0].kind == schema::ObjectKind::Policy);
    CHECK((*objects)[0].name == "own_rows");
    CHECK((*objects)[0].table == "documents");
    CHECK((*objects)[0].schema == "app");
    CHECK((*objects)[1].kind == schema::ObjectKind::Policy);
    CHECK((*objects)[1].table == "notes");
    CHECK((*objects)[1].identity() == "\"own_rows\" on \"notes\"");
    // Twice on one table, OR REPLACE and a missing ON are errors at their statements.
    testing::TempDir bad;
    bad.write("db/rls.sql",
              "CREATE POLICY p ON t USING (true);\nCREATE POLICY p ON t USING (false);\n"
              "CREATE OR REPLACE POLICY q ON t;\nCREATE POLICY r USING (true);\n");
    support::Diagnostics errors;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(bad), errors));
    const auto said = messages(errors);
    CHECK(said.find("db/rls.sql:2:1: policy \"p\" on \"t\" is declared twice (first at "
                    "db/rls.sql:1:1)") != std::string::npos);
    CHECK(said.find("db/rls.sql:3:1: \"CREATE OR REPLACE POLICY\": PostgreSQL has no CREATE OR "
                    "REPLACE POLICY") != std::string::npos);
    CHECK(said.find("db/rls.sql:4:1: policy name expected after \"CREATE POLICY r USING\"") !=
          std::string::npos);
}

TEST_CASE("declared objects: a sequence's statement is read into its facts, defaults filled in") {
    testing::TempDir dir;
    dir.write("db/s.sql",
              "CREATE SEQUENCE IF NOT EXISTS app.n AS int4 INCREMENT 5 NO MINVALUE CACHE 3 CYCLE;\n"
              "CREATE SEQUENCE down INCREMENT BY -2;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    INFO(messages(diags));
    REQUIRE(objects);
    REQUIRE(objects->size() == 2);
    const auto& n = objects->at(0);
    CHECK(n.kind == schema::ObjectKind::Sequence);
    CHECK(n.schema == "app");
    CHECK(n.definition ==
          "SEQUENCE type integer, increment 5, minvalue 1, maxvalue 2147483647, start 1, cache 3, "
          "cycle true");
    CHECK(objects->at(1).definition ==
          "SEQUENCE type bigint, increment -2, minvalue -9223372036854775808, maxvalue -1, "
          "start -1, cache 1, cycle false");
}

TEST_CASE("declared objects: OWNED BY, RESTART, a repeated option: errors at the word") {
    testing::TempDir dir;
    dir.write("db/s.sql",
              "CREATE SEQUENCE a OWNED BY t.id;\n"
              "CREATE SEQUENCE b RESTART;\n"
              "CREATE SEQUENCE c CACHE 2 CACHE 3;\n"
              "CREATE SEQUENCE d INCREMENT 0;\n"
              "CREATE OR REPLACE SEQUENCE e;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/s.sql:1:19: sequence \"a\" is OWNED BY a column") != std::string::npos);
    CHECK(said.find("db/s.sql:2:19: \"RESTART\" is not an option of CREATE SEQUENCE \"b\"") !=
          std::string::npos);
    CHECK(said.find("db/s.sql:3:27: CACHE is written twice") != std::string::npos);
    CHECK(said.find("db/s.sql:4:19: INCREMENT of sequence \"d\" cannot be zero") !=
          std::string::npos);
    CHECK(said.find("db/s.sql:5:1: \"CREATE OR REPLACE SEQUENCE\": PostgreSQL has no") !=
          std::string::npos);
    CHECK(diags.error_count() == 5);
}

TEST_CASE("declared objects: composite and range types, and enums, base and shell types refused") {
    testing::TempDir dir;
    dir.write("db/types.sql",
              "CREATE TYPE app.address AS (street text, city text);\n"
              "create type floatrange as range (subtype = float8);\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 2);
    CHECK((*objects)[0].kind == schema::ObjectKind::Type);
    CHECK((*objects)[0].schema == "app");
    CHECK((*objects)[0].name == "address");
    CHECK((*objects)[1].kind == schema::ObjectKind::Type);
    CHECK((*objects)[1].name == "floatrange");
    CHECK((*objects)[1].location.str() == "db/types.sql:2:1");

    for (const auto& [sql, expected] : std::vector<std::pair<std::string, std::string>>{
             {"CREATE TYPE mood AS ENUM ('a', 'b');",
              "db/types.sql:1:1: enum type mood in a [models] sql file: enums are declared by "
              "the models"},
             {"CREATE TYPE box2 (INPUT = box2_in, OUTPUT = box2_out);",
              "db/types.sql:1:1: type box2: only composite (AS (...)) and range (AS RANGE "
              "(...)) types are declared; a base or shell type needs functions written in C"},
             {"CREATE TYPE shell;",
              "db/types.sql:1:1: type shell: only composite (AS (...)) and range (AS RANGE "
              "(...)) types are declared; a base or shell type needs functions written in C"},
             {"CREATE OR REPLACE TYPE t AS (a int);",
              "db/types.sql:1:1: \"CREATE OR REPLACE TYPE\": PostgreSQL has no CREATE OR "
              "REPLACE TYPE"},
         }) {
        testing::TempDir bad;
        bad.write("db/types.sql", sql);
        support::Diagnostics refused;
        CHECK_FALSE(pipeline::read_declared_objects(config_in(bad), refused));
        CHECK(messages(refused) == expected + "\n");
    }
}

// COMMENT ON (declared_comments.hpp): each comment given to the declared object it names,
// whatever the file and statement order; every comment the files cannot hold an error.
TEST_CASE("declared comments: each kind's COMMENT ON reaches its object, before or after it") {
    testing::TempDir dir;
    // a.sql comments on what b.sql declares: the comments wait for every file.
    dir.write("db/a.sql",
              "COMMENT ON VIEW app.v IS 'A view';\n"
              "comment on materialized view mv is $$It''s kept$$;\n"
              "COMMENT ON FUNCTION f(integer) IS 'It''s f';\n"
              "COMMENT ON ROUTINE p IS 'A procedure';\n"
              "COMMENT ON TRIGGER tg ON public.t IS 'On t';\n"
              "COMMENT ON POLICY pol ON t IS 'Policy';\n"
              "COMMENT ON DOMAIN public.d IS 'Domain';\n"
              "COMMENT ON SCHEMA app IS 'Schema';\n"
              "COMMENT ON EXTENSION citext IS 'Extension';\n"
              "COMMENT ON SEQUENCE s IS 'Sequence';\n"
              "COMMENT ON TYPE ty IS 'Type';\n"
              "COMMENT ON TABLE part IS 'Partition';\n"
              "COMMENT ON VIEW plain IS NULL;\n");
    dir.write("db/b.sql",
              "CREATE SCHEMA app;\nCREATE EXTENSION citext;\n"
              "CREATE VIEW app.v AS SELECT 1 AS x;\nCREATE VIEW plain AS SELECT 2 AS y;\n"
              "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\n"
              "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql RETURN a;\n"
              "CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;\n"
              "CREATE TRIGGER tg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n"
              "CREATE POLICY pol ON t USING (true);\n"
              "CREATE DOMAIN d AS int;\nCREATE SEQUENCE s;\nCREATE TYPE ty AS (a int);\n"
              "CREATE TABLE part PARTITION OF parent DEFAULT;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    CHECK(named(*objects, "v").comment == "A view");
    CHECK(named(*objects, "mv").comment == "It''s kept");  // dollar quotes keep their text
    CHECK(named(*objects, "f").comment == "It's f");
    CHECK(named(*objects, "p").comment == "A procedure");
    CHECK(named(*objects, "tg").comment == "On t");
    CHECK(named(*objects, "pol").comment == "Policy");
    CHECK(named(*objects, "d").comment == "Domain");
    CHECK(named(*objects, "app").comment == "Schema");
    CHECK(named(*objects, "citext").comment == "Extension");
    CHECK(named(*objects, "s").comment == "Sequence");
    CHECK(named(*objects, "ty").comment == "Type");
    CHECK(named(*objects, "part").comment == "Partition");
    CHECK(named(*objects, "plain").comment.empty());
}

TEST_CASE("declared comments: what the files cannot comment on is an error at its statement") {
    testing::TempDir dir;
    dir.write("db/a.sql",
              "CREATE VIEW v AS SELECT 1 AS x;\nCREATE TRIGGER tg BEFORE INSERT ON t FOR EACH "
              "ROW EXECUTE FUNCTION f();\n"
              "COMMENT ON COLUMN t.c IS 'x';\n"           // 3: the models' (AUTOGEN_COLUMN)
              "COMMENT ON TABLE t IS 'x';\n"              // 4: not a declared partition
              "COMMENT ON VIEW other IS 'x';\n"           // 5: nothing declares it
              "COMMENT ON VIEW v IS 'one';\n"             // 6
              "COMMENT ON VIEW v IS 'two';\n"             // 7: twice
              "COMMENT ON TRIGGER tg ON other IS 'x';\n"  // 8: another table's
              "COMMENT ON VIEW v IS E'x';\n"              // 9: an escape string
              "COMMENT ON AGGREGATE a(int) IS 'x';\n"     // 10: not declared by the files
              "COMMENT ON VIEW v IS 'x' 'y';\n"           // 11: after the comment
              "COMMENT ON TRIGGER tg IS 'x';\n");         // 12: no table
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/a.sql:3:12: COMMENT ON COLUMN in a [models] sql file: that comment is "
                    "declared in the models") != std::string::npos);
    CHECK(said.find("db/a.sql:4:1: COMMENT ON table t: no statement") != std::string::npos);
    CHECK(said.find("db/a.sql:5:1: COMMENT ON view other: no statement") != std::string::npos);
    CHECK(said.find("db/a.sql:7:1: a second COMMENT ON view v (the first at db/a.sql:6:1)") !=
          std::string::npos);
    CHECK(said.find("db/a.sql:8:1: COMMENT ON trigger tg on other: no statement") !=
          std::string::npos);
    CHECK(said.find("db/a.sql:9:22: the comment must be a string constant") != std::string::npos);
    CHECK(said.find("db/a.sql:10:12: COMMENT ON AGGREGATE in a [models] sql file: the files "
                    "declare no such object") != std::string::npos);
    CHECK(said.find("db/a.sql:11:26: \"'y'\" after the comment") != std::string::npos);
    CHECK(said.find("db/a.sql:12:") != std::string::npos);
}

TEST_CASE("declared objects: an overload named in the catalog's spellings is the same one") {
    testing::TempDir dir;
    dir.write("db/f.sql",
              "CREATE FUNCTION f(a integer) RETURNS int AS $$ SELECT a $$ LANGUAGE sql;\n"
              "CREATE FUNCTION f(t text[]) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\n"
              "COMMENT ON FUNCTION f(pg_catalog.int4) IS 'by number';\n"
              "GRANT EXECUTE ON FUNCTION f(pg_catalog._text) TO PUBLIC;\n");
    support::Diagnostics diags;
    const auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    INFO(messages(diags));
    REQUIRE(objects);
    CHECK(named(*objects, "f").comment == "by number");
    bool granted = false;
    for (const auto& o : *objects)
        if (o.kind == schema::ObjectKind::Grant)
            granted = o.identity().find("text[]") != std::string::npos;
    CHECK(granted);
    // Twice in two spellings PostgreSQL reads as one: an error at the second.
    testing::TempDir twice;
    twice.write(
        "db/f.sql",
        "CREATE FUNCTION f(a integer ARRAY) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\n"
        "CREATE FUNCTION f(b pg_catalog._int4) RETURNS int AS $$ SELECT 2 $$ LANGUAGE sql;\n");
    support::Diagnostics refused;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(twice), refused));
    CHECK(messages(refused).find("db/f.sql:2:1: function \"f\"(integer[]) is declared twice") !=
          std::string::npos);
}
