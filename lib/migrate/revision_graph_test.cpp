// The revision graph over real files: loading and its errors, target resolution of
// every kind, paths and history order.
#include "migrate/revision_graph.hpp"

#include <doctest/doctest.h>

#include "tests/support/migrate_test_fixtures.hpp"

using namespace autogen;
using migrate::GraphError;
using migrate::RevisionGraph;
using Ids = std::vector<std::string>;

namespace {

const std::vector<std::string> kSqlite = {"sqlite"};

RevisionGraph load(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto g = RevisionGraph::load(dir.path() / "migrations", kSqlite, diags);
    for (const auto& d : diags.items()) MESSAGE(support::format(d));
    REQUIRE(g);
    return std::move(*g);
}

std::string simple(const std::string& id, const std::string& down, const std::string& extra = "") {
    return migrate::fixtures::revision_text(id, down, "rev " + id, "SELECT 1;", "SELECT 2;", extra);
}

Ids ids(const std::vector<const migrate::Revision*>& revs) {
    Ids out;
    for (const auto* r : revs) out.push_back(r->id);
    return out;
}

std::optional<GraphError::Kind> error_of(const RevisionGraph& g, const std::string& target,
                                         const Ids& current = {}) {
    auto r = g.resolve(target, current);
    if (r) return std::nullopt;
    CHECK_FALSE(r.error->message().empty());
    return r.error->kind;
}

}  // namespace

TEST_CASE("revision graph: a linear chain") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto g = load(dir);
    const Ids a = {"a1a1a1a1a1a1"}, b = {"b2b2b2b2b2b2"}, c = {"c3c3c3c3c3c3"};
    CHECK(g.size() == 3);
    CHECK(g.heads() == c);
    CHECK(g.bases() == a);
    CHECK(g.children("a1a1a1a1a1a1") == b);
    CHECK(ids(g.history()) == Ids{c[0], b[0], a[0]});

    SUBCASE("resolve every target kind") {
        CHECK(g.resolve("head", {}).value == c);
        CHECK(g.resolve("heads", {}).value == c);
        CHECK(g.resolve("base", c).value.empty());
        CHECK(g.resolve("b2b2b2b2b2b2", {}).value == b);
        CHECK(g.resolve("b2", {}).value == b);
        CHECK(g.resolve("+1", {}).value == a);
        CHECK(g.resolve("+2", a).value == c);
        CHECK(g.resolve("-1", c).value == b);
        CHECK(g.resolve("-3", c).value.empty());
        CHECK(g.resolve("a1+2", {}).value == c);
        CHECK(g.resolve("c3-1", {}).value == b);
        CHECK(g.resolve("b2-1", c).value == a);
    }
    SUBCASE("resolve errors") {
        CHECK(error_of(g, "zz") == GraphError::Kind::Unknown);
        CHECK(error_of(g, "+4") == GraphError::Kind::OutOfRange);
        CHECK(error_of(g, "-1") == GraphError::Kind::OutOfRange);
        CHECK(error_of(g, "-4", c) == GraphError::Kind::OutOfRange);
        CHECK(error_of(g, "+x") == GraphError::Kind::BadTarget);
        CHECK(error_of(g, "-0") == GraphError::Kind::BadTarget);
        CHECK(error_of(g, "") == GraphError::Kind::BadTarget);
        CHECK(error_of(g, "nolabel@head") == GraphError::Kind::Unknown);
        CHECK(error_of(g, "a1+3") == GraphError::Kind::OutOfRange);
        CHECK(error_of(g, "zz+1") == GraphError::Kind::Unknown);
    }
    SUBCASE("paths") {
        CHECK(ids(g.upgrade_path({}, c).value) == Ids{a[0], b[0], c[0]});
        CHECK(ids(g.upgrade_path(a, c).value) == Ids{b[0], c[0]});
        CHECK(g.upgrade_path(c, c).value.empty());
        CHECK_FALSE(g.upgrade_path(c, c).error);
        auto wrong = g.upgrade_path(c, a);
        REQUIRE(wrong.error);
        CHECK(wrong.error->kind == GraphError::Kind::WrongDirection);
        CHECK(ids(g.downgrade_path(c, {}).value) == Ids{c[0], b[0], a[0]});
        CHECK(ids(g.downgrade_path(c, a).value) == Ids{c[0], b[0]});
        auto up = g.downgrade_path(a, c);
        REQUIRE(up.error);
        CHECK(up.error->kind == GraphError::Kind::WrongDirection);
    }
}

TEST_CASE("revision graph: an ambiguous prefix lists the candidates") {
    testing::TempDir dir;
    migrate::fixtures::add(dir, "1", simple("abc111", "none"));
    migrate::fixtures::add(dir, "2", simple("abc222", "abc111"));
    auto g = load(dir);
    auto r = g.resolve("abc", {});
    REQUIRE(r.error);
    CHECK(r.error->kind == GraphError::Kind::AmbiguousPrefix);
    CHECK(r.error->candidates == Ids{"abc111", "abc222"});
    CHECK(r.error->message().find("abc111, abc222") != std::string::npos);
    CHECK(g.resolve("abc2", {}).value == Ids{"abc222"});
}

