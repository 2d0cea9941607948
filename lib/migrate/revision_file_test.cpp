// Parsing revision files: the SPEC §4 example, header fields, sections, and each error
// with its file:line.
#include "migrate/revision_file.hpp"

#include <doctest/doctest.h>

#include "migrate/sha256.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using migrate::Direction;

namespace {

const std::string kSpecExample =
    "-- autogen revision\n"
    "-- revision: 3f2a9c1b7d4e\n"
    "-- down_revision: 9a8b7c6d5e4f\n"
    "-- message: add user phone\n"
    "-- created: 2026-11-21T15:30:00Z\n"
    "\n"
    "-- +upgrade sqlite\n"
    "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n"
    "\n"
    "-- +downgrade sqlite\n"
    "ALTER TABLE \"users\" DROP COLUMN \"phone\";\n";

const std::vector<std::string> kSqlite = {"sqlite"};

/// Parses `text` and returns the first error (checking that parsing failed).
support::Diagnostic first_error(const std::string& text,
                                const std::vector<std::string>& dialects = kSqlite) {
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(text, "migrations/x.sql", dialects, diags);
    CHECK_FALSE(rev.has_value());
    REQUIRE(diags.has_errors());
    for (const auto& d : diags.items()) {
        if (d.severity == support::Severity::Error) return d;
    }
    return {};
}

}  // namespace

TEST_CASE("revision file: the SPEC §4 example") {
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(
        kSpecExample, "migrations/20261121_1530_3f2a9c1b7d4e_add_user_phone.sql", kSqlite, diags);
    REQUIRE(rev);
    CHECK(diags.items().empty());
    CHECK(rev->id == "3f2a9c1b7d4e");
    CHECK(rev->down_revisions == std::vector<std::string>{"9a8b7c6d5e4f"});
    CHECK(rev->message == "add user phone");
    CHECK(rev->created == "2026-11-21T15:30:00Z");
    CHECK(rev->branch_labels.empty());
    CHECK(rev->checksum == migrate::sha256_hex(kSpecExample));
    const auto* up = rev->section(Direction::Upgrade, "sqlite");
    REQUIRE(up);
    CHECK(up->first_line == 8);
    CHECK(up->sql == "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n\n");
    CHECK_FALSE(up->no_transaction);
    const auto* down = rev->section(Direction::Downgrade, "sqlite");
    REQUIRE(down);
    CHECK(down->first_line == 11);
    CHECK(rev->section(Direction::Upgrade, "postgresql") == nullptr);
}

TEST_CASE(
    "revision file: a UTF-8 byte order mark (Windows editors) is skipped, the checksum covers it") {
    const std::string text = "\xEF\xBB\xBF" + kSpecExample;
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(text, "migrations/x.sql", kSqlite, diags);
    REQUIRE(rev);
    CHECK(diags.items().empty());
    CHECK(rev->id == "3f2a9c1b7d4e");
    CHECK(rev->checksum == migrate::sha256_hex(text));
    const auto* up = rev->section(Direction::Upgrade, "sqlite");
    REQUIRE(up);
    CHECK(up->first_line == 8);
}

TEST_CASE("revision file: base, merge, labels, no-transaction, two dialects") {
    std::string text =
        "-- autogen revision\n-- revision: m1\n-- down_revision: a1, b2\n-- message: merge: both\n"
        "-- created: 2026-11-21T15:30:00Z\n-- branch_labels: feature, x\n-- depends_on: c3\n\n"
        "-- +upgrade postgresql\n-- autogen: no-transaction\nCREATE INDEX CONCURRENTLY i ON t "
        "(a);\n\n"
        "-- +downgrade postgresql\n\n-- +upgrade sqlite\n\n-- +downgrade sqlite\n";
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(text, "m.sql", {"sqlite", "postgresql"}, diags);
    REQUIRE(rev);
    CHECK(rev->down_revisions == std::vector<std::string>{"a1", "b2"});
    CHECK(rev->is_merge());
    CHECK(rev->message == "merge: both");
    CHECK(rev->branch_labels == std::vector<std::string>{"feature", "x"});
    CHECK(rev->depends_on == std::vector<std::string>{"c3"});
    CHECK(rev->section(Direction::Upgrade, "postgresql")->no_transaction);
    CHECK_FALSE(rev->section(Direction::Downgrade, "postgresql")->no_transaction);
    CHECK(rev->section(Direction::Upgrade, "sqlite")->sql == "\n");

    auto base = migrate::parse_revision(
        "-- autogen revision\n-- revision: a1\n-- down_revision: none\n\n-- +upgrade sqlite\n",
        "a.sql", kSqlite, diags);
    REQUIRE(base);
    CHECK(base->is_base());
}

