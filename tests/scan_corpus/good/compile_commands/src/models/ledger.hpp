#pragma once

#include <autogen/model.hpp>
#include <cstdint>

struct AUTOGEN_TABLE("ledger") LedgerEntry {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    AUTOGEN_COLUMN(references = "products.id") std::int64_t product_id;
    std::int32_t currency = SHOP_CURRENCY;
};
