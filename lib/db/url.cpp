// Parsing of database URLs (SPEC §2) and password redaction.
#include "db/url.hpp"

#include <libpq-fe.h>

#include <regex>

namespace autogen::db {

namespace {
bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

std::string redact_password(const std::string& text) {
    // scheme://user:password@host -> scheme://user:***@host
    static const std::regex kUserInfo(R"(([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):([^@\s]*)@)");
    std::string out = std::regex_replace(text, kUserInfo, "$1:***@");
    // libpq keyword form or query option: password=secret
    static const std::regex kKeyword(R"((password=)[^&\s]*)");
    return std::regex_replace(out, kKeyword, "$1***");
}

std::string with_database(const std::string& url, const std::string& name) {
    auto authority = url.find("://");
    std::size_t from = authority == std::string::npos ? 0 : authority + 3;
    auto path = url.find_first_of("/?", from);
    if (path == std::string::npos) return url + "/" + name;
    if (url[path] == '?') return url.substr(0, path) + "/" + name + url.substr(path);
    auto query = url.find('?', path);
    return url.substr(0, path + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

std::string DatabaseUrl::redacted() const { return redact_password(original); }

std::optional<DatabaseUrl> parse_url(const std::string& url, const std::filesystem::path& base_dir,
                                     support::Diagnostics& diags) {
    DatabaseUrl out;
    out.original = url;
    if (starts_with(url, "sqlite://")) {
        out.scheme = "sqlite";
        std::string rest = url.substr(std::string("sqlite://").size());
        if (rest == ":memory:" || rest == "/:memory:") {
            out.sqlite_path = ":memory:";
        } else if (starts_with(rest, "//")) {
            out.sqlite_path = rest.substr(1);  // sqlite:////abs/path -> /abs/path
        } else if (starts_with(rest, "/") && rest.size() > 1) {
            out.sqlite_path = (base_dir / rest.substr(1)).lexically_normal().string();
        } else {
            diags.error(support::Category::Config, "malformed SQLite URL '" + url + "'", {},
                        "use sqlite:///relative/path.db, sqlite:////absolute/path.db or sqlite://:memory:");
            return std::nullopt;
        }
        return out;
    }
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        out.scheme = "postgresql";
        out.conninfo = url;
        // libpq's own parser, so a malformed URL is a configuration error now rather
        // than a connection failure later.
        char* error = nullptr;
        PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
        if (!options) {
            std::string why = error ? error : "out of memory";
            PQfreemem(error);
            while (!why.empty() && why.back() == '\n') why.pop_back();
            diags.error(support::Category::Config,
                        "malformed PostgreSQL URL '" + redact_password(url) + "': " + redact_password(why), {},
                        "use postgresql://user:password@host:port/database (or postgres://...); "
                        "percent-encode special characters in the password");
            return std::nullopt;
        }
        PQconninfoFree(options);
        return out;
    }
    diags.error(support::Category::Config, "unsupported database URL '" + redact_password(url) + "'", {},
                "autogen supports sqlite:///file.db, sqlite://:memory: and postgresql://user@host/db");
    return std::nullopt;
}

}  // namespace autogen::db
