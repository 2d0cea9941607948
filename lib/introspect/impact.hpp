// What a planned change does to the rows already stored (SPEC §3 "Destructive
// operations"): which operations lose data (drop table, drop column, narrowing type
// change, dropped enum label, dropped unique or check constraint) and which cannot run
// on the stored rows (NOT NULL column without a default, tightening with NULLs left, a
// narrowing the values do not fit, a unique key or foreign key or check the rows
// violate). The decision of which operation asks which question is generic (this
// file, no dialect names); the counting SQL is per dialect behind `ImpactCounter`
// (sqlite_impact.cpp, postgres_impact.cpp), reached through the CLI's Dialect.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::introspect {

/// Which rows of one table a question counts.
enum class RowQuestionKind {
    AllRows,     ///< every row
    NonNull,     ///< rows where every one of `columns` IS NOT NULL
    Nulls,       ///< rows where columns[0] IS NULL
    NotFitting,  ///< rows whose columns[0] value the type change `from` -> `to` refuses or alters
    Holding,     ///< rows whose columns[0] holds one of `values`
    Violating,   ///< rows where NOT (`expression`)
    DuplicateGroups,  ///< groups of 2+ rows sharing `columns` (all non-NULL; `expression`:
                      ///< partial-index predicate)
    Orphans,          ///< rows whose `key` (all columns non-NULL) references no row
    NotStrict,        ///< rows whose columns[0] value a STRICT column of type `to` refuses (SQLite)
};

/// One question about the live rows. `table` and the column names are the live
/// database's (before any rename of the same revision).
struct RowQuestion {
    RowQuestionKind kind = RowQuestionKind::AllRows;
    schema::TableRef table;
    std::vector<std::string> columns;
    schema::Column from, to;          ///< NotFitting; NotStrict: `to`
    std::vector<std::string> values;  ///< Holding
    std::string expression;           ///< Violating; DuplicateGroups (may be empty)
    schema::ForeignKey key;           ///< Orphans
    /// DuplicateGroups: NULLs are one value (a unique index with NULLS NOT DISTINCT), so
    /// rows whose key is NULL conflict too; otherwise a row with a NULL key never does.
    bool nulls_equal = false;
};

/// A count of rows (or of duplicate groups), exact or estimated from statistics.
struct RowCount {
    std::uint64_t rows = 0;
    bool estimated = false;
};

/// How a column type change treats stored values in one dialect.
struct TypeChangeEffect {
    bool narrows = false;  ///< may lose, alter or refuse values
    bool refuses =
        false;  ///< a value that does not fit makes the statement fail (else it is converted)
    std::string reason;  ///< "from VARCHAR(20) to VARCHAR(5): longer values make it fail"
};

/// The per-dialect side: type-change knowledge and the counting SQL. Every identifier
/// in that SQL is quoted (codegen/sql_builder.hpp).
class ImpactCounter {
  public:
    virtual ~ImpactCounter() = default;
    virtual TypeChangeEffect type_change(const schema::Column& from,
                                         const schema::Column& to) const = 0;
    /// Is `column` (as the database stores it) of the enum type `type`?
    virtual bool uses_enum(const schema::Column& column, const schema::Enum& type) const = 0;
    /// Answers `q` on `conn`; nullopt after reporting a Database diagnostic.
    virtual std::optional<RowCount> count(db::Connection& conn, const RowQuestion& q,
                                          support::Diagnostics& diags) const = 0;
};

enum class ImpactKind {
    Destructive,   ///< loses data: needs the user's yes (or --allow-data-loss)
    Unexecutable,  ///< fails on stored rows: refused at revision time when the count is not 0
};

/// One finding about one operation.
struct Impact {
    ImpactKind kind = ImpactKind::Destructive;
    std::size_t op_index = 0;  ///< into the assessed operations
    std::string what;          ///< the operation in words: `drops table "payments"`
    RowQuestion question;
    std::string counted;  ///< what is counted, after "N rows": " with a value", " holding them" ...
    std::string fix;      ///< Unexecutable: how to make the change runnable
    /// A destructive operation that also fails when the count is not 0 (a narrowing the
    /// values do not fit, a dropped enum label still held): refused like Unexecutable.
    bool refused_when_counted = false;
    std::optional<RowCount> count;  ///< filled by count_impacts; nullopt = not counted
};

/// The impacts of `ops`, which turn `from` (the schema the rows live in) into `to`:
/// destructive operations first-class, unexecutable ones only where they can meet rows
/// (a table created by the same operations has none). Questions about columns the
/// live table does not have yet are left out.
std::vector<Impact> assess(const std::vector<schema::Operation>& ops, const schema::Schema& from,
                           const schema::Schema& to, const ImpactCounter& counter);

/// For each operation of `ops`: does it lose data (a destructive impact)?
std::vector<bool> destructive_operations(const std::vector<schema::Operation>& ops,
                                         const schema::Schema& from, const schema::Schema& to,
                                         const ImpactCounter& counter);

/// Counts every impact's question on `conn`. A question the database cannot answer
/// leaves that count empty and adds a warning (the gate then treats it as uncounted).
void count_impacts(std::vector<Impact>& impacts, const ImpactCounter& counter, db::Connection& conn,
                   support::Diagnostics& diags);

/// The SQL that answers `q` with one row, one column: the count. Generic SQL, every
/// identifier quoted; `not_fitting` is the dialect's predicate on the quoted column for
/// NotFitting and NotStrict questions (rows it is true for do not fit).
std::string count_query(const RowQuestion& q, const std::string& not_fitting = {});

/// Runs a count query (one row, one integer column).
std::optional<RowCount> run_count(db::Connection& conn, const std::string& sql,
                                  const std::vector<std::optional<std::string>>& params,
                                  support::Diagnostics& diags);

/// Does `impact` stop the revision: unexecutable (or refused when counted) with a
/// count above zero?
bool blocks(const Impact& impact);

/// "3 rows", "about 1200000 rows (estimate)", "not counted" + what the count is.
std::string describe_count(const Impact& impact);

}  // namespace autogen::introspect
