// Shared database test helpers (db_rows.hpp).
#include "tests/support/db_rows.hpp"

namespace autogen::test {

std::vector<std::string> query_rows(db::Connection& conn, const std::string& sql,
                                    support::Diagnostics& diags) {
    std::vector<std::string> out;
    auto r = conn.query(sql, {}, diags);
    if (!r) return {"<query failed: " + sql + ">"};
    for (const auto& row : r->rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
            line += (i ? "|" : "") + (row[i] ? *row[i] : "NULL");
        out.push_back(line);
    }
    return out;
}

std::string format_all(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

}  // namespace autogen::test
