// autogen.toml loading: values, expansion, .env, strictness, lookup.
#include "support/config.hpp"

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

using namespace autogen;
using namespace autogen::support;

TEST_CASE("config: values, defaults and variable expansion") {
    testing::TempDir dir;
    auto file = dir.write("autogen.toml", R"([database]
url = "${DATABASE_URL:-sqlite:///db/app.sqlite3}"
[models]
headers = ["src/models/**/*.hpp"]
exclude_tables = ["legacy_*"]
[migrations]
version_table = "${TABLE}"
)");
    dir.write(".env", "# comment\nexport TABLE=\"vt_from_dotenv\"\nOTHER=1\n");
    Diagnostics diags;
    SUBCASE("the default applies when the variable is unset; .env is read") {
        auto config = load_config(file, {}, diags);
        REQUIRE(config);
        CHECK(config->database.url == "sqlite:///db/app.sqlite3");
        CHECK(config->database.dialects == std::vector<std::string>{"sqlite"});
        CHECK(config->migrations.version_table == "vt_from_dotenv");
        CHECK(config->migrations.dir == "migrations");
        CHECK(config->models.exclude_tables == std::vector<std::string>{"legacy_*"});
        CHECK(config->root == dir.path());
    }
    SUBCASE("a byte order mark at the start of .env does not hide its first key") {
        dir.write(".env", "\xEF\xBB\xBFTABLE=vt_bom\n");
        auto config = load_config(file, {}, diags);
        REQUIRE(config);
        CHECK(config->migrations.version_table == "vt_bom");
    }
    SUBCASE("the environment wins over the default and over .env") {
        auto config = load_config(
            file, {{"DATABASE_URL", "sqlite:////tmp/x.db"}, {"TABLE", "env_vt"}}, diags);
        REQUIRE(config);
        CHECK(config->database.url == "sqlite:////tmp/x.db");
        CHECK(config->migrations.version_table == "env_vt");
    }
}

TEST_CASE("config: errors say where and how to fix") {
    testing::TempDir dir;
    Diagnostics diags;
    SUBCASE("unknown key") {
        auto file =
            dir.write("autogen.toml", "[models]\nheaders = [\"a.hpp\"]\nheader = [\"b\"]\n");
        CHECK_FALSE(load_config(file, {}, diags));
        REQUIRE(diags.has_errors());
        CHECK(diags.items()[0].message == "unknown key 'header' in [models]");
        CHECK(diags.items()[0].location.line == 3);
        CHECK(diags.items()[0].hint.find("headers") != std::string::npos);
    }
    SUBCASE("unset variable without default") {
        auto file = dir.write("autogen.toml",
                              "[database]\nurl = \"${NOPE_NOT_SET}\"\n[models]\nheaders=[\"a\"]\n");
        CHECK_FALSE(load_config(file, {}, diags));
        CHECK(diags.items()[0].message == "environment variable NOPE_NOT_SET is not set");
        CHECK(diags.items()[0].location.line == 2);
    }
    SUBCASE("bad TOML") {
        auto file = dir.write("autogen.toml", "[models\nheaders = 1\n");
        CHECK_FALSE(load_config(file, {}, diags));
        CHECK(diags.items()[0].message.find("invalid TOML") == 0);
        CHECK(diags.items()[0].location.line == 1);
    }
    SUBCASE("a folder instead of a file") {
        dir.write("proj/autogen.toml", "[models]\nheaders = [\"a.hpp\"]\n");
        CHECK_FALSE(load_config(dir.path() / "proj", {}, diags));
        REQUIRE(diags.has_errors());
        CHECK(diags.items()[0].message ==
              (dir.path() / "proj").string() + " is a folder, not a config file");
        CHECK(diags.items()[0].hint ==
              "pass the file: -c " + (dir.path() / "proj" / "autogen.toml").string());
    }
    SUBCASE("a byte order mark is skipped; dialects and ignore are read with where dialects is") {
        auto file = dir.write("autogen.toml",
                              "\xEF\xBB\xBF[database]\ndialects = [\"sqlite\"]\n"
                              "[models]\nheaders = [\"a.hpp\"]\nignore = [\"old/**\"]\n");
        auto config = load_config(file, {}, diags);
        REQUIRE(config);
        CHECK(config->models.ignore == std::vector<std::string>{"old/**"});
        CHECK(config->database.dialects_at.line == 2);
    }
    SUBCASE("no models") {
        auto file = dir.write("autogen.toml", "[database]\nurl = \"sqlite:///x.db\"\n");
        CHECK_FALSE(load_config(file, {}, diags));
        CHECK(diags.items()[0].message == "no models configured");
    }
    SUBCASE("no models, for a command that only applies revisions: fine") {
        auto file = dir.write("autogen.toml", "[database]\nurl = \"sqlite:///x.db\"\n");
        auto config = load_config(file, {}, diags, ModelsNeeded::No);
        REQUIRE(config);
        CHECK(diags.error_count() == 0);
        CHECK(config->migrations.dir == "migrations");
    }
}

