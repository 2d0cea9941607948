// Printable views of a schema for `autogen inspect models|db`: a text listing for
// people and JSON (stable key order) for tools.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "schema/schema.hpp"
#include "support/json_writer.hpp"

namespace autogen::schema {

/// One block per table: columns with type and flags, keys, indexes, constraints;
/// `with_locations` appends "(file:line:col)" where the model declared an object.
std::string to_text(const Schema& schema, bool with_locations);

/// A table's options as SQL words: "STRICT, WITHOUT ROWID", "UNLOGGED, WITH (fillfactor =
/// 70)"; "" for a plain table.
std::string table_options_text(const TableOptions& options);

/// {"tables": [...], "enums": [...]} with every field, in declaration order, written
/// as it goes (large schemas: `inspect db --json` on thousands of tables).
void write_json(support::JsonWriter& w, const Schema& schema);

/// The same document as a DOM (read back from write_json's text, so the two cannot differ).
nlohmann::ordered_json to_json(const Schema& schema);

}  // namespace autogen::schema
