// Standalone sequences' facts (sequence.hpp).
#include "schema/sequence.hpp"

#include "support/text.hpp"

namespace autogen::schema {

namespace {

constexpr const char* kType = "type ";

/// "name value" entries, in CREATE SEQUENCE's order.
std::vector<std::string> fact_lines(const SequenceFacts& f) {
    const IdentityOptions& o = f.options;
    return {kType + f.type,
            "increment " + std::to_string(o.increment.value_or(1)),
            "minvalue " + std::to_string(o.minvalue.value_or(1)),
            "maxvalue " + std::to_string(o.maxvalue.value_or(0)),
            "start " + std::to_string(o.start.value_or(1)),
            "cache " + std::to_string(o.cache.value_or(1)),
            std::string("cycle ") + (o.cycle.value_or(false) ? "true" : "false")};
}

}  // namespace

std::optional<std::string> sequence_type(const std::string& written) {
    const std::string t = support::to_lower(written);
    if (t == "smallint" || t == "int2") return "smallint";
    if (t == "integer" || t == "int" || t == "int4") return "integer";
    if (t == "bigint" || t == "int8") return "bigint";
    return std::nullopt;
}

std::optional<SequenceFacts> sequence_facts(const SqlObject& o) {
    if (o.kind != ObjectKind::Sequence || o.columns.size() != 7 || o.columns[0].rfind(kType, 0))
        return std::nullopt;
    SequenceFacts f{.type = o.columns[0].substr(std::string(kType).size()), .options = {}};
    auto value = [&](std::size_t i) {
        const std::string& line = o.columns[i];
        return line.substr(line.find(' ') + 1);
    };
    try {
        f.options.increment = std::stoll(value(1));
        f.options.minvalue = std::stoll(value(2));
        f.options.maxvalue = std::stoll(value(3));
        f.options.start = std::stoll(value(4));
        f.options.cache = std::stoll(value(5));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    f.options.cycle = value(6) == "true";
    return f;
}

void set_sequence_facts(SqlObject& o, SequenceFacts facts) {
    facts.options = effective_identity_options(facts.options, ColumnType{.sql = facts.type});
    o.columns = fact_lines(facts);
    o.definition = "SEQUENCE " + support::join_with(o.columns, ", ");
}

std::string describe_sequence_change(const SequenceFacts& from, const SequenceFacts& to) {
    std::string out;
    if (from.type != to.type) out = "type " + from.type + " -> " + to.type;
    const std::string options =
        describe_identity_change(from.options, to.options, ColumnType{.sql = to.type});
    if (!options.empty()) out += (out.empty() ? "" : ", ") + options;
    return out;
}

}  // namespace autogen::schema
