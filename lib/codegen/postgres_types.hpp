// The DDL of composite types changed in place (docs/objects.md, "Composite and range
// types"): ALTER TYPE ... DROP ATTRIBUTE / ADD ATTRIBUTE.
#pragma once

#include <string>
#include <vector>

#include "schema/user_type.hpp"

namespace autogen::codegen::postgres {

/// One ALTER TYPE statement making `changes` to `type`; empty when there are none.
std::vector<std::string> alter_type_sql(const schema::SqlObject& type,
                                        const schema::AttributeChanges& changes);

}  // namespace autogen::codegen::postgres
