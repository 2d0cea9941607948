// partition_declaration(): CREATE TABLE ... PARTITION OF read into a Partition object, and
// every clause a partition cannot declare refused at its own line and column.
#include "pipeline/partition_declaration.hpp"

#include <doctest/doctest.h>

using namespace autogen;

namespace {

struct Parsed {
    std::optional<schema::SqlObject> object;
    support::Diagnostics diags;
};

/// `sql` (one statement) parsed from after its CREATE TABLE, as declared_objects does.
Parsed parse(const std::string& sql) {
    Parsed out;
    const auto tokens = support::tokenize(sql, support::SqlQuoting::portable(), 1);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    out.object = pipeline::partition_declaration(r, 2, sql, {"db/p.sql", 1, 1}, out.diags);
    return out;
}

std::string first_error(const support::Diagnostics& diags) {
    for (const auto& d : diags.items()) return d.location.str() + ": " + d.message;
    return {};
}

}  // namespace

TEST_CASE("partition declaration: each bound form, the parent as its table") {
    for (const char* sql :
         {"CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
          "create table m_eu partition of m for values in ('eu', 'uk')",
          "CREATE TABLE IF NOT EXISTS m_0 PARTITION OF m FOR VALUES WITH (MODULUS 4, REMAINDER 0)",
          "CREATE TABLE m_rest PARTITION OF m DEFAULT",
          "CREATE TABLE m_lo PARTITION OF m FOR VALUES FROM (MINVALUE) TO ((1 + 1))"}) {
        CAPTURE(sql);
        auto p = parse(sql);
        REQUIRE_MESSAGE(p.object, first_error(p.diags));
        CHECK(p.object->kind == schema::ObjectKind::Partition);
        CHECK(p.object->table == "m");
        CHECK(p.object->schema.empty());
        CHECK(p.object->sql == sql);
    }
    auto q = parse("CREATE TABLE app.m_1 PARTITION OF app.m DEFAULT");
    REQUIRE(q.object);
    CHECK(q.object->schema == "app");
    CHECK(q.object->name == "m_1");
    CHECK(q.object->identity() == "\"app\".\"m_1\" on \"app\".\"m\"");
}

TEST_CASE("partition declaration: what a partition cannot declare, at its clause") {
    struct Bad {
        const char* sql;
        const char* error;
    };
    for (const Bad& b : {
             Bad{"CREATE TABLE t (id INTEGER)",
                 "db/p.sql:1:16: CREATE TABLE t: a [models] sql file declares only partitions"},
             Bad{"CREATE TABLE p PARTITION OF m (x NOT NULL) DEFAULT",
                 "db/p.sql:1:31: partition \"p\": a partition's columns and constraints"},
             Bad{"CREATE TABLE p PARTITION OF m DEFAULT WITH (fillfactor = 70)",
                 "db/p.sql:1:39: partition \"p\": a partition's storage"},
             Bad{"CREATE TABLE p PARTITION OF m DEFAULT TABLESPACE fast",
                 "db/p.sql:1:39: partition \"p\": a partition's storage"},
             Bad{"CREATE TABLE p PARTITION OF m FOR VALUES IN (1) PARTITION BY LIST (y)",
                 "db/p.sql:1:49: partition \"p\": a sub-partitioned partition"},
             Bad{"CREATE TABLE p PARTITION OF m FOR VALUES IN (1",
                 "db/p.sql:1:31: partition \"p\" has no bound"},
             Bad{"CREATE TABLE p PARTITION OF m", "db/p.sql:1:1: partition \"p\" has no bound"},
             Bad{"CREATE TABLE a.p PARTITION OF b.m DEFAULT",
                 "partition \"p\" is not in the schema of its parent \"m\""},
         }) {
        CAPTURE(b.sql);
        auto p = parse(b.sql);
        CHECK_FALSE(p.object);
        CHECK(first_error(p.diags).find(b.error) != std::string::npos);
        CHECK(first_error(p.diags).find(":") != std::string::npos);
    }
}
