// SQLite's endpoint (endpoint.hpp): its URLs and its connection, for the runtime and
// the SQLite dialect (lib/dialect/sqlite_dialect.cpp) alike.
#include "db/endpoint.hpp"
#include "db/sqlite_connection.hpp"
#include "db/sqlite_url.hpp"

namespace autogen::db {

Endpoint sqlite_endpoint() {
    return {.name = "sqlite",
            .schemes = {"sqlite"},
            .url_forms = {"sqlite:///file.db", "sqlite://:memory:"},
            .parse_url = parse_sqlite_url,
            .connect = [](const DatabaseUrl& url, Access access, support::Diagnostics& diags) {
                return open_sqlite(url.target, diags, {.access = access});
            }};
}

}  // namespace autogen::db
