// PostgreSQL's database URLs (postgres_url.hpp).
#include "db/postgres_url.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>

namespace autogen::db {

namespace {

/// Each port of a libpq "port" value ("5432", or "5432,5433" for several hosts; an
/// empty entry means the default) must be a number from 1 to 65535. The bad one, or
/// nullopt when all are good.
std::optional<std::string> bad_port(const std::string& ports) {
    std::size_t start = 0;
    while (start <= ports.size()) {
        auto end = ports.find(',', start);
        if (end == std::string::npos) end = ports.size();
        std::string port = ports.substr(start, end - start);
        const bool digits =
            !port.empty() && port.size() <= 5 &&
            std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); });
        if (!port.empty() && (!digits || std::stoi(port) < 1 || std::stoi(port) > 65535))
            return port;
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace

std::optional<DatabaseUrl> parse_postgres_url(const std::string& url, support::Diagnostics& diags) {
    DatabaseUrl out;
    out.original = url;
    out.scheme = "postgresql";
    out.target = url;
    const std::string hint =
        "use postgresql://user:password@host:port/database (or postgres://...); "
        "percent-encode special characters in the password (%40 for an at sign, %3A for a colon, "
        "%20 for a "
        "space, %25 for a percent sign)";
    // libpq's own parser, so a malformed URL is a configuration error now rather
    // than a connection failure later. Its complaint may quote a token of the URL
    // (the password, for a bad percent-escape): scrubbed before it is printed.
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        diags.error(
            support::Category::Config,
            "malformed PostgreSQL URL '" + out.redacted() + "': " + redact_secrets(why, url), {},
            hint);
        return std::nullopt;
    }
    std::optional<std::string> port;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (std::string_view(o->keyword) == "port" && o->val) port = bad_port(o->val);
    }
    PQconninfoFree(options);
    if (port) {
        diags.error(support::Category::Config,
                    redact_secrets("malformed PostgreSQL URL '" + out.redacted() + "': port '" +
                                       *port + "' is not a number from 1 to 65535",
                                   url),
                    {}, hint);
        return std::nullopt;
    }
    return out;
}

}  // namespace autogen::db
