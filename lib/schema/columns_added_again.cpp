// regenerates_column(), generated_readers(), columns_added_again() (columns_added_again.hpp).
#include "schema/columns_added_again.hpp"

#include "support/text.hpp"

namespace autogen::schema {

bool regenerates_column(const AlterColumn& change) {
    return change.to.generated && (change.changes & (kChangeGenerated | kChangeType));
}

std::vector<const Column*> generated_readers(const AlterColumn& change, const Table& table) {
    std::vector<const Column*> out;
    if (!(change.changes & kChangeType)) return out;
    for (const Column& c : table.columns)
        if (c.generated && c.name != change.to.name && c.name != change.from.name &&
            (support::mentions_identifier(*c.generated, change.to.name) ||
             support::mentions_identifier(*c.generated, change.from.name)))
            out.push_back(&c);
    return out;
}

std::vector<std::string> columns_added_again(const AlterColumn& change, const Table& table) {
    std::vector<std::string> out;
    if (regenerates_column(change)) out.push_back(change.to.name);
    for (const Column* c : generated_readers(change, table)) out.push_back(c->name);
    return out;
}

}  // namespace autogen::schema
