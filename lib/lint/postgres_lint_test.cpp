// PostgreSQL's lint rules, each with a revision that triggers it and one that does not,
// through the real revision reader and splitter.
#include "lint/postgres_lint.hpp"

#include <doctest/doctest.h>

#include "tests/support/lint_test_fixtures.hpp"

using namespace autogen::lint;
using namespace autogen::lint::testing;

TEST_CASE("AG101: CREATE INDEX without CONCURRENTLY") {
    auto codes = pg_codes("CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\");");
    CHECK(has(codes, "AG101"));
    auto r =
        lint_text("postgresql", revision_text("postgresql", "CREATE INDEX ix ON users (email);"));
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].lock == "SHARE");
    CHECK(r.findings[0].lock_on == "table \"users\"");
    CHECK(r.findings[0].line == 8);
    CHECK(r.findings[0].column == 1);
    CHECK(r.findings[0].severity == LintSeverity::Error);
    CHECK_FALSE(has(pg_codes("CREATE INDEX CONCURRENTLY ix ON users (email);", true), "AG101"));
    // A table created in the same section is empty: its index blocks nobody.
    CHECK(pg_codes("CREATE TABLE t (id INT);\nCREATE INDEX ix ON t (id);").empty());
}

TEST_CASE("AG102: DROP INDEX without CONCURRENTLY") {
    CHECK(has(pg_codes("DROP INDEX \"ix_users_email\";"), "AG102"));
    CHECK_FALSE(has(pg_codes("DROP INDEX CONCURRENTLY \"ix_users_email\";", true), "AG102"));
}

TEST_CASE("AG103: foreign key without NOT VALID") {
    auto fk = "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)";
    auto r = lint_text("postgresql", revision_text("postgresql", std::string(fk) + ";"));
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].code == "AG103");
    CHECK(r.findings[0].lock == "SHARE ROW EXCLUSIVE");
    CHECK(r.findings[0].lock_on == "table \"orders\" and table \"users\"");
    CHECK(r.findings[0].scans);
    CHECK(pg_codes(std::string(fk) + " NOT VALID;").empty());  // nor AG110: writes go on
    CHECK(pg_codes("ALTER TABLE orders VALIDATE CONSTRAINT fk;").empty());
}

TEST_CASE("AG103 / AG104: VALIDATE in the transaction of its ADD ... NOT VALID") {
    const std::string fk =
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT "
        "VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;";
    auto r = lint_text("postgresql", revision_text("postgresql", fk));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].code == "AG103");
    CHECK(r.findings[0].line == 9);  // the VALIDATE
    CHECK(r.findings[0].lock == "SHARE ROW EXCLUSIVE");
    CHECK(r.findings[0].lock_on == "table \"orders\" and table \"users\"");
    CHECK(r.findings[0].scans);
    // Outside a transaction each statement commits on its own: the VALIDATE takes only
    // SHARE UPDATE EXCLUSIVE.
    CHECK(pg_codes(fk, true).empty());
    auto check = pg_codes(
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE users ADD CONSTRAINT ck CHECK (age > 0) NOT VALID;\n"
        "ALTER TABLE users VALIDATE CONSTRAINT ck;");
    CHECK(check == std::vector<std::string>{"AG104"});
    // A constraint of another table, or added by an earlier revision: nothing.
    CHECK(pg_codes("SET lock_timeout = '2s';\n"
                   "ALTER TABLE users ADD CONSTRAINT ck CHECK (age > 0) NOT VALID;\n"
                   "ALTER TABLE orders VALIDATE CONSTRAINT ck;\n"
                   "ALTER TABLE users VALIDATE CONSTRAINT other;")
              .empty());
}

TEST_CASE("AG103: a column added with a default and an inline REFERENCES") {
    auto r = lint_text("postgresql",
                       revision_text("postgresql",
                                     "SET LOCAL lock_timeout = '2s';\nALTER TABLE orders ADD "
                                     "COLUMN coupon_id BIGINT DEFAULT 1 REFERENCES coupons (id);"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].code == "AG103");
    CHECK(r.findings[0].scans);
    // Without a default the new column is all NULL: PostgreSQL checks no row.
    CHECK(pg_codes("SET LOCAL lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN coupon_id "
                   "BIGINT REFERENCES coupons (id);")
              .empty());
}

TEST_CASE("AG104: check without NOT VALID") {
    CHECK(has(pg_codes("ALTER TABLE users ADD CONSTRAINT ck CHECK (age > 0);"), "AG104"));
    CHECK_FALSE(
        has(pg_codes("ALTER TABLE users ADD CONSTRAINT ck CHECK (age > 0) NOT VALID;"), "AG104"));
}

