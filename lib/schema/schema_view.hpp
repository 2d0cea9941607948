// Printable views of a schema for `autogen inspect models|db`: a text listing for
// people and JSON (stable key order) for tools.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "schema/schema.hpp"

namespace autogen::schema {

/// One block per table: columns with type and flags, keys, indexes, constraints;
/// `with_locations` appends "(file:line:col)" where the model declared an object.
std::string to_text(const Schema& schema, bool with_locations);

/// {"tables": [...], "enums": [...]} with every field, in declaration order.
nlohmann::ordered_json to_json(const Schema& schema);

}  // namespace autogen::schema
