// The schema as the PostgreSQL planner walks a list of operations: `from`, with each
// operation applied in turn. It answers what a single operation does not carry: the
// current name of a table's primary key (renamed along with its table) and, for an
// enum rebuild, the columns that use the enum at that point of the plan.
#pragma once

#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

class PlanState {
  public:
    explicit PlanState(schema::Schema from);

    /// Applies `op` to the schema (unnamed primary keys get PostgreSQL's name).
    void apply(const schema::Operation& op);

    const schema::Schema& schema() const { return schema_; }
    schema::Table* find(const schema::TableRef& table) {
        return schema_.find_table(table.name, table.schema);
    }

    /// The primary key's name in the database right now ("" if the table has none).
    std::string primary_key_name(const schema::TableRef& table);

  private:
    schema::Schema schema_;
};

}  // namespace autogen::codegen::postgres
