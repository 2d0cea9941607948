// `autogen pull`'s choices that need the dialect (pull_models.hpp). A column's C++ type
// is found by trying the natural types in turn: the first whose lowering the dialect's
// rules call the same type as the column's wins, so the pulled model materialises to
// the type the database has, whatever spelling the inspector printed.
#include "pipeline/pull_models.hpp"

#include <map>
#include <tuple>

#include "introspect/inspector.hpp"
#include "schema/table_lookup.hpp"

namespace autogen::pipeline {

namespace {

using schema::Logical;

bool matches(const std::vector<std::string>& globs, const schema::Table& t) {
    for (const auto& g : globs)
        if (introspect::glob_match(g, t.name) ||
            (!t.schema.empty() && introspect::glob_match(g, t.schema + "." + t.name)))
            return true;
    return false;
}

/// The length in "name(N)" (the only number in parentheses), for VARCHAR(n).
std::optional<unsigned> parenthesised_length(const std::string& sql) {
    auto open = sql.find('('), close = sql.find(')');
    if (open == std::string::npos || close == std::string::npos || close <= open + 1)
        return std::nullopt;
    unsigned n = 0;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (sql[i] < '0' || sql[i] > '9' || n > 100000000) return std::nullopt;
        n = n * 10 + static_cast<unsigned>(sql[i] - '0');
    }
    return n > 0 ? std::optional<unsigned>(n) : std::nullopt;
}

/// Picks and remembers natural types; one lowering per distinct (type, key role).
class TypeChooser {
  public:
    TypeChooser(const dialect::Dialect& dialect, const schema::Schema& live)
        : dialect_(dialect), live_(live) {}

    schema::ColumnType operator()(const schema::Table& t, const schema::Column& c) {
        const bool only_key = t.primary_key && t.primary_key->columns.size() == 1 &&
                              t.primary_key->columns.front() == c.name;
        auto key = std::make_tuple(c.type.sql, c.type.enum_name, c.identity, only_key, t.schema);
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
        schema::ColumnType chosen;
        for (const auto& candidate : candidates(c)) {
            if (same_type(t, c, candidate, only_key)) {
                chosen = candidate;
                break;
            }
        }
        memo_.emplace(key, chosen);
        return chosen;
    }

  private:
    std::vector<schema::ColumnType> candidates(const schema::Column& c) const {
        std::vector<schema::ColumnType> out;
        if (!c.type.enum_name.empty())
            out.push_back({.logical = Logical::Enum, .enum_name = c.type.enum_name});
        // 64-bit first: an identity key that lowers to the same type is best a std::int64_t.
        for (Logical l : {Logical::Boolean, Logical::BigInt, Logical::Integer, Logical::SmallInt,
                          Logical::Double, Logical::Real, Logical::Text, Logical::Blob,
                          Logical::TimestampTz, Logical::Date})
            out.push_back({.logical = l});
        if (auto n = parenthesised_length(c.type.sql))
            out.push_back({.logical = Logical::Text, .length = *n});
        return out;
    }

    bool same_type(const schema::Table& t, const schema::Column& c,
                   const schema::ColumnType& candidate, bool only_key) const {
        schema::Schema mini;
        schema::Table table{.schema = t.schema, .name = t.name};
        schema::Column column{.name = c.name, .type = candidate, .identity = c.identity};
        table.columns.push_back(column);
        if (only_key) table.primary_key = schema::PrimaryKey{"", {c.name}};
        mini.tables.push_back(std::move(table));
        if (candidate.logical == Logical::Enum) {
            for (const auto& e : live_.enums)
                if (e.name == candidate.enum_name) mini.enums.push_back(e);
            if (mini.enums.empty()) return false;
        }
        support::Diagnostics quiet;  // a candidate the dialect refuses is simply no match
        auto lowered = dialect_.planner->lower(mini, quiet);
        if (quiet.has_errors() || lowered.tables.empty() || lowered.tables[0].columns.empty())
            return false;
        return dialect_.rules->same_type(lowered.tables[0].columns[0], c);
    }

    const dialect::Dialect& dialect_;
    const schema::Schema& live_;
    std::map<std::tuple<std::string, std::string, bool, bool, std::string>, schema::ColumnType>
        memo_;
};

}  // namespace

schema::Schema filter_tables(schema::Schema live, const PullFilter& filter) {
    std::vector<schema::Table> kept;
    for (auto& t : live.tables) {
        if (!filter.tables.empty() && !matches(filter.tables, t)) continue;
        if (matches(filter.exclude, t)) continue;
        kept.push_back(std::move(t));
    }
    live.tables = std::move(kept);
    return live;
}

PullNaming choose_naming(const dialect::Dialect& dialect, const schema::Schema& live,
                         const support::Config& config, NamingChoice choice) {
    support::NamingConvention project = config.models.naming;
    project.max_length = dialect.max_identifier_length;  // as scan_models names them
    PullNaming out{
        .detection = codegen::detect_naming(live, project, dialect.default_primary_key_name),
        .convention = project};
    bool changes = false;
    for (const auto& k : out.detection.kinds)
        changes = changes || out.detection.convention.pattern(k.kind) != project.pattern(k.kind);
    if (!changes) return out;
    if (choice == NamingChoice::Keep ||
        (choice == NamingChoice::Default && !project.patterns.empty())) {
        out.toml = NamingToml::Kept;
        return out;
    }
    out.toml = NamingToml::Write;
    out.convention = out.detection.convention;
    return out;
}

codegen::ModelHeaders pull_models(const dialect::Dialect& dialect, const schema::Schema& live,
                                  const support::NamingConvention& naming,
                                  codegen::HeaderSplit split, bool objects_in_sql) {
    TypeChooser chooser(dialect, live);
    codegen::ModelHeaderOptions options;
    options.split = split;
    options.objects_in_sql = objects_in_sql;
    options.naming = naming;
    // As the scan names them (scan_models): the limit of the pulled database's dialect.
    options.naming.max_length = dialect.max_identifier_length;
    options.natural_type = [&chooser](const schema::Table& t, const schema::Column& c) {
        return chooser(t, c);
    };
    options.default_primary_key_name = dialect.default_primary_key_name;
    options.closest_logical = dialect.closest_logical;
    auto out = codegen::write_model_headers(live, options);
    const schema::TableLookup pulled_tables(live);
    for (const auto& t : live.tables)
        for (const auto& fk : t.foreign_keys)
            if (!pulled_tables.find(fk.ref_table, fk.ref_schema))
                out.left_out.push_back(
                    {"table " + t.qualified_name(), "foreign key \"" + fk.name +
                                                        "\" references \"" + fk.ref_table +
                                                        "\", which was not pulled: pull it too, or "
                                                        "remove the key from the model"});
    return out;
}

void list_unmodelled(const std::vector<introspect::UnmodelledObject>& objects,
                     const schema::Schema& pulled, codegen::ModelHeaders& out) {
    const schema::TableLookup pulled_tables(pulled);
    for (const auto& o : objects) {
        std::string qualified = o.schema.empty() ? o.name : o.schema + "." + o.name;
        if (o.table.empty()) {
            out.left_out.push_back({o.kind + " \"" + qualified + "\"", o.hint});
            continue;
        }
        const schema::Table* t = pulled_tables.find(o.table, o.schema);
        if (!t) continue;
        // A property of the table itself (row-level security, partitioning) has its name.
        std::string what = o.name == o.table ? o.kind : o.kind + " \"" + o.name + "\"";
        out.left_out.push_back({"table " + t->qualified_name(), what + ": " + o.hint});
    }
}

}  // namespace autogen::pipeline
