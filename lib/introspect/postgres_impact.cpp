// Counting the rows a change touches on PostgreSQL (postgres_impact.hpp).
#include "introspect/postgres_impact.hpp"

#include <cmath>

#include "codegen/postgres_casts.hpp"
#include "codegen/postgres_lowering.hpp"
#include "codegen/sql_builder.hpp"

namespace autogen::introspect {

namespace {

/// The planner's row estimate of a table; -1 when it has none (never analysed).
constexpr const char* kReltuplesQuery =
    "SELECT c.reltuples::bigint FROM pg_catalog.pg_class c WHERE c.oid = "
    "pg_catalog.to_regclass($1)";
/// The fraction of NULLs in one column, from the last ANALYZE.
constexpr const char* kNullFracQuery =
    "SELECT s.null_frac FROM pg_catalog.pg_stats s WHERE s.schemaname = $1 AND s.tablename = $2 "
    "AND s.attname = $3";

class PostgresImpactCounter final : public ImpactCounter {
  public:
    explicit PostgresImpactCounter(std::uint64_t exact_limit) : exact_limit_(exact_limit) {}

    TypeChangeEffect type_change(const schema::Column& from,
                                 const schema::Column& to) const override {
        std::string why = codegen::postgres::narrowing_reason(from.type.sql, to.type.sql);
        if (why.empty()) return {};
        return {.narrows = true,
                .refuses = codegen::postgres::value_check(from.type.sql, to.type.sql, "c").refuses,
                .reason = why};
    }

    bool uses_enum(const schema::Column& column, const schema::Enum& type) const override {
        if (column.type.logical == schema::Logical::Enum) return column.type.enum_name == type.name;
        return codegen::postgres::names_enum(column.type.sql, type.schema, type.name);
    }

    std::optional<RowCount> count(db::Connection& conn, const RowQuestion& q,
                                  support::Diagnostics& diags) const override {
        if (q.kind == RowQuestionKind::AllRows ||
            (q.kind == RowQuestionKind::NonNull && q.columns.size() == 1)) {
            auto estimate = estimated(conn, q, diags);
            if (!estimate && diags.has_errors()) return std::nullopt;
            if (estimate) return estimate;
        }
        std::string not_fitting;
        if (q.kind == RowQuestionKind::NotFitting && !q.columns.empty()) {
            not_fitting =
                codegen::postgres::value_check(q.from.type.sql, q.to.type.sql,
                                               codegen::quote_identifier(q.columns.front()))
                    .predicate;
        }
        return run_count(conn, count_query(q, not_fitting), {}, diags);
    }

  private:
    /// From the statistics, when they put the table at exact_limit rows or more.
    std::optional<RowCount> estimated(db::Connection& conn, const RowQuestion& q,
                                      support::Diagnostics& diags) const {
        auto rows = conn.query(kReltuplesQuery,
                               {codegen::qualified_name(q.table.schema, q.table.name)}, diags);
        if (!rows || rows->rows.empty() || rows->rows[0].empty() || !rows->rows[0][0])
            return std::nullopt;
        const long long tuples = std::stoll(*rows->rows[0][0]);
        if (tuples < 0 || static_cast<std::uint64_t>(tuples) < exact_limit_) return std::nullopt;
        if (q.kind == RowQuestionKind::AllRows)
            return RowCount{static_cast<std::uint64_t>(tuples), true};
        const std::string schema = q.table.schema.empty() ? "public" : q.table.schema;
        auto frac = conn.query(kNullFracQuery, {schema, q.table.name, q.columns.front()}, diags);
        if (!frac || frac->rows.empty() || frac->rows[0].empty() || !frac->rows[0][0])
            return std::nullopt;
        const double non_null = 1.0 - std::stod(*frac->rows[0][0]);
        return RowCount{
            static_cast<std::uint64_t>(std::llround(non_null * static_cast<double>(tuples))), true};
    }

    std::uint64_t exact_limit_;
};

}  // namespace

std::unique_ptr<ImpactCounter> make_postgres_impact_counter(std::uint64_t exact_limit) {
    return std::make_unique<PostgresImpactCounter>(exact_limit);
}

}  // namespace autogen::introspect
