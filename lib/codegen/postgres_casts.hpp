// What a PostgreSQL column type change needs: a USING clause where no implicit or
// assignment cast exists (ALTER COLUMN ... TYPE uses an assignment cast by default),
// and whether the change can lose or refuse values (a narrowing change, reported as
// destructive). The table is in docs/dialects/postgresql.md "Generated SQL".
#pragma once

#include <string>

namespace autogen::codegen::postgres {

/// How a value of type `from` becomes one of type `to` in ALTER COLUMN ... TYPE:
/// "" when PostgreSQL's assignment cast does it (same family, numeric <-> numeric,
/// anything -> a string type, date <-> timestamp), else the USING expression for the
/// column `quoted_column` (`"c"::new_type`, `"c" <> 0` for integer -> boolean, ...).
std::string using_expression(const std::string& from, const std::string& to,
                             const std::string& quoted_column);

/// Why a change from `from` to `to` may lose or refuse values ("" when it cannot):
/// a shorter string, a smaller integer or float, a bounded numeric, a string or enum
/// converted to something else, a timestamp cut to a date ...
std::string narrowing_reason(const std::string& from, const std::string& to);

/// Which stored values a narrowing change from `from` to `to` touches, as a predicate
/// on `quoted_column` (a NOT NULL value): `refuses` when those values make ALTER ...
/// TYPE fail (a string longer than the new length, an integer or numeric out of range,
/// a string that is no number); otherwise the predicate is true for values the change
/// alters (precision, time of day) or, with no better test, for every value.
struct ValueCheck {
    std::string predicate;
    bool refuses = false;
};
ValueCheck value_check(const std::string& from, const std::string& to,
                       const std::string& quoted_column);

}  // namespace autogen::codegen::postgres
