// Issue 16's fixpoint over every schema the test suite has, on both dialects: the
// property generator's random schemas, the planners' golden cases and the scanner's
// corpus of good models. Each is built in a real database (SQLite file, a database on
// the PostgreSQL test server) that has no autogen version table, as a database being
// adopted, and goes through check_pull_round (pull_round.hpp): pull, diff empty,
// revision writes nothing, baseline + stamp leaves check clean, a database built from
// the baseline has the original's catalog, the headers compile.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "diff/differ.hpp"
#include "tests/pull/pull_round.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/postgres_test_cases.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/property_profiles.hpp"
#include "tests/support/registry_dialect.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/sqlite_test_cases.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using testing::pull::RoundDatabases;
namespace fs = std::filesystem;

namespace {

/// A database to adopt and an empty one to build from the baseline, on one dialect:
/// two files for SQLite, two databases on the test server for PostgreSQL.
class Databases {
  public:
    Databases(const std::string& dialect, const fs::path& folder) {
        dbs_.dialect = dialect;
        if (dialect == "sqlite") {
            dbs_.url = "sqlite:///" + (folder / "original.sqlite3").string();
            dbs_.other_url = "sqlite:///" + (folder / "built.sqlite3").string();
        } else {
            original_ = std::make_unique<test::PostgresTestDatabase>();
            other_ = std::make_unique<test::PostgresTestDatabase>();
            dbs_.url = original_->url();
            dbs_.other_url = other_->url();
            dbs_.dev_url = test::postgres_test_server_url();
        }
    }
    const RoundDatabases& urls() const { return dbs_; }

