// The naming convention pull detects in a database, by example.
#include "codegen/naming_detection.hpp"

#include <doctest/doctest.h>

using namespace autogen;
using codegen::detect_naming;
using support::NameKind;

namespace {

/// A table `name` with a pk, a unique column, an index, a foreign key to `ref` and a
/// check, all named by `style` ("sqlalchemy" or "postgres").
schema::Table table(const std::string& name, const std::string& ref, const std::string& style) {
    const bool sa = style == "sqlalchemy";
    schema::Table t{.name = name};
    t.columns = {{.name = "id"}, {.name = "email"}, {.name = "ref_id"}, {.name = "age"}};
    t.primary_key = schema::PrimaryKey{sa ? "pk_" + name : name + "_pkey", {"id"}};
    t.uniques = {
        {.name = sa ? "uq_" + name + "_email" : name + "_email_key", .columns = {"email"}}};
    t.indexes = {
        {.name = sa ? "ix_" + name + "_ref_id" : name + "_ref_id_idx", .columns = {"ref_id"}}};
    t.foreign_keys = {{.name = sa ? "fk_" + name + "_ref_id_" + ref : name + "_ref_id_fkey",
                       .columns = {"ref_id"},
                       .ref_table = ref,
                       .ref_columns = {"id"}}};
    t.checks = {
        {.name = sa ? "ck_" + name + "_adult" : name + "_age_check", .expression = "age >= 18"}};
    return t;
}

std::string pg_default_pk(const std::string& table) { return table + "_pkey"; }

const codegen::KindDetection& kind(const codegen::NamingDetection& d, NameKind k) {
    for (const auto& x : d.kinds)
        if (x.kind == k) return x;
    FAIL("no such kind");
    return d.kinds.front();
}

}  // namespace

TEST_CASE("naming detection: SQLAlchemy's convention, one deviant name") {
    schema::Schema s;
    for (int i = 0; i < 4; ++i)
        s.tables.push_back(table("t" + std::to_string(i), "t0", "sqlalchemy"));
    s.tables[2].uniques[0].name = "legacy_unique";
    auto d = detect_naming(s, {}, pg_default_pk);
    const auto& p = d.convention.patterns;
    CHECK(p.at(NameKind::PrimaryKey) == "pk_%(table)s");
    CHECK(p.at(NameKind::Unique) == "uq_%(table)s_%(column_0_name)s");
    CHECK(p.at(NameKind::ForeignKey) == "fk_%(table)s_%(column_0_name)s_%(referred_table)s");
    CHECK(p.at(NameKind::Index) == "ix_%(table)s_%(column_0_name)s");
    CHECK(p.at(NameKind::Check) == "ck_%(table)s_%(constraint_name)s");
    CHECK(kind(d, NameKind::Unique).matched == 3);
    CHECK(kind(d, NameKind::Unique).total == 4);
    CHECK(kind(d, NameKind::Unique).adopted);
}

TEST_CASE("naming detection: PostgreSQL's own names") {
    schema::Schema s;
    for (int i = 0; i < 3; ++i)
        s.tables.push_back(table("t" + std::to_string(i), "t0", "postgres"));
    // a two-column unique: PostgreSQL joins every column
    s.tables[0].uniques.push_back({.name = "t0_email_age_key", .columns = {"email", "age"}});
    auto d = detect_naming(s, {}, pg_default_pk);
    // the pk is the database's default: the project's "" (no pattern) wins the tie
    CHECK(kind(d, NameKind::PrimaryKey).adopted);
    CHECK(kind(d, NameKind::PrimaryKey).pattern.empty());
    CHECK_FALSE(d.convention.patterns.count(NameKind::PrimaryKey));
    CHECK(d.convention.patterns.at(NameKind::Unique) == "%(table)s_%(column_0_N_name)s_key");
    CHECK(kind(d, NameKind::Unique).matched == 4);
    CHECK(d.convention.patterns.at(NameKind::ForeignKey) == "%(table)s_%(column_0_N_name)s_fkey");
    CHECK(d.convention.patterns.at(NameKind::Index) == "%(table)s_%(column_0_N_name)s_idx");
    CHECK(d.convention.patterns.at(NameKind::Check) == "%(table)s_%(column_0_name)s_check");
    // without the dialect's default pk name, "<table>_pkey" is a pattern to write
    auto bare = detect_naming(s, {}, nullptr);
    CHECK(bare.convention.patterns.at(NameKind::PrimaryKey) == "%(table)s_pkey");
}

