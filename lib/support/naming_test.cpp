// Naming-convention patterns: defaults, expansion of every token, pattern checks.
#include "support/naming.hpp"

#include <doctest/doctest.h>

using namespace autogen::support;

TEST_CASE("naming: without patterns, the names autogen always made") {
    NamingConvention none;
    NameFields f{.table = "orders", .columns = {"user_id"}, .referred_table = "users"};
    CHECK(none.name(NameKind::Unique, f) == "uq_orders_user_id");
    CHECK(none.name(NameKind::Index, f) == "ix_orders_user_id");
    CHECK(none.name(NameKind::ForeignKey, f) == "fk_orders_user_id_users");
    f.constraint_name = "user_id";
    CHECK(none.name(NameKind::Check, f) == "ck_orders_user_id");
    CHECK(none.name(NameKind::PrimaryKey, f).empty());  // the database names it
    CHECK(none.fingerprint().empty());
}

TEST_CASE("naming: every token expands") {
    NameFields f{.table = "lines",
                 .columns = {"order_id", "shop_id"},
                 .referred_table = "orders",
                 .referred_columns = {"id", "shop"},
                 .constraint_name = "positive"};
    CHECK(expand_pattern("pk_%(table)s", f) == "pk_lines");
    CHECK(expand_pattern("%(column_0_name)s", f) == "order_id");
    CHECK(expand_pattern("%(column_0_N_name)s", f) == "order_id_shop_id");
    CHECK(expand_pattern("%(columns)s", f) == "order_id_shop_id");
    CHECK(expand_pattern("fk_%(table)s_%(referred_table)s_%(referred_column_0_name)s", f) ==
          "fk_lines_orders_id");
    CHECK(expand_pattern("%(referred_column_0_N_name)s", f) == "id_shop");
    CHECK(expand_pattern("ck_%(table)s_%(constraint_name)s", f) == "ck_lines_positive");
    CHECK(expand_pattern("100%%_%(table)s", f) == "100%_lines");
    NamingConvention c;
    c.patterns[NameKind::PrimaryKey] = "pk_%(table)s";
    CHECK(c.name(NameKind::PrimaryKey, f) == "pk_lines");
    CHECK(c.fingerprint() == "pk=pk_%(table)s;");
}

TEST_CASE("naming: bad patterns are refused with the fix") {
    CHECK_FALSE(check_pattern(NameKind::Unique, "uq_%(table)s_%(column_0_N_name)s"));
    CHECK_FALSE(check_pattern(NameKind::ForeignKey, "fk_%(table)s_%(referred_table)s"));
    auto unknown = check_pattern(NameKind::Unique, "uq_%(tabel)s");
    REQUIRE(unknown);
    CHECK(unknown->message == "unknown token %(tabel)s in the uq naming pattern \"uq_%(tabel)s\"");
    CHECK(unknown->hint.starts_with("did you mean %(table)s?"));
    auto referred = check_pattern(NameKind::Index, "ix_%(referred_table)s");
    REQUIRE(referred);
    CHECK(referred->message.find("only foreign keys") != std::string::npos);
    auto name = check_pattern(NameKind::PrimaryKey, "pk_%(constraint_name)s");
    REQUIRE(name);
    CHECK(name->message.find("only check constraints") != std::string::npos);
    auto empty = check_pattern(NameKind::PrimaryKey, "  ");
    REQUIRE(empty);
    CHECK(empty->message == "the pk naming pattern is empty: it would make empty names");
    auto open = check_pattern(NameKind::Check, "ck_%(table");
    REQUIRE(open);
    CHECK(open->message.starts_with("malformed token at byte 3"));
    CHECK(parse_name_kind("ix") == NameKind::Index);
    CHECK_FALSE(parse_name_kind("idx"));
}

TEST_CASE("naming: a name longer than the databases keep is cut as SQLAlchemy cuts it") {
    NamingConvention pg;
    pg.max_length = 63;
    NameFields f{.table = "customer_subscription_billing_preferences",
                 .columns = {"preferred_payment_method_identifier_reference"}};
    // SQLAlchemy 1.4.46 (Debian's python3-sqlalchemy) names these two for PostgreSQL
    // with the same patterns; the suffix is the last 4 hex digits of the full name's MD5.
    CHECK(pg.name(NameKind::Index, f) ==
          "ix_customer_subscription_billing_preferences_preferred__1ea2");
    f.columns = {"parent_subscription_billing_preference_id"};
    f.referred_table = "customer_subscription_billing_preferences";
    CHECK(pg.name(NameKind::ForeignKey, f) ==
          "fk_customer_subscription_billing_preferences_parent_sub_ff0d");
    CHECK(pg.name(NameKind::ForeignKey, f).size() == 60);
    // Short names and a project with no limit (SQLite) keep the whole name.
    NameFields short_one{.table = "t", .columns = {"a"}};
    CHECK(pg.name(NameKind::Index, short_one) == "ix_t_a");
    NamingConvention unlimited;
    CHECK(unlimited.name(NameKind::ForeignKey, f).size() == 128);
    // Never cut inside a UTF-8 character; the limit is in the cache key.
    // "ix_" + 51 bytes puts the 2-byte "é" at bytes 54-55: byte 55 would split it.
    NameFields wide{.table = std::string(51, 'x') + "\xc3\xa9" + std::string(20, 't'),
                    .columns = {"c"}};
    std::string cut = pg.name(NameKind::Index, wide);
    CHECK(cut.size() == 59);
    CHECK(cut.substr(0, 54) == "ix_" + std::string(51, 'x'));
    CHECK(cut[54] == '_');
    CHECK(pg.fingerprint() == "max=63");
}
