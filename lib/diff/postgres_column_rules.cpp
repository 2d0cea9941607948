// postgres_columns_added_again() (postgres_rules.hpp): which columns an ALTER COLUMN
// drops and adds again on PostgreSQL. The planner decides the same way
// (codegen/postgres_planner.cpp: regenerate_column, generated_readers); the differ asks
// here because DROP COLUMN takes the column's privileges along, which it grants again.
#include "diff/postgres_rules.hpp"
#include "support/text.hpp"

namespace autogen::diff {

std::vector<std::string> postgres_columns_added_again(const schema::AlterColumn& change,
                                                      const schema::Table& table) {
    using namespace schema;
    std::vector<std::string> out;
    // No SET EXPRESSION before PostgreSQL 17, and no USING on a generated column: a
    // generated column gets a new expression or type, and an ordinary one becomes
    // generated, by being dropped and added again.
    if (change.to.generated && (change.changes & (kChangeGenerated | kChangeType)))
        out.push_back(change.to.name);
    // A column's type cannot change under the stored generated columns reading it: they
    // are dropped before and added again after.
    if (change.changes & kChangeType)
        for (const Column& c : table.columns)
            if (c.generated && c.name != change.to.name && c.name != change.from.name &&
                (support::mentions_identifier(*c.generated, change.to.name) ||
                 support::mentions_identifier(*c.generated, change.from.name)))
                out.push_back(c.name);
    return out;
}

}  // namespace autogen::diff
