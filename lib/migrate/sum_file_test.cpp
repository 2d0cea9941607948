// autogen.sum and its schema snapshot: round trips, tamper and merge-conflict
// detection, file comparison, atomic writes.
#include "migrate/sum_file.hpp"

#include <doctest/doctest.h>

#include "migrate/schema_snapshot.hpp"
#include "migrate/sha256.hpp"
#include "schema/index_keys.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using namespace autogen;
using migrate::FileDrift;
using migrate::SumRead;

/// A schema using every field the snapshot records.
schema::Schema every_field() {
    schema::Schema s;
    s.enums.push_back({"", "order_status", {"pending", "paid"}, {}});
    schema::Table orders;
    orders.name = "orders";
    orders.comment = "Orders \"placed\"\nby users";
    schema::Column id{"id", {schema::Logical::BigInt, {}, {}, {}}, false, {}, true, {}, "", "", {}};
    schema::Column user{
        "user_id", {schema::Logical::BigInt, {}, {}, {}}, false, {}, false, {}, "", "", {}};
    schema::Column status{"status", {schema::Logical::Enum, {}, "order_status", {}},
                          false,    {"'pending'"},
                          false,    {},
                          "",       "",
                          {}};
    schema::Column amount{"amount",   {schema::Logical::None, {}, {}, "NUMERIC(12,2)"},
                          true,       {},
                          false,      {"NOCASE"},
                          "in euros", "",
                          {}};
    schema::Column code{
        "code", {schema::Logical::Text, 20u, {}, {}}, false, {}, false, {}, "", "old_code", {}};
    orders.columns = {id, user, status, amount, code};
    orders.primary_key = schema::PrimaryKey{"pk_orders", {"id"}};
    schema::ForeignKey fk;
    fk.name = "fk_orders_user";
    fk.columns = {"user_id"};
    fk.ref_table = "users";
    fk.ref_columns = {"id"};
    fk.on_delete = schema::ReferentialAction::Cascade;
    fk.deferrable = true;
    fk.initially_deferred = true;
    orders.foreign_keys.push_back(fk);
    orders.uniques.push_back({"uq_orders_code", {"code"}, {}});
    orders.indexes.push_back({"ix_orders_lower", {"(lower(code))"}, true, "amount > 0", {}});
    orders.indexes.push_back({"ix_orders_code", {"code"}, false, "", {}, "hash"});
    schema::Index keyed{.name = "ix_orders_keys",
                        .columns = {"my col", "(lower(code))", "amount"},
                        .unique = true,
                        .include = {"code"},
                        .nulls_not_distinct = true,
                        .storage_parameters = {"fillfactor=70"}};
    schema::set_key_options(keyed, 0, {.collation = "C", .opclass = "text_pattern_ops"});
    schema::set_key_options(keyed, 2, {.descending = true, .nulls_first = false});
    orders.indexes.push_back(std::move(keyed));
    orders.checks.push_back({"ck_amount", "amount >= 0", {}});
    schema::Table users;
    users.name = "users";
    users.columns = {id};
    s.tables = {orders, users};
    return s;
}

}  // namespace

