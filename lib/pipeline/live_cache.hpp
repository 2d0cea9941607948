// The live schema kept between runs. Reading a large PostgreSQL database's catalogs
// takes seconds (2.4 s at 10,000 tables); asking whether anything they hold changed
// since a read takes one scan of each (Inspector::catalog_fingerprint, ~150 ms there).
// So the schema a read found is stored with the fingerprint the database had, and a
// later read of the same database under the same options answers from it while the
// fingerprint is the same. Keyed by content, never by time: this build, the dialect,
// the database URL, the inspect options and the fingerprint. One entry per database
// and options (<cache>/live-<slot>.bin), replaced when the fingerprint moves.
// AUTOGEN_NO_CACHE / AUTOGEN_CACHE_DIR apply as to every cache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "introspect/inspector.hpp"
#include "live_database.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// Where `live`'s schema, read under `options`, is kept, and under which key.
class LiveCacheEntry {
  public:
    /// Asks `live` for its fingerprint (one query); an entry that is never used when the
    /// cache is off or the dialect cannot tell.
    LiveCacheEntry(const support::Config& config, LiveDatabase& live,
                   const introspect::InspectOptions& options);

    /// The schema stored while the database had the same fingerprint, else nullopt.
    std::optional<schema::Schema> lookup() const;
    /// Stores `schema`, read just now (failures are silent: a cache). Only a read that
    /// said nothing may be stored: a warning is to be said on every read.
    void store(const schema::Schema& schema) const;

  private:
    std::filesystem::path path_;
    std::string key_;
};

}  // namespace autogen::pipeline
