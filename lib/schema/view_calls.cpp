// set_routines_called() and its readers (view_calls.hpp).
#include "schema/view_calls.hpp"

#include <algorithm>

#include "schema/routine_signature.hpp"
#include "support/text.hpp"

namespace autogen::schema {

namespace {

constexpr char kMark = '\x1e';

}  // namespace

bool binds_routines(ObjectKind kind) {
    return reads_as_relation(kind) || kind == ObjectKind::Policy;
}

void set_routines_called(SqlObject& view, const std::vector<std::string>& identities) {
    view.arguments = std::string(1, kMark);
    for (const auto& id : identities) view.arguments += id + kMark;
}

std::optional<std::vector<std::string>> routines_called(const SqlObject& view) {
    if (view.arguments.empty() || view.arguments[0] != kMark) return std::nullopt;
    std::vector<std::string> out;
    std::size_t from = 1;
    for (std::size_t end; (end = view.arguments.find(kMark, from)) != std::string::npos;
         from = end + 1)
        out.push_back(view.arguments.substr(from, end - from));
    return out;
}

bool calls_routine(const SqlObject& reader, const SqlObject& routine) {
    if (const auto called = routines_called(reader))
        return std::find(called->begin(), called->end(), routine.identity()) != called->end();
    return support::mentions_identifier(reader.sql, routine.name);
}

}  // namespace autogen::schema
