#include "support/sql_type_names.hpp"

#include <doctest/doctest.h>

using namespace autogen::support;

TEST_CASE("standard_type_name spells a built-in type the standard's way") {
    CHECK(standard_type_name("int4") == "integer");
    CHECK(standard_type_name("int") == "integer");
    CHECK(standard_type_name("int8") == "bigint");
    CHECK(standard_type_name("varchar") == "character varying");
    CHECK(standard_type_name("char varying") == "character varying");
    CHECK(standard_type_name("bpchar") == "character");
    CHECK(standard_type_name("timestamptz") == "timestamp with time zone");
    CHECK(standard_type_name("timestamp") == "timestamp without time zone");
    CHECK(standard_type_name("float") == "double precision");
    CHECK(standard_type_name("dec") == "numeric");
    CHECK(standard_type_name("varbit") == "bit varying");
    // Already standard, or not a built-in alias: unchanged.
    CHECK(standard_type_name("integer") == "integer");
    CHECK(standard_type_name("text") == "text");
    CHECK(standard_type_name("serial") == "serial");
    CHECK(standard_type_name("\"MyType\"") == "\"MyType\"");
}

TEST_CASE("is_builtin_type_name knows every spelling of the built-in types") {
    CHECK(is_builtin_type_name("int4"));
    CHECK(is_builtin_type_name("integer"));
    CHECK(is_builtin_type_name("double precision"));
    CHECK(is_builtin_type_name("timestamp with time zone"));
    CHECK_FALSE(is_builtin_type_name("text"));
    CHECK_FALSE(is_builtin_type_name("mood"));
    CHECK_FALSE(is_builtin_type_name(""));
}

TEST_CASE("short_type_name folds the standard's long names to the common ones") {
    CHECK(short_type_name("character varying") == "varchar");
    CHECK(short_type_name("varchar") == "varchar");
    CHECK(short_type_name("bpchar") == "char");
    CHECK(short_type_name("timestamp with time zone") == "timestamptz");
    CHECK(short_type_name("timestamp without time zone") == "timestamp");
    CHECK(short_type_name("time") == "time");
    CHECK(short_type_name("bit varying") == "varbit");
    CHECK(short_type_name("int4") == "integer");
    CHECK(short_type_name("float8") == "double precision");
    CHECK(short_type_name("bool") == "boolean");
    CHECK(short_type_name("jsonb") == "jsonb");
}
