// Naming conventions for the constraints and indexes autogen names itself ([models]
// naming in autogen.toml, SPEC §1): SQLAlchemy-style patterns per kind, such as
// pk = "pk_%(table)s". Without a pattern, a kind keeps autogen's default (the table in
// docs/models.md), so a project without [models] naming names everything as before.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::support {

/// The kinds a convention can name, by their key in [models] naming.
enum class NameKind { PrimaryKey, Unique, ForeignKey, Index, Check };

/// "pk", "uq", "fk", "ix", "ck".
std::string_view name_kind_key(NameKind kind);

/// What a pattern's tokens are filled with.
struct NameFields {
    std::string table;
    std::vector<std::string> columns;
    std::string referred_table;                 ///< fk only
    std::vector<std::string> referred_columns;  ///< fk only
    std::string constraint_name;                ///< ck only: the column's name (docs/models.md)
};

/// The project's patterns. Only the kinds the config sets are in `patterns`.
struct NamingConvention {
    std::map<NameKind, std::string> patterns;
    std::map<NameKind, SourceLocation> at;  ///< where each pattern is set, for messages
    /// The longest name the project's databases keep, in bytes (PostgreSQL: 63); 0 = no
    /// limit. A longer name is cut as SQLAlchemy cuts it (name()).
    std::size_t max_length = 0;

    /// The pattern of `kind`: the configured one, or autogen's default ("" for the
    /// primary key: the database names it).
    std::string pattern(NameKind kind) const;
    /// The name of a constraint of `kind` with `fields` ("" when the pattern is empty).
    /// Longer than max_length, it is cut to its first max_length - 8 bytes (never inside
    /// a UTF-8 character), "_" and the last 4 hex digits of its MD5, as SQLAlchemy names
    /// a convention's long name: PostgreSQL's 63 bytes give 60 ("ix_..._1ea2").
    std::string name(NameKind kind, const NameFields& fields) const;
    /// The configured patterns and the limit as one line ("pk=...;uq=...;max=63"), for
    /// cache keys; "" if neither is set.
    std::string fingerprint() const;
    bool operator==(const NamingConvention& other) const { return patterns == other.patterns; }
};

/// What is wrong with a pattern, when something is.
struct PatternProblem {
    std::string message;
    std::string hint;
};

/// Parses a [models] naming key ("pk" ...); nullopt if it is none of them.
std::optional<NameKind> parse_name_kind(std::string_view key);

/// Checks a pattern of `kind`: an unknown token, a token that the kind has no value
/// for (referred_table outside fk), an unterminated "%(", an empty pattern.
std::optional<PatternProblem> check_pattern(NameKind kind, std::string_view pattern);

/// The pattern with its tokens filled in. Tokens: %(table)s, %(column_0_name)s,
/// %(column_0_N_name)s (all columns joined by "_"), %(columns)s (the same),
/// %(referred_table)s, %(referred_column_0_name)s, %(referred_column_0_N_name)s,
/// %(constraint_name)s; "%%" is a "%". The pattern must have passed check_pattern.
std::string expand_pattern(std::string_view pattern, const NameFields& fields);

}  // namespace autogen::support
