// SQLite inspection (ARCHITECTURE 8, after Atlas sql/sqlite/inspect.go): five named
// catalog queries read every table, column, index, index column and foreign key of
// the database; names, checks and collations that only live in the stored CREATE
// text come from sqlite_sql_parser.
#include "introspect/sqlite_inspector.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include "codegen/sqlite_table_options.hpp"
#include "introspect/sqlite_sql_parser.hpp"
#include "support/text.hpp"

namespace autogen::introspect {

namespace {

using db::QueryResult;
using db::Row;
using sqlite::ParsedConstraint;
using sqlite::ParsedTable;

struct NamedQuery {
    const char* name;
    const char* sql;
};

constexpr NamedQuery kTablesQuery{
    "tables", "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name"};
constexpr NamedQuery kColumnsQuery{
    "columns",
    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
    "FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p "
    "WHERE m.type = 'table' ORDER BY m.name, p.cid"};
constexpr NamedQuery kIndexesQuery{
    "indexes",
    "SELECT m.name, il.name, il.\"unique\", il.origin, s.sql "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il "
    "LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name "
    "WHERE m.type = 'table' ORDER BY m.name, il.name"};
constexpr NamedQuery kIndexColumnsQuery{
    "index columns",
    "SELECT m.name, il.name, ii.seqno, ii.name "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_info(il.name) "
    "AS ii "
    "WHERE m.type = 'table' ORDER BY m.name, il.name, ii.seqno"};
// Triggers are not part of the model schema; they are read so that a table rebuild can
// create them again (Table::triggers).
constexpr NamedQuery kTriggersQuery{
    "triggers",
    "SELECT tbl_name, name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name, name"};
// Views are not part of the model schema either; a table rebuild drops and re-creates
// the ones that read the table (Schema::views). In creation order: a view may read another.
constexpr NamedQuery kViewsQuery{
    "views", "SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid"};
constexpr NamedQuery kForeignKeysQuery{
    "foreign keys",
    "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
    "WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq"};

std::string cell(const Row& r, std::size_t i) {
    return i < r.size() && r[i] ? *r[i] : std::string();
}

bool same_columns(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!support::equals_ignoring_case(a[i], b[i])) return false;
    return true;
}

schema::ReferentialAction action(const std::string& s) {
    return schema::parse_referential_action(s).value_or(schema::ReferentialAction::NoAction);
}

/// Takes the first not-yet-used parsed constraint of `kind` on `columns`: how a
/// pragma-reported key gets the name written in CREATE TABLE.
std::string claim_name(std::vector<ParsedConstraint>& parsed, std::vector<bool>& used,
                       ParsedConstraint::Kind kind, const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (used[i] || parsed[i].kind != kind || !same_columns(parsed[i].columns, columns))
            continue;
        used[i] = true;
        return parsed[i].name;
    }
    return {};
}

/// SQLite's built-in collations in upper case, as the SQLite docs spell them.
std::optional<std::string> canonical_collation(const std::optional<std::string>& c) {
    if (!c) return c;
    std::string u = support::to_upper(*c);
    return u == "BINARY" || u == "NOCASE" || u == "RTRIM" ? std::optional<std::string>(u) : c;
}

/// A name as the table spells it, when SQL text wrote it in another case.
std::string canonical_column(const schema::Table* t, const std::string& name) {
    if (t)
        for (const auto& c : t->columns)
            if (support::equals_ignoring_case(c.name, name)) return c.name;
    return name;
}

