// The live database: opened from the URL in effect (read-only for a read-only
// command), and its schema read by its dialect's inspector.
#pragma once

#include <memory>
#include <optional>

#include "context.hpp"
#include "db/url.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// An open live database, when one is configured.
struct LiveDatabase {
    db::DatabaseUrl url;
    const dialect::Dialect* dialect = nullptr;
    std::unique_ptr<db::Connection> conn;
};

/// Opens the database at ctx.database_url, read-only when ctx.read_only (a missing
/// SQLite file is an error, never created). nullopt with no error when none is
/// configured (`required` false); an error when it cannot be opened or `required`
/// and none is.
std::optional<LiveDatabase> open_live(const Context& ctx, const support::Config& config,
                                      bool required);

/// How inspect_live may answer.
enum class LiveRead {
    Cached,  ///< from the live-schema cache while the catalogs are unchanged (live_cache.hpp)
    Fresh,   ///< the catalogs themselves, the cache untouched (`inspect db`: what it holds now)
};

/// Reads the live database's schema, or takes it from the live-schema cache while the
/// database's catalogs are as they were when it was stored (live_cache.hpp).
std::optional<schema::Schema> inspect_live(LiveDatabase& live, const support::Config& config,
                                           support::Diagnostics& diags,
                                           const support::ProgressCallback& progress = {},
                                           LiveRead how = LiveRead::Cached);

}  // namespace autogen::pipeline
