// Golden SQL of ALTER ... OWNER TO (docs/objects.md "Owners"), in
// tests/golden/postgresql_objects/ like the other declared objects' (objects_golden.hpp:
// both sides materialised in a real database, the revision applied and downgraded there,
// then its text compared). The objects are given to two roles the test creates when
// missing (roles are cluster-wide); an owner that goes is given back to the role autogen
// connects as, by its name: the test server's (scripts/pg-server.sh makes it `postgres`,
// a superuser, which may give its objects to any role).
#include <doctest/doctest.h>

#include <string>

#include "pipeline/declared_owners.hpp"
#include "tests/support/objects_golden.hpp"
#include "tests/support/postgres_test_harness.hpp"

using namespace autogen;
using namespace autogen::schema;
using namespace autogen::testing::objects_golden;

namespace {

constexpr const char* kOwner = "autogen_golden_owner";
constexpr const char* kOther = "autogen_golden_other_owner";
constexpr const char* kView =
    "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active";

/// The owner object of one ALTER ... OWNER TO statement, as the [models] sql reader makes it.
std::vector<SqlObject> owner(const std::string& sql) {
    support::Diagnostics diags;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    auto made = pipeline::owner_declaration(r, sql, {"golden.sql", 1, 1}, diags);
    for (const auto& d : diags.items()) MESSAGE(support::format(d));
    REQUIRE_MESSAGE(made, sql);
    return {*made};
}

std::string to(const char* role) { return std::string(" OWNER TO ") + role; }

/// Removes the owner objects of a model (their declarations deleted from the files).
void drop_owners(Schema& s) {
    std::erase_if(s.objects, [](const SqlObject& o) { return o.kind == ObjectKind::Owner; });
}

/// users and the view active_users over it, owned by `table_owner` and `view_owner`.
std::function<void(Schema&)> owned(const char* table_owner, const char* view_owner) {
    return [=](Schema& s) {
        users(s, true);
        add(s, declared(ObjectKind::View, "active_users", kView));
        add(s, owner(std::string("ALTER TABLE users") + to(table_owner)));
        add(s, owner(std::string("ALTER VIEW active_users") + to(view_owner)));
    };
}

std::vector<Case> cases() {
    return {
        // A view created with its owner (OWNER TO after its CREATE; the downgrade drops it
        // and the owner with it) and an owner given to the table that exists (the
        // downgrade gives it back to the running role).
        {"owner_create", users_and(true, {}),
         [](Schema& s) {
             add(s, declared(ObjectKind::View, "active_users", kView));
             add(s, owner(std::string("ALTER VIEW active_users") + to(kOwner)));
             add(s, owner(std::string("ALTER TABLE users") + to(kOther)));
         }},
        // The table's and the view's owners changed to the other role: one OWNER TO each,
        // both ways.
        {"owner_change", owned(kOwner, kOther),
         [](Schema& s) {
             drop_owners(s);
             add(s, owner(std::string("ALTER TABLE users") + to(kOther)));
             add(s, owner(std::string("ALTER VIEW active_users") + to(kOwner)));
         }},
        // The declarations removed: each object back to the running role, by its name; the
        // downgrade gives them to their owners again.
        {"owner_drop", owned(kOwner, kOther), drop_owners},
        // A view dropped and created around a column type change gets OWNER TO again after
        // its CREATE, in both directions; its table's owner, unchanged, is not written.
        {"owner_view_recreated", owned(kOther, kOwner),
         [](Schema& s) { s.tables[0].columns[1].type = {.sql = "VARCHAR(320)"}; }},
    };
}

}  // namespace

TEST_CASE("postgres planner: golden SQL of owners (ALTER ... OWNER TO)") {
    {
        testing::PostgresHarness h;
        REQUIRE_MESSAGE(h.conn, h.messages());
        for (const char* role : {kOwner, kOther})
            REQUIRE_MESSAGE(
                h.run({{.sql = std::string("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles "
                                           "WHERE rolname = '") +
                               role + "') THEN CREATE ROLE " + role +
                               " NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR "
                               "unique_violation THEN NULL; END $$"}}),
                h.messages());
    }
    for (const auto& c : cases()) {
        SUBCASE(c.name) { check_case<testing::PostgresHarness>(c, "postgresql_objects"); }
    }
}
