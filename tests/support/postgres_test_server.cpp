// The PostgreSQL test server's URL and per-test databases on it.
#include "tests/support/postgres_test_server.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "db/url.hpp"
#include "support/text.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::test {

namespace {

std::string print(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

std::unique_ptr<db::Connection> open(const std::string& url, support::Diagnostics& diags) {
    auto parsed = db::parse_postgres_url(url, diags);
    return parsed ? db::open_postgres(*parsed, diags) : nullptr;
}

}  // namespace

std::string postgres_test_server_url() {
    const char* file = std::getenv("AUTOGEN_TEST_PG_URL_FILE");
    std::string url = file ? std::string(support::trim_end(testing::read_file(file))) : "";
    if (url.empty()) {
        FAIL("no PostgreSQL test server: AUTOGEN_TEST_PG_URL_FILE "
             << (file ? "names " + std::string(file) + ", which is missing or empty"
                      : std::string("is not set"))
             << ". Run the tests through ctest (its \"postgres\" fixture starts a server), or "
                "start one with "
                "`scripts/pg-server.sh start DIR` and set AUTOGEN_TEST_PG_URL_FILE=DIR/url");
    }
    return url;
}

PostgresTestDatabase::PostgresTestDatabase() : server_url_(postgres_test_server_url()) {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    name_ = "autogen_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
            std::to_string(rd() % 1000000);
    support::Diagnostics diags;
    auto admin = open(server_url_, diags);
    if (!admin || !admin->execute("CREATE DATABASE \"" + name_ + "\" TEMPLATE template0", diags)) {
        name_.clear();
        FAIL("cannot create a test database on " << server_url_ << ":\n" << print(diags));
    }
    url_ = db::with_database(server_url_, name_);
}

PostgresTestDatabase::~PostgresTestDatabase() {
    if (name_.empty()) return;
    support::Diagnostics diags;
    auto admin = open(server_url_, diags);
    if (admin) admin->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)", diags);
    // A destructor must not throw (FAIL does): a leftover database only costs disk
    // space on a throw-away server, so it is reported and the test goes on.
    if (diags.has_errors())
        MESSAGE("could not drop test database " << name_ << ":\n" << print(diags));
}

std::unique_ptr<db::Connection> PostgresTestDatabase::connect(support::Diagnostics& diags) const {
    return open(url_, diags);
}

}  // namespace autogen::test