  private:
    RoundDatabases dbs_;
    std::unique_ptr<test::PostgresTestDatabase> original_, other_;
};

/// Creates the model schema `model` in the database at `url` as the dialect's planner
/// would from an empty one. False when the database refuses it (a generated schema the
/// property tests, not this one, answer for).
bool create(const std::string& dialect, const std::string& url, const schema::Schema& model,
            std::string& errors) {
    testing::RegistryDialect d(dialect);
    support::Diagnostics diags;
    auto conn = d.connect(url, diags);
    REQUIRE_MESSAGE(conn, test::format_all(diags));
    schema::Schema lowered = d->planner->lower(model, diags);
    bool ok = !diags.has_errors();
    if (ok) {
        auto statements = d->planner->plan(diff::diff(schema::Schema{}, lowered, *d->rules),
                                           schema::Schema{}, lowered, diags);
        ok = conn->begin(diags);
        for (const auto& st : statements)
            if (ok && !st.sql.empty()) ok = conn->execute(st.sql, diags);
        ok = ok ? conn->commit(diags) : (conn->rollback(diags), false);
    }
    errors = test::format_all(diags);
    return ok;
}

/// The round on `model`, built in fresh databases; false when the database refused it.
bool round_on_model(const std::string& name, const std::string& dialect,
                    const schema::Schema& model, bool split_by_schema_too = false) {
    testing::TempDir dir;
    Databases dbs(dialect, dir.path());
    std::string errors;
    if (!create(dialect, dbs.urls().url, model, errors)) {
        MESSAGE(name << ": the database refused the schema, skipped:\n" << errors);
        return false;
    }
    fs::create_directories(dir.path() / "project");
    testing::pull::check_pull_round(name, dbs.urls(), dir.path() / "project", split_by_schema_too);
    return true;
}

/// A schema as a database being adopted holds it: without the models' renames.
schema::Schema without_renames(schema::Schema s) {
    for (auto& t : s.tables) {
        t.renamed_from.clear();
        for (auto& c : t.columns) c.renamed_from.clear();
    }
    return s;
}

/// An empty database: every generated edit is allowed.
class NoRows final : public testing::property::DataOracle {
  public:
    using Table = schema::Table;
    using Column = schema::Column;
    bool has_nulls(const Table&, const std::string&) override { return false; }
    bool all_null(const Table&, const std::string&) override { return true; }
    bool distinct(const Table&, const std::vector<std::string>&) override { return true; }
    bool castable(const Table&, const Column&, const Column&) override { return true; }
    bool label_used(const schema::Schema&, const schema::Enum&, const std::string&) override {
        return false;
    }
};

/// The property generator's schemas: for each seed, the models after every `every`-th
/// of `steps` random edits (AUTOGEN_PULL_CORPUS_STEPS runs longer).
void property_corpus(const std::string& dialect, const testing::property::Profile& profile,
                     std::initializer_list<unsigned> seeds) {
    int steps = 36, every = 6, rounds = 0;
    if (const char* s = std::getenv("AUTOGEN_PULL_CORPUS_STEPS")) steps = std::atoi(s);
    for (unsigned seed : seeds) {
        testing::property::Generator gen(seed, profile);
        NoRows rows;
        schema::Schema model = gen.initial();
        for (int step = 0; step <= steps; ++step) {
            if (step > 0) {
                gen.begin_step(model);
                gen.edit(model, rows);
            }
            if (step % every != 0) continue;
            if (round_on_model(dialect + " property seed " + std::to_string(seed) + " step " +
                                   std::to_string(step),
                               dialect, without_renames(model)))
                ++rounds;
        }
    }
    MESSAGE(dialect << ": " << rounds << " generated schemas pulled");
    CHECK(rounds >= 3 * static_cast<int>(seeds.size()));
}

/// A list of planner cases: their base schema and the schema after each change (in
/// `spelled`, the dialect's spelling), but those named in `skipped`.
template <class Case, class Spelling>
void cases_corpus(const std::string& label, const std::string& dialect, const schema::Schema& base,
                  const std::vector<Case>& cases, Spelling spelled,
                  const std::set<std::string>& skipped = {}) {
    int rounds = round_on_model(label + " base", dialect, spelled(base), true) ? 1 : 0, wanted = 1;
    for (const auto& c : cases) {
        if (skipped.count(c.name)) continue;
        schema::Schema after = base;
        c.change(after);
        ++wanted;
        if (round_on_model(label + " " + c.name, dialect, without_renames(spelled(after)), true))
            ++rounds;
    }
    CHECK(rounds == wanted);
}

/// The scanner's good cases: each case's models made into a database by autogen itself
/// (revision + upgrade in a copy of the case), whose version tables are then dropped.
/// `not_on_dialect`: the cases whose models that dialect refuses, each with the reason.
void scan_corpus(const std::string& dialect,
                 const std::map<std::string, std::string>& not_on_dialect = {}) {
    const fs::path good = testing::source_dir() / "tests" / "scan_corpus" / "good";
    int rounds = 0;
    for (const auto& entry : fs::directory_iterator(good)) {
        const std::string name = dialect + " scan corpus " + entry.path().filename().string();
        if (auto why = not_on_dialect.find(entry.path().filename().string());
            why != not_on_dialect.end()) {
            MESSAGE(name << ": not on " << dialect << ": " << why->second);
            continue;
        }
        testing::TempDir dir;
        Databases dbs(dialect, dir.path());
        const fs::path models = dir.path() / "models-of-case";
        fs::copy(entry.path(), models, fs::copy_options::recursive);
        // The case's own autogen.toml with the round's database; one when it has none.
        std::string toml = testing::read_file(models / "autogen.toml");
        if (toml.empty())
            toml =
                "[database]\nurl = \"sqlite:///db.sqlite3\"\n\n[models]\nheaders = "
                "[\"**/*.hpp\"]\n";
        const std::string url_line = "url = \"sqlite:///db.sqlite3\"";
        auto at = toml.find(url_line);
        REQUIRE_MESSAGE(at != std::string::npos,
                        name << ": no " << url_line << " in its autogen.toml");
        toml.replace(
            at, url_line.size(),
            "url = \"" + dbs.urls().url + "\"\n" +
                (dbs.urls().dev_url.empty() ? "" : "dev_url = \"" + dbs.urls().dev_url + "\""));
        std::ofstream(models / "autogen.toml") << toml;
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"revision", "-m", "models", "--rev-id", "c0a5e0000001"}, {"upgrade", "head"}}) {
            std::vector<std::string> argv{AUTOGEN_BINARY};
            argv.insert(argv.end(), args.begin(), args.end());
            auto r = testing::run_process(argv, models);
            REQUIRE_MESSAGE(r.code == 0, name << ": building the case's database\n"
                                              << r.transcript());
        }
        {
            testing::RegistryDialect d(dialect);
            support::Diagnostics diags;
            auto conn = d.connect(dbs.urls().url, diags);
            REQUIRE_MESSAGE((conn && conn->execute("DROP TABLE autogen_version_log", diags) &&
                             conn->execute("DROP TABLE autogen_version", diags)),
                            test::format_all(diags));
        }
        fs::create_directories(dir.path() / "project");
        testing::pull::check_pull_round(name, dbs.urls(), dir.path() / "project", true);
        ++rounds;
    }
    CHECK(rounds + static_cast<int>(not_on_dialect.size()) >= 5);
}

}  // namespace

TEST_CASE("sqlite, the property generator's schemas are a fixpoint") {
    property_corpus("sqlite", testing::property::sqlite_profile(), {1u, 2u, 3u});
}

TEST_CASE("postgresql, the property generator's schemas are a fixpoint") {
    property_corpus("postgresql", testing::property::postgres_profile(), {1u, 2u, 3u});
}

TEST_CASE("sqlite, the golden cases and the planner's cases are a fixpoint") {
    namespace golden = testing::postgres_cases;
    cases_corpus("sqlite golden", "sqlite", golden::base(), golden::cases(), golden::for_sqlite,
                 golden::cases_without_sqlite_meaning());
    cases_corpus("sqlite planner case", "sqlite", testing::sqlite_cases::base(),
                 testing::sqlite_cases::cases(), [](schema::Schema s) { return s; });
}

TEST_CASE("postgresql, the golden cases are a fixpoint") {
    namespace golden = testing::postgres_cases;
    cases_corpus("postgresql golden", "postgresql", golden::base(), golden::cases(),
                 [](schema::Schema s) { return s; });
}

TEST_CASE("sqlite, the scanner's good cases are a fixpoint") { scan_corpus("sqlite"); }

TEST_CASE("postgresql, the scanner's good cases are a fixpoint") {
    scan_corpus("postgresql", {{"every_annotation", "a column uses SQLite's NOCASE collation"}});
}
