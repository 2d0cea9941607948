// Test helper: compares two schemas on what a database stores, and says how they
// differ, one human line per difference (so a failing CHECK prints the reason).
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::testing {

struct CompareOptions {
    bool comments = false;          ///< compare table and column comments
    bool enums = false;             ///< compare Schema::enums
    bool primary_key_name = false;  ///< compare PrimaryKey::name
    /// compare columns position by position; when false, by name (a column that a
    /// downgrade adds back comes back last)
    bool column_order = true;
};

/// Differences between `expected` and `actual`: tables by name; columns in order (name,
/// ColumnType::sql, nullability, default, identity, collation); primary-key columns;
/// foreign keys, uniques, indexes and checks as sets ordered by name. Locations,
/// `renamed_from` and ColumnType::logical are never compared. Empty when equal.
std::vector<std::string> schema_differences(const schema::Schema& expected,
                                            const schema::Schema& actual,
                                            const CompareOptions& options = {});

/// The differences joined by newlines, for doctest messages.
std::string describe_differences(const std::vector<std::string>& differences);

}  // namespace autogen::testing