template <class T>
void sort_by_name(std::vector<T>& v) {
    std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

class SqliteInspector final : public Inspector {
  public:
    std::optional<schema::Schema> inspect(db::Connection& conn, const InspectOptions& options,
                                          support::Diagnostics& diags) const override {
        // Stop at the first failing query: the later ones would fail for the same reason.
        auto tables = run(conn, kTablesQuery, diags);
        if (!tables) return std::nullopt;
        auto columns = run(conn, kColumnsQuery, diags);
        if (!columns) return std::nullopt;
        auto indexes = run(conn, kIndexesQuery, diags);
        if (!indexes) return std::nullopt;
        auto index_columns = run(conn, kIndexColumnsQuery, diags);
        if (!index_columns) return std::nullopt;
        auto foreign_keys = run(conn, kForeignKeysQuery, diags);
        if (!foreign_keys) return std::nullopt;
        auto triggers = run(conn, kTriggersQuery, diags);
        if (!triggers) return std::nullopt;
        auto views = run(conn, kViewsQuery, diags);
        if (!views) return std::nullopt;

        schema::Schema out;
        std::map<std::string, std::size_t> at;  // table name -> index in out.tables
        std::map<std::string, ParsedTable> parsed;
        for (const auto& r : tables->rows) {
            std::string name = cell(r, 0), sql = cell(r, 1);
            if (skipped(name, options) || support::to_upper(sql).rfind("CREATE VIRTUAL", 0) == 0)
                continue;
            auto p = sqlite::parse_create_table(sql);
            if (!p) {
                diags.warning(
                    support::Category::Database,
                    "SQLite inspection (query \"" + std::string(kTablesQuery.name) +
                        "\"): cannot read the CREATE statement of table \"" + name +
                        "\"; its constraint names, checks and collations are not reported",
                    {}, "recreate the table with a plain CREATE TABLE statement");
                p = ParsedTable{};
            }
            at[name] = out.tables.size();
            out.tables.push_back({.name = name});
            codegen::sqlite::set_table_options(out.tables.back(),
                                               {.without_rowid = p->without_rowid,
                                                .strict = p->strict,
                                                .autoincrement = p->autoincrement});
            parsed[name] = std::move(*p);
        }
        read_columns(*columns, at, parsed, out);
        read_indexes(*indexes, *index_columns, at, parsed, out);
        read_foreign_keys(*foreign_keys, at, parsed, out);
        for (const auto& r : triggers->rows) {
            auto it = at.find(cell(r, 0));
            if (it != at.end())
                out.tables[it->second].triggers.push_back({.name = cell(r, 1), .sql = cell(r, 2)});
        }
        for (const auto& r : views->rows)
            out.views.push_back({.name = cell(r, 0), .sql = cell(r, 1)});
        for (auto& t : out.tables) {
            sort_by_name(t.foreign_keys);
            sort_by_name(t.uniques);
            sort_by_name(t.indexes);
            sort_by_name(t.checks);
        }
        return out;
    }

  private:
    static std::optional<QueryResult> run(db::Connection& conn, const NamedQuery& q,
                                          support::Diagnostics& diags) {
        auto r = conn.query(q.sql, {}, diags);
        if (!r)
            diags.error(support::Category::Database,
                        std::string("SQLite inspection query \"") + q.name + "\" failed", {},
                        "check that the file is a SQLite database (3.35 or newer) and is readable");
        return r;
    }

    static bool skipped(const std::string& name, const InspectOptions& options) {
        if (name.rfind("sqlite_", 0) == 0 || name.rfind("_autogen_", 0) == 0 ||
            is_version_table(name, options))
            return true;
        return std::any_of(options.exclude_tables.begin(), options.exclude_tables.end(),
                           [&](const std::string& g) { return glob_match(g, name); });
    }

    static void read_columns(const QueryResult& rows, const std::map<std::string, std::size_t>& at,
                             std::map<std::string, ParsedTable>& parsed, schema::Schema& out) {
        std::map<std::string, std::vector<std::pair<int, std::string>>>
            pk;  // table -> (position, column)
        for (const auto& r : rows.rows) {
            auto it = at.find(cell(r, 0));
            if (it == at.end() || cell(r, 7) == "1") continue;  // hidden column of a virtual table
            schema::Table& t = out.tables[it->second];
            schema::Column c;
            c.name = cell(r, 2);
            c.type.sql = cell(r, 3);
            c.nullable = cell(r, 4) != "1";
            if (r.size() > 5 && r[5]) c.server_default = *r[5];
            for (const auto& pc : parsed[t.name].columns)
                if (support::equals_ignoring_case(pc.name, c.name))
                    c.collation = canonical_collation(pc.collation);
            int pos = std::atoi(cell(r, 6).c_str());
            if (pos > 0) pk[t.name].emplace_back(pos, c.name);
            t.columns.push_back(std::move(c));
        }
        for (auto& [name, cols] : pk) {
            schema::Table& t = out.tables[at.at(name)];
            std::sort(cols.begin(), cols.end());
            t.primary_key = schema::PrimaryKey{};
            for (auto& [pos, c] : cols) t.primary_key->columns.push_back(c);
            if (cols.size() == 1 && !parsed[name].without_rowid) {
                schema::Column* c = t.find_column(cols.front().second);
                // The rowid alias: SQLite assigns it and never stores NULL in it.
                if (c && support::to_upper(c->type.sql) == "INTEGER") {
                    c->identity = true;
                    c->nullable = false;
                }
            }
        }
        for (auto& t : out.tables) {
            for (const auto& pc : parsed[t.name].constraints)
                if (pc.kind == ParsedConstraint::Kind::Check)
                    t.checks.push_back({.name = pc.name, .expression = pc.expression});
        }
    }

    static void read_indexes(const QueryResult& rows, const QueryResult& index_columns,
                             const std::map<std::string, std::size_t>& at,
                             std::map<std::string, ParsedTable>& parsed, schema::Schema& out) {
        std::map<std::pair<std::string, std::string>, std::vector<std::string>>
            cols;  // (table, index) -> columns
        for (const auto& r : index_columns.rows)
            cols[{cell(r, 0), cell(r, 1)}].push_back(cell(r, 3));
        std::map<std::string, std::vector<bool>> used;
        for (const auto& r : rows.rows) {
            auto it = at.find(cell(r, 0));
            if (it == at.end()) continue;
            schema::Table& t = out.tables[it->second];
            std::string name = cell(r, 1), origin = cell(r, 3);
            if (origin == "u") {
                auto& p = parsed[t.name].constraints;
                auto& u = used[t.name];
                u.resize(p.size());
                const auto& c = cols[{t.name, name}];
                t.uniques.push_back(
                    {.name = claim_name(p, u, ParsedConstraint::Kind::Unique, c), .columns = c});
            } else if (origin == "c") {
                schema::Index ix{.name = name, .unique = cell(r, 2) == "1"};
                if (auto p = sqlite::parse_create_index(cell(r, 4))) {
                    for (const auto& item : p->items)
                        ix.columns.push_back(!item.empty() && item.front() == '('
                                                 ? item
                                                 : canonical_column(&t, item));
                    ix.where = p->where;
                } else {
                    ix.columns = cols[{t.name, name}];
                }
                t.indexes.push_back(std::move(ix));
            }
            // origin "pk": the key of a WITHOUT ROWID or non-integer primary key,
            // already reported as the primary key.
        }
    }

    static void read_foreign_keys(const QueryResult& rows,
                                  const std::map<std::string, std::size_t>& at,
                                  std::map<std::string, ParsedTable>& parsed, schema::Schema& out) {
        std::map<std::pair<std::string, std::string>, schema::ForeignKey>
            keys;  // (table, id) -> key
        std::vector<std::pair<std::string, std::string>> order;
        for (const auto& r : rows.rows) {
            std::pair<std::string, std::string> k{cell(r, 0), cell(r, 1)};
            if (!at.count(k.first)) continue;
            auto [it, fresh] = keys.try_emplace(k);
            if (fresh) order.push_back(k);
            auto& fk = it->second;
            fk.ref_table = cell(r, 3);
            fk.columns.push_back(cell(r, 4));
            fk.ref_columns.push_back(cell(r, 5));  // "" when REFERENCES names no column
            fk.on_update = action(cell(r, 6));
            fk.on_delete = action(cell(r, 7));
        }
        // SQLite numbers foreign keys last-declared first; report them in declaration order.
        std::reverse(order.begin(), order.end());
        std::map<std::string, std::vector<bool>> used;
        for (const auto& k : order) {
            auto& fk = keys[k];
            schema::Table& t = out.tables[at.at(k.first)];
            if (std::any_of(fk.ref_columns.begin(), fk.ref_columns.end(),
                            [](const std::string& s) { return s.empty(); })) {
                // REFERENCES t without columns means t's primary key.
                auto target = at.find(fk.ref_table);
                if (target != at.end() && out.tables[target->second].primary_key)
                    fk.ref_columns = out.tables[target->second].primary_key->columns;
            }
            // Target table and columns as the target spells them (REFERENCES text may not).
            const schema::Table* target_table = nullptr;
            for (const auto& other : out.tables)
                if (support::equals_ignoring_case(other.name, fk.ref_table)) target_table = &other;
            if (target_table) fk.ref_table = target_table->name;
            for (auto& c : fk.ref_columns) c = canonical_column(target_table, c);
            auto& p = parsed[t.name].constraints;
            auto& u = used[t.name];
            u.resize(p.size());
            fk.name = claim_name(p, u, ParsedConstraint::Kind::ForeignKey, fk.columns);
            t.foreign_keys.push_back(std::move(fk));
        }
    }
};

}  // namespace

std::unique_ptr<Inspector> make_sqlite_inspector() { return std::make_unique<SqliteInspector>(); }

}  // namespace autogen::introspect
