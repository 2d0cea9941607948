// Opening a database from its URL with no more than the client libraries: the list of
// the databases this build can connect to, each with its URL parser and its connection.
// The migration runtime (autogen::migrate, lib/runtime) opens databases through it: the
// dialect registry (lib/dialect) would bring the inspectors, diff rules and planners.
// Each dialect takes its own endpoint's parts, so a database is described once.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/url.hpp"
#include "support/diagnostics.hpp"

namespace autogen::db {

/// One database the runtime can open.
struct Endpoint {
    std::string name;                    ///< the dialect name its revision sections use
    std::vector<std::string> schemes;    ///< the URL schemes (before "://") it reads
    std::vector<std::string> url_forms;  ///< for "supports ..." hints
    /// Parses a URL of one of `schemes`; relative paths resolve against `base_dir`.
    std::function<std::optional<DatabaseUrl>(const std::string&, const std::filesystem::path&,
                                             support::Diagnostics&)>
        parse_url;
    std::function<std::unique_ptr<Connection>(const DatabaseUrl&, Access, support::Diagnostics&)>
        connect;
};

/// Every endpoint of this build, in the dialect registry's order.
const std::vector<Endpoint>& endpoints();

/// Each database's own endpoint (db/<dialect>_endpoint.cpp); its dialect
/// (lib/dialect) takes name, schemes, URL forms, parser and connection from it.
Endpoint sqlite_endpoint();
Endpoint postgres_endpoint();

/// An open database and what opened it.
struct OpenedDatabase {
    const Endpoint* endpoint = nullptr;
    DatabaseUrl url;
    std::unique_ptr<Connection> conn;
};

/// Parses `url` (its scheme picks the endpoint) and connects; nullopt after a Config
/// error (an unsupported or malformed URL, naming the accepted forms) or a Database one.
std::optional<OpenedDatabase> open_url(const std::string& url,
                                       const std::filesystem::path& base_dir, Access access,
                                       support::Diagnostics& diags);

/// Reports `url` as unsupported, listing `forms` ("a, b and c") as what is accepted.
void report_unsupported_url(const std::string& url, std::vector<std::string> forms,
                            support::Diagnostics& diags);

}  // namespace autogen::db