TEST_CASE("revision graph: branches, labels and a merge") {
    testing::TempDir dir;
    migrate::fixtures::add(dir, "1", simple("root", "none"));
    migrate::fixtures::add(dir, "2", simple("left", "root"));
    migrate::fixtures::add(dir, "3", simple("right", "root", "-- branch_labels: feature\n"));
    auto g = load(dir);
    CHECK(g.heads() == Ids{"left", "right"});
    CHECK(error_of(g, "head") == GraphError::Kind::MultipleHeads);
    CHECK(error_of(g, "+1", {"root"}) == GraphError::Kind::MultipleHeads);
    CHECK(error_of(g, "-1", {"left", "right"}) == GraphError::Kind::MultipleHeads);
    CHECK(g.resolve("heads", {}).value == Ids{"left", "right"});
    CHECK(g.resolve("feature@head", {}).value == Ids{"right"});
    CHECK(g.resolve("feature", {}).value == Ids{"right"});
    CHECK(ids(g.upgrade_path({}, g.heads()).value) == Ids{"root", "left", "right"});
    CHECK(ids(g.upgrade_path({"left"}, g.heads()).value) == Ids{"right"});

    migrate::fixtures::add(dir, "4", simple("merge", "left, right"));
    auto merged = load(dir);
    CHECK(merged.heads() == Ids{"merge"});
    CHECK(ids(merged.upgrade_path({"left"}, {"merge"}).value) == Ids{"right", "merge"});
    CHECK(ids(merged.downgrade_path({"merge"}, {"left"}).value) == Ids{"merge", "right"});
    // One step below a merge is both parents (Alembic); two steps must choose a branch.
    CHECK(merged.resolve("-1", {"merge"}).value == Ids{"left", "right"});
    CHECK(ids(merged.downgrade_path({"merge"}, {"left", "right"}).value) == Ids{"merge"});
    CHECK(error_of(merged, "-2", {"merge"}) == GraphError::Kind::MultipleHeads);
}

TEST_CASE("revision graph: label@+N and label@-N move along the labelled branch") {
    testing::TempDir dir;
    migrate::fixtures::add(dir, "1", simple("root", "none"));
    migrate::fixtures::add(dir, "2", simple("left", "root"));
    migrate::fixtures::add(dir, "3", simple("right1", "root", "-- branch_labels: feature\n"));
    migrate::fixtures::add(dir, "4", simple("right2", "right1"));
    migrate::fixtures::add(dir, "5", simple("right3", "right2"));
    auto g = load(dir);
    // From root, +1 on the feature branch goes to right1, not to left.
    CHECK(g.resolve("feature@+1", {"root"}).value == Ids{"right1"});
    CHECK(g.resolve("feature@+2", {"left", "right1"}).value == Ids{"right3"});
    CHECK(g.resolve("feature@-1", {"left", "right2"}).value == Ids{"right1"});
    CHECK(error_of(g, "feature@+3", {"right1"}) == GraphError::Kind::OutOfRange);
    CHECK(error_of(g, "feature@x", {}) == GraphError::Kind::BadTarget);
    CHECK(error_of(g, "nolabel@+1", {}) == GraphError::Kind::Unknown);
}

TEST_CASE("revision graph: a downgrade undoes what depends_on the undone revision first") {
    testing::TempDir dir;
    migrate::fixtures::add(dir, "1", simple("a1", "none"));
    migrate::fixtures::add(dir, "2", simple("a2", "a1"));
    migrate::fixtures::add(dir, "3", simple("b1", "none", "-- depends_on: a2\n"));
    auto g = load(dir);
    CHECK(g.heads() == Ids{"a2", "b1"});
    CHECK(ids(g.upgrade_path({}, {"b1"}).value) == Ids{"a1", "a2", "b1"});
    // Going below a2 takes b1 with it, and b1 goes first.
    CHECK(ids(g.downgrade_path({"a2", "b1"}, {"a1"}).value) == Ids{"b1", "a2"});
}

TEST_CASE("revision graph: load errors name the files") {
    testing::TempDir dir;
    std::vector<std::string> expected_in_message;
    SUBCASE("duplicate id") {
        migrate::fixtures::add(dir, "1", simple("a1", "none"));
        migrate::fixtures::add(dir, "2", simple("a1", "none"));
        expected_in_message = {"a1", "1.sql"};
    }
    SUBCASE("a down_revision no file has") {
        migrate::fixtures::add(dir, "1", simple("a1", "zz"));
        expected_in_message = {"zz", "no revision file has that id"};
    }
    SUBCASE("a cycle") {
        migrate::fixtures::add(dir, "0", simple("base0", "none"));
        migrate::fixtures::add(dir, "1", simple("a1", "b2"));
        migrate::fixtures::add(dir, "2", simple("b2", "a1"));
        expected_in_message = {"cycle", "a1, b2"};
    }
    SUBCASE("a bad file") {
        migrate::fixtures::add(dir, "1", "SELECT 1;\n");
        expected_in_message = {"not a revision file"};
    }
    support::Diagnostics diags;
    CHECK_FALSE(RevisionGraph::load(dir.path() / "migrations", kSqlite, diags));
    REQUIRE(diags.has_errors());
    const auto& e = diags.items().front();
    CHECK(e.category == support::Category::MigrationFile);
    CHECK(e.location.file.find("migrations") != std::string::npos);
    for (const auto& word : expected_in_message) {
        CHECK_MESSAGE(e.message.find(word) != std::string::npos, e.message);
    }
}

TEST_CASE("revision graph: an empty or missing folder") {
    testing::TempDir dir;
    support::Diagnostics diags;
    CHECK_FALSE(RevisionGraph::load(dir.path() / "migrations", kSqlite, diags));
    CHECK(diags.items().front().category == support::Category::Config);
    std::filesystem::create_directories(dir.path() / "migrations");
    auto g = RevisionGraph::load(dir.path() / "migrations", kSqlite, diags);
    REQUIRE(g);
    CHECK(g->empty());
    CHECK(g->resolve("head", {}).value.empty());
    CHECK(g->upgrade_path({}, {}).value.empty());
}
