// Writing revision files: naming, slugs, the template context, golden renderings
// (tests/golden/revision_file/), parse round trips and the atomic, no-overwrite write.
#include "migrate/revision_writer.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "migrate/revision_file.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden = testing::source_dir() / "tests" / "golden" / "revision_file";

std::chrono::system_clock::time_point fixed_clock() {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 21} + 15h + 30min;
}

migrate::WriterOptions options_in(const fs::path& dir) {
    migrate::WriterOptions o;
    o.migrations_dir = dir;
    o.template_search_path = {testing::source_dir() / "templates"};
    return o;
}

codegen::Statement statement(const nlohmann::json& j) {
    codegen::Statement s;
    s.sql = j.at("sql").get<std::string>();
    s.comment = j.value("comment", "");
    s.destructive = j.value("destructive", false);
    s.warning = j.value("warning", "");
    s.no_transaction = j.value("no_transaction", false);
    return s;
}

/// A draft from a golden case's JSON description.
migrate::RevisionDraft draft_from(const nlohmann::json& j) {
    migrate::RevisionDraft d;
    d.id = j.at("id");
    d.down_revisions = j.at("down_revisions").get<std::vector<std::string>>();
    d.message = j.at("message");
    d.created = fixed_clock();
    d.branch_labels = j.at("branch_labels").get<std::vector<std::string>>();
    d.depends_on = j.at("depends_on").get<std::vector<std::string>>();
    d.operations = j.at("operations").get<std::vector<std::string>>();
    for (const auto& dj : j.at("dialects")) {
        migrate::DialectStatements ds;
        ds.dialect = dj.at("dialect");
        for (const auto& s : dj.at("upgrade")) ds.upgrade.push_back(statement(s));
        for (const auto& s : dj.at("downgrade")) ds.downgrade.push_back(statement(s));
        d.dialects.push_back(std::move(ds));
    }
    return d;
}

migrate::RevisionDraft spec_example() {
    migrate::RevisionDraft d;
    d.id = "3f2a9c1b7d4e";
    d.down_revisions = {"9a8b7c6d5e4f"};
    d.message = "add user phone";
    d.created = fixed_clock();
    d.operations = {"detected added column \"users\".\"phone\""};
    d.dialects.push_back({"sqlite",
                          {{.sql = "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20)"}},
                          {{.sql = "ALTER TABLE \"users\" DROP COLUMN \"phone\""}}});
    return d;
}

/// Compares `actual` with the golden file byte for byte; prints a unified diff on
/// mismatch; rewrites the file when AUTOGEN_UPDATE_GOLDEN is set.
void check_golden(const std::string& actual, const fs::path& golden) {
    if (std::getenv("AUTOGEN_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << actual;
        MESSAGE("updated " << golden.string());
        return;
    }
    std::string expected = testing::read_file(golden);
    if (actual == expected) return;
    testing::TempDir tmp;
    auto actual_path = tmp.write("actual.sql", actual);
    std::string diff;
    if (FILE* p = ::popen(
            ("diff -u '" + golden.string() + "' '" + actual_path.string() + "'").c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) diff += buf;
        ::pclose(p);
    }
    FAIL_CHECK("rendering differs from " << golden.string()
                                         << " (AUTOGEN_UPDATE_GOLDEN=1 regenerates it):\n"
                                         << diff);
}

std::string render(const migrate::RevisionDraft& d) {
    testing::TempDir dir;
    support::Diagnostics diags;
    auto text = migrate::render_revision(d, options_in(dir.path()), diags);
    for (const auto& item : diags.items()) MESSAGE(support::format(item));
    REQUIRE(text);
    return *text;
}

}  // namespace

TEST_CASE("revision writer: slugs and ids") {
    CHECK(migrate::slugify("Add user phone!") == "add_user_phone");
    CHECK(migrate::slugify("  --Drop \"legacy\" table-- ") == "drop_legacy_table");
    CHECK(migrate::slugify("") == "");
    CHECK(migrate::slugify("ünïcode ok") == "n_code_ok");
    CHECK(migrate::slugify(std::string(30, 'a') + " " + std::string(30, 'b')).size() == 40);
    CHECK(migrate::slugify(std::string(39, 'a') + " b") == std::string(39, 'a'));
    auto a = migrate::new_revision_id(), b = migrate::new_revision_id();
    CHECK(a.size() == 12);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a != b);
    CHECK(migrate::valid_revision_id(a));
}

