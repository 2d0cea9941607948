// One finding of `check` (docs/check.md) as the library draws it: data only. The CLI
// prints its message, or renders it into the --json document with the operation it is
// about when it has one (tools/autogen/json_output.hpp).
#pragma once

#include <string>

namespace autogen::pipeline {

/// Its kind (the JSON "kind"), what it is about (a file relative to the project,
/// "database", "models"), and the line printed.
struct Finding {
    std::string kind;
    std::string where;
    std::string message;
    bool destructive =
        false;  ///< fixing it takes an operation that loses data (a drop, a narrowing)
};

}  // namespace autogen::pipeline
