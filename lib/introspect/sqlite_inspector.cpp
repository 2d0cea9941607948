// SQLite inspection (ARCHITECTURE 8, after Atlas sql/sqlite/inspect.go): five named
// catalog queries read every table, column, index and foreign key of the database, each
// for all tables at once (the table-valued pragmas joined with sqlite_schema); names,
// checks and collations that only live in the stored CREATE text come from
// sqlite_sql_parser. Rows are streamed (Connection::for_each_row) straight into the
// schema: on 1,000 tables the copies of every cell cost as much as SQLite's own work.
#include "introspect/sqlite_inspector.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "introspect/sqlite_sql_parser.hpp"
#include "schema/index_keys.hpp"
#include "support/sql_tokens.hpp"
#include "support/text.hpp"

namespace autogen::introspect {

namespace {

using db::RowView;
using sqlite::ParsedConstraint;
using sqlite::ParsedTable;

struct NamedQuery {
    const char* name;
    const char* sql;
};

// The catalog in one scan: tables, their indexes' CREATE text, triggers and views.
// Views and triggers are declared objects (Schema::objects), compared when the models
// declare objects; a table rebuild creates its triggers again and drops and re-creates
// the views that read the table, in creation order (rowid): a view may read another.
constexpr NamedQuery kSchemaQuery{
    "tables", "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid"};
// The pragma queries have no ORDER BY: the pragma depends on m.name, so m is the outer
// loop and each table's rows come together, in the pragma's own order (cid, id then seq,
// seqno); the order of the tables does not matter (rows are looked up by table name).
constexpr NamedQuery kColumnsQuery{
    "columns",
    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
    "FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p "
    "WHERE m.type = 'table'"};
// Objects the models cannot hold (Inspector::unmodelled_objects): virtual tables, in
// name order. (Generated columns are read as such: Column::generated.)
constexpr NamedQuery kUnmodelledQuery{
    "objects the models cannot hold",
    "SELECT 'virtual table', name, '' FROM sqlite_schema "
    "WHERE type = 'table' AND upper(substr(sql, 1, 14)) = 'CREATE VIRTUAL' "
    "ORDER BY 2, 3"};
// pragma_index_list gives a table's indexes in no useful order: sorted by name below.
constexpr NamedQuery kIndexesQuery{"indexes",
                                   "SELECT m.name, il.name, il.\"unique\", il.origin "
                                   "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il "
                                   "WHERE m.type = 'table'"};
// The columns of the indexes SQLite made for UNIQUE and PRIMARY KEY constraints (stored
// without CREATE text); an index made by CREATE INDEX is read from its text instead.
constexpr NamedQuery kAutoindexColumnsQuery{
    "index columns",
    "SELECT s.tbl_name, s.name, ii.seqno, ii.name "
    "FROM sqlite_schema AS s JOIN pragma_index_info(s.name) AS ii "
    "WHERE s.type = 'index' AND s.sql IS NULL"};
// Every index's columns: only run when a CREATE INDEX text cannot be parsed (or an
// index of a constraint is missing from the query above).
constexpr NamedQuery kIndexColumnsQuery{
    "index columns",
    "SELECT m.name, il.name, ii.seqno, ii.name "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_info(il.name) "
    "AS ii "
    "WHERE m.type = 'table' ORDER BY m.name, il.name, ii.seqno"};
constexpr NamedQuery kForeignKeysQuery{
    "foreign keys",
    "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
    "WHERE m.type = 'table'"};

std::string_view view(RowView r, std::size_t i) {
    return i < r.size() && r[i] ? *r[i] : std::string_view();
}

std::string cell(RowView r, std::size_t i) { return std::string(view(r, i)); }

/// What the differ compares of a view: its stored CREATE VIEW text as canonical tokens,
/// names in lower case (SQLite's names ignore case, quoted or not): SQLite keeps the
/// statement as written, so re-indenting or re-casing it is no change.
std::string view_definition(const std::string& sql) {
    return support::canonical_sql(sql, support::SqlQuoting::sqlite(), true);
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
/// pragma-reported key gets what only CREATE TABLE says (its name, DEFERRABLE).
const ParsedConstraint* claim(std::vector<ParsedConstraint>& parsed, std::vector<bool>& used,
                              ParsedConstraint::Kind kind,
                              const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (used[i] || parsed[i].kind != kind || !same_columns(parsed[i].columns, columns))
            continue;
        used[i] = true;
        return &parsed[i];
    }
    return nullptr;
}

std::string claim_name(std::vector<ParsedConstraint>& parsed, std::vector<bool>& used,
                       ParsedConstraint::Kind kind, const std::vector<std::string>& columns) {
    const ParsedConstraint* c = claim(parsed, used, kind, columns);
    return c ? c->name : std::string();
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

/// Tables the inspector never reports: SQLite's own, autogen's scratch tables, the
/// version table and [models] exclude_tables.
bool skipped_table(std::string_view name, const InspectOptions& options) {
    if (name.starts_with("sqlite_") || name.starts_with("_autogen_") ||
        is_version_table(std::string(name), options))
        return true;
    return std::any_of(options.exclude_tables.begin(), options.exclude_tables.end(),
                       [&](const std::string& g) { return glob_match(g, std::string(name)); });
}

bool is_virtual_table(std::string_view create_sql) {
    return create_sql.size() >= 14 &&
           support::equals_ignoring_case(create_sql.substr(0, 14), "CREATE VIRTUAL");
}

/// A table a virtual table keeps its data in (FTS3/4/5's "docs_content", R*Tree's
/// "geo_node" ...): SQLite names them "<virtual table>_<suffix>" and they belong to the
/// module, so they are neither models' tables nor ever dropped. By name with the built-in
/// modules' suffixes, which every SQLite version has (PRAGMA table_list's 'shadow'
/// needs 3.37); a user's table that happens to match is left alone, the safe side.
bool is_shadow_table(std::string_view name, const std::vector<std::string>& virtual_tables) {
    static constexpr std::string_view kSuffixes[] = {"data",   "idx",      "content", "docsize",
                                                     "config", "segments", "segdir",  "stat",
                                                     "node",   "parent",   "rowid"};
    for (const auto& v : virtual_tables) {
        if (name.size() <= v.size() + 1 || name[v.size()] != '_' ||
            !support::equals_ignoring_case(name.substr(0, v.size()), v))
            continue;
        auto suffix = name.substr(v.size() + 1);
        for (auto s : kSuffixes)
            if (support::equals_ignoring_case(suffix, s)) return true;
    }
    return false;
}

/// One index of a table as pragma_index_list reports it.
struct IndexEntry {
    std::string name;
    bool unique = false;
    std::string origin;  ///< "c" CREATE INDEX, "u" UNIQUE constraint, "pk" primary key
};

/// One run of the inspector: the catalog queries' rows go straight into `out`.
class Reading {
  public:
    Reading(db::Connection& conn, const InspectOptions& options, support::Diagnostics& diags)
        : conn_(conn), options_(options), diags_(diags) {}

    std::optional<schema::Schema> run() {
        // Stop at the first failing query: the later ones would fail for the same reason.
        if (!read_schema() || !read_columns() || !read_indexes() || !read_foreign_keys())
            return std::nullopt;
        // Told only once every query succeeded: a failing one is the only news then.
        for (const auto& name : unparsed_)
            diags_.warning(support::Category::Database,
                           "SQLite inspection (query \"" + std::string(kSchemaQuery.name) +
                               "\"): cannot read the CREATE statement of table \"" + name +
                               "\"; its constraint names, checks and collations are not reported",
                           {}, "recreate the table with a plain CREATE TABLE statement");
        for (auto& t : out_.tables) {
            sort_by_name(t.foreign_keys);
            sort_by_name(t.uniques);
            sort_by_name(t.indexes);
            sort_by_name(t.checks);
        }
        return std::move(out_);
    }

  private:
    bool query(const NamedQuery& q, const std::function<void(RowView)>& on_row) {
        if (conn_.for_each_row(q.sql, {}, on_row, diags_)) return true;
        diags_.error(support::Category::Database,
                     std::string("SQLite inspection query \"") + q.name + "\" failed", {},
                     "check that the file is a SQLite database (3.35 or newer) and is readable");
        return false;
    }

    bool skipped(std::string_view name) const { return skipped_table(name, options_); }

    /// The index in out_.tables of the table named `name`, if it is inspected. The pragma
    /// queries give each table's rows together: the last answer is kept.
    std::optional<std::size_t> table_at(std::string_view name) {
        if (!last_lookup_ || last_lookup_->first != name) {
            auto it = at_.find(name);
            last_lookup_.emplace(std::string(name), it == at_.end()
                                                        ? std::nullopt
                                                        : std::optional<std::size_t>(it->second));
        }
        return last_lookup_->second;
    }

    /// Tables (by name), their options and parsed CREATE text; views and triggers (in
    /// creation order); the CREATE text of every index.
    bool read_schema() {
        std::vector<std::pair<std::string, std::string>> tables;  // name, sql
        bool ok = query(kSchemaQuery, [&](RowView r) {
            const std::string_view type = view(r, 0);
            if (type == "table") {
                tables.emplace_back(cell(r, 1), cell(r, 3));
            } else if (type == "index") {
                if (r.size() > 3 && r[3]) index_sql_.emplace(cell(r, 1), cell(r, 3));
            } else if (type == "trigger") {
                out_.objects.push_back({.kind = schema::ObjectKind::Trigger,
                                        .name = cell(r, 1),
                                        .sql = cell(r, 3),
                                        .definition = view_definition(cell(r, 3)),
                                        .table = cell(r, 2)});
            } else if (type == "view") {
                out_.objects.push_back({.kind = schema::ObjectKind::View,
                                        .name = cell(r, 1),
                                        .sql = cell(r, 3),
                                        .definition = view_definition(cell(r, 3))});
            }
        });
        if (!ok) return false;
        std::sort(tables.begin(), tables.end());  // names are unique
        out_.tables.reserve(tables.size());
        parsed_.reserve(tables.size());
        std::vector<std::string> virtual_tables;
        for (const auto& [name, sql] : tables)
            if (is_virtual_table(sql)) virtual_tables.push_back(name);
        for (auto& [name, sql] : tables) {
            if (skipped(name) || is_virtual_table(sql) || is_shadow_table(name, virtual_tables))
                continue;
            auto p = sqlite::parse_create_table(sql);
            if (!p) {
                unparsed_.push_back(name);
                p = ParsedTable{};
            }
            at_.emplace(name, out_.tables.size());
            schema::Table& t = out_.tables.emplace_back();
            t.name = std::move(name);
            t.columns.reserve(p->columns.size());
            t.options = {.strict = p->strict,
                         .without_rowid = p->without_rowid,
                         .autoincrement = p->autoincrement};
            parsed_.push_back(std::move(*p));
        }
        // A trigger on a table the inspection skips goes with it; one on a view stays.
        std::set<std::string> views;
        for (const auto& o : out_.objects)
            if (o.kind == schema::ObjectKind::View) views.insert(o.name);
        std::erase_if(out_.objects, [&](const schema::SqlObject& o) {
            return o.kind == schema::ObjectKind::Trigger && !at_.count(o.table) &&
                   !views.count(o.table);
        });
        return true;
    }

    bool read_columns() {
        std::vector<std::vector<std::pair<int, std::string>>> pk(out_.tables.size());
        bool ok = query(kColumnsQuery, [&](RowView r) {
            auto i = table_at(view(r, 0));
            if (!i || view(r, 7) == "1") return;  // hidden column of a virtual table
            schema::Table& t = out_.tables[*i];
            schema::Column c;
            c.name = cell(r, 2);
            c.type.sql = cell(r, 3);
            c.nullable = view(r, 4) != "1";
            if (r.size() > 5 && r[5]) c.server_default = std::string(*r[5]);
            // hidden: 2 a VIRTUAL generated column, 3 a STORED one; the expression is
            // only in the CREATE text.
            const bool generated = view(r, 7) == "2" || view(r, 7) == "3";
            for (const auto& pc : parsed_[*i].columns)
                if (support::equals_ignoring_case(pc.name, c.name)) {
                    c.collation = canonical_collation(pc.collation);
                    if (generated) c.generated = pc.generated.value_or("");
                }
            if (generated) {
                if (!c.generated) c.generated = "";  // the CREATE text could not be read
                c.generated_virtual = view(r, 7) == "2";
                c.server_default.reset();
            }
            int pos = std::atoi(cell(r, 6).c_str());
            if (pos > 0) pk[*i].emplace_back(pos, c.name);
            t.columns.push_back(std::move(c));
        });
        if (!ok) return false;
        for (std::size_t i = 0; i < out_.tables.size(); ++i) {
            auto& cols = pk[i];
            if (cols.empty()) continue;
            schema::Table& t = out_.tables[i];
            std::sort(cols.begin(), cols.end());
            t.primary_key = schema::PrimaryKey{};
            for (auto& [pos, c] : cols) t.primary_key->columns.push_back(c);
            // A table has one primary key: its name is the one CREATE TABLE gives it
            // (CONSTRAINT "pk_t" PRIMARY KEY ...), "" when unnamed.
            for (const auto& pc : parsed_[i].constraints)
                if (pc.kind == ParsedConstraint::Kind::PrimaryKey) {
                    t.primary_key->name = pc.name;
                    break;
                }
            if (cols.size() == 1 && !parsed_[i].without_rowid) {
                schema::Column* c = t.find_column(cols.front().second);
                // The rowid alias: SQLite assigns it and never stores NULL in it.
                if (c && support::to_upper(c->type.sql) == "INTEGER") {
                    c->identity = true;
                    c->nullable = false;
                }
            }
        }
        for (std::size_t i = 0; i < out_.tables.size(); ++i)
            for (const auto& pc : parsed_[i].constraints)
                if (pc.kind == ParsedConstraint::Kind::Check)
                    out_.tables[i].checks.push_back({.name = pc.name, .expression = pc.expression});
        return true;
    }

    /// The columns of index `index` of `table`, as pragma_index_info names them: from the
    /// constraint indexes' query, else (rarely) from every index's, run once.
    std::optional<std::vector<std::string>> index_columns(const std::string& table,
                                                          const std::string& index) {
        auto key = std::make_pair(table, index);
        if (auto it = autoindex_columns_.find(key); it != autoindex_columns_.end())
            return it->second;
        if (!all_index_columns_) {
            all_index_columns_.emplace();
            bool ok = query(kIndexColumnsQuery, [&](RowView r) {
                (*all_index_columns_)[{cell(r, 0), cell(r, 1)}].push_back(cell(r, 3));
            });
            if (!ok) return std::nullopt;
        }
        return (*all_index_columns_)[key];
    }

    bool read_indexes() {
        std::vector<std::vector<IndexEntry>> entries(out_.tables.size());
        bool ok = query(kIndexesQuery, [&](RowView r) {
            if (auto i = table_at(view(r, 0)))
                entries[*i].push_back(
                    {.name = cell(r, 1), .unique = view(r, 2) == "1", .origin = cell(r, 3)});
        });
        if (!ok) return false;
        ok = query(kAutoindexColumnsQuery, [&](RowView r) {
            autoindex_columns_[{cell(r, 0), cell(r, 1)}].push_back(cell(r, 3));
        });
        if (!ok) return false;
        for (std::size_t i = 0; i < out_.tables.size(); ++i) {
            schema::Table& t = out_.tables[i];
            auto& list = entries[i];
            std::sort(list.begin(), list.end(),
                      [](const IndexEntry& a, const IndexEntry& b) { return a.name < b.name; });
            std::vector<bool> used;
            for (auto& e : list) {
                if (e.origin == "u") {
                    auto& p = parsed_[i].constraints;
                    used.resize(p.size());
                    auto c = index_columns(t.name, e.name);
                    if (!c) return false;
                    t.uniques.push_back(
                        {.name = claim_name(p, used, ParsedConstraint::Kind::Unique, *c),
                         .columns = std::move(*c)});
                } else if (e.origin == "c") {
                    schema::Index ix{.name = e.name, .unique = e.unique};
                    auto sql = index_sql_.find(e.name);
                    auto p = sqlite::parse_create_index(sql == index_sql_.end() ? std::string()
                                                                                : sql->second);
                    if (p) {
                        ix.columns.reserve(p->items.size());
                        for (auto& item : p->items)
                            ix.columns.push_back(!item.empty() && item.front() == '('
                                                     ? std::move(item)
                                                     : canonical_column(&t, item));
                        for (std::size_t k = 0; k < p->options.size(); ++k)
                            schema::set_key_options(ix, k, std::move(p->options[k]));
                        ix.where = std::move(p->where);
                    } else {
                        auto c = index_columns(t.name, e.name);
                        if (!c) return false;
                        ix.columns = std::move(*c);
                    }
                    t.indexes.push_back(std::move(ix));
                }
                // origin "pk": the key of a WITHOUT ROWID or non-integer primary key,
                // already reported as the primary key.
            }
        }
        return true;
    }

    bool read_foreign_keys() {
        // Per table, the keys in SQLite's order (id), one row per column (seq).
        std::vector<std::vector<std::pair<std::string, schema::ForeignKey>>> keys(
            out_.tables.size());
        bool ok = query(kForeignKeysQuery, [&](RowView r) {
            auto i = table_at(view(r, 0));
            if (!i) return;
            auto& list = keys[*i];
            if (list.empty() || list.back().first != view(r, 1))
                list.emplace_back(cell(r, 1), schema::ForeignKey{});
            auto& fk = list.back().second;
            fk.ref_table = cell(r, 3);
            fk.columns.push_back(cell(r, 4));
            fk.ref_columns.push_back(cell(r, 5));  // "" when REFERENCES names no column
            fk.on_update = action(cell(r, 6));
            fk.on_delete = action(cell(r, 7));
        });
        if (!ok) return false;
        // Table names as SQLite compares them (ASCII case folded), for REFERENCES text
        // that spells the target in another case; the last table wins, as before.
        std::map<std::string, std::size_t> folded;
        for (std::size_t i = 0; i < out_.tables.size(); ++i)
            folded.insert_or_assign(support::to_upper(out_.tables[i].name), i);
        for (std::size_t i = 0; i < out_.tables.size(); ++i) {
            schema::Table& t = out_.tables[i];
            auto& list = keys[i];
            std::vector<bool> used;
            t.foreign_keys.reserve(list.size());
            // SQLite numbers foreign keys last-declared first; report them in declaration
            // order.
            for (auto k = list.rbegin(); k != list.rend(); ++k) {
                auto& fk = k->second;
                if (std::any_of(fk.ref_columns.begin(), fk.ref_columns.end(),
                                [](const std::string& s) { return s.empty(); })) {
                    // REFERENCES t without columns means t's primary key.
                    auto target = at_.find(fk.ref_table);
                    if (target != at_.end() && out_.tables[target->second].primary_key)
                        fk.ref_columns = out_.tables[target->second].primary_key->columns;
                }
                // Target table and columns as the target spells them (REFERENCES text may
                // not).
                const schema::Table* target_table = nullptr;
                if (auto f = folded.find(support::to_upper(fk.ref_table)); f != folded.end())
                    target_table = &out_.tables[f->second];
                if (target_table) fk.ref_table = target_table->name;
                for (auto& c : fk.ref_columns) c = canonical_column(target_table, c);
                auto& p = parsed_[i].constraints;
                used.resize(p.size());
                if (const ParsedConstraint* c =
                        claim(p, used, ParsedConstraint::Kind::ForeignKey, fk.columns)) {
                    fk.name = c->name;
                    fk.deferrable = c->deferrable;
                    fk.initially_deferred = c->initially_deferred;
                }
                t.foreign_keys.push_back(std::move(fk));
            }
        }
        return true;
    }

    db::Connection& conn_;
    const InspectOptions& options_;
    support::Diagnostics& diags_;
    schema::Schema out_;
    std::vector<ParsedTable> parsed_;    ///< beside out_.tables
    std::vector<std::string> unparsed_;  ///< tables whose CREATE text could not be parsed
    std::map<std::string, std::size_t, std::less<>> at_;  ///< table name -> out_.tables
    std::map<std::string, std::string> index_sql_;        ///< index name -> CREATE INDEX
    std::optional<std::pair<std::string, std::optional<std::size_t>>> last_lookup_;
    using IndexColumns = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;
    IndexColumns autoindex_columns_;                 ///< (table, index) -> columns
    std::optional<IndexColumns> all_index_columns_;  ///< read only when needed
};

class SqliteInspector final : public Inspector {
  public:
    std::optional<schema::Schema> inspect(db::Connection& conn, const InspectOptions& options,
                                          support::Diagnostics& diags) const override {
        return Reading(conn, options, diags).run();
    }

    /// Everything SQLite knows of a schema is the text of its schema table: the library's
    /// version (which parses it) and every row of it.
    std::string catalog_fingerprint(db::Connection& conn) const override {
        std::string out = "sqlite_schema\x1e";  // never "": an empty database is known too
        support::Diagnostics ignored;
        bool ok = conn.for_each_row(
            "SELECT sqlite_version(), type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid",
            {},
            [&](RowView r) {
                for (const auto& c : r) {
                    out += c ? *c : std::string_view("\x01null");
                    out += '\x1f';
                }
                out += '\x1e';
            },
            ignored);
        return ok ? out : std::string();
    }

    /// Virtual tables (views and triggers are in the Schema).
    std::optional<std::vector<UnmodelledObject>> unmodelled_objects(
        db::Connection& conn, const InspectOptions& options,
        support::Diagnostics& diags) const override {
        std::vector<UnmodelledObject> out;
        bool ok = conn.for_each_row(
            kUnmodelledQuery.sql, {},
            [&](RowView r) {
                std::string table = cell(r, 1);
                if (skipped_table(table, options)) return;
                out.push_back({.kind = "virtual table",
                               .schema = {},
                               .name = table,
                               .table = {},
                               .hint = "not modelled, and its shadow tables (" + table +
                                       "_...) are never diffed: keep CREATE VIRTUAL TABLE "
                                       "in a hand-written revision"});
            },
            diags);
        if (!ok) {
            diags.error(
                support::Category::Database,
                std::string("SQLite inspection query \"") + kUnmodelledQuery.name + "\" failed", {},
                "check that the file is a SQLite database (3.35 or newer)");
            return std::nullopt;
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<Inspector> make_sqlite_inspector() { return std::make_unique<SqliteInspector>(); }

}  // namespace autogen::introspect
