// A plain base struct: its fields become columns of every table deriving from it.
#pragma once

#include <autogen/model.hpp>
#include <chrono>

struct Timestamps {
    AUTOGEN_COLUMN(server_default = "CURRENT_TIMESTAMP")
    std::chrono::system_clock::time_point created_at;
};
