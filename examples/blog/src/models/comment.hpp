#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "models/timestamps.hpp"

/// Replies under a post. A comment outlives its author (author_id becomes NULL).
struct AUTOGEN_TABLE("comments") Comment : Timestamps {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(references = "posts.id", on_delete = "cascade", index) std::int64_t post_id;
    AUTOGEN_COLUMN(references = "users.id", on_delete = "set_null") std::optional<std::int64_t> author_id;
    std::string body;
};
