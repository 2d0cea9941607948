// Helpers shared by every inspector.
#include "introspect/inspector.hpp"

#include <algorithm>

namespace autogen::introspect {

bool is_version_table(const std::string& name, const InspectOptions& options) {
    // The version table, its log and the runner's step log (lib/migrate/step_log.hpp).
    return name == options.version_table || name == options.version_table + "_log" ||
           name == options.version_table + "_steps";
}

bool glob_match(const std::string& pattern, const std::string& name) {
    // Iterative '*' / '?' matcher with backtracking to the last star.
    std::size_t p = 0, n = 0, star = std::string::npos, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (star != std::string::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

void Inspector::order_as_read(schema::Schema& schema) const {
    order_by_schema_and_name(schema, "");
}

std::optional<std::vector<UnmodelledObject>> Inspector::unmodelled_objects(
    db::Connection&, const InspectOptions&, support::Diagnostics&) const {
    return std::vector<UnmodelledObject>{};
}

std::string Inspector::catalog_fingerprint(db::Connection&) const { return {}; }

std::optional<std::vector<RelationSize>> Inspector::table_sizes(db::Connection&,
                                                                support::Diagnostics&) const {
    return std::nullopt;
}

void Inspector::order_by_schema_and_name(schema::Schema& schema,
                                         const std::string& default_schema) {
    auto before = [&](const auto& a, const auto& b) {
        const std::string& sa = a.schema.empty() ? default_schema : a.schema;
        const std::string& sb = b.schema.empty() ? default_schema : b.schema;
        return sa != sb ? sa < sb : a.name < b.name;
    };
    std::stable_sort(schema.tables.begin(), schema.tables.end(), before);
    std::stable_sort(schema.enums.begin(), schema.enums.end(), before);
}

}  // namespace autogen::introspect
