#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <money.hpp>
#include <string>

#ifndef SHOP_CURRENCY
#error "SHOP_CURRENCY comes from the build (compile_commands.json)"
#endif

struct AUTOGEN_TABLE("products") Product {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::string title;
    AUTOGEN_COLUMN(type = "NUMERIC(12,2)") Money price;
};
