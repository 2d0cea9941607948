// PostgreSQL's endpoint (endpoint.hpp): its URLs and its connection (libpq), for the
// runtime and the PostgreSQL dialect (lib/dialect/postgres_dialect.cpp) alike.
#include "db/endpoint.hpp"
#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"

namespace autogen::db {

Endpoint postgres_endpoint() {
    return {
        .name = "postgresql",
        .schemes = {"postgresql", "postgres"},
        .url_forms = {"postgresql://user@host/db"},
        .parse_url = [](const std::string& url, const std::filesystem::path&,
                        support::Diagnostics& diags) { return parse_postgres_url(url, diags); },
        .connect = [](const DatabaseUrl& url, Access access,
                      support::Diagnostics& diags) { return open_postgres(url, diags, access); }};
}

}  // namespace autogen::db
