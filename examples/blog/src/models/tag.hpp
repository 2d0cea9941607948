#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <string>

struct AUTOGEN_TABLE("tags") Tag {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(unique, length = 64) std::string name;
};

/// Which tags a post carries: a composite primary key.
struct AUTOGEN_TABLE("post_tags") AUTOGEN_PRIMARY_KEY("post_id, tag_id") PostTag {
    AUTOGEN_COLUMN(references = "posts.id", on_delete = "cascade") std::int64_t post_id;
    AUTOGEN_COLUMN(references = "tags.id", on_delete = "cascade") std::int64_t tag_id;
};
