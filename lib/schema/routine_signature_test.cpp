// identity_types(): a routine's input types as PostgreSQL names its overloads, the same
// from a declaration as written and from the catalog's identity arguments.
#include "schema/routine_signature.hpp"

#include <doctest/doctest.h>

using namespace autogen::schema;

TEST_CASE("identity types: names, modes, defaults and OUT arguments do not count") {
    CHECK(identity_types("") == "");
    CHECK(identity_types("a int DEFAULT 1, b text = 'x'") == "integer, text");
    CHECK(identity_types("IN a int4, OUT b text, INOUT c int8") == "integer, bigint");
    CHECK(identity_types("VARIADIC r varchar(10)[]") == "character varying[]");
    // pg_get_function_identity_arguments' reading of the same gives the same text.
    CHECK(identity_types("a integer, OUT b text, VARIADIC c character varying[]") ==
          "integer, character varying[]");
    CHECK(identity_types("IN a integer, OUT b text") == "integer");
}

TEST_CASE("identity types: types in PostgreSQL's spelling") {
    CHECK(identity_types("double precision, x double precision, float8") ==
          "double precision, double precision, double precision");
    CHECK(identity_types("timestamptz, t timestamp(3) with time zone, timestamp") ==
          "timestamp with time zone, timestamp with time zone, timestamp without time zone");
    CHECK(identity_types("character varying(3), char(2), numeric(10, 2), bool") ==
          "character varying, character, numeric, boolean");
    CHECK(identity_types("int[3][], public.email") == "integer[], email");
    // A name that starts a long type, followed by a type that does not continue it.
    CHECK(identity_types("time text, \"Mixed\" \"Type\"") == "text, \"Type\"");
    // A domain or type in another schema keeps its schema.
    CHECK(identity_types("a app.email, app.\"Mood\"") == "app.email, app.\"Mood\"");
}

TEST_CASE("identity types: of a statement, of a grant, and the routine's key") {
    CHECK(declared_identity_types("CREATE OR REPLACE FUNCTION s.f(a int DEFAULT 1) RETURNS "
                                  "int LANGUAGE sql AS $$ SELECT a $$") == "integer");
    CHECK(declared_identity_types("CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$") == "");
    CHECK(granted_identity_types("GRANT EXECUTE ON FUNCTION f(int4, text) TO r", "f") ==
          "integer, text");
    CHECK_FALSE(granted_identity_types("GRANT EXECUTE ON FUNCTION f TO r", "f"));
    CHECK(routine_identity("app", "f", "a integer, OUT b text") == "\"app\".\"f\"(integer)");
    CHECK(routine_identity("", "f", "int4") == "\"f\"(integer)");
}

// What PostgreSQL 15's pg_get_function_identity_arguments printed for each spelling
// (CREATE FUNCTION f(a pg_catalog.int4, ...) in a scratch database, session 22).
TEST_CASE("identity types: every spelling PostgreSQL allows, as its catalog prints it") {
    CHECK(identity_types("a pg_catalog.int4, b pg_catalog.text, pg_catalog.\"varchar\"") ==
          "integer, text, character varying");
    CHECK(identity_types("c public.my_domain, my_domain, public.t") == "my_domain, my_domain, t");
    CHECK(identity_types("d character varying(20), character varying") ==
          "character varying, character varying");
    // Arrays: brackets, ARRAY, several dimensions, the array type's internal name.
    CHECK(identity_types("e int[], f integer ARRAY, m int ARRAY[3], integer ARRAY") ==
          "integer[], integer[], integer[], integer[]");
    CHECK(identity_types("g _int4, pg_catalog._text, bigint[][], _int4[]") ==
          "integer[], text[], bigint[], integer[]");
    CHECK(identity_types("_mine, app._mine") == "_mine, app._mine");  // a user's type
    CHECK(identity_types("h double precision, i timestamp with time zone") ==
          "double precision, timestamp with time zone");
    CHECK(identity_types("k interval day to second, interval(3), l timestamp(3) with time zone") ==
          "interval, interval, timestamp with time zone");
    CHECK(identity_types("n \"int4\", o bit varying(3), x float4, y numeric(5,2), z time(3)") ==
          "integer, bit varying, real, numeric, time without time zone");
    // "char" (quoted or the catalog's) is the one-byte type; char is character.
    CHECK(identity_types("u char, w \"char\", pg_catalog.char") == "character, \"char\", \"char\"");
    CHECK(identity_types("float(24), float(25), float") ==
          "real, double precision, double precision");
    // A column's type: only the database resolves it (the scratch database's reading names
    // the routine once it is created).
    CHECK(identity_types("j t.col%TYPE, public.t.col%type") == "t.col%TYPE, t.col%TYPE");
    // Modes and names beside these spellings.
    CHECK(identity_types("INOUT a pg_catalog.int4, OUT b text, VARIADIC c pg_catalog._text") ==
          "integer, text[]");
}
