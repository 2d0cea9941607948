// check_reserved_names() (reserved_names.hpp).
#include "reserved_names.hpp"

#include "migrate/version_table.hpp"

namespace autogen::pipeline {

bool check_reserved_names(support::Diagnostics& diags, const support::Config& config,
                          const schema::Schema& models) {
    const migrate::VersionTable version(config.migrations.version_table);
    bool clean = true;
    for (const auto& table : models.tables) {
        const bool is_log = table.name == version.log_name();
        if (table.name != version.name() && !is_log) continue;
        clean = false;
        diags.error(
            support::Category::Model,
            "table name \"" + table.name + "\" is reserved: it is autogen's " +
                (is_log ? "version log table" : "version table") +
                " ([migrations] version_table = \"" + version.name() + "\" in " +
                config.file.filename().string() + ")",
            table.location,
            "rename the table (AUTOGEN_TABLE(\"...\")), or set [migrations] version_table to "
            "another "
            "name (an existing database keeps its version rows in the old table: move them first)");
    }
    return clean;
}

}  // namespace autogen::pipeline
