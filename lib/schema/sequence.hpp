// A standalone PostgreSQL sequence's facts (CREATE SEQUENCE, docs/objects.md): a declared
// object (SqlObject of kind Sequence) whose type and options are kept one per entry of
// SqlObject::columns, every option at its effective value (PostgreSQL's default where the
// statement leaves one out), so that a file and a catalog compare alike and ALTER SEQUENCE
// changes each in place. Pure data, like schema.hpp.
#pragma once

#include <optional>
#include <string>

#include "schema/identity_options.hpp"
#include "schema/schema.hpp"

namespace autogen::schema {

struct SequenceFacts {
    std::string type =
        "bigint";             ///< AS: "smallint", "integer" or "bigint" (format_type's spelling)
    IdentityOptions options;  ///< every option set (effective_identity_options)
    bool operator==(const SequenceFacts&) const = default;
};

/// format_type's spelling of a sequence's AS type ("int4" -> "integer"); nullopt for a
/// type a sequence cannot have.
std::optional<std::string> sequence_type(const std::string& written);

/// The facts of `o` (kind Sequence); nullopt when it holds none.
std::optional<SequenceFacts> sequence_facts(const SqlObject& o);

/// Sets `o`'s facts (SqlObject::columns) and its definition, which the differ compares;
/// the options left out take PostgreSQL's defaults for the type and direction.
void set_sequence_facts(SqlObject& o, SequenceFacts facts);

/// "increment 1 -> 5, cycle" for messages: each fact that differs from `from` to `to`.
std::string describe_sequence_change(const SequenceFacts& from, const SequenceFacts& to);

}  // namespace autogen::schema
