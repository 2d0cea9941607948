// The PostgreSQL statements of a domain: CREATE DOMAIN from its facts, ALTER DOMAIN for each
// change, and the refusal to drop a domain columns use to create it with a new base type.
#include <doctest/doctest.h>

#include "codegen/planner.hpp"
#include "codegen/postgres_ddl.hpp"
#include "codegen/postgres_planner.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

const DomainFacts kYear{.type = "integer",
                        .collation = "",
                        .default_value = std::nullopt,
                        .not_null = false,
                        .checks = {{"year_check", "CHECK ((VALUE >= 1901))"}}};

SqlObject year(const DomainFacts& facts) {
    SqlObject o{.kind = ObjectKind::Domain, .name = "year"};
    o.sql = codegen::postgres::create_domain_sql(o, facts);
    set_domain_facts(o, facts);
    return o;
}

}  // namespace

TEST_CASE("postgres domains: CREATE DOMAIN from the facts, ALTER DOMAIN for each change") {
    DomainFacts facts = kYear;
    facts.collation = "C";
    facts.type = "text";
    facts.default_value = "'x'::text";
    facts.not_null = true;
    SqlObject o{.kind = ObjectKind::Domain, .schema = "app", .name = "code"};
    CHECK(codegen::postgres::create_domain_sql(o, facts) ==
          "CREATE DOMAIN \"app\".\"code\" AS TEXT COLLATE \"C\" DEFAULT 'x'::text NOT NULL "
          "CONSTRAINT \"year_check\" CHECK ((VALUE >= 1901))");
    DomainFacts next = kYear;
    next.default_value = "2000";
    next.not_null = true;
    next.checks = {{"year_min", "CHECK ((VALUE >= 1901))"},
                   {"year_max", "CHECK ((VALUE <= 2100))"}};
    CHECK(codegen::postgres::alter_domain_sql(year(kYear), kYear, next) ==
          std::vector<std::string>{
              "ALTER DOMAIN \"year\" RENAME CONSTRAINT \"year_check\" TO \"year_min\"",
              "ALTER DOMAIN \"year\" ADD CONSTRAINT \"year_max\" CHECK ((VALUE <= 2100))",
              "ALTER DOMAIN \"year\" SET DEFAULT 2000", "ALTER DOMAIN \"year\" SET NOT NULL"});
    CHECK(codegen::postgres::alter_domain_sql(year(next), next, kYear) ==
          std::vector<std::string>{
              "ALTER DOMAIN \"year\" DROP CONSTRAINT \"year_max\"",
              "ALTER DOMAIN \"year\" RENAME CONSTRAINT \"year_min\" TO \"year_check\"",
              "ALTER DOMAIN \"year\" DROP DEFAULT", "ALTER DOMAIN \"year\" DROP NOT NULL"});
}

TEST_CASE("postgres domains: a new base type is refused while a column uses the domain") {
    auto planner = codegen::make_postgres_planner();
    DomainFacts small = kYear;
    small.type = "smallint";
    SqlObject old_year = year(kYear), new_year = year(small);
    new_year.location = {"db/types.sql", 2, 1};
    Table films{.name = "films"};
    films.columns = {Column{.name = "release_year", .type = {.sql = "year"}}};
    Schema from, to;
    from.tables = to.tables = {films};
    from.objects = {old_year};
    to.objects = {new_year};
    from.declares_objects = to.declares_objects = true;
    const std::vector<Operation> ops{DropObject{old_year, "its base type changes"},
                                     CreateObject{new_year, "its base type changes"}};
    support::Diagnostics diags;
    planner->plan(ops, from, to, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].location.str() == "db/types.sql:2:1");
    CHECK(diags.items()[0].message.find("\"films\".\"release_year\"") != std::string::npos);
    // No column uses it: dropped and created again.
    from.tables = to.tables = {};
    support::Diagnostics fine;
    const auto statements = planner->plan(ops, from, to, fine);
    CHECK_FALSE(fine.has_errors());
    REQUIRE(statements.size() == 2);
    CHECK(statements[0].sql == "DROP DOMAIN \"year\"");
    CHECK(statements[1].sql.find("CREATE DOMAIN \"year\" AS SMALLINT") == 0);
}

TEST_CASE("postgres domains: online, a new check is added NOT VALID and validated apart") {
    auto planner = codegen::make_postgres_planner();
    DomainFacts next = kYear;
    next.checks.push_back({"year_max", "CHECK ((VALUE <= 2100))"});
    next.default_value = "2000";
    Schema from, to;
    from.objects = {year(kYear)};
    to.objects = {year(next)};
    const std::vector<Operation> ops{ReplaceObject{year(kYear), year(next)}};
    support::Diagnostics diags;
    const auto statements = planner->plan(ops, from, to, {.online = true}, diags);
    CHECK_FALSE(diags.has_errors());
    std::vector<std::string> sql;
    for (const auto& s : statements)
        if (s.sql.rfind("ALTER DOMAIN", 0) == 0) sql.push_back(s.sql);
    CHECK(sql == std::vector<std::string>{
                     "ALTER DOMAIN \"year\" ADD CONSTRAINT \"year_max\" CHECK ((VALUE <= 2100)) "
                     "NOT VALID",
                     "ALTER DOMAIN \"year\" SET DEFAULT 2000",
                     "ALTER DOMAIN \"year\" VALIDATE CONSTRAINT \"year_max\""});
    for (const auto& s : statements)
        if (s.sql.find("VALIDATE") != std::string::npos) CHECK(s.no_transaction);
}
