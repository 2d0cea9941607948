// Splitting section SQL into statements with their file lines.
#include "migrate/sql_splitter.hpp"

#include <doctest/doctest.h>

using autogen::migrate::split_statements;

TEST_CASE("sql splitter: statements, lines, comments") {
    auto s = split_statements(
        "-- a comment\nCREATE TABLE t (a TEXT);\n\n/* block\n; */ INSERT INTO t\nVALUES ('x;y');\n",
        10);
    REQUIRE(s.size() == 2);
    CHECK(s[0].sql == "CREATE TABLE t (a TEXT)");
    CHECK(s[0].line == 11);
    CHECK(s[1].sql == "INSERT INTO t\nVALUES ('x;y')");
    CHECK(s[1].line == 14);
}

TEST_CASE("sql splitter: quoted identifiers, doubled quotes, a last statement without semicolon") {
    auto s =
        split_statements("INSERT INTO \"a;b\" VALUES ('it''s; fine');\nSELECT [x;y], `z;w`", 1);
    REQUIRE(s.size() == 2);
    CHECK(s[0].sql == "INSERT INTO \"a;b\" VALUES ('it''s; fine')");
    CHECK(s[1].sql == "SELECT [x;y], `z;w`");
    CHECK(s[1].line == 2);
}

TEST_CASE("sql splitter: PostgreSQL E'...' strings with backslash escapes") {
    auto s = split_statements("INSERT INTO t VALUES (E'it\\'s; \\\\', 'a\\');\nSELECT 2;", 1);
    REQUIRE(s.size() == 2);
    CHECK(s[0].sql == "INSERT INTO t VALUES (E'it\\'s; \\\\', 'a\\')");
    CHECK(s[1].sql == "SELECT 2");
}

TEST_CASE("sql splitter: trigger bodies and dollar quotes stay whole") {
    auto s = split_statements(
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET a = CASE WHEN 1 THEN 2 END;\n"
        "  DELETE FROM u;\nEND;\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ "
        "LANGUAGE sql;\nSELECT $1;",
        1);
    REQUIRE(s.size() == 3);
    CHECK(s[0].sql.substr(0, 14) == "CREATE TRIGGER");
    CHECK(s[0].sql.substr(s[0].sql.size() - 3) == "END");
    CHECK(s[1].line == 5);
    CHECK(s[1].sql.find("SELECT 1; $body$ LANGUAGE sql") != std::string::npos);
    CHECK(s[2].sql == "SELECT $1");
}

TEST_CASE("sql splitter: comment-only and empty text give nothing") {
    CHECK(split_statements("", 1).empty());
    CHECK(split_statements("-- autogen: no-transaction\n\n-- nothing here\n", 1).empty());
    CHECK(split_statements(";;", 1).empty());
}
