// Malformed annotations: unknown kinds and keys, bad values, wrong places.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <string>

struct AUTOGEN_TABLE("t", colour = "red") T {  // expect-error: unknown key 'colour' in AUTOGEN_TABLE
    AUTOGEN_COLUMN(primary_key, colour = "red") std::int64_t id;  // expect-error: unknown key 'colour' in AUTOGEN_COLUMN
    AUTOGEN_COLUMN(uniqe) std::int64_t a;  // expect-error: unknown flag 'uniqe'
    AUTOGEN_COLUMN(length = -1) std::string b;  // expect-error: length
    AUTOGEN_COLUMN(length = "long") std::string c;  // expect-error: length
    AUTOGEN_COLUMN(references = "t.id", on_delete = explode) std::int64_t d;  // expect-error: bad value 'explode' for on_delete
    AUTOGEN_COLUMN(unique = yes) std::int64_t e;  // expect-error: unique
    AUTOGEN_COLUMN(length = 10, length = 20) std::string f;  // expect-error: length
    AUTOGEN_COLUMN(length = ) std::string g;  // expect-error: expected a value after 'length ='
    AUTOGEN_COLUMN(nullable, not_null) std::int64_t i;  // expect-error: nullable
    AUTOGEN_COLUMN(on_delete = cascade) std::int64_t j;  // expect-error: on_delete
    AUTOGEN_COLUMN(length = 5) std::int64_t k;  // expect-error: length
};

struct AUTOGEN_INDEX("ix_x", "a") NotATable {  // expect-error: AUTOGEN_INDEX
    int a;
};

struct AUTOGEN_TABLE("u") AUTOGEN_INDEX() U {  // expect-error: AUTOGEN_INDEX
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

struct AUTOGEN_COLUMN(unique) AUTOGEN_TABLE("v") V {  // expect-error: AUTOGEN_COLUMN
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

enum class AUTOGEN_ENUM("labels") Labels {
    a AUTOGEN_LABEL("same"),
    b AUTOGEN_LABEL("same")  // expect-error: same
};
