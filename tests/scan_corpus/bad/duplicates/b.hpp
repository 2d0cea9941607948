#pragma once

#include <autogen/model.hpp>
#include <cstdint>

namespace other {

struct AUTOGEN_TABLE("users") User {  // expect-error: duplicate table name 'users'
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

struct AUTOGEN_TABLE("carts") AUTOGEN_UNIQUE("uq_shared", "id") Cart {  // expect-error: uq_shared
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

enum class AUTOGEN_ENUM("status") Status { x };  // expect-error: duplicate enum name 'status'

}  // namespace other
