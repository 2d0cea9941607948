// Database URLs: parsing, and that no password is ever printed, whatever the URL looks
// like (SPEC §2). Table-driven over well-formed and malformed URLs, percent-escapes,
// spaces, '@' and ':' in passwords, query-string passwords and libpq conninfo strings;
// every message produced while parsing or connecting (libpq's own text included) is
// checked. Connections go to 127.0.0.1:1, where nothing listens.
// Parsing goes through the registry (the generic entry point, which finds each
// dialect's parser by the URL's scheme), hence this test's place in the dialect stage.
#include "db/url.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "db/postgres_connection.hpp"
#include "dialect/dialect.hpp"
#include "tests/support/db_rows.hpp"

using namespace autogen;

namespace {

/// The registry every URL here is parsed by.
const dialect::DialectRegistry& registry() {
    static const dialect::DialectRegistry all = dialect::make_dialect_registry();
    return all;
}

struct Case {
    const char* url;
    std::vector<const char*> secrets;  ///< none of these may appear in any output
    const char* redacted = nullptr;    ///< redact_url's exact answer, where it matters
    /// redact_password (which does not know where the URL ends) hides it in any text too
    bool generic = true;
};

const std::vector<Case> kCases = {
    {"postgresql://u:s3cret-pw@127.0.0.1:1/db", {"s3cret-pw"}, "postgresql://u:***@127.0.0.1:1/db"},
    {"postgres://u:s3cret-pw@127.0.0.1:1/db", {"s3cret-pw"}, "postgres://u:***@127.0.0.1:1/db"},
    {"postgresql://:s3cret-pw@127.0.0.1:1/db", {"s3cret-pw"}, "postgresql://:***@127.0.0.1:1/db"},
    {"postgresql://u:bad%zzpass@127.0.0.1:1/db",
     {"bad%zzpass", "zzpass"},
     "postgresql://u:***@127.0.0.1:1/db"},
    {"postgresql://u:trailing%@127.0.0.1:1/db", {"trailing"}, "postgresql://u:***@127.0.0.1:1/db"},
    {"postgresql://u:%zz%zz@127.0.0.1:1/db", {"%zz%zz"}, nullptr},
    {"postgresql://u:with space@127.0.0.1:1/db",
     {"with space", "space"},
     "postgresql://u:***@127.0.0.1:1/db",
     false},
    // hostaddr: libpq takes "ssword-x@127.0.0.1" for the host and would look it up.
    {"postgresql://u:p@ssword-x@127.0.0.1:1/db?hostaddr=127.0.0.1",
     {"ssword-x"},
     "postgresql://u:***@127.0.0.1:1/db?hostaddr=127.0.0.1"},
    {"postgresql://u:pa:ss:wd-x@127.0.0.1:1/db",
     {"pa:ss:wd-x", "ss:wd-x"},
     "postgresql://u:***@127.0.0.1:1/db"},
    {"postgresql://u:pa/ss-wd@127.0.0.1:1/db",
     {"pa/ss-wd", "ss-wd"},
     "postgresql://u:***@127.0.0.1:1/db"},
    {"postgresql://u:p%40ss%3Aw%20d-x@127.0.0.1:1/db", {"p%40ss%3Aw%20d-x", "p@ss:w d-x"}, nullptr},
    {"postgresql://u@127.0.0.1:1/db?password=s3cret-pw&sslmode=disable",
     {"s3cret-pw"},
     "postgresql://u@127.0.0.1:1/db?password=***&sslmode=disable"},
    {"postgresql://u@127.0.0.1:1/db?sslmode=disable&password=se cret-pw",
     {"se cret-pw", "cret-pw"},
     "postgresql://u@127.0.0.1:1/db?sslmode=disable&password=***",
     false},
    {"postgresql://u@127.0.0.1:1/db?password=bad%zz-pw", {"bad%zz-pw", "zz-pw"}, nullptr},
    {"postgresql://u@127.0.0.1:1/db?pass%77ord=s3cret-pw", {"s3cret-pw"}, nullptr},
    {"postgresql://u@127.0.0.1:1/db?PASSWORD=s3cret-pw", {"s3cret-pw"}, nullptr},
    {"postgresql://u:s3cret-pw@127.0.0.1:1/db?sslpassword=k3y-pass",
     {"s3cret-pw", "k3y-pass"},
     nullptr},
    {"postgresql://u:s3cret-pw@127.0.0.1:abc/db", {"s3cret-pw"}, nullptr},
    {"postgresql://u:s3cret-pw@127.0.0.1:99999/db", {"s3cret-pw"}, nullptr},
    {"postgresql://u:s3cret-pw@127.0.0.1:1/db?port=x1", {"s3cret-pw"}, nullptr},
    {"postgresql://u:s3cret-pw@127.0.0.1:1/db?nosuchoption=1", {"s3cret-pw"}, nullptr},
    {"postgresql://u:s3cret-pw@[::1/db", {"s3cret-pw"}, nullptr},
    {"host=127.0.0.1 port=1 user=u password=s3cret-pw dbname=db",
     {"s3cret-pw"},
     "host=127.0.0.1 port=1 user=u password=*** dbname=db"},
    {"host=127.0.0.1 port=1 password = s3cret-pw dbname=db", {"s3cret-pw"}, nullptr},
    {"host=127.0.0.1 port=1 password='se cret\\'pw' dbname=db",
     {"se cret", "cret\\'pw", "'pw"},
     "host=127.0.0.1 port=1 password=*** dbname=db"},
    {"host=127.0.0.1 port=1 password s3cret-pw", {"s3cret-pw"}, nullptr, false},
    {"host=127.0.0.1 port=1 password=bad%zz-pw", {"bad%zz-pw"}, nullptr},
    {"sqlite://u:s3cret-pw@host/db", {"s3cret-pw"}, nullptr},
    {"mysql://u:s3cret-pw@127.0.0.1/db", {"s3cret-pw"}, nullptr},
};

void check_clean(const std::string& text, const Case& c) {
    for (const char* secret : c.secrets) {
        INFO("secret: " << std::string(secret));
        CHECK(text.find(secret) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("urls: no password is printed, for every URL form") {
    for (const auto& c : kCases) {
        INFO("url: " << std::string(c.url));
        const std::string redacted = db::redact_url(c.url);
        INFO("redacted: " << redacted);
        check_clean(redacted, c);
        if (c.redacted) CHECK(redacted == c.redacted);
        // The generic net over a line that holds the URL.
        if (c.generic)
            check_clean(db::redact_password(std::string("cannot use ") + c.url + " now"), c);
        // Every message of parsing it, and of connecting to it where it parses.
        support::Diagnostics diags;
        auto parsed = registry().parse_url(c.url, "/project", diags);
        std::string messages = test::format_all(diags);
        if (parsed) {
            CHECK(parsed->redacted() == db::redact_password(redacted));
            check_clean(parsed->redacted(), c);
            CHECK_FALSE(db::open_postgres(*parsed, diags));
            messages = test::format_all(diags);
            CHECK(diags.items().back().category == support::Category::Database);
        }
        // libpq's own complaint about a conninfo string (autogen's URLs start with a
        // scheme, but libpq would take either), scrubbed the same way.
        if (std::string(c.url).find("://") == std::string::npos) {
            db::DatabaseUrl raw;
            raw.scheme = "postgresql";
            raw.original = raw.target = c.url;
            CHECK_FALSE(db::open_postgres(raw, diags));
            messages = test::format_all(diags);
        }
        INFO("messages: " << messages);
        REQUIRE(diags.has_errors());
        check_clean(messages, c);
    }
}

TEST_CASE("urls: a port that is not a number from 1 to 65535 is a config error before connecting") {
    for (const char* url : {"postgresql://u@127.0.0.1:abc/db", "postgresql://u@127.0.0.1:99999/db",
                            "postgresql://u@127.0.0.1:0/db", "postgresql://u@127.0.0.1/db?port=x1",
                            "postgresql://u@127.0.0.1:1,/db?host=a,b&port=1,-2"}) {
        INFO(url);
        support::Diagnostics diags;
        CHECK_FALSE(registry().parse_url(url, {}, diags));
        REQUIRE(diags.has_errors());
        CHECK(diags.items().back().category == support::Category::Config);
        CHECK(diags.items().back().message.find("is not a number from 1 to 65535") !=
              std::string::npos);
    }
    support::Diagnostics diags;
    CHECK(registry().parse_url("postgresql://u@127.0.0.1:65535/db", {}, diags));
    CHECK(registry().parse_url("postgresql://u@a,b/db?port=5432,5433", {}, diags));
    CHECK(registry().parse_url("postgresql://u@a:5432,b/db", {}, diags));
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("urls: redact_password leaves the text around a URL readable") {
    CHECK(db::redact_password(
              "use sqlite:///file.db, sqlite://:memory: and postgresql://user@host/db") ==
          "use sqlite:///file.db, sqlite://:memory: and postgresql://user@host/db");
    CHECK(db::redact_password(
              "PostgreSQL postgresql://u@h/db?sslmode=disable&password=***: connection refused") ==
          "PostgreSQL postgresql://u@h/db?sslmode=disable&password=***: connection refused");
    CHECK(db::redact_password("url 'host=h password=s3cret' is bad") ==
          "url 'host=h password=*** is bad");
    CHECK(db::redact_password("at postgresql://u:p@ss@h:1/db: refused") ==
          "at postgresql://u:***@h:1/db: refused");
    CHECK(db::redact_password("password='se cret' host=h") == "password=*** host=h");
}

TEST_CASE("urls: redact_password over many lines hides each URL and keyword") {
    // Only lines holding "://" and texts holding a password keyword reach the regexes
    // (a --json document of thousands of tables holds none): the answer is the same.
    CHECK(db::redact_password("first\n  \"postgresql://u:pw@h/db\",\nlast\n") ==
          "first\n  \"postgresql://u:***@h/db\",\nlast\n");
    CHECK(db::redact_password("a://b\nx:y@z\n") == "a://b\nx:y@z\n");
    CHECK(db::redact_password("\n\nmysql://u:p@h\n\n") == "\n\nmysql://u:***@h\n\n");
    CHECK(db::redact_password("") == "");
    CHECK(db::redact_password("no newline at the end") == "no newline at the end");
    CHECK(db::redact_password("x PassWord =s3cret y") == "x PassWord =*** y");
    CHECK(db::redact_password("host=h\nPASS%77ORD\t=\t'a b'\n") == "host=h\nPASS%77ORD\t=\t***\n");
    CHECK(db::redact_password("sslpassword=\nsecret") == "sslpassword=\n***");
    CHECK(db::redact_password("\"password_hash\": \"text\"") == "\"password_hash\": \"text\"");
    CHECK(db::redact_password("password\xc2\xa0=x") == "password\xc2\xa0=x");
    CHECK(db::redact_password("passwor=d pass=word passw ord=x") ==
          "passwor=d pass=word passw ord=x");
}

TEST_CASE("urls: redact_secrets scrubs a secret from text that quotes part of it") {
    const std::string url = "postgresql://u:pa/ss@h/db";
    CHECK(db::redact_secrets("invalid port \"pa\" in url", url) == "invalid port \"***\" in url");
    CHECK(db::redact_secrets("token: 'pa/ss' and user \"u\"", url) ==
          "token: '***' and user \"u\"");
    CHECK(db::redact_secrets("nothing secret here", url) == "nothing secret here");
    // libpq's complaint when a raw '@' in the password made the rest of it the host.
    CHECK(db::redact_secrets("could not translate host name \"ssword@127.0.0.1\" to address",
                             "postgresql://u:p@ssword@127.0.0.1/db") ==
          "could not translate host name \"***@127.0.0.1\" to address");
}
