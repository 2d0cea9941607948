#pragma once

#include <string>

#include "base.hpp"

/// Two bases, in the order of the base list.
struct AUTOGEN_TABLE("posts") Post : Identified, Audited {
    std::string title;
};

/// A table struct used as a base gives its fields, not its table annotation.
struct AUTOGEN_TABLE("pinned_posts") PinnedPost : Post {
    std::int32_t rank;
};

// A private base works too; its fields are columns like any other.
struct AUTOGEN_TABLE("tags") Tag : private Identified {
    std::string label;
};