TEST_CASE("revision file: errors say file:line and how to fix") {
    SUBCASE("missing header") {
        auto e = first_error("CREATE TABLE t (a);\n");
        CHECK(e.category == support::Category::MigrationFile);
        CHECK(e.location.str() == "migrations/x.sql:1");
        CHECK(e.message.find("not a revision file") != std::string::npos);
        CHECK_FALSE(e.hint.empty());
    }
    SUBCASE("missing revision id") {
        auto e = first_error("-- autogen revision\n-- down_revision: none\n\n-- +upgrade sqlite\n");
        CHECK(e.message.find("no \"-- revision: <id>\" line") != std::string::npos);
        CHECK(e.location.line == 1);
    }
    SUBCASE("malformed header line") {
        auto e = first_error(
            "-- autogen revision\n-- revision: a1\n-- down_revision none\n\n-- +upgrade sqlite\n");
        CHECK(e.message.find("malformed header line") != std::string::npos);
        CHECK(e.location.line == 3);
    }
    SUBCASE("malformed revision id") {
        auto e = first_error("-- autogen revision\n-- revision: a b\n-- down_revision: none\n");
        CHECK(e.message.find("malformed revision id") != std::string::npos);
        CHECK(e.location.line == 2);
    }
    SUBCASE("section for a dialect that is not configured") {
        auto e = first_error(
            "-- autogen revision\n-- revision: a1\n-- down_revision: none\n\n-- +upgrade "
            "mysql\nSELECT 1;\n");
        CHECK(e.message.find("\"mysql\", which is not configured") != std::string::npos);
        CHECK(e.location.line == 5);
        CHECK(e.hint.find("[database] dialects is [sqlite]") != std::string::npos);
    }
    SUBCASE("duplicated section") {
        auto e = first_error(
            "-- autogen revision\n-- revision: a1\n-- down_revision: none\n\n-- +upgrade "
            "sqlite\nSELECT 1;\n"
            "-- +upgrade sqlite\nSELECT 2;\n");
        CHECK(e.message.find("second \"-- +upgrade sqlite\" section") != std::string::npos);
        CHECK(e.location.line == 7);
    }
    SUBCASE("SQL outside any section") {
        auto e = first_error(
            "-- autogen revision\n-- revision: a1\n-- down_revision: none\n\nSELECT 1;\n");
        CHECK(e.location.line == 5);
    }
    SUBCASE("duplicated header") {
        auto e = first_error(
            "-- autogen revision\n-- revision: a1\n-- revision: a2\n-- down_revision: none\n");
        CHECK(e.location.line == 3);
    }
}

TEST_CASE("revision file: unknown headers are a warning, not an error") {
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(
        "-- autogen revision\n-- revision: a1\n-- down_revision: none\n-- author: me\n\n-- "
        "+upgrade sqlite\n",
        "a.sql", kSqlite, diags);
    REQUIRE(rev);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].severity == support::Severity::Warning);
}

TEST_CASE("revision file: read from disk, and a missing file is an error") {
    testing::TempDir dir;
    auto path = dir.write("m/a.sql", kSpecExample);
    support::Diagnostics diags;
    auto rev = migrate::read_revision_file(path, kSqlite, diags);
    REQUIRE(rev);
    CHECK(rev->path == path);
    CHECK_FALSE(migrate::read_revision_file(dir.path() / "nope.sql", kSqlite, diags));
    CHECK(diags.has_errors());
}

TEST_CASE("revision file: valid ids") {
    CHECK(migrate::valid_revision_id("3f2a9c1b7d4e"));
    CHECK(migrate::valid_revision_id("my_rev-1"));
    CHECK_FALSE(migrate::valid_revision_id(""));
    CHECK_FALSE(migrate::valid_revision_id("head"));
    CHECK_FALSE(migrate::valid_revision_id("none"));
    CHECK_FALSE(migrate::valid_revision_id("a,b"));
    CHECK_FALSE(migrate::valid_revision_id(std::string(65, 'a')));
}

TEST_CASE("revision file: section text is the lines verbatim with '\\n', whatever the line ends") {
    const std::string lf = kSpecExample + "-- trailing comment without a newline";
    std::string crlf;
    for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::string mixed = kSpecExample;  // one CRLF line inside the upgrade section only
    mixed.insert(mixed.find(";\n") + 1, "\r");
    for (const std::string* text : std::initializer_list<const std::string*>{&lf, &crlf, &mixed}) {
        support::Diagnostics diags;
        auto rev = migrate::parse_revision(*text, "migrations/x.sql", kSqlite, diags);
        REQUIRE(rev);
        CHECK(rev->checksum == migrate::sha256_hex(*text));
        CHECK(rev->section(Direction::Upgrade, "sqlite")->sql ==
              "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n\n");
        CHECK(rev->section(Direction::Downgrade, "sqlite")->sql ==
              (text == &mixed ? "ALTER TABLE \"users\" DROP COLUMN \"phone\";\n"
                              : "ALTER TABLE \"users\" DROP COLUMN \"phone\";\n"
                                "-- trailing comment without a newline\n"));
    }
}