TEST_CASE("naming detection: no clear majority keeps the project's pattern") {
    schema::Schema s;
    s.tables.push_back(table("a", "a", "sqlalchemy"));
    s.tables.push_back(table("b", "a", "postgres"));
    support::NamingConvention project;
    project.patterns[NameKind::Index] = "idx_%(column_0_name)s";
    auto d = detect_naming(s, project, pg_default_pk);
    CHECK_FALSE(kind(d, NameKind::Unique).adopted);  // 1 of 2 is no majority
    CHECK(kind(d, NameKind::Unique).matched == 1);
    CHECK_FALSE(d.convention.patterns.count(NameKind::Unique));
    CHECK(d.convention.patterns.at(NameKind::Index) == "idx_%(column_0_name)s");
    CHECK(kind(d, NameKind::Index).pattern == "idx_%(column_0_name)s");
}

TEST_CASE("naming detection: unnamed primary keys match any pattern, but prove none") {
    schema::Schema s;
    for (auto name : {"a", "b", "c"}) {
        schema::Table t{.name = name};
        t.primary_key = schema::PrimaryKey{"", {"id"}};
        s.tables.push_back(t);
    }
    auto none = detect_naming(s, {}, nullptr);
    CHECK_FALSE(kind(none, NameKind::PrimaryKey).adopted);
    CHECK(kind(none, NameKind::PrimaryKey).matched == 3);
    CHECK(none.convention.patterns.empty());
    s.tables[0].primary_key->name = "pk_a";  // one named key, two unnamed: 3 of 3
    auto one = detect_naming(s, {}, nullptr);
    CHECK(kind(one, NameKind::PrimaryKey).adopted);
    CHECK(kind(one, NameKind::PrimaryKey).matched == 3);
    CHECK(one.convention.patterns.at(NameKind::PrimaryKey) == "pk_%(table)s");
}

TEST_CASE("naming detection: a check's user part") {
    using codegen::pattern_names;
    support::NameFields f{.table = "users"};
    CHECK(pattern_names(NameKind::Check, "ck_%(table)s_%(constraint_name)s", "ck_users_adult", f));
    CHECK(pattern_names(NameKind::Check, "ck_%(table)s_%(constraint_name)s", "ck_users_a_b", f));
    CHECK_FALSE(pattern_names(NameKind::Check, "ck_%(table)s_%(constraint_name)s", "ck_users_", f));
    CHECK_FALSE(
        pattern_names(NameKind::Check, "ck_%(table)s_%(constraint_name)s", "ck_orders_x", f));
    CHECK(
        pattern_names(NameKind::Check, "%(table)s_%(column_0_name)s_check", "users_age_check", f));
    CHECK_FALSE(
        pattern_names(NameKind::Check, "%(table)s_%(column_0_name)s_check", "users_check", f));
    // other kinds compare the whole name
    CHECK(pattern_names(NameKind::Unique, "uq_%(table)s_%(column_0_name)s", "uq_users_email",
                        {.table = "users", .columns = {"email"}}));
    CHECK_FALSE(pattern_names(NameKind::Unique, "uq_%(table)s_%(column_0_name)s",
                              "uq_users_email_x", {.table = "users", .columns = {"email"}}));
}

TEST_CASE("naming detection: a long name cut as SQLAlchemy cuts it matches its pattern") {
    using codegen::pattern_names;
    support::NameFields f{.table = "customer_subscription_billing_preferences",
                          .columns = {"preferred_payment_method_identifier_reference"}};
    const std::string cut = "ix_customer_subscription_billing_preferences_preferred__1ea2";
    CHECK(pattern_names(NameKind::Index, "ix_%(table)s_%(column_0_name)s", cut, f, 63));
    // Without the limit the pattern gives the whole name, which is not the database's.
    CHECK_FALSE(pattern_names(NameKind::Index, "ix_%(table)s_%(column_0_name)s", cut, f));
}
