// The dialect-independent parts of db::Connection.
#include "db/connection.hpp"

namespace autogen::db {

bool Connection::for_each_row(std::string_view sql,
                              const std::vector<std::optional<std::string>>& params,
                              const std::function<void(RowView)>& on_row, Diagnostics& diags) {
    auto result = query(sql, params, diags);
    if (!result) return false;
    std::vector<std::optional<std::string_view>> cells;
    for (const auto& row : result->rows) {
        cells.assign(row.begin(), row.end());
        on_row(cells);
    }
    return true;
}

std::vector<std::string> Connection::lock_holders(Diagnostics&) { return {}; }

std::optional<Leftover> Connection::leftover_of(std::string_view, Diagnostics&) {
    return Leftover{};
}

}  // namespace autogen::db
