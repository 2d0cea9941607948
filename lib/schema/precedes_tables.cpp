// precedes_tables(), tables_name() (schema.hpp): which declared objects the tables need.
#include "schema/schema.hpp"
#include "support/text.hpp"

namespace autogen::schema {

bool reads_as_relation(ObjectKind kind) {
    return kind == ObjectKind::View || kind == ObjectKind::MaterializedView;
}

bool tables_name(const Schema& s, const std::string& name) {
    auto names = [&](const std::string& sql) {
        return !sql.empty() && support::mentions_identifier(sql, name);
    };
    for (const Table& t : s.tables) {
        for (const Column& c : t.columns)
            if ((c.server_default && names(*c.server_default)) ||
                (c.generated && names(*c.generated)))
                return true;
        for (const CheckConstraint& k : t.checks)
            if (names(k.expression)) return true;
        for (const Index& i : t.indexes) {
            if (names(i.where)) return true;
            for (const std::string& key : i.columns)
                if (names(key)) return true;
        }
    }
    return false;
}

bool precedes_tables(const SqlObject& o, const Schema& s) {
    switch (o.kind) {
        case ObjectKind::View:
        case ObjectKind::MaterializedView:
        case ObjectKind::Trigger:
        case ObjectKind::Grant:  // on what exists once the tables do
        case ObjectKind::Policy:
        case ObjectKind::Partition:  // of a parent the tables create
        case ObjectKind::Owner:      // of what exists once everything else does
            return false;
        // Only when a table calls it: a function created after the tables may read
        // them in a LANGUAGE sql body, which PostgreSQL checks at CREATE.
        case ObjectKind::Function:
        case ObjectKind::Procedure:
            return tables_name(s, o.name);
        case ObjectKind::Extension:  // a column's type, an index's operator class
        case ObjectKind::Domain:     // a column's type
        case ObjectKind::Schema:     // where a table is created
        case ObjectKind::Sequence:   // a default's nextval('s')
        case ObjectKind::Type:       // a column's type
        // What the tables this revision creates get (docs/objects.md "Default privileges").
        case ObjectKind::DefaultPrivilege:
            return true;
    }
    return false;
}

}  // namespace autogen::schema
