// `autogen pull` without its I/O: the live schema narrowed to the tables asked for, and
// the model headers describing it (codegen/model_headers.hpp), with the dialect's
// answers to "which C++ type lowers to this SQL type" and "what does the database call
// an unnamed primary key".
#pragma once

#include <string>
#include <vector>

#include "codegen/model_headers.hpp"
#include "dialect/dialect.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// Which tables to pull: glob patterns ('*', '?') on the table name (or
/// "schema.table"); empty `tables` = all.
struct PullFilter {
    std::vector<std::string> tables;
    std::vector<std::string> exclude;
};

/// `live` without the tables `filter` leaves out (enums stay: a table kept may use them).
schema::Schema filter_tables(schema::Schema live, const PullFilter& filter);

/// The model headers of `live` for a project with `config` on `dialect`. Foreign keys
/// to tables that were not pulled are listed in `left_out` (the scan will refuse them).
codegen::ModelHeaders pull_models(const dialect::Dialect& dialect, const schema::Schema& live,
                                  const support::Config& config);

/// Appends to `out.left_out` the objects the models cannot hold (the inspector's
/// unmodelled_objects), each with where it is; those on a table `pulled` does not hold
/// (--tables, --exclude) are not listed.
void list_unmodelled(const std::vector<introspect::UnmodelledObject>& objects,
                     const schema::Schema& pulled, codegen::ModelHeaders& out);

}  // namespace autogen::pipeline
