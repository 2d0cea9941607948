// Which tables a comparison sees: [models] exclude_tables, on the models' side and in
// what the inspectors read back (with the version table, which they always skip).
#pragma once

#include "introspect/inspector.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// True if [models] exclude_tables matches the table's name (or schema.name).
bool excluded_table(const support::Config& config, const schema::Table& table);

/// The inspector options of `config`: its version table and exclude_tables.
introspect::InspectOptions inspect_options(const support::Config& config);

}  // namespace autogen::pipeline