TEST_CASE("config: [models] naming") {
    testing::TempDir dir;
    Diagnostics diags;
    SUBCASE("patterns per kind, where each is set") {
        auto file = dir.write("autogen.toml",
                              "[models]\nheaders = [\"a.hpp\"]\n"
                              "naming = { pk = \"pk_%(table)s\", fk = "
                              "\"fk_%(table)s_%(columns)s_%(referred_table)s\" }\n");
        auto config = load_config(file, {}, diags);
        REQUIRE(config);
        const auto& n = config->models.naming;
        CHECK(n.pattern(NameKind::PrimaryKey) == "pk_%(table)s");
        CHECK(n.pattern(NameKind::Unique) == "uq_%(table)s_%(column_0_name)s");  // the default
        CHECK(n.at.at(NameKind::ForeignKey).line == 3);
    }
    SUBCASE("a kind that does not exist, an unknown token, a value that is no string") {
        auto file = dir.write("autogen.toml",
                              "[models]\nheaders = [\"a.hpp\"]\n[models.naming]\n"
                              "pkey = \"pk_%(table)s\"\nuq = \"uq_%(colums)s\"\nix = 3\n");
        CHECK_FALSE(load_config(file, {}, diags));
        REQUIRE(diags.error_count() == 3);  // in the order of the keys
        CHECK(diags.items()[0].message == "naming pattern 'ix' must be a string");
        CHECK(diags.items()[1].message == "unknown kind 'pkey' in [models] naming");
        CHECK(diags.items()[1].location.line == 4);
        CHECK(diags.items()[1].hint.starts_with("did you mean 'pk'?"));
        CHECK(diags.items()[2].message ==
              "unknown token %(colums)s in the uq naming pattern \"uq_%(colums)s\"");
        CHECK(diags.items()[2].location.line == 5);
        CHECK(diags.items()[2].hint.starts_with("did you mean %(columns)s?"));
    }
    SUBCASE("naming must be a table") {
        auto file = dir.write("autogen.toml",
                              "[models]\nheaders = [\"a.hpp\"]\nnaming = \"pk_%(table)s\"\n");
        CHECK_FALSE(load_config(file, {}, diags));
        CHECK(diags.items()[0].message == "'naming' must be a table of patterns");
        CHECK(diags.items()[0].location.line == 3);
    }
}

TEST_CASE("config: found from a subfolder") {
    testing::TempDir dir;
    dir.write("autogen.toml", "[models]\nheaders=[\"a\"]\n");
    dir.write("src/deep/x.txt", "");
    auto found = find_config(dir.path() / "src" / "deep");
    REQUIRE(found);
    CHECK(*found == dir.path() / "autogen.toml");
}

TEST_CASE("config: [migrations] lock_timeout is seconds, 60 by default") {
    testing::TempDir dir;
    Diagnostics diags;
    auto plain = load_config(dir.write("a.toml", "[models]\nheaders = [\"m/*.hpp\"]\n"), {}, diags);
    REQUIRE(plain);
    CHECK(plain->migrations.lock_timeout == 60);
    auto set = load_config(
        dir.write("b.toml",
                  "[models]\nheaders = [\"m/*.hpp\"]\n[migrations]\nlock_timeout = 2.5\n"),
        {}, diags);
    REQUIRE(set);
    CHECK(set->migrations.lock_timeout == 2.5);
    CHECK_FALSE(diags.has_errors());
    for (const char* bad : {"-1", "\"soon\""}) {
        Diagnostics refused;
        CHECK_FALSE(load_config(
            dir.write("c.toml", std::string("[models]\nheaders = [\"m/*.hpp\"]\n[migrations]\n"
                                            "lock_timeout = ") +
                                    bad + "\n"),
            {}, refused));
        REQUIRE(refused.has_errors());
        CHECK(refused.items()[0].message ==
              "'lock_timeout' must be a number of seconds, 0 or more");
        CHECK(refused.items()[0].location.line == 4);
    }
}