TEST_CASE("AG105: SET NOT NULL without a validated check") {
    CHECK(has(pg_codes("ALTER TABLE users ALTER COLUMN name SET NOT NULL;"), "AG105"));
    // The safe form: a NOT VALID check, validated (each statement in its own transaction),
    // then SET NOT NULL.
    const std::string safe_form =
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE users ADD CONSTRAINT nn CHECK (name IS NOT NULL) NOT VALID;\n"
        "ALTER TABLE users VALIDATE CONSTRAINT nn;\n"
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"
        "ALTER TABLE users DROP CONSTRAINT nn;";
    CHECK(pg_codes(safe_form, true).empty());
    // In one transaction the VALIDATE reads every row under the ADD's ACCESS EXCLUSIVE: the
    // SET NOT NULL is then free, the VALIDATE is not.
    CHECK(pg_codes(safe_form) == std::vector<std::string>{"AG104"});
    // A validated check in an earlier revision of the chain counts too.
    LintState state;
    lint_text("postgresql",
              revision_text("postgresql",
                            "ALTER TABLE users ADD CONSTRAINT nn CHECK (\"name\" IS NOT NULL) NOT "
                            "VALID;\nALTER TABLE users VALIDATE CONSTRAINT nn;"),
              &state);
    auto later = lint_text(
        "postgresql",
        revision_text("postgresql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;"), &state);
    for (const auto& f : later.findings) CHECK(f.code != "AG105");
}

TEST_CASE("AG106 / AG107 / AG117: type changes that rewrite, that do not, and unknown ones") {
    auto widen = [](const std::string& from, const std::string& to) {
        return pg_codes("ALTER TABLE t ALTER COLUMN c TYPE " + to + ";", false,
                        "ALTER TABLE t ALTER COLUMN c TYPE " + from + ";");
    };
    CHECK(has(widen("INTEGER", "BIGINT"), "AG106"));
    CHECK(has(widen("VARCHAR(255)", "VARCHAR(100)"), "AG106"));
    CHECK(has(widen("TEXT", "INTEGER"), "AG106"));
    CHECK(has(widen("NUMERIC(10,2)", "NUMERIC(12,3)"), "AG106"));
    CHECK(has(widen("VARCHAR(20)", "VARCHAR(50)"), "AG107"));
    CHECK(has(widen("character varying(20)", "text"), "AG107"));
    CHECK(has(widen("VARCHAR(20)", "VARCHAR"), "AG107"));
    CHECK(has(widen("NUMERIC(10,2)", "NUMERIC(12,2)"), "AG107"));
    CHECK(has(widen("NUMERIC(10,2)", "NUMERIC"), "AG107"));
    CHECK_FALSE(has(widen("VARCHAR(20)", "VARCHAR(50)"), "AG106"));
    CHECK(has(widen("VARCHAR(20)", "VARCHAR(99999999999999999999)"), "AG107"));
    // USING rewrites whatever the types.
    CHECK(has(pg_codes("ALTER TABLE t ALTER COLUMN c TYPE TEXT USING c::text;", false,
                       "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);"),
              "AG106"));
    // No old type in the revision nor the chain: it may rewrite.
    CHECK(has(pg_codes("ALTER TABLE t ALTER COLUMN c TYPE TEXT;"), "AG117"));
    // The chain's CREATE TABLE gives the old type.
    LintState state;
    lint_text("postgresql",
              revision_text("postgresql", "CREATE TABLE t (id BIGINT, c VARCHAR(10) NOT NULL);"),
              &state);
    auto later =
        lint_text("postgresql",
                  revision_text("postgresql", "ALTER TABLE t ALTER COLUMN c TYPE TEXT;"), &state);
    REQUIRE(!later.findings.empty());
    CHECK(later.findings.front().code == "AG107");
    CHECK(later.findings.front().message.find("VARCHAR(10) to TEXT") != std::string::npos);
}

