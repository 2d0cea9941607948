#pragma once

#include <autogen/model.hpp>
#include <cstdint>

#include "models/timestamps.hpp"

/// New in step 2: posts a user saved for later.
struct AUTOGEN_TABLE("bookmarks") AUTOGEN_PRIMARY_KEY("user_id, post_id") Bookmark : Timestamps {
    AUTOGEN_COLUMN(references = "users.id", on_delete = "cascade") std::int64_t user_id;
    AUTOGEN_COLUMN(references = "posts.id", on_delete = "cascade") std::int64_t post_id;
};
