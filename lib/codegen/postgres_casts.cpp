// The small table of PostgreSQL casts autogen relies on (pg_cast, PostgreSQL 15):
// which type changes run without USING and which may lose values.
#include "codegen/postgres_casts.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "codegen/postgres_lowering.hpp"

namespace autogen::codegen::postgres {

namespace {

enum class Family {
    Integer,
    Float,
    Numeric,
    String,
    Boolean,
    Date,
    Timestamp,
    TimestampTz,
    Bytea,
    Other
};

/// A type reduced to what the cast rules need: its family, a rank inside the family
/// (bytes of an integer or float) and its bounds (string length, numeric precision
/// and scale; -1 = unbounded).
struct TypeInfo {
    Family family = Family::Other;
    int rank = 0;
    long length = -1;
    long scale = -1;
    std::string name;  ///< lower case, blanks collapsed, modifiers removed
};

TypeInfo classify(const std::string& sql) {
    std::string t;
    for (char c : sql) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!t.empty() && t.back() != ' ') t += ' ';
        } else {
            t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    while (!t.empty() && t.back() == ' ') t.pop_back();
    TypeInfo info;
    std::size_t open = t.find('(');
    if (open != std::string::npos) {
        std::size_t close = t.find(')', open);
        std::string mod =
            t.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        info.length = std::atol(mod.c_str());
        if (std::size_t comma = mod.find(','); comma != std::string::npos)
            info.scale = std::atol(mod.c_str() + comma + 1);
        else
            info.scale = 0;
        t = t.substr(0, open) + (close == std::string::npos ? "" : t.substr(close + 1));
        while (!t.empty() && t.back() == ' ') t.pop_back();
        if (std::size_t dbl = t.find("  "); dbl != std::string::npos) t.erase(dbl, 1);
    }
    info.name = t;
    static const std::map<std::string, std::pair<Family, int>> names = {
        {"smallint", {Family::Integer, 2}},
        {"int2", {Family::Integer, 2}},
        {"integer", {Family::Integer, 4}},
        {"int", {Family::Integer, 4}},
        {"int4", {Family::Integer, 4}},
        {"bigint", {Family::Integer, 8}},
        {"int8", {Family::Integer, 8}},
        {"real", {Family::Float, 4}},
        {"float4", {Family::Float, 4}},
        {"double precision", {Family::Float, 8}},
        {"float8", {Family::Float, 8}},
        {"float", {Family::Float, 8}},
        {"numeric", {Family::Numeric, 0}},
        {"decimal", {Family::Numeric, 0}},
        {"text", {Family::String, 0}},
        {"character varying", {Family::String, 0}},
        {"varchar", {Family::String, 0}},
        {"character", {Family::String, 0}},
        {"char", {Family::String, 0}},
        {"bpchar", {Family::String, 0}},
        {"boolean", {Family::Boolean, 0}},
        {"bool", {Family::Boolean, 0}},
        {"date", {Family::Date, 0}},
        {"timestamp", {Family::Timestamp, 0}},
        {"timestamp without time zone", {Family::Timestamp, 0}},
        {"timestamptz", {Family::TimestampTz, 0}},
        {"timestamp with time zone", {Family::TimestampTz, 0}},
        {"bytea", {Family::Bytea, 0}},
    };
    if (auto it = names.find(t); it != names.end()) {
        info.family = it->second.first;
        info.rank = it->second.second;
    }
    if (info.family != Family::String && info.family != Family::Numeric)
        info.length = info.scale = -1;
    if (info.family == Family::String && (t == "text")) info.length = -1;
    return info;
}

bool numeric_family(Family f) {
    return f == Family::Integer || f == Family::Float || f == Family::Numeric;
}
bool datetime_family(Family f) {
    return f == Family::Date || f == Family::Timestamp || f == Family::TimestampTz;
}

}  // namespace

std::string using_expression(const std::string& from, const std::string& to,
                             const std::string& quoted_column) {
    TypeInfo a = classify(from), b = classify(to);
    if (a.family == b.family && a.family != Family::Other) return "";
    if (b.family == Family::String)
        return "";  // every type has an assignment cast to text types (I/O)
    if (numeric_family(a.family) && numeric_family(b.family)) return "";
    if (datetime_family(a.family) && datetime_family(b.family)) return "";
    if (a.family == Family::Integer && b.family == Family::Boolean) return quoted_column + " <> 0";
    if (a.family == Family::Boolean && b.family == Family::Integer)
        return "CASE WHEN " + quoted_column + " THEN 1 ELSE 0 END";
    std::string type = display_type(to);
    // From a string the explicit cast reads the value's text form; between other
    // families (an enum to another enum, ...) the text form is the common ground.
    if (a.family == Family::String) return quoted_column + "::" + type;
    return quoted_column + "::text::" + type;
}