TEST_CASE("AG108: ADD COLUMN with a volatile default") {
    CHECK(has(pg_codes("ALTER TABLE t ADD COLUMN u UUID DEFAULT gen_random_uuid();"), "AG108"));
    CHECK(has(pg_codes("ALTER TABLE t ADD COLUMN r FLOAT8 DEFAULT random();"), "AG108"));
    CHECK(has(pg_codes("ALTER TABLE t ADD COLUMN ts TIMESTAMPTZ DEFAULT clock_timestamp();"),
              "AG108"));
    CHECK(has(pg_codes("ALTER TABLE t ADD COLUMN n BIGSERIAL;"), "AG108"));
    // now() is STABLE: evaluated once, stored in the catalog since PostgreSQL 11.
    CHECK_FALSE(
        has(pg_codes("ALTER TABLE t ADD COLUMN ts TIMESTAMPTZ NOT NULL DEFAULT now();"), "AG108"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE t ADD COLUMN s TEXT DEFAULT 'random()';"), "AG108"));
}

TEST_CASE("AG109: primary key or unique constraint without USING INDEX") {
    CHECK(has(pg_codes("ALTER TABLE t ADD PRIMARY KEY (id);"), "AG109"));
    CHECK(has(pg_codes("ALTER TABLE t ADD CONSTRAINT uq UNIQUE (email);"), "AG109"));
    CHECK_FALSE(
        has(pg_codes("ALTER TABLE t ADD CONSTRAINT uq UNIQUE USING INDEX uq_idx;"), "AG109"));
    CHECK_FALSE(
        has(pg_codes("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX ix;"), "AG109"));
}

TEST_CASE("AG110: ACCESS EXCLUSIVE with no lock_timeout, once per section") {
    auto codes = pg_codes("ALTER TABLE t DROP CONSTRAINT a;\nALTER TABLE t DROP CONSTRAINT b;");
    CHECK(std::count(codes.begin(), codes.end(), "AG110") == 1);
    CHECK(pg_codes("SET lock_timeout = '2s';\nALTER TABLE t DROP CONSTRAINT a;").empty());
    CHECK(pg_codes("SET LOCAL lock_timeout TO 1000;\nALTER TABLE t DROP CONSTRAINT a;").empty());
    // A comment or a string naming lock_timeout is no setting.
    CHECK(has(pg_codes("-- SET lock_timeout = '2s';\nALTER TABLE t DROP CONSTRAINT a;"), "AG110"));
}

TEST_CASE("AG111 / AG112: renames") {
    CHECK(has(pg_codes("ALTER TABLE users RENAME TO people;"), "AG111"));
    CHECK(has(pg_codes("ALTER TABLE users RENAME COLUMN name TO full_name;"), "AG112"));
    CHECK(has(pg_codes("ALTER TABLE users RENAME name TO full_name;"), "AG112"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE users RENAME CONSTRAINT a TO b;"), "AG112"));
}

TEST_CASE("AG113 / AG114: drops lose data") {
    CHECK(has(pg_codes("ALTER TABLE users DROP COLUMN phone;"), "AG113"));
    CHECK(has(pg_codes("DROP TABLE \"legacy\";"), "AG114"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE users DROP CONSTRAINT uq;"), "AG113"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE users ALTER COLUMN a DROP NOT NULL;"), "AG113"));
}

TEST_CASE("AG115: CONCURRENTLY inside a transaction") {
    CHECK(has(pg_codes("CREATE INDEX CONCURRENTLY ix ON users (email);"), "AG115"));
    CHECK(has(pg_codes("DROP INDEX CONCURRENTLY ix;"), "AG115"));
    CHECK(pg_codes("CREATE INDEX CONCURRENTLY ix ON users (email);", true).empty());
}

TEST_CASE("AG116: ADD COLUMN NOT NULL without a default") {
    CHECK(has(pg_codes("ALTER TABLE t ADD COLUMN c TEXT NOT NULL;"), "AG116"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE t ADD COLUMN c TEXT NOT NULL DEFAULT '';"), "AG116"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE t ADD COLUMN c TEXT;"), "AG116"));
}

TEST_CASE("AG118: transaction control inside a section") {
    CHECK(has(pg_codes("COMMIT;\nALTER TABLE t ADD COLUMN c TEXT;"), "AG118"));
    CHECK(has(pg_codes("BEGIN;\nALTER TABLE t ADD COLUMN c TEXT;"), "AG118"));
    CHECK(has(pg_codes("START TRANSACTION;"), "AG118"));
    CHECK(has(pg_codes("END;"), "AG118"));
    // In a no-transaction section a BEGIN ... COMMIT block would be resumed statement by
    // statement after a kill.
    auto outside = pg_codes("BEGIN;\nUPDATE t SET a = 1;\nCOMMIT;", true);
    CHECK(std::count(outside.begin(), outside.end(), "AG118") == 2);
    // Savepoints stay inside the runner's transaction.
    CHECK(pg_codes("SAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;").empty());
    CHECK(pg_codes("UPDATE t SET a = 1 WHERE note = 'BEGIN; COMMIT';").empty());
}

TEST_CASE("AG119: REINDEX without CONCURRENTLY") {
    auto r = lint_text("postgresql",
                       revision_text("postgresql", "SET lock_timeout = '2s';\nREINDEX INDEX ix;"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].code == "AG119");
    CHECK(r.findings[0].lock == "SHARE on the table, ACCESS EXCLUSIVE on the index");
    CHECK(r.findings[0].severity == LintSeverity::Error);
    CHECK(has(pg_codes("REINDEX (VERBOSE) TABLE users;"), "AG119"));
    CHECK(has(pg_codes("REINDEX TABLE users;"), "AG110"));
    CHECK(pg_codes("REINDEX INDEX CONCURRENTLY ix;", true).empty());
    CHECK(has(pg_codes("REINDEX TABLE CONCURRENTLY users;"), "AG115"));  // not in a transaction
    CHECK(pg_codes("CREATE TABLE t (id INT);\nREINDEX TABLE t;").empty());
}

TEST_CASE("AG120: VACUUM FULL and CLUSTER rewrite the table") {
    auto r = lint_text("postgresql", revision_text("postgresql", "VACUUM FULL users;", "", true));
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].code == "AG120");
    CHECK(r.findings[0].rewrites);
    CHECK(r.findings[0].lock_on == "table \"users\"");
    CHECK(has(pg_codes("VACUUM (FULL, ANALYZE) users;", true), "AG120"));
    CHECK(has(pg_codes("CLUSTER VERBOSE users USING ix;"), "AG120"));
    CHECK(has(pg_codes("CLUSTER users;"), "AG110"));
    CHECK(pg_codes("VACUUM ANALYZE users;", true).empty());
    CHECK(pg_codes("VACUUM (ANALYZE) users;", true).empty());
}

