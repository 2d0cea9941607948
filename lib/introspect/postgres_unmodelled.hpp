// The PostgreSQL objects the schema model cannot hold (Inspector::unmodelled_objects):
// the rows of postgres::kUnmodelledQuery turned into objects with what to do instead.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "introspect/inspector.hpp"

namespace autogen::introspect::postgres {

/// `rows` (kind, schema, name, table) -> objects, "public" reported as "", sorted by
/// schema, table, kind, name; objects on a table `excluded(schema, table)` says is left
/// out are dropped (the version table, [models] exclude_tables).
std::vector<UnmodelledObject> unmodelled_from_rows(
    const db::QueryResult& rows,
    const std::function<bool(const std::string& schema, const std::string& table)>& excluded);

}  // namespace autogen::introspect::postgres
