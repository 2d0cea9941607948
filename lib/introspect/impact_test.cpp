// The generic impact decision (which operation asks which question, what blocks a
// revision) on hand-made operations, and the questions answered on a real SQLite
// database.
#include "introspect/impact.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "introspect/sqlite_impact.hpp"
#include "introspect/sqlite_inspector.hpp"

using namespace autogen;
using namespace autogen::schema;
using introspect::ImpactKind;
using introspect::RowQuestionKind;

namespace {

Column column(std::string name, std::string type, bool nullable = false) {
    Column c;
    c.name = std::move(name);
    c.type.sql = std::move(type);
    c.nullable = nullable;
    return c;
}

/// users(id, email, nick NULL, code TEXT) as the live side.
Schema live_schema() {
    Table users{.name = "users"};
    users.columns = {column("id", "INTEGER"), column("email", "TEXT"), column("nick", "TEXT", true),
                     column("code", "TEXT")};
    users.primary_key = PrimaryKey{"", {"id"}};
    Table teams{.name = "teams"};
    teams.columns = {column("id", "INTEGER")};
    return Schema{.tables = {teams, users}};
}

std::vector<introspect::Impact> assess(const std::vector<Operation>& ops) {
    auto counter = introspect::make_sqlite_impact_counter();
    return introspect::assess(ops, live_schema(), Schema{}, *counter);
}

}  // namespace

TEST_CASE("impact: which operation asks which question") {
    const Schema live = live_schema();
    const Table& users = *live.find_table("users");
    const TableRef u{"", "users"};

    SUBCASE("drops are destructive and count rows / values") {
        auto out = assess({DropTable{users}, DropColumn{u, column("nick", "TEXT", true)}});
        REQUIRE(out.size() == 2);
        CHECK(out[0].kind == ImpactKind::Destructive);
        CHECK(out[0].question.kind == RowQuestionKind::AllRows);
        CHECK(out[0].what == "drops table \"users\"");
        CHECK(out[1].question.kind == RowQuestionKind::NonNull);
        CHECK(out[1].question.columns == std::vector<std::string>{"nick"});
    }
    SUBCASE(
        "a NOT NULL column without a default is unexecutable; with one, or nullable, it is not") {
        auto out = assess({AddColumn{u, column("active", "BOOLEAN")}});
        REQUIRE(out.size() == 1);
        CHECK(out[0].kind == ImpactKind::Unexecutable);
        CHECK(out[0].question.kind == RowQuestionKind::AllRows);
        CHECK(out[0].fix.find("server_default") != std::string::npos);
        Column with_default = column("active", "BOOLEAN");
        with_default.server_default = "1";
        CHECK(
            assess({AddColumn{u, with_default}, AddColumn{u, column("x", "TEXT", true)}}).empty());
        // A table the same change creates has no rows.
        CHECK(assess({AddColumn{{"", "new_table"}, column("active", "BOOLEAN")}}).empty());
    }
    SUBCASE("tightening: NULLs are counted only without a default (with one they take it)") {
        AlterColumn tighten{u, column("nick", "TEXT", true), column("nick", "TEXT"),
                            kChangeNullability};
        auto out = assess({tighten});
        REQUIRE(out.size() == 1);
        CHECK(out[0].question.kind == RowQuestionKind::Nulls);
        tighten.to.server_default = "'x'";
        CHECK(assess({tighten}).empty());
    }
    SUBCASE("a type change is destructive only when the dialect says it narrows") {
        CHECK(assess({AlterColumn{u, column("code", "VARCHAR(20)"), column("code", "VARCHAR(5)"),
                                  kChangeType}})
                  .empty());
        auto out = assess(
            {AlterColumn{u, column("code", "TEXT"), column("code", "INTEGER"), kChangeType}});
        REQUIRE(out.size() == 1);
        CHECK(out[0].kind == ImpactKind::Destructive);
        CHECK(out[0].question.kind == RowQuestionKind::NotFitting);
        CHECK_FALSE(out[0].refused_when_counted);  // SQLite converts, it does not refuse
    }
    SUBCASE("keys: duplicates, orphans, violated checks") {
        auto out = assess(
            {AddUnique{u, {"uq_email", {"email"}}},
             CreateIndex{u, Index{.name = "ix", .columns = {"(lower(email))"}, .unique = true}},
             AlterPrimaryKey{u, PrimaryKey{"", {"id"}}, PrimaryKey{"", {"email"}}},
             AddForeignKey{u, ForeignKey{.name = "fk",
                                         .columns = {"code"},
                                         .ref_table = "teams",
                                         .ref_columns = {"id"}}},
             AddForeignKey{u, ForeignKey{.name = "fk2",
                                         .columns = {"code"},
                                         .ref_table = "brand_new",
                                         .ref_columns = {"id"}}},
             AddCheck{u, {"ck", "length(code) > 2"}}});
        REQUIRE(out.size() == 6);
        for (const auto& i : out) CHECK(i.kind == ImpactKind::Unexecutable);
        CHECK(out[0].question.kind == RowQuestionKind::DuplicateGroups);
        CHECK_FALSE(out[0].question.nulls_equal);
        CHECK(out[1].question.columns == std::vector<std::string>{"(lower(email))"});
        CHECK(out[2].question.columns == std::vector<std::string>{"email"});
        CHECK(out[3].question.kind == RowQuestionKind::Orphans);
        // A key to a table the change creates: every row with a value references nothing.
        CHECK(out[4].question.kind == RowQuestionKind::NonNull);
        CHECK(out[5].question.kind == RowQuestionKind::Violating);
    }
    SUBCASE("a unique index with NULLS NOT DISTINCT counts rows with a NULL key as duplicates") {
        auto out = assess({CreateIndex{
            u,
            Index{.name = "ix", .columns = {"nick"}, .unique = true, .nulls_not_distinct = true}}});
        REQUIRE(out.size() == 1);
        CHECK(out[0].question.kind == RowQuestionKind::DuplicateGroups);
        CHECK(out[0].question.nulls_equal);
        CHECK(out[0].what.find("NULLS NOT DISTINCT") != std::string::npos);
    }
    SUBCASE("questions use the live names under a rename, and skip columns not there yet") {
        auto out =
            assess({RenameTable{u, "members"}, RenameColumn{{"", "members"}, "nick", "alias"},
                    DropColumn{{"", "members"}, column("alias", "TEXT", true)},
                    AddUnique{{"", "members"}, {"uq", {"brand_new_column"}}}});
        REQUIRE(out.size() == 1);
        CHECK(out[0].question.table.name == "users");
        CHECK(out[0].question.columns == std::vector<std::string>{"nick"});
    }
    SUBCASE("a dropped constraint that comes back changed is not a loss") {
        CHECK(assess({DropCheck{u, {"ck", "a > 0"}}, AddCheck{u, {"ck", "a > 1"}}}).size() ==
              1);  // the new one
        auto out = assess({DropUnique{u, {"uq", {"email"}}}});
        REQUIRE(out.size() == 1);
        CHECK(out[0].kind == ImpactKind::Destructive);
    }
}

