// Two primary keys on one table.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>

struct AUTOGEN_TABLE("a") AUTOGEN_PRIMARY_KEY("x, y") A {  // expect-error: primary key
    AUTOGEN_COLUMN(primary_key) std::int64_t x;
    std::int64_t y;
};

struct AUTOGEN_TABLE("b") AUTOGEN_PRIMARY_KEY("x") AUTOGEN_PRIMARY_KEY("y") B {  // expect-error: primary key
    std::int64_t x;
    std::int64_t y;
};

struct AUTOGEN_TABLE("c") AUTOGEN_PRIMARY_KEY("x, nope") C {  // expect-error: nope
    std::int64_t x;
};
