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

/// Runs each of `objects`' statements on `conn` (a scratch database), in order, and reads
/// each view once (SQLite checks a view's query only then). The first the database
/// refuses is a Model error at its location with the database's words: false.
bool create_objects(const dialect::Dialect& dialect, db::Connection& conn,
                    const std::vector<schema::SqlObject>& objects, support::Diagnostics& diags);

/// A model object's own facts (its statement as written and where) onto its read-back
/// (matched by kind and name; a dialect may read the default schema back unqualified).
void carry_object_facts(const std::vector<schema::SqlObject>& model,
                        std::vector<schema::SqlObject>& read_back);

}  // namespace autogen::pipeline
