// owner_declaration() and resolve_owner_targets(): ALTER ... OWNER TO read into one owner
// object on the object it names, and what cannot be declared refused at its own line and
// column.
#include "pipeline/declared_owners.hpp"

#include <doctest/doctest.h>

#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"

using namespace autogen;

namespace {

struct Parsed {
    std::optional<schema::SqlObject> owner;
    support::Diagnostics diags;
};

Parsed parse(const std::string& sql) {
    Parsed out;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    REQUIRE(pipeline::is_owner_statement(r));
    out.owner = pipeline::owner_declaration(r, sql, {"db/o.sql", 1, 1}, out.diags);
    return out;
}

std::string first_error(const support::Diagnostics& diags) {
    for (const auto& d : diags.items()) return d.location.str() + ": " + d.message;
    return {};
}

schema::SqlObject declared(schema::ObjectKind kind, const std::string& name,
                           const std::string& arguments = "") {
    schema::SqlObject o{.kind = kind, .name = name};
    o.arguments = arguments;
    return o;
}

}  // namespace

TEST_CASE("owners: a table, a materialized view, a schema, a routine by its input types") {
    auto p = parse("alter table app.Accounts owner to \"App Owner\"");
    REQUIRE(p.owner);
    CHECK(p.owner->kind == schema::ObjectKind::Owner);
    CHECK(schema::owned_kind(*p.owner) == "TABLE");
    CHECK(p.owner->schema == "app");
    CHECK(p.owner->name == "accounts");
    CHECK(p.owner->table == "App Owner");
    CHECK(p.owner->definition == "App Owner");
    CHECK(p.owner->identity() == "TABLE \"app\".\"accounts\"");

    p = parse("ALTER MATERIALIZED VIEW IF EXISTS public.totals OWNER TO reporting");
    REQUIRE(p.owner);
    CHECK(schema::owned_kind(*p.owner) == "MATERIALIZED VIEW");
    CHECK(p.owner->schema.empty());  // public is the default schema

    p = parse("ALTER SCHEMA ledger OWNER TO app");
    REQUIRE(p.owner);
    CHECK(p.owner->identity() == "SCHEMA \"ledger\"");

    p = parse("ALTER FUNCTION bump(i int, t varchar(10)) OWNER TO app");
    REQUIRE(p.owner);
    CHECK(p.owner->identity() == "FUNCTION \"bump\"(integer, character varying)");
}

TEST_CASE("owners: refused at the word that is wrong") {
    auto p = parse("ALTER TABLE t OWNER TO CURRENT_USER");
    CHECK_FALSE(p.owner);
    CHECK(first_error(p.diags) ==
          "db/o.sql:1:24: CURRENT_USER is whoever runs the revision, and an object declared "
          "without OWNER TO is that role's already");

    p = parse("ALTER DATABASE app OWNER TO app");
    CHECK_FALSE(p.owner);
    CHECK(first_error(p.diags) ==
          "db/o.sql:1:7: ALTER DATABASE ... OWNER TO is not declared by autogen");

    p = parse("ALTER SCHEMA public OWNER TO app");
    CHECK_FALSE(p.owner);
    CHECK(first_error(p.diags).find("the public schema is the database's") != std::string::npos);

    p = parse("ALTER TABLE t OWNER TO app CASCADE");
    CHECK_FALSE(p.owner);
    CHECK(first_error(p.diags).find("db/o.sql:1:28: \"CASCADE\" is not part of") == 0);
}

TEST_CASE("owners: resolved on the declared objects") {
    using K = schema::ObjectKind;
    std::vector<schema::SqlObject> objects{
        declared(K::View, "v"),
        declared(K::Function, "f", "integer"),
        declared(K::Function, "f", "text"),
        declared(K::Procedure, "p", ""),
        declared(K::Domain, "d"),
    };
    for (const char* sql : {"ALTER TABLE v OWNER TO a", "ALTER ROUTINE p OWNER TO a",
                            "ALTER FUNCTION f(int) OWNER TO a", "ALTER TYPE d OWNER TO a",
                            "ALTER TABLE model_table OWNER TO a"}) {
        auto p = parse(sql);
        REQUIRE(p.owner);
        objects.push_back(*p.owner);
    }
    support::Diagnostics diags;
    pipeline::resolve_owner_targets(objects, diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(objects[5].identity() == "VIEW \"v\"");
    CHECK(objects[6].identity() == "PROCEDURE \"p\"()");
    CHECK(objects[7].identity() == "FUNCTION \"f\"(integer)");
    CHECK(objects[8].identity() == "DOMAIN \"d\"");
    CHECK(objects[9].identity() == "TABLE \"model_table\"");
}

TEST_CASE("owners: an overload unnamed, an undeclared view, a second OWNER TO") {
    using K = schema::ObjectKind;
    auto run = [](std::vector<std::string> statements) {
        std::vector<schema::SqlObject> objects{declared(K::Function, "f", "integer"),
                                               declared(K::Function, "f", "text"),
                                               declared(K::View, "v")};
        for (const auto& sql : statements) {
            auto p = parse(sql);
            REQUIRE(p.owner);
            objects.push_back(*p.owner);
        }
        support::Diagnostics diags;
        pipeline::resolve_owner_targets(objects, diags);
        return first_error(diags);
    };
    CHECK(run({"ALTER FUNCTION f OWNER TO a"}).find("does not say which overload") !=
          std::string::npos);
    CHECK(run({"ALTER VIEW w OWNER TO a"}) ==
          "db/o.sql:1:1: ALTER VIEW w OWNER TO names no object the models declare");
    CHECK(run({"ALTER TABLE v OWNER TO a", "ALTER VIEW v OWNER TO b"}) ==
          "db/o.sql:1:1: a second OWNER TO for VIEW \"v\" (first at db/o.sql:1:1)");
    CHECK(run({"ALTER TABLE t OWNER TO a"}).empty());
}

TEST_CASE("owners: CREATE SCHEMA ... AUTHORIZATION declares the schema's owner") {
    auto owner_of = [](const std::string& sql) {
        const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
        const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
        schema::SqlObject s{.kind = schema::ObjectKind::Schema, .name = "reports"};
        s.sql = sql;
        return pipeline::schema_authorization_owner(r, s);
    };
    auto o = owner_of("CREATE SCHEMA IF NOT EXISTS reports AUTHORIZATION reporter");
    REQUIRE(o);
    CHECK(o->identity() == "SCHEMA \"reports\"");
    CHECK(o->table == "reporter");
    CHECK_FALSE(owner_of("CREATE SCHEMA reports"));
    CHECK_FALSE(owner_of("CREATE SCHEMA reports AUTHORIZATION CURRENT_USER"));
}
