// Golden SQL of the SQLite planner for declared objects (issue 20), one file per
// statement kind under tests/golden/sqlite_objects/<case>.sql: a view created, a view's
// new query (dropped and created: SQLite has no OR REPLACE), views and triggers around a
// table rebuild, a trigger created and changed, WITHOUT ROWID and STRICT. Each case is
// materialised in SQLite, applied and downgraded (objects_golden.hpp).
#include <doctest/doctest.h>

#include "tests/support/objects_golden.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::testing::objects_golden;

namespace {

const std::string kActive = "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active";
const std::string kAudit =
    "CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END";

/// users with the view and the trigger that read it.
void users_with_readers(Schema& s) {
    users(s, false);
    add(s, declared(ObjectKind::View, "active_users", kActive));
    add(s, declared(ObjectKind::Trigger, "users_email", kAudit, "users"));
}

std::vector<Case> cases() {
    return {
        {"view_create", users_and(false, {}),
         [](Schema& s) { add(s, declared(ObjectKind::View, "active_users", kActive)); }},
        {"view_replace", users_with_readers,
         [](Schema& s) {
             restate(s, "active_users",
                     "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active = 1");
         }},
        {"objects_around_rebuild", users_with_readers,
         [](Schema& s) { s.tables[0].columns[2].nullable = false; }},
        {"objects_around_column_rename", users_with_readers,
         [](Schema& s) {
             s.tables[0].columns[1].name = "mail";
             s.tables[0].columns[1].renamed_from = "email";
             restate(s, "active_users",
                     "CREATE VIEW active_users AS SELECT id, mail FROM users WHERE active");
             restate(s, "users_email",
                     "CREATE TRIGGER users_email AFTER UPDATE OF mail ON users BEGIN SELECT "
                     "NEW.mail; END");
         }},
        {"trigger_create", users_and(false, {}),
         [](Schema& s) { add(s, declared(ObjectKind::Trigger, "users_email", kAudit, "users")); }},
        {"trigger_change", users_with_readers,
         [](Schema& s) {
             restate(s, "users_email",
                     "CREATE TRIGGER users_email AFTER INSERT ON users BEGIN SELECT NEW.id; END");
         }},
        {"without_rowid", users_with_readers,
         [](Schema& s) { s.tables[0].options.without_rowid = true; }},
        {"strict", users_and(false, {}), [](Schema& s) { s.tables[0].options.strict = true; }},
    };
}

}  // namespace

TEST_CASE("sqlite planner: golden SQL of declared objects, applied and downgraded") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) { check_case<testing::SqliteHarness>(c, "sqlite_objects"); }
    }
}