TEST_CASE("revision writer: file names") {
    support::Diagnostics diags;
    auto d = spec_example();
    migrate::WriterOptions o;
    CHECK(migrate::revision_file_name(d, o, diags) ==
          "20261121_1530_3f2a9c1b7d4e_add_user_phone.sql");
    o.file_template = "{rev}.sql";
    CHECK(migrate::revision_file_name(d, o, diags) == "3f2a9c1b7d4e.sql");
    o.file_template = "%Y_{slug}";
    d.message = "";
    CHECK(migrate::revision_file_name(d, o, diags) == "2026.sql");
    o.file_template = "%Y%m%d_%H%M_{rev}";
    o.timezone = "local";
    CHECK(migrate::revision_file_name(d, o, diags).has_value());
    CHECK_FALSE(diags.has_errors());

    // IANA zones from the tz database: 15:30 UTC is 16:30 in Paris (CET) and 10:30 in New York
    // (EST).
    const char* tz_env = std::getenv("TZ");
    const std::string tz_before = tz_env ? tz_env : "<unset>";
    o.timezone = "Europe/Paris";
    CHECK(migrate::revision_file_name(d, o, diags) == "20261121_1630_3f2a9c1b7d4e.sql");
    o.timezone = "America/New_York";
    CHECK(migrate::revision_file_name(d, o, diags) == "20261121_1030_3f2a9c1b7d4e.sql");
    tz_env = std::getenv("TZ");
    CHECK((tz_env ? tz_env : "<unset>") == tz_before);  // restored
    CHECK_FALSE(diags.has_errors());
    o.timezone = "Mars/Olympus_Mons";
    CHECK_FALSE(migrate::revision_file_name(d, o, diags));
    o.timezone = "UTC";
    o.file_template = "sub/{rev}";
    CHECK_FALSE(migrate::revision_file_name(d, o, diags));
    REQUIRE(diags.error_count() == 2);
    CHECK(diags.items().back().category == support::Category::Config);
    CHECK(migrate::format_created(fixed_clock()) == "2026-11-21T15:30:00Z");
}

TEST_CASE("revision writer: the context carries every key") {
    auto ctx = migrate::revision_context(spec_example());
    for (const char* key : {"revision", "down_revision", "down_revisions", "message", "created",
                            "branch_labels", "depends_on", "operations", "dialects"}) {
        CHECK_MESSAGE(ctx.contains(key), key);
    }
    CHECK(ctx["down_revision"] == "9a8b7c6d5e4f");
    CHECK(ctx["created"] == "2026-11-21T15:30:00Z");
    const auto& sqlite = ctx["dialects"][0];
    CHECK(sqlite["name"] == "sqlite");
    for (const char* key : {"sql", "comment", "destructive", "warning", "no_transaction"}) {
        CHECK_MESSAGE(sqlite["upgrade"][0].contains(key), key);
    }
    auto base = spec_example();
    base.down_revisions.clear();
    base.message = "two\nlines";
    auto bctx = migrate::revision_context(base);
    CHECK(bctx["down_revision"] == "none");
    CHECK(bctx["message"] == "two lines");
}

TEST_CASE("revision writer: golden renderings") {
    SUBCASE("the SPEC §4 example") {
        check_golden(render(spec_example()), kGolden / "expected.sql");
    }
    SUBCASE("every feature") {
        auto j = nlohmann::json::parse(testing::read_file(kGolden / "full.json"));
        check_golden(render(draft_from(j)), kGolden / "full.sql");
    }
    SUBCASE("an empty revision") {
        migrate::RevisionDraft d;
        d.id = "e0e0e0e0e0e0";
        d.message = "hand written";
        d.created = fixed_clock();
        d.dialects.push_back({"sqlite", {}, {}});
        check_golden(render(d), kGolden / "empty.sql");
    }
}