TEST_CASE("AG121: TRUNCATE deletes every row") {
    auto r =
        lint_text("postgresql",
                  revision_text("postgresql", "SET lock_timeout = '2s';\nTRUNCATE users CASCADE;"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].code == "AG121");
    CHECK(r.findings[0].severity == LintSeverity::Warning);
    CHECK(r.findings[0].message.find("CASCADE") != std::string::npos);
    CHECK(has(pg_codes("TRUNCATE TABLE ONLY users;"), "AG121"));
    CHECK(has(pg_codes("TRUNCATE users;"), "AG110"));
    CHECK(pg_codes("CREATE TABLE t (id INT);\nTRUNCATE t;").empty());
}

TEST_CASE("AG122: ALTER DOMAIN ADD CONSTRAINT without NOT VALID") {
    auto r =
        lint_text("postgresql", revision_text("postgresql",
                                              "ALTER DOMAIN year ADD CONSTRAINT y CHECK (VALUE "
                                              "> 1900);"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].code == "AG122");
    CHECK(r.findings[0].lock == "SHARE");
    CHECK(r.findings[0].scans);
    CHECK(pg_codes("ALTER DOMAIN year ADD CONSTRAINT y CHECK (VALUE > 1900) NOT VALID;").empty());
    CHECK(pg_codes("ALTER DOMAIN year VALIDATE CONSTRAINT y;").empty());
    CHECK(pg_codes("ALTER DOMAIN year DROP CONSTRAINT y;").empty());
}

TEST_CASE("AG123: DETACH PARTITION without CONCURRENTLY") {
    auto codes = pg_codes("ALTER TABLE measurements DETACH PARTITION measurements_2020;");
    CHECK(has(codes, "AG123"));
    CHECK(has(codes, "AG110"));
    CHECK(
        pg_codes("ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;", true)
            .empty());
    CHECK(pg_codes("ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;", true)
              .empty());
}