TEST_CASE(
    "snapshot: every field survives a round trip, tables sorted, locations and renames left out") {
    auto s = every_field();
    std::swap(s.tables[0], s.tables[1]);  // declaration order must not matter
    s.tables[0].location = {"models.hpp", 3, 1};
    std::string text = migrate::snapshot_text(s);
    CHECK(text.find("models.hpp") == std::string::npos);
    CHECK(text.find("old_code") == std::string::npos);
    CHECK(text.find("table {\"name\":\"orders\"") < text.find("table {\"name\":\"users\""));
    CHECK(text.find("  column {\"name\":\"id\",\"type\":\"bigint\",\"identity\":true}\n") !=
          std::string::npos);

    support::Diagnostics diags;
    auto back = migrate::parse_snapshot(text, "autogen.sum", 5, diags);
    REQUIRE(back);
    CHECK_FALSE(diags.has_errors());
    CHECK(migrate::snapshot_text(*back) == text);
    const auto* orders = back->find_table("orders");
    REQUIRE(orders);
    CHECK(orders->comment == "Orders \"placed\"\nby users");
    CHECK(orders->columns[3].type.sql == "NUMERIC(12,2)");
    CHECK(orders->columns[3].collation == std::optional<std::string>("NOCASE"));
    CHECK(orders->columns[4].type.length == std::optional<unsigned>(20));
    CHECK(orders->foreign_keys[0].on_delete == schema::ReferentialAction::Cascade);
    CHECK(orders->indexes[0].where == "amount > 0");
    CHECK(orders->foreign_keys[0].deferrable);
    CHECK(orders->foreign_keys[0].initially_deferred);
    CHECK(orders->indexes[0].method.empty());
    CHECK(orders->indexes[1].method == "hash");
    CHECK(orders->indexes[1].key_options.empty());
    const auto& keyed = orders->indexes[2];
    CHECK(keyed.columns == std::vector<std::string>{"my col", "(lower(code))", "amount"});
    REQUIRE(keyed.key_options.size() == 3);
    CHECK(keyed.key_options[0].collation == "C");
    CHECK(keyed.key_options[0].opclass == "text_pattern_ops");
    CHECK(schema::is_plain(keyed.key_options[1]));
    CHECK(keyed.key_options[2].descending);
    CHECK(keyed.key_options[2].nulls_first == std::optional<bool>(false));
    CHECK(keyed.include == std::vector<std::string>{"code"});
    CHECK(keyed.nulls_not_distinct);
    CHECK(keyed.storage_parameters == std::vector<std::string>{"fillfactor=70"});
}

TEST_CASE("snapshot: a bad line is an error naming its line") {
    support::Diagnostics diags;
    std::string text =
        "table {\"name\":\"t\"}\n  column {\"name\":\"a\",\"type\":\"quaternion\"}\n";
    CHECK_FALSE(migrate::parse_snapshot(text, "migrations/autogen.sum", 10, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].location.line == 11);
    CHECK(diags.items()[0].message.find("quaternion") != std::string::npos);

    support::Diagnostics diags2;
    CHECK_FALSE(migrate::parse_snapshot("  column {\"name\":\"a\"}\n", "x", 1, diags2));
    CHECK(diags2.items()[0].message.find("before any 'table'") != std::string::npos);
}

TEST_CASE("sum file: round trip, stable text") {
    migrate::SumFile sum;
    sum.heads = {"bbb"};
    sum.files = {{"002_b.sql", std::string(64, 'b')}, {"001 a.sql", std::string(64, 'a')}};
    sum.snapshot = migrate::snapshot_text(every_field());
    std::string text = migrate::render_sum(sum);
    CHECK(text.rfind("autogen.sum 1 sha256:", 0) == 0);
    CHECK(text.find("file " + std::string(64, 'a') + " 001 a.sql\n") < text.find("002_b.sql"));

    auto read = migrate::parse_sum(text);
    REQUIRE(read.state == SumRead::State::Ok);
    CHECK(read.sum.heads == sum.heads);
    CHECK(read.sum.files == sum.files);
    CHECK(read.sum.snapshot == sum.snapshot);
    CHECK(migrate::render_sum(read.sum) == text);
    // The first snapshot line's number, for messages.
    unsigned lines_before = 0;
    for (char c : text.substr(0, text.find("\nenum {"))) lines_before += c == '\n';
    CHECK(read.sum.snapshot_line == lines_before + 2);
    // A byte order mark an editor put in front is skipped.
    auto with_bom = migrate::parse_sum("\xEF\xBB\xBF" + text);
    REQUIRE(with_bom.state == SumRead::State::Ok);
    CHECK(with_bom.sum.files == sum.files);
}

