// The default type mapping (docs/models.md), through aliases: fixed-width integer
// typedefs with and without std::, project aliases, std::optional of aliases, an alias
// of std::optional, byte vectors, both time_point spellings, C++20's year_month_day.
#pragma once

#include <autogen/model.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdint.h>
#include <string>
#include <vector>

using UserId = std::int64_t;                     // an alias of a fixed-width typedef
using MaybeUserId = std::optional<UserId>;       // an alias of an optional: nullable
typedef std::vector<std::uint8_t> Bytes;         // a typedef of the byte vector
using Clock = std::chrono::system_clock;
using Instant = Clock::time_point;
using Name = std::string;

enum class AUTOGEN_ENUM("mood") Mood { calm, busy };
using MoodAlias = Mood;

struct AUTOGEN_TABLE("every_type") EveryType {
    AUTOGEN_COLUMN(primary_key) UserId id;
    bool flag;
    std::int16_t small_std;
    int16_t small_c;
    std::int32_t integer_std;
    int32_t integer_c;
    int integer_plain;
    std::int64_t big_std;
    int64_t big_c;
    float real;
    double dbl;
    std::string text;
    AUTOGEN_COLUMN(length = 40) Name varchar_alias;
    std::vector<std::uint8_t> blob_u8;
    std::vector<std::byte> blob_byte;
    std::vector<unsigned char> blob_uchar;
    Bytes blob_alias;
    std::chrono::system_clock::time_point at;
    std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds> at_ms;
    Instant at_alias;
    std::chrono::year_month_day day;
    Mood mood;
    MoodAlias mood_alias;
    const std::int32_t constant;
    std::optional<UserId> maybe_id;
    MaybeUserId maybe_alias;
    std::optional<Name> maybe_name;
    std::optional<Bytes> maybe_bytes;
    std::optional<Instant> maybe_at;
    std::optional<MoodAlias> maybe_mood;
    AUTOGEN_COLUMN(type = "JSONB") std::vector<std::string> tags;
    AUTOGEN_COLUMN(type = "INTEGER") std::uint64_t unsigned_with_type;
};
