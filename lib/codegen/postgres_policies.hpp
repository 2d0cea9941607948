// ALTER POLICY for a policy that keeps its command and PERMISSIVE / RESTRICTIVE
// (schema/policy.hpp); a policy that changes those is dropped and created again.
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// `ALTER POLICY "p" ON "s"."t" [TO roles] [USING (...)] [WITH CHECK (...)]` with the
/// clauses whose facts differ from `from` to `to`; nothing when none does. Only for a
/// pair schema::alters_policy_in_place accepts (no clause appears or goes).
std::vector<std::string> alter_policy_sql(const schema::SqlObject& from,
                                          const schema::SqlObject& to);

}  // namespace autogen::codegen::postgres
