// excluded_table() and inspect_options() (compared_tables.hpp).
#include "compared_tables.hpp"

#include <algorithm>

namespace autogen::pipeline {

bool excluded_table(const support::Config& config, const schema::Table& table) {
    return std::any_of(config.models.exclude_tables.begin(), config.models.exclude_tables.end(),
                       [&](const std::string& p) {
                           return introspect::glob_match(p, table.name) ||
                                  (!table.schema.empty() &&
                                   introspect::glob_match(p, table.schema + "." + table.name));
                       });
}

introspect::InspectOptions inspect_options(const support::Config& config) {
    introspect::InspectOptions o;
    o.version_table = config.migrations.version_table;
    o.exclude_tables = config.models.exclude_tables;
    return o;
}

}  // namespace autogen::pipeline
