// default_privilege_declarations(): ALTER DEFAULT PRIVILEGES read into one object per role
// and schema with its items in order, and what PostgreSQL refuses or autogen cannot
// compare refused at its own line and column.
#include "pipeline/declared_default_privileges.hpp"

#include <doctest/doctest.h>

#include "schema/default_privileges.hpp"

using namespace autogen;

namespace {

struct Parsed {
    std::optional<std::vector<schema::SqlObject>> objects;
    support::Diagnostics diags;
};

Parsed parse(const std::string& sql) {
    Parsed out;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    REQUIRE(pipeline::is_default_privileges(r));
    out.objects = pipeline::default_privilege_declarations(r, sql, {"db/d.sql", 1, 1}, out.diags);
    return out;
}

std::string first_error(const support::Diagnostics& diags) {
    for (const auto& d : diags.items()) return d.location.str() + ": " + d.message;
    return {};
}

}  // namespace

TEST_CASE("default privileges: a grant IN SCHEMA, for the running role, items in order") {
    auto p = parse(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, insert ON TABLES TO reader, "
        "\"Writer\" WITH GRANT OPTION");
    REQUIRE(p.objects);
    REQUIRE(p.objects->size() == 1);
    const auto& o = p.objects->front();
    CHECK(o.kind == schema::ObjectKind::DefaultPrivilege);
    CHECK(o.name == "TABLES");
    CHECK(o.version == "app");
    CHECK(o.table.empty());
    CHECK(o.columns == std::vector<std::string>{"GRANT SELECT WITH GRANT OPTION TO reader",
                                                "GRANT INSERT WITH GRANT OPTION TO reader",
                                                "GRANT SELECT WITH GRANT OPTION TO Writer",
                                                "GRANT INSERT WITH GRANT OPTION TO Writer"});
    CHECK(o.identity() == "ON TABLES IN SCHEMA \"app\" FOR ROLE CURRENT_USER");
}

TEST_CASE("default privileges: REVOKE from PUBLIC, ROUTINES as FUNCTIONS, roles x schemas") {
    auto p = parse("alter default privileges revoke execute on routines from public");
    REQUIRE(p.objects);
    CHECK(p.objects->front().name == "FUNCTIONS");
    CHECK(p.objects->front().version.empty());
    CHECK(p.objects->front().columns == std::vector<std::string>{"REVOKE EXECUTE FROM PUBLIC"});

    p = parse(
        "ALTER DEFAULT PRIVILEGES FOR ROLE a, b IN SCHEMA s, t REVOKE GRANT OPTION FOR ALL "
        "PRIVILEGES ON SEQUENCES FROM r CASCADE");
    REQUIRE(p.objects);
    REQUIRE(p.objects->size() == 4);
    CHECK(p.objects->at(0).table == "a");
    CHECK(p.objects->at(1).version == "t");
    CHECK(p.objects->at(3).identity() == "ON SEQUENCES IN SCHEMA \"t\" FOR ROLE \"b\"");
    CHECK(p.objects->at(3).columns ==
          std::vector<std::string>{"REVOKE GRANT OPTION FOR ALL FROM r"});
}

TEST_CASE("default privileges: what PostgreSQL refuses or autogen cannot compare") {
    struct Bad {
        const char* sql;
        const char* error;
    };
    for (const Bad& bad : {
             Bad{"ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SCHEMAS TO r",
                 "db/d.sql:1:26: default privileges ON SCHEMAS cannot be given IN SCHEMA"},
             Bad{"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO CURRENT_USER",
                 "db/d.sql:1:52: CURRENT_USER is whoever runs the revision"},
             Bad{"ALTER DEFAULT PRIVILEGES GRANT SELECT (a) ON TABLES TO r",
                 "db/d.sql:1:39: default privileges are on whole objects"},
             Bad{"ALTER DEFAULT PRIVILEGES GRANT SELECT ON VIEWS TO r",
                 "db/d.sql:1:42: TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES or SCHEMAS"},
             Bad{"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES FROM r",
                 "db/d.sql:1:49: TO expected after ON TABLES"},
             Bad{"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r GRANTED BY x",
                 "db/d.sql:1:54: \"GRANTED\" is not part of ALTER DEFAULT PRIVILEGES"},
             Bad{"ALTER DEFAULT PRIVILEGES SELECT ON TABLES TO r",
                 "db/d.sql:1:26: GRANT or REVOKE expected"},
         }) {
        const std::string sql = bad.sql;
        CAPTURE(sql);
        auto p = parse(bad.sql);
        CHECK_FALSE(p.objects);
        CHECK(first_error(p.diags).rfind(bad.error, 0) == 0);
    }
}

TEST_CASE("default privileges: items taken apart, written back, reversed") {
    for (const char* text :
         {"GRANT SELECT TO r", "GRANT USAGE WITH GRANT OPTION TO r r", "REVOKE EXECUTE FROM PUBLIC",
          "REVOKE GRANT OPTION FOR USAGE FROM owner"}) {
        const std::string shown = text;
        CAPTURE(shown);
        auto item = schema::parse_default_privilege_item(text);
        REQUIRE(item);
        CHECK(schema::default_privilege_item_text(*item) == text);
    }
    auto undo = [](const char* text) {
        return schema::default_privilege_item_text(
            schema::reversed(*schema::parse_default_privilege_item(text)));
    };
    CHECK(undo("GRANT SELECT TO r") == "REVOKE SELECT FROM r");
    CHECK(undo("GRANT USAGE WITH GRANT OPTION TO r") == "REVOKE USAGE FROM r");
    CHECK(undo("REVOKE EXECUTE FROM PUBLIC") == "GRANT EXECUTE TO PUBLIC");
    CHECK(undo("REVOKE GRANT OPTION FOR USAGE FROM r") == "GRANT USAGE WITH GRANT OPTION TO r");
    CHECK_FALSE(schema::parse_default_privilege_item("SELECT TO r"));
}
