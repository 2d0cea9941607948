// End to end through the real differ, as the CLI runs it: the target schema is the
// model lowered, created in a scratch SQLite database and inspected back; the
// operations come from diff::diff with the SQLite rules; after the planned upgrade
// the differ must find nothing left (the fixpoint of SPEC §5), rows must survive, and
// the planned downgrade must bring the before schema back.
#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "tests/support/schema_compare.hpp"
#include "tests/support/sqlite_test_cases.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::testing::sqlite_cases;

namespace {

/// The model as the database will hold it: lowered, created in a scratch database
/// and read back; `renamed_from` (model-only) is carried over from the model.
schema::Schema materialize(const schema::Schema& model) {
    testing::SqliteHarness scratch;
    schema::Schema lowered = scratch.planner->lower(model, scratch.diags);
    REQUIRE_MESSAGE(scratch.create(lowered), scratch.messages());
    schema::Schema s = scratch.inspect();
    for (auto& t : s.tables) {
        const schema::Table* m = model.find_table(t.name, t.schema);
        if (!m) continue;
        t.renamed_from = m->renamed_from;
        for (auto& c : t.columns)
            if (const schema::Column* mc = m->find_column(c.name))
                c.renamed_from = mc->renamed_from;
    }
    return s;
}

std::string describe(const std::vector<schema::Operation>& ops) {
    std::string out;
    for (const auto& op : ops) out += diff::describe(op) + "\n";
    return out;
}

}  // namespace

TEST_CASE("sqlite fixpoint: the differ's operations, planned and applied, leave nothing to do") {
    testing::RegistryDialect sqlite("sqlite");
    const auto& rules = sqlite->rules;
    for (const auto& c : cases()) {
        SUBCASE(c.name) {
            schema::Schema before = base(), after = base();
            c.change(after);
            schema::Schema want_before = materialize(before), want_after = materialize(after);

            testing::SqliteHarness h;
            REQUIRE(h.create(h.planner->lower(before, h.diags)));
            REQUIRE_MESSAGE(h.conn->execute(kSeed, h.diags), h.messages());
            std::vector<std::vector<std::string>> kept_before;
            for (const auto& [q, _] : c.kept) kept_before.push_back(h.rows(q));

            schema::Schema from = h.inspect();
            auto ops = diff::diff(from, want_after, *rules);
            INFO("operations:\n" << describe(ops));
            auto up = h.planner->plan(ops, from, want_after, h.diags);
            REQUIRE_MESSAGE(h.run(up), h.messages());
            auto left = diff::diff(h.inspect(), want_after, *rules);
            CHECK_MESSAGE(left.empty(), "left after upgrade:\n" << describe(left));
            for (std::size_t i = 0; i < c.kept.size(); ++i)
                CHECK(h.rows(c.kept[i].second) == kept_before[i]);

            auto down = h.planner->plan(schema::reverse(ops), want_after, from, h.diags);
            REQUIRE_MESSAGE(h.run(down), h.messages());
            auto back = diff::diff(h.inspect(), want_before, *rules);
            CHECK_MESSAGE(back.empty(), "left after downgrade:\n" << describe(back));
            CHECK_MESSAGE(!h.diags.has_errors(), h.messages());
        }
    }
}
