// The declared objects (views ...) as a dialect stores them: created in a scratch database
// after the tables they read, read back by its inspector, so that the models' definition
// is compared in the form the live database's catalog gives (pg_get_viewdef on
// PostgreSQL), never as the .sql file happens to spell it.
#pragma once

#include <optional>
#include <vector>

#include "dialect/dialect.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// `objects` (the models', in dependency order) read back from a scratch database of
/// `dialect` holding the tables of `lowered` they name (without foreign keys: only the
/// columns matter to a view) and every enum type. Each keeps its model statement and
/// location. An object the database refuses (or whose query cannot run) is a Model error
/// at its location; nullopt then.
std::optional<std::vector<schema::SqlObject>> materialize_objects(
    const dialect::Dialect& dialect, const schema::Schema& lowered,
    const std::vector<schema::SqlObject>& objects, const support::Config& config,
    support::Diagnostics& diags, const support::ProgressCallback& progress = {});

/// Runs the CREATE EXTENSION statements among `objects` on `conn`, a new scratch database
/// (after a CREATE SCHEMA IF NOT EXISTS for a declared SCHEMA): every scratch database
/// the models are created in has them first, so that a column of an extension's type or
/// an index with its operator class can be created. An extension the server refuses (not
/// installed: a package to install) is a Model error at its statement; false then.
bool create_extensions(const dialect::Dialect& dialect, db::Connection& conn,
                       const std::vector<schema::SqlObject>& objects, support::Diagnostics& diags);

/// A model object's own facts (its statement as written and where) onto its read-back
/// (matched by kind and name; a dialect may read the default schema back unqualified).
void carry_object_facts(const std::vector<schema::SqlObject>& model,
                        std::vector<schema::SqlObject>& read_back);

}  // namespace autogen::pipeline
