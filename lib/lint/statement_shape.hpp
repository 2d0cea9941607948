// The shapes of the statements the rules look at, read from tokens: ALTER TABLE and its
// actions, CREATE / DROP INDEX, CREATE / DROP TABLE, SET, and column types. Shared by the
// dialects' rules; knows nothing about locks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lint/finding.hpp"
#include "lint/lint_rules.hpp"
#include "support/sql_index_statements.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::lint {

using support::read_name;
using support::skip_words;

/// Whether the words `words` follow each other somewhere in `r` at depth 0.
bool has_sequence(const TokenRange& r, std::initializer_list<const char*> words);

/// `ALTER TABLE [IF EXISTS] [ONLY] name [*] action, action ...`.
struct AlterTable {
    std::string table;
    std::vector<TokenRange> actions;
};
std::optional<AlterTable> read_alter_table(const TokenRange& r);

using support::CreateIndex;
using support::DropIndex;
using support::read_create_index;
using support::read_drop_index;

/// `CREATE [TEMP ...] TABLE [IF NOT EXISTS] name (column type ..., constraint ...)`.
struct CreateTable {
    std::string table;
    std::vector<std::pair<std::string, std::string>> columns;  ///< name, canonical type
};
std::optional<CreateTable> read_create_table(const TokenRange& r);

/// `DROP TABLE [IF EXISTS] name, ...`: the names.
std::vector<std::string> read_drop_table(const TokenRange& r);

/// A column definition's type: the tokens from `i` up to the first constraint word
/// (NOT, NULL, DEFAULT, CONSTRAINT, PRIMARY, UNIQUE, CHECK, REFERENCES, COLLATE,
/// GENERATED, USING) at depth 0, as canonical text ("VARCHAR(20)", "NUMERIC(10,2)").
/// Moves `i` past it.
std::string read_type(const TokenRange& r, std::size_t& i);

/// A finding of rule `code` about `statement` (line, column and its text filled in).
LintFinding finding_at(const LintStatement& statement, std::string_view code, std::string message,
                       std::string fix);

/// `name` in double quotes, for messages.
std::string q(const std::string& name);

/// Tables created (CREATE TABLE) by the statements of a section: changes to them lock
/// nothing anyone waits for.
std::vector<std::string> created_tables(const std::vector<LintStatement>& statements);

}  // namespace autogen::lint
