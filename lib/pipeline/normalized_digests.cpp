// remembered_digests() (normalized_digests.hpp).
#include "normalized_digests.hpp"

#include "compared_tables.hpp"
#include "table_memo.hpp"

namespace autogen::pipeline {

std::optional<migrate::NormalizedTables> remembered_digests(const dialect::Dialect& dialect,
                                                            const schema::Schema& snapshot,
                                                            const support::Config& config) {
    const std::string server = dialect.server_identity ? dialect.server_identity(config) : "";
    if (server.empty()) return std::nullopt;
    support::Diagnostics quiet;  // a sum without the section is still a valid sum
    schema::Schema lowered = dialect.planner->lower(snapshot, quiet);
    if (quiet.has_errors()) return std::nullopt;
    const TableMemo memo = TableMemo::load(config, dialect.name, server);
    migrate::NormalizedTables out;
    out.server = server;
    for (const auto& t : lowered.tables) {
        if (excluded_table(config, t)) continue;
        const std::string key = table_key(dialect, server, lowered, t, quiet);
        const schema::Table* read = key.empty() ? nullptr : memo.find_table(key);
        if (!read) return std::nullopt;
        out.digests[key] = table_digest(*read);
    }
    const std::string set_key = enums_key(dialect.name, server, lowered.enums);
    const auto* enums = memo.find_enums(set_key);
    if (!enums) return std::nullopt;
    out.digests[set_key] = enums_digest(*enums);
    return out;
}

}  // namespace autogen::pipeline
