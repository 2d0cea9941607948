// Counting the rows a change touches on SQLite (sqlite_impact.hpp).
#include "introspect/sqlite_impact.hpp"

#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"

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
