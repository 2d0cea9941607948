#pragma once

#include <autogen/model.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "models/timestamps.hpp"

/// Articles; deleting a user deletes their posts.
struct AUTOGEN_TABLE("posts")
       AUTOGEN_INDEX("ix_posts_author_created", "author_id, created_at")
       AUTOGEN_INDEX("ix_posts_published_at", "published_at")  // new in step 2
       Post : Timestamps {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(references = "users.id", on_delete = "cascade") std::int64_t author_id;
    AUTOGEN_COLUMN(length = 200) std::string title;
    std::string body;
    std::optional<std::chrono::system_clock::time_point> published_at;
    AUTOGEN_TRANSIENT int cached_rank;  // not a column
};
