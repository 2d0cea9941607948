// PostgreSQL inspection (ARCHITECTURE 8): the five catalog queries of
// postgres_queries.hpp read the whole database; this file turns their rows into a
// Schema filled the way the SQLite inspector fills it (same fields, same order), so
// the generic differ compares like with like.
#include "introspect/postgres_inspector.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <unordered_map>

#include "codegen/postgres_ddl.hpp"
#include "codegen/postgres_default_privileges.hpp"
#include "codegen/postgres_grants.hpp"
#include "codegen/postgres_owners.hpp"
#include "codegen/postgres_sequences.hpp"
#include "codegen/sql_builder.hpp"
#include "introspect/postgres_queries.hpp"
#include "introspect/postgres_unmodelled.hpp"
#include "schema/default_privileges.hpp"
#include "schema/extension_comment.hpp"
#include "schema/grants.hpp"
#include "schema/index_keys.hpp"
#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"
#include "schema/sequence.hpp"
#include "schema/view_calls.hpp"
#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::introspect {

namespace {

using db::QueryResult;
using db::Row;
using postgres::NamedQuery;

/// The schema PostgreSQL creates tables in by default; reported as "".
constexpr const char* kDefaultSchema = "public";

std::string cell(const Row& r, std::size_t i) {
    return i < r.size() && r[i] ? *r[i] : std::string();
}

std::optional<std::string> optional_cell(const Row& r, std::size_t i) {
    return i < r.size() ? r[i] : std::nullopt;
}

std::string schema_field(const std::string& nspname) {
    return nspname == kDefaultSchema ? "" : nspname;
}

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
/// a check as "(price > 0)", written as CHECK (price > 0), and a generation expression
/// alike, written inside GENERATED ALWAYS AS (...).
std::string without_outer_parentheses(const std::string& expr) {
    if (expr.size() < 2 || expr.front() != '(' || expr.back() != ')') return expr;
    int depth = 0;
    support::SqlScanner scanner(expr, support::SqlQuoting::quotes_only());
    while (auto span = scanner.next()) {
        if (span->kind != support::SqlSpanKind::Code) continue;
        for (std::size_t i = span->begin; i < span->end; ++i) {
            if (expr[i] == '(') {
                ++depth;
            } else if (expr[i] == ')' && --depth == 0 && i + 1 != expr.size()) {
                return expr;  // "(a) AND (b)": the first pair closes before the end
            }
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

/// A catalog object id (table oids in the queries' first columns, confrelid).
using Oid = std::uint32_t;

/// A numeric cell (an oid, attnum or count); 0 when NULL.
template <class T = Oid>
T number_cell(const Row& r, std::size_t i) {
    T v = 0;
    if (i < r.size() && r[i]) std::from_chars(r[i]->data(), r[i]->data() + r[i]->size(), v);
    return v;
}

/// The integers of an int2[] ("{1,2}") or int2vector ("1 0 2") in text form.
std::vector<int> numbers(const std::string& text) {
    std::vector<int> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p != end) {
        if ((*p >= '0' && *p <= '9') || *p == '-') {
            int v = 0;
            p = std::from_chars(p, end, v).ptr;
            out.push_back(v);
        } else {
            ++p;
        }
    }
    return out;
}

/// Column names by table oid and attnum, from the columns query (every table of the
/// user schemas): what key column numbers are named with. Views into that query's
/// rows, which outlive it.
class ColumnNames {
  public:
    void add(Oid table, int attnum, std::string_view name) {
        if (attnum <= 0) return;
        auto& names = by_table_[table];
        if (static_cast<std::size_t>(attnum) >= names.size())
            names.resize(static_cast<std::size_t>(attnum) + 1);
        names[static_cast<std::size_t>(attnum)] = name;
    }

    /// The names of `attnums` of `table`; nullopt (and an error naming what `what()`
    /// returns) when one is unknown, which would be a gap between the columns query
    /// and the others.
    template <class What>
    std::optional<std::vector<std::string>> name(Oid table, const std::vector<int>& attnums,
                                                 const What& what,
                                                 support::Diagnostics& diags) const {
        std::vector<std::string> out;
        out.reserve(attnums.size());
        auto it = by_table_.find(table);
        for (int n : attnums) {
            if (it == by_table_.end() || n <= 0 ||
                static_cast<std::size_t>(n) >= it->second.size() ||
                it->second[static_cast<std::size_t>(n)].empty()) {
                diags.error(support::Category::Database,
                            what() + " refers to column number " + std::to_string(n) +
                                " of the table with oid " + std::to_string(table) +
                                ", which the inspector's \"columns\" query did not return",
                            {},
                            "this is a bug in autogen's PostgreSQL inspector; please report it "
                            "with the table's DDL");
                return std::nullopt;
            }
            out.emplace_back(it->second[static_cast<std::size_t>(n)]);
        }
        return out;
    }

  private:
    std::unordered_map<Oid, std::vector<std::string_view>> by_table_;
};

/// A grants row of kObjectsQuery (postgres_grants_query.hpp) as a grant object, with
/// the GRANT statements that make it again (what a downgrade runs).
schema::SqlObject grant_object(const Row& r) {
    const std::string target = cell(r, 3);
    auto o = schema::make_grant(target, target == "SCHEMA" ? "" : schema_field(cell(r, 0)),
                                cell(r, 1), cell(r, 4), cell(r, 6), json_strings(cell(r, 5)));
    o.arguments = cell(r, 7);
    o.sql = codegen::postgres::grant_statement(o);
    return o;
}

/// A row of kObjectsQuery as a SqlObject. A view's CREATE statement is rebuilt from the
/// deparsed definition (what a downgrade runs to create the view again) and its
/// definition is what PostgreSQL keeps: kind, options and the deparsed query. A
/// function's and a trigger's deparsed CREATE is both. Its comment: catalog_object's.
schema::SqlObject uncommented_catalog_object(const Row& r) {
    using schema::ObjectKind;
    const std::string code = cell(r, 2);
    schema::SqlObject o{.kind = code == "m"   ? ObjectKind::MaterializedView
                                : code == "f" ? ObjectKind::Function
                                : code == "p" ? ObjectKind::Procedure
                                : code == "t" ? ObjectKind::Trigger
                                : code == "y" ? ObjectKind::Policy
                                              : ObjectKind::View,
                        .schema = schema_field(cell(r, 0)),
                        .name = cell(r, 1)};
    if (code == "g") return grant_object(r);
    if (code == "o") {  // an owner: the kind as ALTER spells it in `version` (owners.hpp)
        const auto runner = json_strings(cell(r, 5));
        o = schema::make_owner(cell(r, 3), cell(r, 3) == "SCHEMA" ? "" : o.schema, o.name,
                               cell(r, 7), cell(r, 6), runner.empty() ? "" : runner.front());
        o.sql = codegen::postgres::owner_statement(o);
        return o;
    }
    if (code == "d") {  // default privileges: IN SCHEMA in `version` (default_privileges.hpp)
        o = schema::make_default_privilege(cell(r, 6), cell(r, 3), cell(r, 1),
                                           json_strings(cell(r, 5)));
        o.arguments = cell(r, 7);  // the runner (default_privileges.hpp)
        o.sql = codegen::postgres::default_privileges_statement(o);
        return o;
    }
    if (code == "s") {  // a schema's name is its own (its `schema` stays empty)
        o.kind = ObjectKind::Schema;
        o.schema.clear();
        o.sql = "CREATE SCHEMA " + codegen::quote_identifier(o.name);
        o.definition = "SCHEMA";
        return o;
    }
    if (code == "r") {  // a partition: CREATE TABLE ... PARTITION OF its parent, its bound
        o.kind = ObjectKind::Partition;
        o.definition = cell(r, 3);
        o.table = cell(r, 6);
        o.sql = "CREATE TABLE " + codegen::postgres::table_sql({o.schema, o.name}) +
                " PARTITION OF " + codegen::postgres::table_sql({o.schema, o.table}) + " " +
                o.definition;
        return o;
    }
    if (code == "S") {  // a standalone sequence: its facts, and CREATE SEQUENCE from them
        o.kind = ObjectKind::Sequence;
        o.columns = json_strings(cell(r, 5));
        if (const auto facts = schema::sequence_facts(o)) {
            o.sql = codegen::postgres::create_sequence_sql(o, *facts);
            schema::set_sequence_facts(o, *facts);
        }
        return o;
    }
    if (code == "C" || code == "R") {  // a composite or range type: its body, rebuilt
        o.kind = ObjectKind::Type;
        o.definition = "TYPE AS " + cell(r, 4);
        o.sql =
            "CREATE TYPE " + codegen::postgres::table_sql({o.schema, o.name}) + " AS " + cell(r, 4);
        o.columns = json_strings(cell(r, 5));  // a composite's attributes, in order
        return o;
    }
    std::string query = support::trimmed(cell(r, 3));
    if (!query.empty() && query.back() == ';') query.pop_back();
    if (!schema::reads_as_relation(o.kind)) {
        o.sql = query;
        o.definition = query;
        o.columns = json_strings(cell(r, 5));
        o.table = cell(r, 6);
        o.arguments = cell(r, 7);
        return o;
    }
    // reloptions as text: {check_option=local,security_barrier=true}
    std::string options = cell(r, 4);
    if (options.size() >= 2) options = options.substr(1, options.size() - 2);
    std::string with = options.empty() ? "" : " WITH (" + options + ")";
    o.sql = "CREATE " + schema::to_upper_kind(o.kind) + " " +
            codegen::postgres::table_sql({o.schema, o.name}) + with + " AS\n" + query;
    o.definition = schema::to_upper_kind(o.kind) + with + " AS " + query;
    o.columns = json_strings(cell(r, 5));
    return o;
}

/// A JSON object of strings (json_object_agg of names and comments) -> its members.
std::map<std::string, std::string> json_string_map(const std::string& text) {
    std::map<std::string, std::string> out;
    if (text.empty()) return out;
    auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) return out;
    for (const auto& [key, value] : parsed.items())
        if (value.is_string() && !value.get<std::string>().empty())
            out[key] = value.get<std::string>();
    return out;
}

/// A view's calls as kObjectsQuery reads them (a JSON array of [schema, name, identity
/// arguments]) -> each routine's identity (view_calls.hpp).
std::vector<std::string> called_routines(const std::string& text) {
    std::vector<std::string> out;
    auto parsed = nlohmann::json::parse(text.empty() ? "[]" : text, nullptr, false);
    if (!parsed.is_array()) return out;
    for (const auto& call : parsed)
        if (call.is_array() && call.size() == 3 && call[0].is_string() && call[1].is_string() &&
            call[2].is_string())
            out.push_back(schema::routine_identity(schema_field(call[0].get<std::string>()),
                                                   call[1].get<std::string>(),
                                                   call[2].get<std::string>()));
    return out;
}

/// A row of kObjectsQuery as a SqlObject, with its comment and its columns' (a view's).
schema::SqlObject catalog_object(const Row& r) {
    auto o = uncommented_catalog_object(r);
    o.comment = cell(r, 10);
    o.column_comments = json_string_map(cell(r, 11));
    if (schema::binds_routines(o.kind))
        schema::set_routines_called(o, called_routines(cell(r, 12)));
    return o;
}

/// A row of kExtensionsQuery as a SqlObject: its schema and version as installed, and the
/// statement that installs it so again (what a downgrade runs to bring it back).
schema::SqlObject extension_object(const Row& r) {
    schema::SqlObject o{.kind = schema::ObjectKind::Extension,
                        .schema = cell(r, 1),
                        .name = cell(r, 0),
                        .version = cell(r, 2),
                        .comment = cell(r, 3)};
    o.sql = "CREATE EXTENSION " + codegen::quote_identifier(o.name) + " WITH SCHEMA " +
            codegen::quote_identifier(o.schema) + " VERSION " + codegen::string_literal(o.version);
    o.definition = "EXTENSION";
    schema::set_shipped_comment(o, cell(r, 4));
    return o;
}

/// A row of kDomainsQuery as a SqlObject: its facts (what the differ compares and ALTER
/// DOMAIN changes) and the CREATE DOMAIN statement rebuilt from them (what a downgrade
/// runs to create the domain again).
schema::SqlObject domain_object(const Row& r) {
    schema::SqlObject o{
        .kind = schema::ObjectKind::Domain, .schema = schema_field(cell(r, 0)), .name = cell(r, 1)};
    schema::DomainFacts facts{.type = cell(r, 2),
                              .collation = cell(r, 5),
                              .default_value = optional_cell(r, 4),
                              .not_null = cell(r, 3) == "t",
                              .checks = {}};
    const auto names = json_strings(cell(r, 6)), definitions = json_strings(cell(r, 7));
    for (std::size_t i = 0; i < names.size() && i < definitions.size(); ++i)
        facts.checks.push_back({names[i], definitions[i]});
    o.comment = cell(r, 8);
    o.sql = codegen::postgres::create_domain_sql(o, facts);
    schema::set_domain_facts(o, std::move(facts));
    return o;
}

/// Table oid -> index in Schema::tables, for the tables the inspector reports.
using TableIndex = std::unordered_map<Oid, std::size_t>;

class PostgresInspector final : public Inspector {
  public:
    void order_as_read(schema::Schema& schema) const override {
        order_by_schema_and_name(schema, kDefaultSchema);
    }

    std::optional<schema::Schema> inspect(db::Connection& conn, const InspectOptions& options,
                                          support::Diagnostics& diags) const override {
        JitOff jit(conn);
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
        auto objects = run(conn, postgres::kObjectsQuery, diags);
        if (!objects) return std::nullopt;
        auto extensions = run(conn, postgres::kExtensionsQuery, diags);
        if (!extensions) return std::nullopt;
        auto domains = run(conn, postgres::kDomainsQuery, diags);
        if (!domains) return std::nullopt;

        schema::Schema out;
        TableIndex at;
        at.reserve(tables->rows.size());
        // A schema holding a table the inspection skips (exclude_tables) is not empty: it
        // must not be read as an empty schema the models could drop.
        std::set<std::string> holding_skipped;
        for (const auto& r : tables->rows) {
            schema::Table t{
                .schema = schema_field(cell(r, 1)), .name = cell(r, 2), .comment = cell(r, 3)};
            if (skipped(t, options)) {
                holding_skipped.insert(t.schema);
                continue;
            }
            t.options.unlogged = cell(r, 4) == "t";
            // Sorted, as the models keep them: ALTER TABLE ... SET changes the order.
            t.options.storage_parameters = json_strings(cell(r, 5));
            std::sort(t.options.storage_parameters.begin(), t.options.storage_parameters.end());
            t.options.row_level_security = cell(r, 6) == "t";
            // FORCE without ENABLE does nothing; the models cannot say it (force implies
            // enable), so it reads as not forced and a revision clears it.
            t.options.force_row_level_security = t.options.row_level_security && cell(r, 7) == "t";
            t.options.partition_by = cell(r, 8);
            at.emplace(number_cell(r, 0), out.tables.size());
            out.tables.push_back(std::move(t));
        }
        ColumnNames names;
        read_columns(*columns, at, names, out);
        if (!read_constraints(*constraints, at, names, out, diags)) return std::nullopt;
        if (!read_indexes(*indexes, at, names, out, diags)) return std::nullopt;
        for (const auto& r : enums->rows)
            out.enums.push_back({.schema = schema_field(cell(r, 0)),
                                 .name = cell(r, 1),
                                 .labels = json_strings(cell(r, 2)),
                                 .comment = cell(r, 3)});
        // Schemas first (everything may be in one), then extensions: they are created
        // before what uses them; then domains (a table's column or a view may use one,
        // none reads a view).
        auto is_schema_row = [](const Row& r) { return cell(r, 2) == "s"; };
        for (const auto& r : objects->rows)
            if (is_schema_row(r) && !holding_skipped.contains(cell(r, 1)))
                out.objects.push_back(catalog_object(r));
        for (const auto& r : extensions->rows) out.objects.push_back(extension_object(r));
        for (const auto& r : domains->rows) out.objects.push_back(domain_object(r));
        for (const auto& r : objects->rows) {
            if (is_schema_row(r)) continue;
            schema::SqlObject o = catalog_object(r);
            // A trigger on a table the inspection skips is not the project's either.
            if ((o.kind == schema::ObjectKind::Trigger || o.kind == schema::ObjectKind::Policy ||
                 o.kind == schema::ObjectKind::Partition) &&
                skipped(schema::Table{.schema = o.schema, .name = o.table}, options))
                continue;
            // So is a grant on one, and its owner.
            if (o.kind == schema::ObjectKind::Grant && schema::grant_target_kind(o) == "TABLE" &&
                skipped(schema::Table{.schema = o.schema, .name = o.name}, options))
                continue;
            if (o.kind == schema::ObjectKind::Owner && schema::owned_kind(o) == "TABLE" &&
                skipped(schema::Table{.schema = o.schema, .name = o.name}, options))
                continue;
            out.objects.push_back(std::move(o));
        }
        for (auto& t : out.tables) {
            sort_by_name(t.foreign_keys);
            sort_by_name(t.uniques);
            sort_by_name(t.indexes);
            sort_by_name(t.checks);
            sort_by_name(t.exclusions);
        }
        return out;
    }

    std::optional<std::vector<UnmodelledObject>> unmodelled_objects(
        db::Connection& conn, const InspectOptions& options,
        support::Diagnostics& diags) const override {
        auto rows = run(conn, postgres::kUnmodelledQuery, diags);
        if (!rows) return std::nullopt;
        return postgres::unmodelled_from_rows(
            *rows, [&](const std::string& schema, const std::string& table) {
                return skipped(schema::Table{.schema = schema, .name = table}, options);
            });
    }

    std::string catalog_fingerprint(db::Connection& conn) const override {
        support::Diagnostics ignored;
        auto r = conn.query(postgres::kFingerprintQuery.sql, {}, ignored);
        if (!r || r->rows.size() != 1 || r->rows[0].empty() || !r->rows[0][0]) return {};
        return *r->rows[0][0];
    }

    bool reads_table_sizes() const override { return true; }

    std::optional<std::vector<RelationSize>> table_sizes(
        db::Connection& conn, support::Diagnostics& diags) const override {
        auto rows = run(conn, postgres::kTableSizesQuery, diags);
        if (!rows) return std::nullopt;
        std::vector<RelationSize> out;
        out.reserve(rows->rows.size());
        // NULL (a table dropped meanwhile has no size) reads as `otherwise`.
        auto number = [](const std::string& text, std::int64_t otherwise) {
            char* end = nullptr;
            const long long n = std::strtoll(text.c_str(), &end, 10);
            return end == text.c_str() ? otherwise : static_cast<std::int64_t>(n);
        };
        for (const auto& r : rows->rows) {
            RelationSize size{.names = {cell(r, 0) + "." + cell(r, 1)},
                              .rows = number(cell(r, 2), -1),
                              .bytes = number(cell(r, 3), 0)};
            if (cell(r, 0) == kDefaultSchema) size.names.push_back(cell(r, 1));
            out.push_back(std::move(size));
        }
        return out;
    }

  private:
    /// JIT compilation off while the inspector runs, the session's setting put back
    /// after (postgres_queries.hpp says why). Best effort: a failure here only costs
    /// speed, and the catalog query that follows reports the connection's problem.
    class JitOff {
      public:
        explicit JitOff(db::Connection& conn) : conn_(conn) {
            support::Diagnostics ignored;
            auto r = conn_.query(postgres::kJitOffSql, {}, ignored);
            if (r && !r->rows.empty() && !r->rows[0].empty()) previous_ = r->rows[0][0];
        }
        ~JitOff() {
            if (!previous_) return;
            support::Diagnostics ignored;
            conn_.query(postgres::kRestoreJitSql, {previous_}, ignored);
        }
        JitOff(const JitOff&) = delete;
        JitOff& operator=(const JitOff&) = delete;

      private:
        db::Connection& conn_;
        std::optional<std::string> previous_;
    };

    static std::optional<QueryResult> run(db::Connection& conn, const NamedQuery& q,
                                          support::Diagnostics& diags) {
        auto r = conn.query(q.sql, {}, diags);
        if (!r)
            diags.error(support::Category::Database,
                        std::string("PostgreSQL inspection query \"") + q.name + "\" failed", {},
                        "autogen needs PostgreSQL 11 or newer and a user that can read the system "
                        "catalogs");
        return r;
    }

    static bool skipped(const schema::Table& t, const InspectOptions& options) {
        if (is_version_table(t.name, options)) return true;
        std::string qualified = (t.schema.empty() ? kDefaultSchema : t.schema) + "." + t.name;
        return std::any_of(options.exclude_tables.begin(), options.exclude_tables.end(),
                           [&](const std::string& g) {
                               return glob_match(g, t.name) || glob_match(g, qualified);
                           });
    }

    /// A column of a reported table, before the table's columns are put in attnum order.
    struct PendingColumn {
        int attnum = 0;
        bool generated = false;
        schema::Column column;
    };

    /// The identity sequence's options in cells first.. first+5 (start, increment, min,
    /// max, cache, cycle), PostgreSQL's defaults left out as the models leave them out.
    static schema::IdentityOptions identity_options_cells(const Row& r, std::size_t first,
                                                          const schema::ColumnType& type) {
        if (r.size() < first + 6 || !r[first]) return {};
        auto number = [&](std::size_t k) {
            return std::optional<std::int64_t>(number_cell<std::int64_t>(r, k));
        };
        schema::IdentityOptions o{.start = number(first),
                                  .increment = number(first + 1),
                                  .minvalue = number(first + 2),
                                  .maxvalue = number(first + 3),
                                  .cache = number(first + 4),
                                  .cycle = cell(r, first + 5) == "t"};
        return schema::without_defaults(o, type);
    }

    static void read_columns(const QueryResult& rows, const TableIndex& at, ColumnNames& names,
                             schema::Schema& out) {
        std::vector<std::vector<PendingColumn>> pending(out.tables.size());
        for (const auto& r : rows.rows) {
            Oid table = number_cell(r, 0);
            int attnum = number_cell<int>(r, 1);
            if (r.size() > 2 && r[2]) names.add(table, attnum, *r[2]);
            auto it = at.find(table);
            if (it == at.end())
                continue;  // a partition, an excluded or extension table: named, not reported
            PendingColumn p{.attnum = attnum, .generated = !cell(r, 7).empty(), .column = {}};
            schema::Column& c = p.column;
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
                c.identity_always = identity == "a";
                c.identity_options = identity_options_cells(r, 13, c.type);
            } else if (owns_sequence && c.server_default &&
                       c.server_default->rfind("nextval(", 0) == 0) {
                // serial / bigserial: a sequence owned by the column feeds its default.
                // Read as identity (both mean "the database numbers the rows"), so a
                // serial column does not differ from a model's identity key.
                c.identity = true;
                c.server_default.reset();
            }
            if (p.generated) {
                // GENERATED ALWAYS AS (...) STORED: the expression lives where a default
                // would (pg_attrdef), deparsed as PostgreSQL normalises it.
                c.server_default.reset();
                c.generated = without_outer_parentheses(cell(r, 12));
                c.generated_virtual = cell(r, 7) == "v";  // PostgreSQL 18's VIRTUAL
            }
            pending[it->second].push_back(std::move(p));
        }
        for (std::size_t i = 0; i < pending.size(); ++i) {
            auto& cols = pending[i];
            std::sort(cols.begin(), cols.end(), [](const PendingColumn& a, const PendingColumn& b) {
                return a.attnum < b.attnum;
            });
            schema::Table& t = out.tables[i];
            t.columns.reserve(cols.size());
            for (auto& p : cols) {
                t.columns.push_back(std::move(p.column));
            }
        }
    }

    /// pg_get_constraintdef's `EXCLUDE USING gist (...) [WHERE (...)]`, split into the
    /// definition and the predicate (without its parentheses).
    static schema::ExclusionConstraint read_exclusion(const std::string& name,
                                                      const std::string& text) {
        schema::ExclusionConstraint x{.name = name, .definition = text};
        if (x.definition.rfind("EXCLUDE ", 0) == 0) x.definition.erase(0, 8);
        const auto where = x.definition.find(") WHERE (");
        if (where != std::string::npos) {
            x.where = without_outer_parentheses(x.definition.substr(where + 8));
            x.definition.erase(where + 1);
        }
        return x;
    }

    static bool read_constraints(const QueryResult& rows, const TableIndex& at,
                                 const ColumnNames& names, schema::Schema& out,
                                 support::Diagnostics& diags) {
        for (const auto& r : rows.rows) {
            Oid table = number_cell(r, 0);
            auto it = at.find(table);
            if (it == at.end()) continue;
            schema::Table& t = out.tables[it->second];
            std::string name = cell(r, 1), kind = cell(r, 2), comment = cell(r, 17);
            auto what = [&] { return "constraint \"" + name + "\" of " + t.qualified_name(); };
            if (kind == "c") {
                t.checks.push_back({.name = name,
                                    .expression = without_outer_parentheses(cell(r, 12)),
                                    .no_inherit = cell(r, 13) == "t",
                                    .not_valid = cell(r, 14) == "f",
                                    .comment = comment});
                continue;
            }
            if (kind == "x") {
                t.exclusions.push_back(read_exclusion(name, cell(r, 16)));
                t.exclusions.back().comment = comment;
                continue;
            }
            auto columns = names.name(table, numbers(cell(r, 3)), what, diags);
            if (!columns) return false;
            if (kind == "p") {
                t.primary_key = schema::PrimaryKey{
                    .name = name, .columns = std::move(*columns), .comment = comment};
            } else if (kind == "u") {
                t.uniques.push_back(
                    {.name = name, .columns = std::move(*columns), .comment = comment});
            } else if (kind == "f") {
                auto ref_columns = names.name(number_cell(r, 6), numbers(cell(r, 7)), what, diags);
                if (!ref_columns) return false;
                t.foreign_keys.push_back({.name = name,
                                          .columns = std::move(*columns),
                                          .ref_schema = schema_field(cell(r, 4)),
                                          .ref_table = cell(r, 5),
                                          .ref_columns = std::move(*ref_columns),
                                          .on_delete = action(cell(r, 9)),
                                          .on_update = action(cell(r, 8)),
                                          .deferrable = cell(r, 10) == "t",
                                          .initially_deferred = cell(r, 11) == "t",
                                          .match_full = cell(r, 15) == "f",
                                          .comment = comment});
            }
        }
        return true;
    }

    /// The keys' options from the indexes query's JSON: [indoption, collation or null,
    /// operator class or null] per key. indoption's bit 0 is DESC, bit 1 NULLS FIRST.
    static void read_key_options(const std::string& text, schema::Index& index) {
        auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_array()) return;
        for (std::size_t k = 0; k < parsed.size() && k < index.columns.size(); ++k) {
            const auto& key = parsed[k];
            if (!key.is_array() || key.size() != 3 || !key[0].is_number_integer()) continue;
            int option = key[0].get<int>();
            schema::IndexKeyOptions o;
            o.descending = (option & 1) != 0;
            o.nulls_first = (option & 2) != 0;
            if (key[1].is_string()) o.collation = key[1].get<std::string>();
            if (key[2].is_string()) o.opclass = key[2].get<std::string>();
            schema::set_key_options(index, k, std::move(o));
        }
    }

