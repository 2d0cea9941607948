// weigh_by_size (finding.hpp): what a finding costs depends on its table's size. An index
// built on a table of a few hundred rows holds its lock for milliseconds; on one of ten
// million, for minutes. So a finding whose cost grows with the table is one level less
// severe on a small table, and every finding about a table the database holds says its
// size, so a reviewer sees how much a lock will cost.
#include <cctype>
#include <cstdio>

#include "finding.hpp"

namespace autogen::lint {

namespace {

/// "96 kB", "12.3 MB", "4.1 GB" (powers of 1024, PostgreSQL's pg_size_pretty units).
std::string size_text(std::int64_t bytes) {
    const char* units[] = {"bytes", "kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    char out[32];
    std::snprintf(out, sizeof out, unit == 0 || value >= 100 ? "%.0f %s" : "%.1f %s", value,
                  units[unit]);
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The size of `table` as a statement names it: as written, else folded to lower case
/// (an unquoted name).
const TableSize* find_size(const TableSizes& sizes, const std::string& table) {
    for (const std::string& name : {table, lower(table)})
        if (auto it = sizes.find(name); it != sizes.end()) return &it->second;
    return nullptr;
}

/// Whether the finding's cost grows with its table: it reads or copies every row, or
/// builds an index (SHARE, held for the whole build).
bool grows_with_table(const LintFinding& f) { return f.scans || f.rewrites || f.lock == "SHARE"; }

LintSeverity one_less(LintSeverity s) {
    return s == LintSeverity::Error ? LintSeverity::Warning : LintSeverity::Info;
}

}  // namespace

void weigh_by_size(std::vector<LintFinding>& findings, const TableSizes& sizes) {
    for (auto& f : findings) {
        if (f.table.empty()) continue;
        const TableSize* size = find_size(sizes, f.table);
        if (!size) {
            if (grows_with_table(f))
                f.message += " (table \"" + f.table + "\" is not in the database yet)";
            continue;
        }
        f.table_size = *size;
        std::string said = "table \"" + f.table + "\": " +
                           (size->rows >= 0 ? "~" + std::to_string(size->rows) + " rows, "
                                            : std::string("rows never counted, ")) +
                           size_text(size->bytes);
        if (grows_with_table(f) && size->bytes < kSmallTableBytes) {
            f.severity = one_less(f.severity);
            said += "; small enough that the lock is held briefly";
        }
        f.message += " (" + said + ")";
    }
}

}  // namespace autogen::lint
