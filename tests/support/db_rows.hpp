// Small helpers the database tests of every dialect share: query results as text lines,
// and all diagnostics as one message for a failing CHECK.
#pragma once

#include <string>
#include <vector>

#include "db/connection.hpp"
#include "support/diagnostics.hpp"

namespace autogen::test {

/// The rows of `sql`, each as "a|b|NULL"; one "<query failed: ...>" line when it fails.
std::vector<std::string> query_rows(db::Connection& conn, const std::string& sql,
                                    support::Diagnostics& diags);

/// Every diagnostic, formatted, one per line.
std::string format_all(const support::Diagnostics& diags);

}  // namespace autogen::test
