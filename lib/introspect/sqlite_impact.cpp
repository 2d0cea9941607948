// Counting the rows a change touches on SQLite (sqlite_impact.hpp).
#include "introspect/sqlite_impact.hpp"

#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"
#include "support/text.hpp"

namespace autogen::introspect {

namespace {

/// The storage classes a column of `affinity` converts when a row is copied into it
/// (sqlite.org/datatype3.html 3.4): only lossless conversions happen, but the value's
/// type (and so comparisons and the text it prints as) changes.
std::string converted_classes(const std::string& affinity) {
    if (affinity == "TEXT") return "'integer', 'real'";
    if (affinity == "INTEGER") return "'text', 'real'";
    if (affinity == "NUMERIC") return "'text', 'real'";
    if (affinity == "REAL") return "'text', 'integer'";
    return "";  // BLOB: stored as given
}

/// The storage class a STRICT column of `type` holds (sqlite.org/stricttables.html);
/// empty for ANY, which holds every value.
std::string strict_class(const std::string& type) {
    const std::string t = support::to_upper(support::trimmed(type));
    if (t == "INT" || t == "INTEGER") return "integer";
    if (t == "REAL" || t == "TEXT" || t == "BLOB") return support::to_lower(t);
    return "";
}

/// The rows of q.table whose q.columns[0] value a STRICT column of type q.to refuses. A
/// STRICT column first applies its type's affinity (the usual rules) and refuses a value
/// still not of its class; copying the values through a TEMP column of that type
/// applies exactly those rules, which no single expression does ('1e2' becomes an
/// INTEGER, '12abc' does not). The TEMP table is the connection's own, possible on a
/// read-only database, and dropped at once.
std::optional<RowCount> count_not_strict(db::Connection& conn, const RowQuestion& q,
                                         support::Diagnostics& diags) {
    const std::string storage_class = strict_class(q.to.type.sql);
    if (storage_class.empty() || q.columns.empty()) return RowCount{};
    const std::string probe = "temp." + codegen::quote_identifier("_autogen_strict_probe");
    if (!conn.execute("DROP TABLE IF EXISTS " + probe, diags) ||
        !conn.execute("CREATE TABLE " + probe + " (v " + q.to.type.sql + ")", diags))
        return std::nullopt;
    std::optional<RowCount> count;
    if (conn.execute("INSERT INTO " + probe + " SELECT " +
                         codegen::quote_identifier(q.columns.front()) + " FROM " +
                         codegen::qualified_name(q.table.schema, q.table.name),
                     diags))
        count = run_count(conn,
                          "SELECT count(*) FROM " + probe +
                              " WHERE v IS NOT NULL AND typeof(v) <> '" + storage_class + "'",
                          {}, diags);
    conn.execute("DROP TABLE IF EXISTS " + probe, diags);
    return count;
}

class SqliteImpactCounter final : public ImpactCounter {
  public:
    TypeChangeEffect type_change(const schema::Column& from,
                                 const schema::Column& to) const override {
        const std::string a = codegen::sqlite::affinity(from.type.sql),
                          b = codegen::sqlite::affinity(to.type.sql);
        if (a == b || converted_classes(b).empty()) return {};
        return {.narrows = true,
                .refuses = false,
                .reason = "from " + from.type.sql + " to " + to.type.sql + " (" + a + " to " + b +
                          " affinity): values may be converted"};
    }

    bool uses_enum(const schema::Column& column, const schema::Enum& type) const override {
        // SQLite has no enum types: a model column names its enum, a stored one is
        // a CHECK (... IN (...)) that the check rules cover.
        return column.type.logical == schema::Logical::Enum && column.type.enum_name == type.name;
    }

    std::optional<RowCount> count(db::Connection& conn, const RowQuestion& q,
                                  support::Diagnostics& diags) const override {
        if (q.kind == RowQuestionKind::NotStrict) return count_not_strict(conn, q, diags);
        std::string not_fitting;
        if (q.kind == RowQuestionKind::NotFitting && !q.columns.empty()) {
            not_fitting = "typeof(" + codegen::quote_identifier(q.columns.front()) + ") IN (" +
                          converted_classes(codegen::sqlite::affinity(q.to.type.sql)) + ")";
        }
        return run_count(conn, count_query(q, not_fitting), {}, diags);
    }
};

}  // namespace

std::unique_ptr<ImpactCounter> make_sqlite_impact_counter() {
    return std::make_unique<SqliteImpactCounter>();
}

}  // namespace autogen::introspect
