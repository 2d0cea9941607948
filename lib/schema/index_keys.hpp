// An index key's options (COLLATE, operator class, ASC/DESC, NULLS FIRST/LAST) and an
// index's storage parameters: how the models write them, how they are kept normalised so
// the models and a database's read-back compare equal, and how they are written back as
// text. The one place that knows PostgreSQL's defaults (ASC sorts NULLs last, DESC first).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// One key as the models write it in an index's column list, split: the column name or
/// "(expression)", and its options.
struct ParsedIndexKey {
    std::string item;
    IndexKeyOptions options;
    std::string error;  ///< what is wrong with the key; empty when it was read
};

/// Reads `column [COLLATE name] [opclass] [ASC | DESC] [NULLS FIRST | NULLS LAST]`
/// (PostgreSQL's order; keywords in any case; the column or collation may be
/// "double-quoted"; the column may be a parenthesised expression). Options come back
/// normalised.
ParsedIndexKey parse_index_key(std::string_view key);

/// Drops what is a default: NULLS LAST on an ascending key, NULLS FIRST on a descending one.
void normalise(IndexKeyOptions& options);

/// True when a key has none of the options: a plain key.
bool is_plain(const IndexKeyOptions& options);

/// The options of key `i` of `index` (plain when the index has none).
const IndexKeyOptions& key_options(const Index& index, std::size_t i);

/// Sets key `i`'s options (normalised), keeping Index::key_options empty while every key
/// is plain. `i` must be a key of index.columns.
void set_key_options(Index& index, std::size_t i, IndexKeyOptions options);

/// The options as SQL after the key: ` COLLATE "C" text_pattern_ops DESC NULLS LAST`,
/// or "" for a plain key. Both dialects and the models' spelling use it.
std::string key_options_sql(const IndexKeyOptions& options);

/// Key `i` of `index` as the models write it: "created_at DESC", "(lower(email))",
/// "\"my col\" DESC" (a name that is not one word is quoted).
std::string index_key_text(const Index& index, std::size_t i);

/// Every key of `index` as the models write them, comma separated.
std::string index_keys_text(const Index& index);

/// True when two keys' options are the same index for a database. A key without a COLLATE
/// uses its column's collation, so "email COLLATE \"C\"" on a column declared COLLATE "C"
/// equals a plain "email" (PostgreSQL reads that key back without one); two keys without
/// one are the same whatever their columns' collations. Collation names compare ignoring
/// case.
bool same_key_options(const IndexKeyOptions& a,
                      const std::optional<std::string>& a_column_collation,
                      const IndexKeyOptions& b,
                      const std::optional<std::string>& b_column_collation);

/// Reads `with = "fillfactor = 70, deduplicate_items = off"` into normalised
/// "name=value" items (see Index::storage_parameters); an error message when a parameter
/// is not `name = value`.
std::vector<std::string> parse_storage_parameters(std::string_view text, std::string& error);

/// The parameters as written inside WITH (...) and in the models: "fillfactor = 70, ...".
std::string storage_parameters_sql(const std::vector<std::string>& parameters);

}  // namespace autogen::schema
