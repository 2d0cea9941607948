// `autogen pull` without its I/O: the live schema narrowed to the tables asked for, and
// the model headers describing it (codegen/model_headers.hpp), with the dialect's
// answers to "which C++ type lowers to this SQL type" and "what does the database call
// an unnamed primary key".
#pragma once

#include <string>
#include <vector>

#include "codegen/model_headers.hpp"
#include "codegen/naming_detection.hpp"
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

/// What to do when the database's naming convention is not the project's
/// (`--write-naming`, `--keep-naming`, neither).
enum class NamingChoice { Default, Write, Keep };

/// What happens to autogen.toml's [models] naming.
enum class NamingToml {
    Unchanged,  ///< the database follows the project's convention (or --keep-naming)
    Write,      ///< the detected convention goes into autogen.toml
    Kept,       ///< it differs from a [models] naming the project sets: kept (no --write-naming)
};

/// The convention pull's headers follow, and whether autogen.toml takes it.
struct PullNaming {
    codegen::NamingDetection detection;
    support::NamingConvention convention;
    NamingToml toml = NamingToml::Unchanged;
};

/// Detects `live`'s naming convention (codegen/naming_detection.hpp) and decides, by
/// `choice`: a project without [models] naming takes the detected convention; one whose
/// [models] naming differs keeps it unless `choice` is Write; Keep always keeps it.
/// Nothing changes when the detected convention gives the same names as the project's.
PullNaming choose_naming(const dialect::Dialect& dialect, const schema::Schema& live,
                         const support::Config& config, NamingChoice choice);

/// The model headers of `live` on `dialect`, leaving out the names `naming` gives, one
/// per table or per schema (`split`). Foreign keys to tables that were not pulled are
/// listed in `left_out` (the scan will refuse them), and so are the declared objects
/// unless `objects_in_sql` (pull writes them into a .sql file).
codegen::ModelHeaders pull_models(const dialect::Dialect& dialect, const schema::Schema& live,
                                  const support::NamingConvention& naming,
                                  codegen::HeaderSplit split = codegen::HeaderSplit::PerTable,
                                  bool objects_in_sql = false);

/// Appends to `out.left_out` the objects the models cannot hold (the inspector's
/// unmodelled_objects), each with where it is; those on a table `pulled` does not hold
/// (--tables, --exclude) are not listed.
void list_unmodelled(const std::vector<introspect::UnmodelledObject>& objects,
                     const schema::Schema& pulled, codegen::ModelHeaders& out);

}  // namespace autogen::pipeline
