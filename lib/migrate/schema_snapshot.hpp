// The model-schema snapshot that migrations/autogen.sum carries: the scanned models as
// written (logical types, not lowered to any dialect), one line per object so that a
// change reads as a one-line diff in review. Source locations and rename declarations
// are left out: moving a struct within its header, or removing a `renamed_from` after
// its revision, changes no schema and must not change the snapshot.
//
//   table {"name":"users","comment":"People who can sign in."}
//     column {"name":"id","type":"BigInt","identity":true}
//     column {"name":"email","type":"Text","length":255}
//     primary_key {"columns":["id"]}
//     unique {"name":"uq_users_email","columns":["email"]}
//
// Tables and enums are sorted by (schema, name); the objects of a table keep the order
// the models declare them in. Keys absent from a line take their defaults.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// The snapshot lines of `schema`, each ending in '\n'. Deterministic: equal schemas
/// (ignoring locations and renamed_from) give equal text.
std::string snapshot_text(const schema::Schema& schema);

/// Parses snapshot lines back into a schema. `where` names the file and `first_line`
/// the line number of the first snapshot line, for messages. nullopt after reporting
/// a MigrationFile error naming the line.
std::optional<schema::Schema> parse_snapshot(std::string_view text, const std::string& where,
                                             unsigned first_line, support::Diagnostics& diags);

}  // namespace autogen::migrate
