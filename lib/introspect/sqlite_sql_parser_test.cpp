// The parser of SQLite's stored CREATE TABLE / CREATE INDEX text.
#include "introspect/sqlite_sql_parser.hpp"

#include <doctest/doctest.h>

#include "schema/index_keys.hpp"

using namespace autogen::introspect::sqlite;
using Kind = ParsedConstraint::Kind;

TEST_CASE("sqlite parser: table and column constraints with names") {
    auto t = parse_create_table(
        "CREATE TABLE \"o\"\"dd\" (\n"
        "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
        "  [email] TEXT NOT NULL CONSTRAINT uq_email UNIQUE ON CONFLICT ABORT COLLATE nocase,\n"
        "  `owner` INT CONSTRAINT \"fk owner\" REFERENCES users(id) ON DELETE SET DEFAULT ON "
        "UPDATE SET NULL DEFAULT 3,\n"
        "  total REAL DEFAULT (1 + 2) CHECK (total >= 0) -- a comment, (with a paren\n"
        "  , note TEXT DEFAULT 'a,b)' COLLATE \"RTRIM\",\n"
        "  CONSTRAINT pair UNIQUE (email COLLATE nocase, owner DESC),\n"
        "  CONSTRAINT ck_x CHECK (owner IN (1, 2) AND note <> ')'),\n"
        "  FOREIGN KEY (owner, total) REFERENCES other (a, b) MATCH SIMPLE DEFERRABLE INITIALLY "
        "DEFERRED\n"
        ") WITHOUT ROWID");
    REQUIRE(t);
    CHECK(t->without_rowid);
    REQUIRE(t->columns.size() == 5);
    CHECK(t->columns[1].name == "email");
    CHECK(*t->columns[1].collation == "nocase");
    CHECK(t->columns[2].name == "owner");
    CHECK_FALSE(t->columns[2].collation);
    CHECK(*t->columns[4].collation == "RTRIM");
    REQUIRE(t->constraints.size() == 7);
    CHECK(t->constraints[0].kind == Kind::PrimaryKey);
    CHECK(t->constraints[1].kind == Kind::Unique);
    CHECK(t->constraints[1].name == "uq_email");
    CHECK(t->constraints[2].kind == Kind::ForeignKey);
    CHECK(t->constraints[2].name == "fk owner");
    CHECK(t->constraints[2].ref_table == "users");
    CHECK(t->constraints[3].kind == Kind::Check);
    CHECK(t->constraints[3].name == "");
    CHECK(t->constraints[3].expression == "total >= 0");
    CHECK(t->constraints[4].name == "pair");
    CHECK(t->constraints[4].columns == std::vector<std::string>{"email", "owner"});
    CHECK(t->constraints[5].expression == "owner IN (1, 2) AND note <> ')'");
    CHECK(t->constraints[6].kind == Kind::ForeignKey);
    CHECK(t->constraints[6].columns == std::vector<std::string>{"owner", "total"});
    CHECK(t->constraints[6].ref_table == "other");
    CHECK_FALSE(t->constraints[2].deferrable);
    CHECK(t->constraints[6].deferrable);
    CHECK(t->constraints[6].initially_deferred);
}

TEST_CASE("sqlite parser: how a foreign key is deferred") {
    auto t = parse_create_table(
        "CREATE TABLE t (a INT REFERENCES p DEFERRABLE, b INT REFERENCES p DEFERRABLE INITIALLY "
        "IMMEDIATE, c INT REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED, d INT REFERENCES p(x) "
        "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, e INT REFERENCES p)");
    REQUIRE(t);
    REQUIRE(t->constraints.size() == 5);
    CHECK(t->constraints[0].deferrable);
    CHECK_FALSE(t->constraints[0].initially_deferred);
    CHECK(t->constraints[1].deferrable);
    CHECK_FALSE(t->constraints[1].initially_deferred);
    // NOT DEFERRABLE INITIALLY DEFERRED is accepted by SQLite and does not defer.
    CHECK_FALSE(t->constraints[2].deferrable);
    CHECK_FALSE(t->constraints[2].initially_deferred);
    CHECK(t->constraints[3].deferrable);
    CHECK(t->constraints[3].initially_deferred);
    CHECK_FALSE(t->constraints[4].deferrable);
}

TEST_CASE("sqlite parser: index items and partial predicates") {
    auto ix = parse_create_index(
        "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON \"t\" (\"a\" COLLATE NOCASE DESC, (lower(b)), "
        "b || c ASC) "
        "WHERE a IS NOT NULL AND c > 0");
    REQUIRE(ix);
    CHECK(ix->items == std::vector<std::string>{"a", "(lower(b))", "(b || c)"});
    REQUIRE(ix->options.size() == 3);
    CHECK(ix->options[0].collation == "NOCASE");
    CHECK(ix->options[0].descending);
    CHECK(autogen::schema::is_plain(ix->options[1]));
    CHECK_FALSE(ix->options[2].descending);  // ASC is the default
    auto quoted = parse_create_index("CREATE INDEX i ON t (\"a\" COLLATE \"RTRIM\" ASC)");
    REQUIRE(quoted);
    CHECK(quoted->options[0].collation == "RTRIM");
    CHECK(ix->where == "a IS NOT NULL AND c > 0");
    CHECK_FALSE(parse_create_index("DROP TABLE x"));
    CHECK_FALSE(parse_create_table("CREATE TABLE t AS SELECT 1"));
}

TEST_CASE("sqlite parser: unquote_identifier") {
    CHECK(unquote_identifier("\"a\"\"b\"") == "a\"b");
    CHECK(unquote_identifier("`x`") == "x");
    CHECK(unquote_identifier("[y z]") == "y z");
    CHECK(unquote_identifier("plain") == "plain");
}

TEST_CASE("sqlite parser: generated columns, STORED, VIRTUAL and the short form") {
    auto t = parse_create_table(
        "CREATE TABLE t (a INT, b INT NOT NULL GENERATED ALWAYS AS (a * (a + 1)) STORED, "
        "c TEXT AS ('x,' || a) VIRTUAL, d INT AS (a), e INT DEFAULT (2) CHECK (e > 0))");
    REQUIRE(t);
    REQUIRE(t->columns.size() == 5);
    CHECK_FALSE(t->columns[0].generated);
    CHECK(*t->columns[1].generated == "a * (a + 1)");
    CHECK_FALSE(t->columns[1].generated_virtual);
    CHECK(*t->columns[2].generated == "'x,' || a");
    CHECK(t->columns[2].generated_virtual);
    CHECK(*t->columns[3].generated == "a");
    CHECK(t->columns[3].generated_virtual);  // SQLite's default
    CHECK_FALSE(t->columns[4].generated);
    REQUIRE(t->constraints.size() == 1);
    CHECK(t->constraints[0].expression == "e > 0");
}
