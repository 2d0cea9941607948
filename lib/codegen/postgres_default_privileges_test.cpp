// default_privileges_sql(): the statements that give a default privilege's items and those
// that undo them, the grant option a global entry gives its own role included.
#include "codegen/postgres_default_privileges.hpp"

#include <doctest/doctest.h>

#include "schema/default_privileges.hpp"

using namespace autogen;

TEST_CASE("default privileges SQL: the owner's own grant option is undone alone") {
    const auto own = schema::make_default_privilege("owner", "", "TABLES",
                                                    {"GRANT SELECT WITH GRANT OPTION TO owner"});
    CHECK(codegen::postgres::default_privileges_sql(own, false) ==
          std::vector<std::string>{"ALTER DEFAULT PRIVILEGES FOR ROLE \"owner\" GRANT SELECT ON "
                                   "TABLES TO \"owner\" WITH GRANT OPTION"});
    CHECK(codegen::postgres::default_privileges_sql(own, true) ==
          std::vector<std::string>{"ALTER DEFAULT PRIVILEGES FOR ROLE \"owner\" REVOKE GRANT "
                                   "OPTION FOR SELECT ON TABLES FROM \"owner\""});
    // another role's, or one IN SCHEMA (which only adds): the privilege goes back whole
    const auto other = schema::make_default_privilege("owner", "", "TABLES",
                                                      {"GRANT SELECT WITH GRANT OPTION TO reader"});
    CHECK(
        codegen::postgres::default_privileges_sql(other, true) ==
        std::vector<std::string>{
            "ALTER DEFAULT PRIVILEGES FOR ROLE \"owner\" REVOKE SELECT ON TABLES FROM \"reader\""});
    const auto in_schema = schema::make_default_privilege(
        "owner", "app", "TABLES", {"GRANT SELECT WITH GRANT OPTION TO owner"});
    CHECK(codegen::postgres::default_privileges_sql(in_schema, true) ==
          std::vector<std::string>{"ALTER DEFAULT PRIVILEGES FOR ROLE \"owner\" IN SCHEMA \"app\" "
                                   "REVOKE SELECT ON TABLES FROM \"owner\""});
}