TEST_CASE("revision writer: what it writes parses back to the draft") {
    auto j = nlohmann::json::parse(testing::read_file(kGolden / "full.json"));
    auto d = draft_from(j);
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(render(d), "full.sql", {"sqlite", "postgresql"}, diags);
    REQUIRE(rev);
    CHECK(rev->id == d.id);
    CHECK(rev->down_revisions == d.down_revisions);
    CHECK(rev->message == d.message);
    CHECK(rev->created == "2026-11-21T15:30:00Z");
    CHECK(rev->branch_labels == d.branch_labels);
    CHECK(rev->depends_on == d.depends_on);
    CHECK(rev->section(migrate::Direction::Upgrade, "postgresql")->no_transaction);
    CHECK_FALSE(rev->section(migrate::Direction::Upgrade, "sqlite")->no_transaction);
    CHECK(rev->section(migrate::Direction::Downgrade, "sqlite")
              ->sql.find("CREATE TABLE \"legacy\"") != std::string::npos);
}

TEST_CASE("revision writer: atomic write, no overwrite") {
    testing::TempDir dir;
    support::Diagnostics diags;
    auto d = spec_example();
    auto path = migrate::write_revision(d, options_in(dir.path() / "migrations"), diags);
    REQUIRE(path);
    CHECK(path->filename() == "20261121_1530_3f2a9c1b7d4e_add_user_phone.sql");
    CHECK(testing::read_file(*path) == testing::read_file(kGolden / "expected.sql"));
    auto back = migrate::read_revision_file(*path, {"sqlite"}, diags);  // the SPEC §4 round trip
    REQUIRE(back);
    CHECK(back->id == d.id);
    CHECK(back->down_revisions == d.down_revisions);
    CHECK(back->message == d.message);
    CHECK(back->section(migrate::Direction::Upgrade, "sqlite")->sql ==
          "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n\n");
    CHECK(back->section(migrate::Direction::Downgrade, "sqlite")->sql ==
          "ALTER TABLE \"users\" DROP COLUMN \"phone\";\n");

    CHECK_FALSE(migrate::write_revision(d, options_in(dir.path() / "migrations"), diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message.find("already exists") != std::string::npos);
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path() / "migrations"))
        ++files;
    CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("revision writer: a project template that breaks the format is refused") {
    testing::TempDir dir;
    dir.write("templates/revision.sql.j2", "-- revision {{ revision }}\n");
    auto o = options_in(dir.path() / "migrations");
    o.template_search_path.insert(o.template_search_path.begin(), dir.path() / "templates");
    support::Diagnostics diags;
    CHECK_FALSE(migrate::write_revision(spec_example(), o, diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().category == support::Category::Template);
    CHECK_FALSE(
        fs::exists(dir.path() / "migrations" / "20261121_1530_3f2a9c1b7d4e_add_user_phone.sql"));
}

TEST_CASE("revision writer: an invalid id is refused") {
    auto d = spec_example();
    d.id = "head";
    testing::TempDir dir;
    support::Diagnostics diags;
    CHECK_FALSE(migrate::render_revision(d, options_in(dir.path()), diags));
    CHECK(diags.has_errors());
}

TEST_CASE("revision writer: text in header and comment lines cannot leave its comment") {
    auto d = spec_example();
    d.message = "evil\x1b[2J\rDROP TABLE users; --\nsecond line";
    d.dialects.front().upgrade.front().comment =
        "a doc comment\rDROP TABLE users; --\nnext\x1b]0;x\x07";
    d.dialects.front().upgrade.front().destructive = true;
    d.dialects.front().upgrade.front().warning = "drops \"a\rDROP TABLE users; --\"";
    const std::string text = render(d);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("-- message: evil\\u001b[2J DROP TABLE users; -- second line\n") !=
          std::string::npos);
    CHECK(text.find("-- a doc comment\\rDROP TABLE users; --\n-- next\\u001b]0;x\\u0007\n") !=
          std::string::npos);
    CHECK(text.find("-- WARNING: drops \"a DROP TABLE users; --\"\n") !=
          std::string::npos);  // a line break: a space
    // Every line that is not the statement itself is a comment.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.rfind("--", 0) == 0) continue;
        CHECK(line.rfind("ALTER TABLE \"users\"", 0) == 0);
    }
}
