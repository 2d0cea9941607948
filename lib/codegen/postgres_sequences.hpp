// The DDL of standalone sequences (docs/objects.md, "Sequences"): CREATE SEQUENCE rebuilt
// from a catalog's facts (what a downgrade runs to bring a dropped one back) and ALTER
// SEQUENCE for the facts that change, in place (never RESTART).
#pragma once

#include <string>

#include "schema/schema.hpp"
#include "schema/sequence.hpp"

namespace autogen::codegen::postgres {

/// CREATE SEQUENCE "s"."name" AS type INCREMENT BY ... with every fact.
std::string create_sequence_sql(const schema::SqlObject& sequence,
                                const schema::SequenceFacts& facts);

/// ALTER SEQUENCE "s"."name" AS ... INCREMENT BY ... with the facts that differ from
/// `from` to `to`; empty when none does.
std::string alter_sequence_sql(const schema::SqlObject& sequence, const schema::SequenceFacts& from,
                               const schema::SequenceFacts& to);

}  // namespace autogen::codegen::postgres