TEST_CASE("sum file: hand edits and git conflict markers are detected") {
    migrate::SumFile sum;
    sum.heads = {"a1"};
    sum.files = {{"001_a.sql", std::string(64, 'a')}};
    std::string text = migrate::render_sum(sum);

    SUBCASE("one changed byte") {
        std::string edited = text;
        edited[edited.find("001_a")] = '9';
        auto read = migrate::parse_sum(edited);
        CHECK(read.state == SumRead::State::Invalid);
        CHECK(read.problem.find("checksum does not match") != std::string::npos);
    }
    SUBCASE("a merge conflict") {
        std::string conflicted = "<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> branch\n";
        auto read = migrate::parse_sum(conflicted);
        CHECK(read.state == SumRead::State::Invalid);
        CHECK(read.line == 1);
    }
    SUBCASE("a valid checksum over an unknown line") {
        std::string body = "heads a1\nbogus line\nsnapshot\n";
        std::string forged = "autogen.sum 1 sha256:" + migrate::sha256_hex(body) + "\n" + body;
        auto read = migrate::parse_sum(forged);
        CHECK(read.state == SumRead::State::Invalid);
        CHECK(read.line == 3);
        CHECK(read.problem.find("bogus") != std::string::npos);
    }
    SUBCASE("empty file") { CHECK(migrate::parse_sum("").state == SumRead::State::Invalid); }
}

TEST_CASE("sum file: written atomically, read back, missing when absent") {
    testing::TempDir dir;
    auto path = dir.path() / "migrations" / "autogen.sum";
    CHECK(migrate::read_sum(path).state == SumRead::State::Missing);
    std::filesystem::create_directories(path.parent_path());
    dir.write("migrations/001_a.sql", "select 1;\n");
    dir.write("migrations/notes.txt", "not a revision\n");
    migrate::SumFile sum;
    sum.heads = {"a"};
    sum.files = migrate::revision_file_checksums(path.parent_path());
    REQUIRE(sum.files.size() == 1);
    CHECK(sum.files.at("001_a.sql") == migrate::sha256_hex("select 1;\n"));
    support::Diagnostics diags;
    REQUIRE(migrate::write_sum(path, sum, diags));
    REQUIRE(migrate::write_sum(path, sum, diags));  // replaces
    auto read = migrate::read_sum(path);
    REQUIRE(read.state == SumRead::State::Ok);
    CHECK(read.sum.files == sum.files);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(path.parent_path()))
        ++entries;
    CHECK(entries == 3);  // no temporary file left

    support::Diagnostics bad;
    CHECK_FALSE(migrate::write_sum(dir.path() / "no" / "such" / "autogen.sum", sum, bad));
    CHECK(bad.has_errors());
}

TEST_CASE("sum file: compare_files names changed, unlisted and missing files in name order") {
    std::map<std::string, std::string> recorded{{"1.sql", "a"}, {"2.sql", "b"}, {"4.sql", "d"}};
    std::map<std::string, std::string> actual{{"1.sql", "a"}, {"2.sql", "B"}, {"3.sql", "c"}};
    auto drift = migrate::compare_files(recorded, actual);
    REQUIRE(drift.size() == 3);
    CHECK((drift[0].kind == FileDrift::Kind::Changed && drift[0].file == "2.sql"));
    CHECK((drift[1].kind == FileDrift::Kind::Unlisted && drift[1].file == "3.sql"));
    CHECK((drift[2].kind == FileDrift::Kind::Missing && drift[2].file == "4.sql"));
    CHECK(migrate::compare_files(actual, actual).empty());
}

TEST_CASE("sum file: read from disk, byte order mark or not, the snapshot is the text after it") {
    migrate::SumFile sum;
    sum.heads = {"a1"};
    sum.files["001_a1.sql"] = std::string(64, 'c');
    sum.snapshot = migrate::snapshot_text(every_field());
    const std::string text = migrate::render_sum(sum);
    autogen::testing::TempDir dir;
    for (const std::string& bytes : {text, "\xEF\xBB\xBF" + text}) {
        auto read = migrate::read_sum(dir.write("autogen.sum", bytes));
        REQUIRE(read.state == SumRead::State::Ok);
        CHECK(read.sum.snapshot == sum.snapshot);
        CHECK(read.sum.files == sum.files);
        CHECK(read.sum.snapshot_line == migrate::parse_sum(bytes).sum.snapshot_line);
    }
}
