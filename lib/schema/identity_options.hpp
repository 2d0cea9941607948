// The options of an identity column's sequence (START, INCREMENT, MINVALUE, MAXVALUE,
// CACHE, CYCLE; docs/models.md): what the models state, what a database reads back,
// and PostgreSQL's defaults: an option one side leaves out is compared as its default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace autogen::schema {

struct ColumnType;

/// Each option as the models state it (nullopt: not stated) or as a database reads it
/// back (nullopt: PostgreSQL's default for the column's type and direction).
struct IdentityOptions {
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> increment;
    std::optional<std::int64_t> minvalue;
    std::optional<std::int64_t> maxvalue;
    std::optional<std::int64_t> cache;
    std::optional<bool> cycle;

    bool empty() const { return *this == IdentityOptions{}; }
    bool operator==(const IdentityOptions&) const = default;
};

/// The values PostgreSQL gives an identity sequence of `type` whose options are `o`: every
/// field set. The increment decides the direction (a descending sequence starts at -1).
IdentityOptions effective_identity_options(const IdentityOptions& o, const ColumnType& type);

/// `o` with every option equal to its default for `type` left out (an inspector's reading).
IdentityOptions without_defaults(const IdentityOptions& o, const ColumnType& type);

/// "START WITH 10 INCREMENT BY 5 ..." for the options `o` states, in CREATE SEQUENCE order;
/// empty when it states none.
std::string identity_options_sql(const IdentityOptions& o);

/// The clauses of ALTER SEQUENCE that take `from`'s effective options to `to`'s
/// ("INCREMENT BY 5", "NO CYCLE"): one per option that differs. Never RESTART.
std::vector<std::string> sequence_option_clauses(const IdentityOptions& from,
                                                 const IdentityOptions& to, const ColumnType& type);

/// The SET clauses of ALTER COLUMN that take `from`'s effective options to `to`'s ("SET
/// START WITH 10", "SET NO CYCLE"): one per option that differs. Never RESTART.
std::vector<std::string> identity_set_clauses(const IdentityOptions& from,
                                              const IdentityOptions& to, const ColumnType& type);

/// "start 1 -> 10, cycle" for messages: each option that differs between the two.
std::string describe_identity_change(const IdentityOptions& from, const IdentityOptions& to,
                                     const ColumnType& type);

/// The annotation keys that state `o` ("identity_start = 10", "identity_cycle").
std::vector<std::string> identity_option_args(const IdentityOptions& o);

}  // namespace autogen::schema
