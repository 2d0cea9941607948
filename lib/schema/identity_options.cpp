// Identity sequence options (identity_options.hpp): PostgreSQL's defaults and the SQL of
// the options, shared by the differ, the planner, the inspector and pull.
#include "schema/identity_options.hpp"

#include <limits>

#include "schema/schema.hpp"
#include "support/text.hpp"

namespace autogen::schema {

namespace {

/// The largest value of the column's integer type: an identity sequence is AS that type.
std::int64_t type_max(const ColumnType& type) {
    if (type.logical == Logical::SmallInt) return std::numeric_limits<std::int16_t>::max();
    if (type.logical == Logical::Integer) return std::numeric_limits<std::int32_t>::max();
    if (type.logical == Logical::BigInt) return std::numeric_limits<std::int64_t>::max();
    const std::string sql = support::to_lower(type.sql);
    if (sql == "smallint" || sql == "int2") return std::numeric_limits<std::int16_t>::max();
    if (sql == "integer" || sql == "int" || sql == "int4")
        return std::numeric_limits<std::int32_t>::max();
    return std::numeric_limits<std::int64_t>::max();
}

std::int64_t type_min(const ColumnType& type) {
    const std::int64_t max = type_max(type);
    return max == std::numeric_limits<std::int64_t>::max()
               ? std::numeric_limits<std::int64_t>::min()
               : -max - 1;
}

using Field = std::optional<std::int64_t> IdentityOptions::*;
struct Numeric {
    Field field;
    const char* create;  ///< CREATE SEQUENCE's spelling, before the value
    const char* name;    ///< the annotation key's suffix and the message's word
};
constexpr Numeric kNumeric[] = {{&IdentityOptions::start, "START WITH", "start"},
                                {&IdentityOptions::increment, "INCREMENT BY", "increment"},
                                {&IdentityOptions::minvalue, "MINVALUE", "minvalue"},
                                {&IdentityOptions::maxvalue, "MAXVALUE", "maxvalue"},
                                {&IdentityOptions::cache, "CACHE", "cache"}};

}  // namespace

IdentityOptions effective_identity_options(const IdentityOptions& o, const ColumnType& type) {
    IdentityOptions e;
    e.increment = o.increment.value_or(1);
    const bool ascending = *e.increment > 0;
    e.minvalue = o.minvalue.value_or(ascending ? 1 : type_min(type));
    e.maxvalue = o.maxvalue.value_or(ascending ? type_max(type) : -1);
    e.start = o.start.value_or(ascending ? *e.minvalue : *e.maxvalue);
    e.cache = o.cache.value_or(1);
    e.cycle = o.cycle.value_or(false);
    return e;
}

IdentityOptions without_defaults(const IdentityOptions& o, const ColumnType& type) {
    const IdentityOptions d = effective_identity_options({.increment = o.increment}, type);
    IdentityOptions out = o;
    for (const Numeric& n : kNumeric)
        if (n.field != &IdentityOptions::increment && out.*n.field == d.*n.field)
            (out.*n.field).reset();
    if (out.increment == 1) out.increment.reset();
    // The defaults follow the direction, so each is judged against the stated increment.
    if (out.cycle == false) out.cycle.reset();
    return out;
}

std::string identity_options_sql(const IdentityOptions& o) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
    for (const Numeric& n : kNumeric)
        if (o.*n.field) add(std::string(n.create) + " " + std::to_string(*(o.*n.field)));
    if (o.cycle) add(*o.cycle ? "CYCLE" : "NO CYCLE");
    return out;
}

std::vector<std::string> sequence_option_clauses(const IdentityOptions& from,
                                                 const IdentityOptions& to,
                                                 const ColumnType& type) {
    const IdentityOptions a = effective_identity_options(from, type);
    const IdentityOptions b = effective_identity_options(to, type);
    std::vector<std::string> out;
    for (const Numeric& n : kNumeric)
        if (a.*n.field != b.*n.field)
            out.push_back(std::string(n.create) + " " + std::to_string(*(b.*n.field)));
    if (a.cycle != b.cycle) out.push_back(*b.cycle ? "CYCLE" : "NO CYCLE");
    return out;
}

std::vector<std::string> identity_set_clauses(const IdentityOptions& from,
                                              const IdentityOptions& to, const ColumnType& type) {
    std::vector<std::string> out = sequence_option_clauses(from, to, type);
    for (auto& clause : out) clause = "SET " + clause;
    return out;
}

std::string describe_identity_change(const IdentityOptions& from, const IdentityOptions& to,
                                     const ColumnType& type) {
    const IdentityOptions a = effective_identity_options(from, type);
    const IdentityOptions b = effective_identity_options(to, type);
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    for (const Numeric& n : kNumeric)
        if (a.*n.field != b.*n.field)
            add(std::string(n.name) + " " + std::to_string(*(a.*n.field)) + " -> " +
                std::to_string(*(b.*n.field)));
    if (a.cycle != b.cycle) add(*b.cycle ? "cycle" : "no cycle");
    return out;
}

std::vector<std::string> identity_option_args(const IdentityOptions& o) {
    std::vector<std::string> out;
    for (const Numeric& n : kNumeric)
        if (o.*n.field)
            out.push_back("identity_" + std::string(n.name) + " = " +
                          std::to_string(*(o.*n.field)));
    if (o.cycle.value_or(false)) out.push_back("identity_cycle");
    return out;
}

}  // namespace autogen::schema