TEST_CASE("AG124: SET LOGGED / SET UNLOGGED rewrites an existing table") {
    CHECK(has(pg_codes("ALTER TABLE sessions SET UNLOGGED;"), "AG124"));
    CHECK(has(pg_codes("ALTER TABLE sessions SET LOGGED;"), "AG124"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE sessions SET (fillfactor = 70);"), "AG124"));
    // A table the same revision creates has no rows to rewrite.
    CHECK_FALSE(has(pg_codes("CREATE TABLE sessions (id int); ALTER TABLE sessions SET UNLOGGED;"),
                    "AG124"));
}

TEST_CASE("AG125: ADD CONSTRAINT ... EXCLUDE builds its index under ACCESS EXCLUSIVE") {
    auto codes = pg_codes(
        "ALTER TABLE booking ADD CONSTRAINT ex_booking EXCLUDE USING gist (room_id WITH =, "
        "during WITH &&);");
    CHECK(has(codes, "AG125"));
    CHECK(has(codes, "AG110"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE booking DROP CONSTRAINT ex_booking;", true), "AG125"));
    CHECK_FALSE(has(pg_codes("CREATE TABLE booking (during tsrange, EXCLUDE USING gist (during "
                             "WITH &&));",
                             true),
                    "AG125"));
}

TEST_CASE("AG126: DROP EXTENSION drops what the extension made") {
    CHECK(has(pg_codes("DROP EXTENSION \"hstore\";", true), "AG126"));
    CHECK(has(pg_codes("DROP EXTENSION IF EXISTS citext CASCADE;", true), "AG126"));
    CHECK_FALSE(has(pg_codes("CREATE EXTENSION IF NOT EXISTS citext;", true), "AG126"));
    CHECK_FALSE(has(pg_codes("ALTER EXTENSION citext UPDATE TO '1.6';", true), "AG126"));
    CHECK_FALSE(has(pg_codes("DROP TABLE extension;", true), "AG126"));
}

TEST_CASE("the tokenizer keeps quoted names, strings and comments out of the rules") {
    // A quoted name spelled like a keyword, a string with a semicolon, a comment.
    auto codes = pg_codes(
        "/* CREATE INDEX ix ON t (a); */\n"
        "INSERT INTO \"CONCURRENTLY\" VALUES ('CREATE INDEX x ON y (z);');\n"
        "ALTER TABLE \"My Table\" ADD COLUMN \"random()\" TEXT; -- DROP TABLE t;");
    // Only the ALTER TABLE's lock: no index, no volatile default, no drop.
    CHECK(codes == std::vector<std::string>{"AG110"});
    auto r = lint_text(
        "postgresql", revision_text("postgresql", "ALTER TABLE \"My Table\" DROP COLUMN \"a b\";"));
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].message.find("\"My Table\".\"a b\"") != std::string::npos);
}

TEST_CASE("AG114: the downgrade's drop of a table its upgrade created is exempt") {
    auto r = lint_text("postgresql", revision_text("postgresql", "CREATE TABLE tags (id INT);",
                                                   "SET lock_timeout = '2s';\nDROP TABLE tags;"));
    CHECK(r.findings.empty());
    // A table the revision did not create is still a finding, in either direction.
    auto other =
        lint_text("postgresql", revision_text("postgresql", "CREATE TABLE tags (id INT);",
                                              "SET lock_timeout = '2s';\nDROP TABLE legacy;"));
    REQUIRE(other.findings.size() == 1);
    CHECK(other.findings[0].code == "AG114");
    CHECK(other.findings[0].direction == "downgrade");
    CHECK(other.findings[0].lock == "ACCESS EXCLUSIVE");
    CHECK(has(pg_codes("DROP TABLE tags;", false, "CREATE TABLE tags (id INT);"), "AG114"));
}

TEST_CASE("AG129: REVOKE takes a privilege away from a role") {
    CHECK(has(pg_codes("REVOKE INSERT ON TABLE \"accounts\" FROM \"app\";", true), "AG129"));
    CHECK(has(pg_codes("REVOKE SELECT (\"owner\") ON TABLE t FROM PUBLIC;", true), "AG129"));
    CHECK_FALSE(has(pg_codes("GRANT SELECT ON TABLE t TO app;", true), "AG129"));
    CHECK_FALSE(has(pg_codes("DROP TABLE revoke_log;", true), "AG129"));
}

TEST_CASE("AG127: DISABLE ROW LEVEL SECURITY opens every row") {
    CHECK(has(pg_codes("ALTER TABLE documents DISABLE ROW LEVEL SECURITY;", true), "AG127"));
    CHECK(has(
        pg_codes("ALTER TABLE IF EXISTS \"app\".\"documents\" DISABLE ROW LEVEL SECURITY;", true),
        "AG127"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE documents ENABLE ROW LEVEL SECURITY;", true), "AG127"));
    CHECK_FALSE(has(pg_codes("ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;", true), "AG127"));
}

TEST_CASE("AG128: ALTER DEFAULT PRIVILEGES ... REVOKE takes a privilege from new objects") {
    CHECK(has(pg_codes("ALTER DEFAULT PRIVILEGES FOR ROLE \"deploy\" REVOKE EXECUTE ON "
                       "FUNCTIONS FROM PUBLIC;",
                       true),
              "AG128"));
    CHECK(has(pg_codes("ALTER DEFAULT PRIVILEGES IN SCHEMA \"app\" REVOKE GRANT OPTION FOR "
                       "SELECT ON TABLES FROM \"reader\";",
                       true),
              "AG128"));
    CHECK_FALSE(
        has(pg_codes("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader;", true), "AG128"));
    CHECK_FALSE(
        has(pg_codes("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader;", true), "AG129"));
}
