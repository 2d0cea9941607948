// SQLite's database URLs (sqlite_url.hpp).
#include "db/sqlite_url.hpp"

namespace autogen::db {

std::optional<DatabaseUrl> parse_sqlite_url(const std::string& url,
                                            const std::filesystem::path& base_dir,
                                            support::Diagnostics& diags) {
    DatabaseUrl out;
    out.original = url;
    out.scheme = "sqlite";
    const std::string prefix = "sqlite://";
    const std::string rest = url.rfind(prefix, 0) == 0 ? url.substr(prefix.size()) : std::string();
    if (rest == ":memory:" || rest == "/:memory:") {
        out.target = ":memory:";
    } else if (rest.rfind("//", 0) == 0) {
        out.target = rest.substr(1);  // sqlite:////abs/path -> /abs/path
    } else if (rest.rfind("/", 0) == 0 && rest.size() > 1) {
        out.target = (base_dir / rest.substr(1)).lexically_normal().string();
    } else {
        diags.error(
            support::Category::Config, "malformed SQLite URL '" + out.redacted() + "'", {},
            "use sqlite:///relative/path.db, sqlite:////absolute/path.db or sqlite://:memory:");
        return std::nullopt;
    }
    return out;
}

}  // namespace autogen::db
