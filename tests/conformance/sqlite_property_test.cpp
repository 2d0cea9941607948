// The SQLite property test (issue 5): a seeded sequence of random model edits over
// every object kind SQLite stores, each diffed, planned, applied to one in-memory
// database and checked (nothing left to diff, rows kept); then downgraded to base and
// upgraded again. The loop is property_runner.hpp; this file is the SQLite side of it.
#include <doctest/doctest.h>

#include "tests/support/property_profiles.hpp"
#include "tests/support/property_runner.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::testing::property;

namespace {

/// One in-memory SQLite database; scratch databases for the models are fresh ones.
class SqliteTarget final : public HarnessTarget<testing::SqliteHarness> {
  public:
    Schema materialize(const Schema& model, std::string& errors) override {
        testing::SqliteHarness scratch;
        Schema lowered = scratch.planner->lower(model, scratch.diags);
        // Tables, then the declared views and triggers, as a revision from nothing makes them.
        if (scratch.diags.has_errors() ||
            !scratch.run(scratch.planner->plan(diff::diff(Schema{}, lowered, *scratch.rules),
                                               Schema{}, lowered, scratch.diags))) {
            errors = scratch.messages();
            return {};
        }
        return carry_renamed_from(model, scratch.inspect());
    }
    bool clear_rows(const Schema& s) override {
        std::vector<codegen::Statement> deletes;
        for (const auto& t : s.tables)
            deletes.push_back({.sql = "DELETE FROM " + codegen::quote_identifier(t.name)});
        return h_.run(deletes);  // references are checked at commit, when every table is empty
    }
    bool castable(const Table&, const Column&, const Column&) override {
        return true;
    }  // SQLite converts or keeps
    /// STRICT's storage classes: no text or blob in a numeric column (nor a real in an
    /// integer one), no blob in a text one, only blobs in a blob one.
    bool fits_strict(const Table& t, const std::string& column, Logical kind) override {
        std::string refused = kind == Logical::Text || kind == Logical::Date ||
                                      kind == Logical::TimestampTz || kind == Logical::Enum
                                  ? "'blob'"
                              : kind == Logical::Blob ? "'text', 'integer', 'real'"
                              : is_integer(kind) || kind == Logical::Boolean
                                  ? "'text', 'blob', 'real'"  // 1.5 in an INT column
                                  : "'text', 'blob'";
        auto r = query("SELECT 1 FROM " + codegen::quote_identifier(t.name) + " WHERE typeof(" +
                       codegen::quote_identifier(column) + ") IN (" + refused + ") LIMIT 1");
        return r && r->empty();
    }
    const diff::DiffRules& rules() const override { return *h_.rules; }
};

}  // namespace

TEST_CASE(
    "sqlite property: random model edits, each revision applied, checked, rows kept, down to base "
    "and up again") {
    for (unsigned seed : {1u, 2u}) {
        SqliteTarget db;
        Profile profile = sqlite_profile();
        profile.declared_objects = true;  // views and triggers around the table rebuilds
        profile.table_options = true;
        RunStats stats = run_property(db, profile, seed, 200);
        MESSAGE("sqlite property: " << stats.summary());
        if (std::getenv("AUTOGEN_PROPERTY_SEED")) break;
    }
}
