// Snapshot lines: one compact JSON object per schema object, behind a keyword.
#include "migrate/schema_snapshot.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace autogen::migrate {

namespace {

using nlohmann::ordered_json;
using support::Category;
namespace s = autogen::schema;

constexpr s::Logical kLogicals[] = {
    s::Logical::None,   s::Logical::Boolean,     s::Logical::SmallInt, s::Logical::Integer,
    s::Logical::BigInt, s::Logical::Real,        s::Logical::Double,   s::Logical::Text,
    s::Logical::Blob,   s::Logical::TimestampTz, s::Logical::Date,     s::Logical::Enum};

void put_if(ordered_json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

ordered_json column_json(const s::Column& c) {
    ordered_json j{{"name", c.name}};
    if (c.type.logical != s::Logical::None) j["type"] = s::to_string(c.type.logical);
    if (c.type.length) j["length"] = *c.type.length;
    put_if(j, "enum", c.type.enum_name);
    put_if(j, "sql", c.type.sql);
    if (c.nullable) j["nullable"] = true;
    if (c.server_default) j["default"] = *c.server_default;
    if (c.identity) j["identity"] = true;
    if (c.collation) j["collation"] = *c.collation;
    put_if(j, "comment", c.comment);
    return j;
}

ordered_json named_columns(const std::string& name, const std::vector<std::string>& columns) {
    ordered_json j = ordered_json::object();
    put_if(j, "name", name);
    j["columns"] = columns;
    return j;
}

ordered_json foreign_key_json(const s::ForeignKey& fk) {
    ordered_json j = named_columns(fk.name, fk.columns);
    put_if(j, "ref_schema", fk.ref_schema);
    j["ref_table"] = fk.ref_table;
    j["ref_columns"] = fk.ref_columns;
    if (fk.on_delete != s::ReferentialAction::NoAction) j["on_delete"] = s::to_string(fk.on_delete);
    if (fk.on_update != s::ReferentialAction::NoAction) j["on_update"] = s::to_string(fk.on_update);
    return j;
}

ordered_json index_json(const s::Index& i) {
    ordered_json j = named_columns(i.name, i.columns);
    if (i.unique) j["unique"] = true;
    put_if(j, "where", i.where);
    return j;
}

std::string line(const char* keyword, const ordered_json& j, bool nested) {
    return std::string(nested ? "  " : "") + keyword + " " + j.dump() + "\n";
}

/// Reads a line's JSON into schema objects; throws nlohmann exceptions on a wrong
/// shape, which the caller turns into a located error.
class LineReader {
  public:
    explicit LineReader(s::Schema& out) : out_(out) {}

    /// Empty on success, else what is wrong.
    std::string read(const std::string& keyword, const nlohmann::json& j) {
        if (keyword == "enum") {
            s::Enum e;
            e.name = j.at("name").get<std::string>();
            e.schema = j.value("schema", "");
            e.labels = j.at("labels").get<std::vector<std::string>>();
            out_.enums.push_back(std::move(e));
            return {};
        }
        if (keyword == "table") {
            s::Table t;
            t.name = j.at("name").get<std::string>();
            t.schema = j.value("schema", "");
            t.comment = j.value("comment", "");
            out_.tables.push_back(std::move(t));
            return {};
        }
        if (out_.tables.empty()) return "'" + keyword + "' before any 'table' line";
        s::Table& t = out_.tables.back();
        if (keyword == "column") {
            t.columns.push_back(column(j));
        } else if (keyword == "primary_key") {
            t.primary_key = s::PrimaryKey{j.value("name", ""), columns(j)};
        } else if (keyword == "foreign_key") {
            s::ForeignKey fk;
            fk.name = j.value("name", "");
            fk.columns = columns(j);
            fk.ref_schema = j.value("ref_schema", "");
            fk.ref_table = j.at("ref_table").get<std::string>();
            fk.ref_columns = j.at("ref_columns").get<std::vector<std::string>>();
            auto on_delete = s::parse_referential_action(j.value("on_delete", "no_action"));
            auto on_update = s::parse_referential_action(j.value("on_update", "no_action"));
            if (!on_delete || !on_update) return "unknown referential action";
            fk.on_delete = *on_delete;
            fk.on_update = *on_update;
            t.foreign_keys.push_back(std::move(fk));
        } else if (keyword == "unique") {
            t.uniques.push_back({j.value("name", ""), columns(j), {}});
        } else if (keyword == "index") {
            s::Index i;
            i.name = j.value("name", "");
            i.columns = columns(j);
            i.unique = j.value("unique", false);
            i.where = j.value("where", "");
            t.indexes.push_back(std::move(i));
        } else if (keyword == "check") {
            t.checks.push_back({j.value("name", ""), j.at("expression").get<std::string>(), {}});
        } else {
            return "unknown keyword '" + keyword + "'";
        }
        return {};
    }

  private:
    static std::vector<std::string> columns(const nlohmann::json& j) {
        return j.at("columns").get<std::vector<std::string>>();
    }

    static s::Column column(const nlohmann::json& j) {
        s::Column c;
        c.name = j.at("name").get<std::string>();
        std::string type = j.value("type", "none");
        auto known = std::find_if(std::begin(kLogicals), std::end(kLogicals),
                                  [&](s::Logical l) { return type == s::to_string(l); });
        if (known == std::end(kLogicals))
            throw std::invalid_argument("unknown type '" + type + "'");
        c.type.logical = *known;
        if (j.contains("length")) c.type.length = j.at("length").get<unsigned>();
        c.type.enum_name = j.value("enum", "");
        c.type.sql = j.value("sql", "");
        c.nullable = j.value("nullable", false);
        if (j.contains("default")) c.server_default = j.at("default").get<std::string>();
        c.identity = j.value("identity", false);
        if (j.contains("collation")) c.collation = j.at("collation").get<std::string>();
        c.comment = j.value("comment", "");
        return c;
    }

    s::Schema& out_;
};

}  // namespace

std::string snapshot_text(const s::Schema& schema) {
    std::vector<const s::Enum*> enums;
    for (const auto& e : schema.enums) enums.push_back(&e);
    std::sort(enums.begin(), enums.end(), [](const s::Enum* a, const s::Enum* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });
    std::vector<const s::Table*> tables;
    for (const auto& t : schema.tables) tables.push_back(&t);
    std::sort(tables.begin(), tables.end(), [](const s::Table* a, const s::Table* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });

    std::string out;
    for (const auto* e : enums) {
        ordered_json j{{"name", e->name}};
        put_if(j, "schema", e->schema);
        j["labels"] = e->labels;
        out += line("enum", j, false);
    }
    for (const auto* t : tables) {
        ordered_json j{{"name", t->name}};
        put_if(j, "schema", t->schema);
        put_if(j, "comment", t->comment);
        out += line("table", j, false);
        for (const auto& c : t->columns) out += line("column", column_json(c), true);
        if (t->primary_key)
            out += line("primary_key", named_columns(t->primary_key->name, t->primary_key->columns),
                        true);
        for (const auto& fk : t->foreign_keys)
            out += line("foreign_key", foreign_key_json(fk), true);
        for (const auto& u : t->uniques)
            out += line("unique", named_columns(u.name, u.columns), true);
        for (const auto& i : t->indexes) out += line("index", index_json(i), true);
        for (const auto& c : t->checks) {
            ordered_json cj = ordered_json::object();
            put_if(cj, "name", c.name);
            cj["expression"] = c.expression;
            out += line("check", cj, true);
        }
    }
    return out;
}

std::optional<s::Schema> parse_snapshot(std::string_view text, const std::string& where,
                                        unsigned first_line, support::Diagnostics& diags) {
    s::Schema out;
    LineReader reader(out);
    unsigned number = first_line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        std::size_t start = raw.find_first_not_of(' ');
        if (start == std::string_view::npos) {
            ++number;
            continue;
        }
        raw.remove_prefix(start);
        std::size_t space = raw.find(' ');
        std::string keyword(raw.substr(0, space));
        std::string problem;
        try {
            if (space == std::string_view::npos)
                throw std::invalid_argument("no JSON after the keyword");
            problem = reader.read(keyword, nlohmann::json::parse(raw.substr(space + 1)));
        } catch (const std::exception& e) {
            problem = e.what();
        }
        if (!problem.empty()) {
            diags.error(
                Category::MigrationFile, "unreadable snapshot line: " + problem, {where, number, 1},
                "the file was edited by hand or merged by git; rewrite it with 'autogen hash' "
                "(or 'autogen merge' when the chain has several heads)");
            return std::nullopt;
        }
        ++number;
    }
    return out;
}

}  // namespace autogen::migrate
