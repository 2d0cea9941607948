// Which tables a C++ file declares, read from its text without libclang: the blind-spot
// guard needs the tables of files the scan did not read (they may not even compile on
// their own), so that no command proposes dropping them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace autogen::scan {

/// One `AUTOGEN_TABLE(...)` use found in a file's text.
struct TableUse {
    std::size_t offset = 0;  ///< byte offset of the "AUTOGEN_TABLE" token
    unsigned line = 0;       ///< 1-based
    unsigned column = 0;     ///< 1-based, in bytes
    std::string schema;      ///< `schema = "..."`, or empty
    /// The table name the scanner would give it: the first argument, else the struct's
    /// name in snake_case; empty when neither can be read from the text.
    std::string name;
};

/// Every `AUTOGEN_TABLE(` use in `file_text`, in order. A use on a #define/#undef line
/// is the macro's own definition, one in a comment is commented out, and AUTOGEN_TABLE
/// not followed by '(' is a mention: none counts. Arguments may span lines; string
/// literals may hold parentheses.
std::vector<TableUse> table_uses(const std::string& file_text);

}  // namespace autogen::scan
