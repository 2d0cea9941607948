// What `autogen pull` says about each PostgreSQL object kind the models cannot hold:
// what it does to the object (pulled approximately, or not at all) and what the team
// does instead. The list of kinds is kUnmodelledQuery's (postgres_queries.hpp).
#include "introspect/postgres_unmodelled.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace autogen::introspect::postgres {

namespace {

std::string cell(const db::Row& r, std::size_t i) {
    return i < r.size() && r[i] ? *r[i] : std::string();
}

/// Kinds whose object the pulled headers still describe, approximately: the hint
/// says how. Every other kind is absent from the headers.
const std::map<std::string, std::string>& approximate_kinds() {
    static const std::map<std::string, std::string> kinds{
        {"NOT VALID foreign key",
         "pulled as a valid foreign key: VALIDATE it, or keep it in a hand-written revision"},
    };
    return kinds;
}

}  // namespace

std::vector<UnmodelledObject> unmodelled_from_rows(
    const db::QueryResult& rows,
    const std::function<bool(const std::string& schema, const std::string& table)>& excluded) {
    std::vector<UnmodelledObject> out;
    for (const auto& r : rows.rows) {
        UnmodelledObject o{.kind = cell(r, 0),
                           .schema = cell(r, 1) == "public" ? "" : cell(r, 1),
                           .name = cell(r, 2),
                           .table = cell(r, 3),
                           .hint = {}};
        if (!o.table.empty() && excluded(o.schema, o.table)) continue;
        auto approx = approximate_kinds().find(o.kind);
        o.hint = approx != approximate_kinds().end()
                     ? approx->second
                     : "not modelled: autogen neither creates, changes nor drops it; keep its "
                       "DDL in a hand-written revision";
        out.push_back(std::move(o));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.schema, a.table, a.kind, a.name) <
               std::tie(b.schema, b.table, b.kind, b.name);
    });
    return out;
}

}  // namespace autogen::introspect::postgres