    static bool read_indexes(const QueryResult& rows, const TableIndex& at,
                             const ColumnNames& names, schema::Schema& out,
                             support::Diagnostics& diags) {
        for (const auto& r : rows.rows) {
            Oid table = number_cell(r, 0);
            auto it = at.find(table);
            if (it == at.end()) continue;
            schema::Table& t = out.tables[it->second];
            schema::Index index{.name = cell(r, 1),
                                .columns = {},
                                .unique = cell(r, 2) == "t",
                                .where = cell(r, 6)};
            // btree is the default: reported as no method, as the models say nothing.
            if (cell(r, 7) != "btree") index.method = cell(r, 7);
            auto keys = numbers(cell(r, 4));
            auto key_count = std::min(
                keys.size(), static_cast<std::size_t>(std::max(0, number_cell<int>(r, 3))));
            auto expressions = json_strings(cell(r, 5));
            std::size_t next_expression = 0;
            auto what = [&] { return "index \"" + index.name + "\" of " + t.qualified_name(); };
            for (std::size_t k = 0; k < keys.size(); ++k) {
                if (keys[k] != 0) {
                    auto column = names.name(table, {keys[k]}, what, diags);
                    if (!column) return false;
                    // Past the key columns come the INCLUDE ones (always plain columns).
                    (k < key_count ? index.columns : index.include)
                        .push_back(std::move(column->front()));
                } else if (k < key_count && next_expression < expressions.size()) {
                    index.columns.push_back("(" + expressions[next_expression++] + ")");
                }
            }
            read_key_options(cell(r, 8), index);
            index.nulls_not_distinct = cell(r, 9) == "true";
            index.storage_parameters = json_strings(cell(r, 10));
            index.comment = cell(r, 11);
            t.indexes.push_back(std::move(index));
        }
        return true;
    }
};

}  // namespace

std::unique_ptr<Inspector> make_postgres_inspector() {
    return std::make_unique<PostgresInspector>();
}

}  // namespace autogen::introspect
