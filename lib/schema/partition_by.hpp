// A table's PARTITION BY (TableOptions::partition_by) as the models write it, normalised
// to the text pg_get_partkeydef reads back ("RANGE (created_at)"), so that the two compare.
#pragma once

#include <string>

namespace autogen::schema {

/// `text` ("range(created_at)", "LIST ( region )") as "RANGE (created_at)", "LIST
/// (region)": the strategy upper-cased, one space before the key list, single spaces
/// inside it, ", " between its items. "" and a message in `error` when `text` is not a
/// strategy (RANGE, LIST or HASH) followed by a parenthesised key list.
std::string normalised_partition_by(const std::string& text, std::string& error);

}  // namespace autogen::schema
