#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "models/timestamps.hpp"

/// People who write posts and comments.
struct AUTOGEN_TABLE("users") User : Timestamps {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(unique, length = 255) std::string email;
    std::optional<std::string> display_name;  // optional => NULL allowed
    AUTOGEN_COLUMN(server_default = "TRUE") bool active;
};
