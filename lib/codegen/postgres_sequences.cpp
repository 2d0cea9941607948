// Standalone sequences' DDL (postgres_sequences.hpp).
#include "codegen/postgres_sequences.hpp"

#include "codegen/sql_builder.hpp"
#include "schema/identity_options.hpp"

namespace autogen::codegen::postgres {

namespace {

schema::ColumnType type_of(const schema::SequenceFacts& f) { return {.sql = f.type}; }

}  // namespace

std::string create_sequence_sql(const schema::SqlObject& sequence,
                                const schema::SequenceFacts& facts) {
    return "CREATE SEQUENCE " + qualified_name(sequence.schema, sequence.name) + " AS " +
           facts.type + " " + schema::identity_options_sql(facts.options);
}

std::string alter_sequence_sql(const schema::SqlObject& sequence, const schema::SequenceFacts& from,
                               const schema::SequenceFacts& to) {
    std::string clauses;
    // AS first: PostgreSQL takes the new type's bounds for a MINVALUE or MAXVALUE that
    // the statement leaves out, so every bound that differs is written after it.
    if (from.type != to.type) clauses = "AS " + to.type;
    for (const auto& c : schema::sequence_option_clauses(from.options, to.options, type_of(to)))
        clauses += (clauses.empty() ? "" : " ") + c;
    if (clauses.empty()) return {};
    return "ALTER SEQUENCE " + qualified_name(sequence.schema, sequence.name) + " " + clauses;
}

}  // namespace autogen::codegen::postgres
