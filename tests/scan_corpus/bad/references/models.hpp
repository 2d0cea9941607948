// References to tables and columns that no model declares.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>

struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

struct AUTOGEN_TABLE("orders")
       AUTOGEN_FOREIGN_KEY("fk_orders_shop", "shop_id", "shops(id)")  // expect-error: unknown table 'shops'
       AUTOGEN_FOREIGN_KEY("fk_orders_user2", "user_id", "users(uid)")  // expect-error: unknown column 'uid'
       AUTOGEN_FOREIGN_KEY("fk_orders_pair", "user_id, shop_id", "users(id)")  // expect-error: has 2 columns but references 1
       AUTOGEN_INDEX("ix_orders_missing", "missing_column")  // expect-error: missing_column
       AUTOGEN_UNIQUE("uq_orders_missing", "user_id, nope")  // expect-error: nope
       Order {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    AUTOGEN_COLUMN(references = "customers.id") std::int64_t customer_id;  // expect-error: unknown table 'customers'
    AUTOGEN_COLUMN(references = "users.email") std::int64_t user_id;  // expect-error: unknown column 'email'
    AUTOGEN_COLUMN(references = "users") std::int64_t shop_id;  // expect-error: bad reference 'users'
};
