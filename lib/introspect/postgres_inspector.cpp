// PostgreSQL inspection (ARCHITECTURE 8): the five catalog queries of
// postgres_queries.hpp read the whole database; this file turns their rows into a
// Schema filled the way the SQLite inspector fills it (same fields, same order), so
// the generic differ compares like with like.
#include "introspect/postgres_inspector.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "introspect/postgres_queries.hpp"

namespace autogen::introspect {

namespace {

using db::QueryResult;
using db::Row;
using postgres::NamedQuery;

/// The schema PostgreSQL creates tables in by default; reported as "".
constexpr const char* kDefaultSchema = "public";

std::string cell(const Row& r, std::size_t i) { return i < r.size() && r[i] ? *r[i] : std::string(); }

std::optional<std::string> optional_cell(const Row& r, std::size_t i) {
    return i < r.size() ? r[i] : std::nullopt;
}

std::string schema_field(const std::string& nspname) { return nspname == kDefaultSchema ? "" : nspname; }

/// A JSON array of strings (array_to_json of a name[] or text[]) -> its items.
std::vector<std::string> json_strings(const std::string& text) {
    std::vector<std::string> out;
    auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array()) return out;
    for (const auto& item : parsed)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

/// `expr` without one pair of parentheses around the whole of it: pg_get_expr prints
/// a check as "(price > 0)", written as CHECK (price > 0).
std::string without_outer_parentheses(const std::string& expr) {
    if (expr.size() < 2 || expr.front() != '(' || expr.back() != ')') return expr;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < expr.size(); ++i) {
        char c = expr[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0 && i + 1 != expr.size()) {
            return expr;  // "(a) AND (b)": the first pair closes before the end
        }
    }
    return expr.substr(1, expr.size() - 2);
}

schema::ReferentialAction action(const std::string& code) {
    using schema::ReferentialAction;
    if (code == "r") return ReferentialAction::Restrict;
    if (code == "c") return ReferentialAction::Cascade;
    if (code == "n") return ReferentialAction::SetNull;
    if (code == "d") return ReferentialAction::SetDefault;
    return ReferentialAction::NoAction;  // "a"
}

template <class T>
void sort_by_name(std::vector<T>& v) {
    std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

class PostgresInspector final : public Inspector {
public:
    std::optional<schema::Schema> inspect(db::Connection& conn, const InspectOptions& options,
                                          support::Diagnostics& diags) const override {
        // Stop at the first failing query: the later ones would fail for the same reason.
        auto tables = run(conn, postgres::kTablesQuery, diags);
        if (!tables) return std::nullopt;
        auto columns = run(conn, postgres::kColumnsQuery, diags);
        if (!columns) return std::nullopt;
        auto constraints = run(conn, postgres::kConstraintsQuery, diags);
        if (!constraints) return std::nullopt;
        auto indexes = run(conn, postgres::kIndexesQuery, diags);
        if (!indexes) return std::nullopt;
        auto enums = run(conn, postgres::kEnumsQuery, diags);
        if (!enums) return std::nullopt;

        schema::Schema out;
        std::map<std::string, std::size_t> at;  // table oid -> index in out.tables
        for (const auto& r : tables->rows) {
            schema::Table t{.schema = schema_field(cell(r, 1)), .name = cell(r, 2), .comment = cell(r, 3)};
            if (skipped(t, options)) continue;
            at[cell(r, 0)] = out.tables.size();
            out.tables.push_back(std::move(t));
        }
        read_columns(*columns, at, out, diags);
        read_constraints(*constraints, at, out);
        read_indexes(*indexes, at, out);
        for (const auto& r : enums->rows)
            out.enums.push_back({.schema = schema_field(cell(r, 0)), .name = cell(r, 1), .labels = json_strings(cell(r, 2))});
        for (auto& t : out.tables) {
            sort_by_name(t.foreign_keys);
            sort_by_name(t.uniques);
            sort_by_name(t.indexes);
            sort_by_name(t.checks);
        }
        return out;
    }

private:
    static std::optional<QueryResult> run(db::Connection& conn, const NamedQuery& q, support::Diagnostics& diags) {
        auto r = conn.query(q.sql, {}, diags);
        if (!r)
            diags.error(support::Category::Database,
                        std::string("PostgreSQL inspection query \"") + q.name + "\" failed", {},
                        "autogen needs PostgreSQL 11 or newer and a user that can read the system catalogs");
        return r;
    }

    static bool skipped(const schema::Table& t, const InspectOptions& options) {
        if (is_version_table(t.name, options)) return true;
        std::string qualified = (t.schema.empty() ? kDefaultSchema : t.schema) + "." + t.name;
        return std::any_of(options.exclude_tables.begin(), options.exclude_tables.end(), [&](const std::string& g) {
            return glob_match(g, t.name) || glob_match(g, qualified);
        });
    }

    static void read_columns(const QueryResult& rows, const std::map<std::string, std::size_t>& at,
                             schema::Schema& out, support::Diagnostics& diags) {
        for (const auto& r : rows.rows) {
            auto it = at.find(cell(r, 0));
            if (it == at.end()) continue;
            schema::Table& t = out.tables[it->second];
            schema::Column c;
            c.name = cell(r, 2);
            c.type.sql = cell(r, 3);
            c.nullable = cell(r, 4) != "t";
            c.server_default = optional_cell(r, 5);
            c.collation = optional_cell(r, 8);
            c.comment = cell(r, 9);
            c.type.enum_name = cell(r, 10);
            std::string identity = cell(r, 6);
            bool owns_sequence = cell(r, 11) == "t";
            if (!identity.empty()) {
                c.identity = true;  // GENERATED ALWAYS / BY DEFAULT AS IDENTITY
            } else if (owns_sequence && c.server_default && c.server_default->rfind("nextval(", 0) == 0) {
                // serial / bigserial: a sequence owned by the column feeds its default.
                // Read as identity (both mean "the database numbers the rows"), so a
                // serial column does not differ from a model's identity key.
                c.identity = true;
                c.server_default.reset();
            }
            if (!cell(r, 7).empty()) {
                diags.warning(support::Category::Database,
                              "column " + t.qualified_name() + ".\"" + c.name +
                                  "\" is a generated column (GENERATED ALWAYS AS ... STORED); autogen reads it "
                                  "as a plain column without its expression",
                              {}, "keep the generation expression out of the models, or exclude the table");
                c.server_default.reset();
            }
            t.columns.push_back(std::move(c));
        }
    }

    static void read_constraints(const QueryResult& rows, const std::map<std::string, std::size_t>& at,
                                 schema::Schema& out) {
        for (const auto& r : rows.rows) {
            auto it = at.find(cell(r, 0));
            if (it == at.end()) continue;
            schema::Table& t = out.tables[it->second];
            std::string name = cell(r, 1), kind = cell(r, 2);
            auto columns = json_strings(cell(r, 3));
            if (kind == "p") {
                t.primary_key = schema::PrimaryKey{.name = name, .columns = std::move(columns)};
            } else if (kind == "u") {
                t.uniques.push_back({.name = name, .columns = std::move(columns)});
            } else if (kind == "c") {
                t.checks.push_back({.name = name, .expression = without_outer_parentheses(cell(r, 11))});
            } else if (kind == "f") {
                t.foreign_keys.push_back({.name = name,
                                          .columns = std::move(columns),
                                          .ref_schema = schema_field(cell(r, 4)),
                                          .ref_table = cell(r, 5),
                                          .ref_columns = json_strings(cell(r, 6)),
                                          .on_delete = action(cell(r, 8)),
                                          .on_update = action(cell(r, 7))});
            }
        }
    }

    static void read_indexes(const QueryResult& rows, const std::map<std::string, std::size_t>& at,
                             schema::Schema& out) {
        for (const auto& r : rows.rows) {
            auto it = at.find(cell(r, 0));
            if (it == at.end()) continue;
            out.tables[it->second].indexes.push_back(
                {.name = cell(r, 1), .columns = json_strings(cell(r, 4)), .unique = cell(r, 2) == "t", .where = cell(r, 5)});
        }
    }
};

}  // namespace

std::unique_ptr<Inspector> make_postgres_inspector() { return std::make_unique<PostgresInspector>(); }

}  // namespace autogen::introspect
