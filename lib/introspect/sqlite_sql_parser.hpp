// Reads what SQLite keeps only in the CREATE statements it stores (sqlite_schema.sql):
// constraint names, CHECK expressions, collations, index expressions and partial-index
// predicates. The pragmas give everything else; this parser fills in the rest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::introspect::sqlite {

/// One table-level or column-level constraint of a CREATE TABLE.
struct ParsedConstraint {
    enum class Kind { PrimaryKey, Unique, Check, ForeignKey };
    Kind kind = Kind::Check;
    std::string name;                  ///< "" when unnamed
    std::vector<std::string> columns;  ///< key columns (the column itself when column-level)
    std::string expression;            ///< CHECK text between its parentheses, as written
    std::string ref_table;             ///< FOREIGN KEY / REFERENCES target
    bool deferrable = false;           ///< FOREIGN KEY: DEFERRABLE
    bool initially_deferred = false;   ///< FOREIGN KEY: DEFERRABLE INITIALLY DEFERRED
};

struct ParsedColumn {
    std::string name;
    std::optional<std::string> collation;
    /// [GENERATED ALWAYS] AS (expression): the text between its parentheses, as written.
    std::optional<std::string> generated;
    bool generated_virtual = false;  ///< VIRTUAL, SQLite's default, rather than STORED
};

struct ParsedTable {
    std::vector<ParsedColumn> columns;
    std::vector<ParsedConstraint> constraints;  ///< in the order written
    bool without_rowid = false;
    bool strict = false;         ///< the STRICT table option
    bool autoincrement = false;  ///< a column's PRIMARY KEY ... AUTOINCREMENT
};

/// Parses a CREATE TABLE statement as SQLite stores it; nullopt if it is not one.
std::optional<ParsedTable> parse_create_table(std::string_view sql);

struct ParsedIndex {
    /// Column names, or expressions in parentheses ("(lower(email))").
    std::vector<std::string> items;
    /// Each item's COLLATE and ASC/DESC, in the items' order.
    std::vector<schema::IndexKeyOptions> options;
    std::string where;  ///< partial-index predicate as written, "" if none
};

/// Parses a CREATE [UNIQUE] INDEX statement; nullopt if it is not one.
std::optional<ParsedIndex> parse_create_index(std::string_view sql);

/// An identifier without its quotes ("a""b" -> a"b, `x` -> x, [y] -> y).
std::string unquote_identifier(std::string_view token);

}  // namespace autogen::introspect::sqlite
