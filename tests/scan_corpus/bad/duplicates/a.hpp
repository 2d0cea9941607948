// Duplicate names: tables (across headers), columns, indexes, constraints, enums.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <string>

struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::string email;
    AUTOGEN_COLUMN(name = "email") std::string email2;  // expect-error: duplicate column 'email'
};

struct AUTOGEN_TABLE("orders")
       AUTOGEN_INDEX("ix_dup", "id")
       AUTOGEN_INDEX("ix_dup", "total")  // expect-error: ix_dup
       AUTOGEN_CHECK("ck_dup", "total > 0")
       AUTOGEN_CHECK("ck_dup", "total < 100")  // expect-error: ck_dup
       AUTOGEN_UNIQUE("uq_shared", "total")
       Order {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::int64_t total;
};

enum class AUTOGEN_ENUM("status") Status { a, b };