TEST_CASE("impact: what blocks a revision") {
    introspect::Impact unexecutable{.kind = ImpactKind::Unexecutable};
    CHECK_FALSE(introspect::blocks(unexecutable));  // not counted: cannot tell
    unexecutable.count = introspect::RowCount{0, false};
    CHECK_FALSE(introspect::blocks(unexecutable));
    unexecutable.count = introspect::RowCount{2, false};
    CHECK(introspect::blocks(unexecutable));
    introspect::Impact drop{.kind = ImpactKind::Destructive, .counted = " holding a value"};
    drop.count = introspect::RowCount{5, false};
    CHECK_FALSE(introspect::blocks(drop));
    CHECK(introspect::describe_count(drop) == "5 rows holding a value");
    drop.refused_when_counted = true;
    CHECK(introspect::blocks(drop));
    drop.count = introspect::RowCount{1200000, true};
    CHECK(introspect::describe_count(drop) == "about 1200000 rows holding a value (estimate)");
}

TEST_CASE("impact: the questions answered on a real SQLite database") {
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(
        "CREATE TABLE teams (id INTEGER PRIMARY KEY);"
        "CREATE TABLE \"we\"\"ird\" (id INTEGER PRIMARY KEY, email TEXT, nick TEXT, team INTEGER);"
        "INSERT INTO teams VALUES (1);"
        "INSERT INTO \"we\"\"ird\" VALUES (1, 'a', NULL, 1), (2, 'a', 'x', 2), (3, 'b', NULL, 3),"
        " (4, 'b', '12', NULL), (5, 'c', 'y', 1)",
        diags));
    auto counter = introspect::make_sqlite_impact_counter();
    const TableRef t{"", "we\"ird"};
    auto count = [&](introspect::RowQuestion q) {
        auto n = counter->count(*conn, q, diags);
        REQUIRE_MESSAGE(n, (diags.items().empty() ? "" : diags.items().front().message));
        CHECK_FALSE(n->estimated);
        return n->rows;
    };
    CHECK(count({.kind = RowQuestionKind::AllRows, .table = t}) == 5);
    CHECK(count({.kind = RowQuestionKind::NonNull, .table = t, .columns = {"nick"}}) == 3);
    CHECK(count({.kind = RowQuestionKind::Nulls, .table = t, .columns = {"nick"}}) == 2);
    CHECK(count({.kind = RowQuestionKind::DuplicateGroups, .table = t, .columns = {"email"}}) == 2);
    CHECK(count({.kind = RowQuestionKind::DuplicateGroups,
                 .table = t,
                 .columns = {"email"},
                 .expression = "id < 4"}) == 1);
    // nick: NULL, 'x', NULL, '12', 'y': the two NULLs conflict only under NULLS NOT DISTINCT.
    CHECK(count({.kind = RowQuestionKind::DuplicateGroups, .table = t, .columns = {"nick"}}) == 0);
    CHECK(count({.kind = RowQuestionKind::DuplicateGroups,
                 .table = t,
                 .columns = {"nick"},
                 .nulls_equal = true}) == 1);
    CHECK(count({.kind = RowQuestionKind::Violating, .table = t, .expression = "id <= 4"}) == 1);
    CHECK(count({.kind = RowQuestionKind::Holding,
                 .table = t,
                 .columns = {"email"},
                 .values = {"a", "c"}}) == 3);
    introspect::RowQuestion orphans{.kind = RowQuestionKind::Orphans, .table = t};
    orphans.key = ForeignKey{.columns = {"team"}, .ref_table = "teams", .ref_columns = {"id"}};
    CHECK(count(orphans) == 2);
    // TEXT -> INTEGER affinity: every text value may be converted (SQLite converts the
    // ones that read as numbers, '12'); NULLs are not values.
    introspect::RowQuestion fit{.kind = RowQuestionKind::NotFitting,
                                .table = t,
                                .columns = {"nick"},
                                .from = column("nick", "TEXT"),
                                .to = column("nick", "INTEGER")};
    CHECK(count(fit) == 3);
}

