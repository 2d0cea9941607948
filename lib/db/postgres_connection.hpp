// PostgreSQL implementation of db::Connection (libpq), and scratch databases on a
// PostgreSQL server for replaying the migration chain and materialising models.
#pragma once

#include <memory>
#include <string>

#include "db/connection.hpp"
#include "db/url.hpp"

namespace autogen::db {

/// Connects to `url` (postgresql:// or postgres://, anything libpq accepts; the
/// password may also come from PGPASSWORD or ~/.pgpass). Server notices ("already
/// exists, skipping") are dropped. Errors name the URL redacted, never a password.
/// ReadOnly sets default_transaction_read_only for the session, so a read-only command
/// cannot write even by mistake.
std::unique_ptr<Connection> open_postgres(const DatabaseUrl& url, Diagnostics& diags,
                                          Access access = Access::ReadWrite);

/// Creates a fresh, empty database on the server of `server` (named
/// autogen_scratch_<pid>_<random>, from template0, so nothing of template1 leaks in)
/// and connects to it. The returned connection drops that database (WITH (FORCE))
/// when destroyed. The user of `server` needs CREATEDB.
std::unique_ptr<Connection> open_postgres_scratch(const DatabaseUrl& server, Diagnostics& diags);

/// Another session on the scratch database of `scratch` (a connection
/// open_postgres_scratch returned), with the same session settings, to run statements
/// beside it. It never drops the database, and must be closed before `scratch` (whose
/// DROP ... WITH (FORCE) would end it). nullptr with a Database error when connecting
/// fails, an Internal one when `scratch` is not a scratch database's first connection.
std::unique_ptr<Connection> open_postgres_scratch_peer(const Connection& scratch,
                                                       Diagnostics& diags);

/// The 64-bit key Connection::lock_migrations(key) passes to pg_advisory_lock:
/// FNV-1a (64 bit) of "autogen:" followed by `key`, as a signed bigint. Documented in
/// docs/dialects/postgresql.md so that other tools can take the same lock.
long long migration_lock_key(std::string_view key);

}  // namespace autogen::db
