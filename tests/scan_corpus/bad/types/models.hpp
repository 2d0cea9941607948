// Field types without a default mapping and without type = "...".
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

struct Address {
    std::string street;
};

enum class Plain { a, b };  // not an AUTOGEN_ENUM

using Big = std::uint64_t;

struct AUTOGEN_TABLE("t") T {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    std::uint64_t counter;  // expect-error: has type 'std::uint64_t', which has no default column type
    long plain_long;  // expect-error: has type 'long'
    unsigned int u;  // expect-error: has type 'unsigned int'
    char letter;  // expect-error: has type 'char'
    Address home;  // expect-error: has type 'Address'
    std::map<std::string, int> attributes;  // expect-error: has type 'std::map<std::string, int>'
    Plain plain_enum;  // expect-error: has type 'Plain'
    std::optional<Big> maybe_big;  // expect-error: has type 'std::optional<Big>'
};