TEST_CASE("config: [migrations] lock_timeout_retries and lock_timeout_retry_delay") {
    testing::TempDir dir;
    Diagnostics diags;
    auto plain = load_config(dir.write("a.toml", "[models]\nheaders = [\"m/*.hpp\"]\n"), {}, diags);
    REQUIRE(plain);
    CHECK(plain->migrations.lock_timeout_retries == 3);
    CHECK(plain->migrations.lock_timeout_retry_delay == 1);
    auto set = load_config(dir.write("b.toml",
                                     "[models]\nheaders = [\"m/*.hpp\"]\n[migrations]\n"
                                     "lock_timeout_retries = 0\n"
                                     "lock_timeout_retry_delay = 0.25\n"),
                           {}, diags);
    REQUIRE(set);
    CHECK(set->migrations.lock_timeout_retries == 0);
    CHECK(set->migrations.lock_timeout_retry_delay == 0.25);
    CHECK_FALSE(diags.has_errors());
    for (const char* bad : {"-1", "2.5", "\"3\"", "1001"}) {
        Diagnostics refused;
        CHECK_FALSE(load_config(
            dir.write("c.toml", std::string("[models]\nheaders = [\"m/*.hpp\"]\n[migrations]\n"
                                            "lock_timeout_retries = ") +
                                    bad + "\n"),
            {}, refused));
        REQUIRE(refused.has_errors());
        CHECK(refused.items()[0].message ==
              "'lock_timeout_retries' must be a whole number from 0 to 1000");
        CHECK(refused.items()[0].location.line == 4);
    }
}

TEST_CASE("config: [postgresql] online and lock_timeout") {
    testing::TempDir dir;
    Diagnostics diags;
    auto plain = load_config(dir.write("a.toml", "[models]\nheaders = [\"m/*.hpp\"]\n"), {}, diags);
    REQUIRE(plain);
    CHECK_FALSE(plain->postgresql.online);
    CHECK(plain->postgresql.lock_timeout == "2s");
    for (const char* good : {"500ms", "2s", "1.5min", "0", "1h"}) {
        CAPTURE(good);
        auto set = load_config(
            dir.write("b.toml", std::string("[models]\nheaders = [\"m/*.hpp\"]\n[postgresql]\n"
                                            "online = true\nlock_timeout = \"") +
                                    good + "\"\n"),
            {}, diags);
        REQUIRE(set);
        CHECK(set->postgresql.online);
        CHECK(set->postgresql.lock_timeout == good);
    }
    CHECK_FALSE(diags.has_errors());
    struct Bad {
        const char* line;
        const char* message;
        unsigned at;
    };
    for (const Bad& bad : {Bad{"lock_timeout = \"soon\"",
                               "'lock_timeout' = \"soon\" is not a PostgreSQL duration", 4},
                           Bad{"lock_timeout = \"2 s'; DROP\"",
                               "'lock_timeout' = \"2 s'; DROP\" is not a PostgreSQL duration", 4},
                           Bad{"online = \"yes\"", "'online' must be true or false", 4},
                           Bad{"onlin = true", "unknown key 'onlin' in [postgresql]", 4}}) {
        CAPTURE(bad.line);
        Diagnostics refused;
        CHECK_FALSE(load_config(
            dir.write("c.toml", std::string("[models]\nheaders = [\"m/*.hpp\"]\n[postgresql]\n") +
                                    bad.line + "\n"),
            {}, refused));
        REQUIRE(refused.has_errors());
        CHECK(refused.items()[0].message == bad.message);
        CHECK(refused.items()[0].location.line == bad.at);
        CHECK(!refused.items()[0].hint.empty());
    }
}
