// Mixins: plain base structs whose fields become columns of each table deriving
// from them, base fields first, recursively (a base's own bases before it).
#pragma once

#include <autogen/model.hpp>
#include <chrono>
#include <cstdint>
#include <optional>

struct Identified {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
};

struct Timestamps {
    AUTOGEN_COLUMN(server_default = "CURRENT_TIMESTAMP") std::chrono::system_clock::time_point created_at;
    std::optional<std::chrono::system_clock::time_point> updated_at;
};

/// A base that has a base of its own.
struct Audited : Timestamps {
    std::optional<std::int64_t> changed_by;
    AUTOGEN_TRANSIENT bool dirty;
};
