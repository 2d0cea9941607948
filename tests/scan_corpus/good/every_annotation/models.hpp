// Every annotation macro and every key of SPEC §1, each at least once, in every
// position the macros may take. Compiles warning-free in C++17 and C++20 with g++ and
// clang++ (model_header_warnings.sh).
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shop {

// AUTOGEN_ENUM with a name and a schema; AUTOGEN_LABEL on an enumerator.
enum class AUTOGEN_ENUM("order_status", schema = "sales") OrderStatus {
    pending,
    paid AUTOGEN_LABEL("PAID"),
    shipped
};

// AUTOGEN_ENUM without a name: snake_case of the enum's name.
enum class AUTOGEN_ENUM() PaymentKind { card, cash };

// AUTOGEN_TABLE: name, schema, comment, renamed_from.
struct AUTOGEN_TABLE("customers", schema = "sales", comment = "People who buy", renamed_from = "clients") Customer {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(unique, length = 255, collate = "NOCASE") std::string email;
    AUTOGEN_COLUMN(name = "display_name", renamed_from = "nickname", comment = "Shown in the shop") std::string name;
    AUTOGEN_COLUMN(index) std::int32_t region;
    AUTOGEN_COLUMN(nullable) std::string notes;
    AUTOGEN_COLUMN(not_null, server_default = 0) std::optional<std::int32_t> credit;
    AUTOGEN_COLUMN(server_default = "'new'", check = "status_text <> ''") std::string status_text;
    AUTOGEN_COLUMN(type = "NUMERIC(12,2)") double balance;
    AUTOGEN_TRANSIENT int cached_rank;
};

// AUTOGEN_TABLE with no arguments: the name is the struct's in snake_case.
// Struct-level AUTOGEN_INDEX (unique, partial, expression), AUTOGEN_UNIQUE,
// AUTOGEN_CHECK, AUTOGEN_PRIMARY_KEY and a composite AUTOGEN_FOREIGN_KEY with actions.
struct AUTOGEN_TABLE()
       AUTOGEN_PRIMARY_KEY("order_id, line_no")
       AUTOGEN_INDEX("ix_order_line_sku_ci", "(lower(sku)), line_no", unique, where = "quantity > 0")
       AUTOGEN_INDEX("ix_order_line_sku", "sku")
       AUTOGEN_UNIQUE("uq_order_line_sku_per_order", "order_id, sku")
       AUTOGEN_CHECK("ck_order_line_quantity", "quantity >= 0")
       AUTOGEN_FOREIGN_KEY("fk_order_line_order", "order_id, customer_id", "sales.orders(id, customer_id)",
                           on_delete = cascade, on_update = "no action")
       OrderLine {
    std::int64_t order_id;
    std::int64_t customer_id;
    std::int16_t line_no;
    std::string sku;
    std::int32_t quantity;
};

struct AUTOGEN_TABLE("orders", schema = "sales") AUTOGEN_UNIQUE("uq_orders_id_customer", "id, customer_id") Order {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(references = "sales.customers.id", on_delete = restrict, on_update = cascade) std::int64_t customer_id;
    AUTOGEN_COLUMN(references = "sales.customers.id", on_delete = set_null) std::optional<std::int64_t> referrer_id;
    OrderStatus status;
    std::optional<PaymentKind> paid_with;
    AUTOGEN_COLUMN(server_default = "CURRENT_TIMESTAMP", type = "TIMESTAMP") std::string placed_at;
    std::vector<std::uint8_t> receipt_pdf;
    bool gift;
    float weight_kg;
};

}  // namespace shop