std::string narrowing_reason(const std::string& from, const std::string& to) {
    TypeInfo a = classify(from), b = classify(to);
    if (a.name == b.name && a.length == b.length && a.scale == b.scale) return "";
    const std::string change = "from " + display_type(from) + " to " + display_type(to);
    if (b.family == Family::String) {
        if (b.length < 0) return "";  // TEXT / unbounded VARCHAR hold every value's text
        if (a.family == Family::String && a.length >= 0 && a.length <= b.length) return "";
        return change + ": longer values make it fail";
    }
    if (a.family == Family::String || a.family == Family::Other)
        return change + ": values that do not convert make it fail";
    switch (b.family) {
        case Family::Integer:
            if (a.family == Family::Integer && a.rank <= b.rank) return "";
            return change + ": values out of range make it fail" +
                   std::string(a.family == Family::Integer ? "" : ", fractions are rounded");
        case Family::Float:
            if (a.family == Family::Float && a.rank <= b.rank) return "";
            if (a.family == Family::Integer && a.rank <= 4 && b.rank == 8) return "";
            return change + ": precision may be lost";
        case Family::Numeric:
            if (b.length < 0) return "";
            if (a.family == Family::Numeric && a.length >= 0 &&
                a.length - a.scale <= b.length - b.scale && a.scale <= b.scale)
                return "";
            return change + ": values out of range make it fail, extra decimals are rounded";
        case Family::Date:
            return a.family == Family::Date ? "" : change + ": the time of day is lost";
        case Family::Timestamp:
            return a.family == Family::Date
                       ? ""
                       : change + ": values are converted in the session's time zone";
        case Family::TimestampTz:
            return datetime_family(a.family) ? ""
                                             : change + ": values that do not convert make it fail";
        case Family::Boolean:
        case Family::Bytea:
        case Family::String:
        case Family::Other:
            break;
    }
    return change + ": values that do not convert make it fail";
}

namespace {

/// The bounds of an integer of `bytes` bytes, as SQL numbers.
std::pair<std::string, std::string> integer_bounds(int bytes) {
    if (bytes == 2) return {"-32768", "32767"};
    if (bytes == 4) return {"-2147483648", "2147483647"};
    return {"-9223372036854775808", "9223372036854775807"};
}

constexpr const char* kIntegerText = R"('^\s*[-+]?[0-9]+\s*$')";
constexpr const char* kNumberText =
    R"('^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$')";

}  // namespace

ValueCheck value_check(const std::string& from, const std::string& to,
                       const std::string& quoted_column) {
    TypeInfo a = classify(from), b = classify(to);
    const std::string& c = quoted_column;
    const std::string text = c + "::text";
    if (b.family == Family::String && b.length >= 0)
        return {"length(" + text + ") > " + std::to_string(b.length), true};
    // A value of a string column that is no number fails any numeric cast; a number is
    // then held against the bounds.
    auto from_text = [&](const char* pattern, const std::string& bounds_test) {
        return "CASE WHEN " + text + " ~ " + pattern + " THEN " + bounds_test + " ELSE true END";
    };
    if (b.family == Family::Integer) {
        auto [lo, hi] = integer_bounds(b.rank);
        const std::string value = a.family == Family::String ? text + "::numeric" : c + "::numeric";
        const std::string out_of_range = "round(" + value + ") NOT BETWEEN " + lo + " AND " + hi;
        if (a.family == Family::String) return {from_text(kIntegerText, out_of_range), true};
        if (numeric_family(a.family)) return {out_of_range, true};
    }
    if (b.family == Family::Numeric && b.length >= 0) {
        const std::string value = a.family == Family::String ? text + "::numeric" : c + "::numeric";
        const std::string too_big = "abs(round(" + value + ", " +
                                    std::to_string(std::max(b.scale, 0L)) + ")) >= 10::numeric ^ " +
                                    std::to_string(b.length - std::max(b.scale, 0L));
        if (a.family == Family::String) return {from_text(kNumberText, too_big), true};
        if (numeric_family(a.family)) return {too_big, true};
    }
    if (a.family == Family::String && (b.family == Family::Numeric || b.family == Family::Float))
        return {"NOT (" + text + " ~ " + kNumberText + ")", true};
    // Conversions that never fail but may alter a value: it does not come back equal.
    if ((numeric_family(a.family) && numeric_family(b.family)) ||
        (datetime_family(a.family) && datetime_family(b.family)))
        return {"(" + c + "::" + display_type(to) + ")::" + display_type(from) +
                    " IS DISTINCT FROM " + c,
                false};
    return {"1 = 1", false};
}

}  // namespace autogen::codegen::postgres
