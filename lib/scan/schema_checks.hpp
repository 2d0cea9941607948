// Whole-schema checks that need every model read first: duplicate table, enum,
// index and constraint names, and foreign keys to unknown tables or columns.
#pragma once

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::scan {

/// Reports every cross-model problem of `s` into `diags` (Category::Model).
void check_schema(const schema::Schema& s, support::Diagnostics& diags);

}  // namespace autogen::scan
