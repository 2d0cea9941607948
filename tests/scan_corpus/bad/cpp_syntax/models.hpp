// C++ errors in a model header: clang's own diagnostic, at clang's location.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>

struct AUTOGEN_TABLE("wallets") Wallet {  // expect-error: struct 'Wallet' does not compile
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    Money balance;  // expect-error: unknown type name 'Money' // expect-error: field 'balance' does not compile
    std::int64_t owner  // expect-error: expected ';' at end of declaration list
};