TEST_CASE("impact: a table made STRICT asks each column whether its values fit") {
    // The question: only for strict false -> true, for the columns the live table has.
    Table strict_users = live_schema().tables[1];
    strict_users.options.strict = true;
    strict_users.columns.push_back(column("added", "INT", true));
    Schema desired{.tables = {strict_users}};
    TableOptions loose, strict;
    strict.strict = true;
    auto counter = introspect::make_sqlite_impact_counter();
    auto impacts = introspect::assess({AlterTableOptions{{"", "users"}, loose, strict}},
                                      live_schema(), desired, *counter);
    REQUIRE(impacts.size() == 4);  // id, email, nick, code; not the new column
    for (const auto& i : impacts) {
        CHECK(i.kind == ImpactKind::Unexecutable);
        CHECK(i.question.kind == RowQuestionKind::NotStrict);
    }
    CHECK(impacts[0].what == "makes \"users\" STRICT, where \"users\".\"id\" is INTEGER");
    CHECK(introspect::assess({AlterTableOptions{{"", "users"}, strict, loose}}, live_schema(),
                             desired, *counter)
              .empty());

    // Counted on a real database: what the STRICT copy would refuse, after the usual
    // affinity conversions ('12' and '1e2' become integers, 3.0 too; 'abc', 3.5 and a
    // blob do not).
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(
        conn->execute("CREATE TABLE t (v);"
                      "INSERT INTO t VALUES (1), ('12'), ('1e2'), (3.0), ('abc'), (3.5),"
                      " (x'00'), (NULL)",
                      diags));
    auto not_strict = [&](const std::string& type) {
        introspect::RowQuestion q{.kind = RowQuestionKind::NotStrict,
                                  .table = {"", "t"},
                                  .columns = {"v"},
                                  .to = column("v", type)};
        auto n = counter->count(*conn, q, diags);
        REQUIRE_MESSAGE(n, (diags.items().empty() ? "" : diags.items().front().message));
        return n->rows;
    };
    CHECK(not_strict("INT") == 3);
    CHECK(not_strict("INTEGER") == 3);
    CHECK(not_strict("REAL") == 2);  // 'abc' and the blob
    CHECK(not_strict("TEXT") == 1);  // the blob
    CHECK(not_strict("BLOB") == 6);
    CHECK(not_strict("ANY") == 0);
    // The probe table is gone: the question can be asked again.
    CHECK(not_strict("INT") == 3);
}

TEST_CASE("impact: a dropped partition counts its own rows, once") {
    const Schema live = live_schema();
    const SqlObject partition{.kind = ObjectKind::Partition,
                              .name = "users_2024",
                              .definition = "DEFAULT",
                              .table = "users"};
    auto alone = assess({DropObject{partition, ""}});
    REQUIRE(alone.size() == 1);
    CHECK(alone[0].kind == ImpactKind::Destructive);
    CHECK(alone[0].what == "drops partition \"users_2024\"");
    CHECK(alone[0].question.table == TableRef{"", "users_2024"});
    // dropped and created again (a cycle through another object): not a loss of its own
    CHECK(assess({DropObject{partition, "it reads ..."}}).empty());
    // with its parent: the parent's count holds its rows
    auto both = assess({DropObject{partition, ""}, DropTable{*live.find_table("users")}});
    REQUIRE(both.size() == 1);
    CHECK(both[0].what == "drops table \"users\"");
}
