// A cache of the model schema as a dialect's database reads it back ("materialised"):
// creating 1,000 tables in a PostgreSQL scratch database takes seconds, reading the
// answer back from the cache milliseconds. Keyed by content, never by time: the exact
// statements that create the models, the dialect, where its scratch database lives
// (dev_url, else url), the inspect options, and this build of autogen. A changed model
// changes the statements, so it misses; nothing is ever trusted across builds.
// Beside it, the schema the migration chain replays to, keyed the same way by the
// checksums of the revision files it applies: the read-only commands, which create no
// scratch database on the live server (SPEC §3), answer from both when they can.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "migrate/revision_graph.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// The cache key of materialising `statements` for dialect `dialect` on `server`
/// (Dialect::server_identity) under `config`; `extra`: anything else the answer depends
/// on (the enum types' key, table_memo.hpp).
std::string materialized_key(const std::string& dialect, const std::string& server,
                             const std::vector<codegen::Statement>& statements,
                             const support::Config& config, const std::string& extra = {});

/// The cache key of materialising the model schema `model` itself (not yet lowered) for
/// `dialect` on `server` under `config`: what the planner would lower it to is a
/// function of the model and this build, so an unchanged model is answered without
/// lowering and planning it again. Source locations and rename declarations are part
/// of it (stricter than needed: a moved struct misses, then hits materialized_key).
std::string model_key(const std::string& dialect, const std::string& server,
                      const schema::Schema& model, const support::Config& config);

/// The cache key of the schema `graph` replays to at `heads` (empty = base) for
/// `dialect` on `server` under `config`: every applied revision's id and file checksum.
std::string chain_key(const std::string& dialect, const std::string& server,
                      const migrate::RevisionGraph& graph, std::vector<std::string> heads,
                      const support::Config& config);

/// The stored schema for `key` (a materialized_key or a chain_key), or nullopt (no entry, a corrupt
/// one, or the cache is off: AUTOGEN_NO_CACHE / AUTOGEN_CACHE_DIR as for the scan cache).
std::optional<schema::Schema> lookup_materialized(const support::Config& config,
                                                  const std::string& key);

/// Stores `schema` (as the inspector read it) under `key`; failures are silent (a cache).
void store_materialized(const support::Config& config, const std::string& key,
                        const schema::Schema& schema);

/// The materialized_key a model_key was last answered with (a small entry beside it,
/// so the schema is stored once), or nullopt.
std::optional<std::string> lookup_model_alias(const support::Config& config,
                                              const std::string& model_key);

/// Records that `model_key` is answered by the entry of `key`; failures are silent.
void store_model_alias(const support::Config& config, const std::string& model_key,
                       const std::string& key);

}  // namespace autogen::pipeline
