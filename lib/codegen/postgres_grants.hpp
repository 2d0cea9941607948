// GRANT and REVOKE statements for the grants declared in SQL (schema/grants.hpp).
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// `GRANT p, q ON TABLE "t" TO "r"` for `privileges` of `grant` (one statement more for
/// those WITH GRANT OPTION); none for no privileges.
std::vector<std::string> grant_sql(const schema::SqlObject& grant,
                                   const std::vector<std::string>& privileges);
/// `REVOKE p, q ON TABLE "t" FROM "r"` (the grant option goes with its privilege); none
/// for no privileges.
std::vector<std::string> revoke_sql(const schema::SqlObject& grant,
                                    const std::vector<std::string>& privileges);
/// Every privilege of `grant` as GRANT statements joined by ";\n": its `sql`.
std::string grant_statement(const schema::SqlObject& grant);

}  // namespace autogen::codegen::postgres
