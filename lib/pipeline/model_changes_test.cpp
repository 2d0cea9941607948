// compute_model_changes() on a temporary project folder (a model header and
// autogen.toml): scan, materialise, replay or read the live database, plan; and the
// blind-spot guard's refusal.
#include "pipeline/model_changes.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

const char* kUserHeader = R"(#pragma once
#include <autogen/model.hpp>
#include <cstdint>
struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
};
)";

const char* kInvoiceHeader = R"(#pragma once
#include <autogen/model.hpp>
#include <cstdint>

struct AUTOGEN_TABLE("invoices") Invoice {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
};
)";

bool said(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE(
    "model changes: a new model against the empty chain is one added table, planned for SQLite") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    p.dir.write("models/user.hpp", kUserHeader);
    auto config = p.config(test::kSqliteToml);
    migrate::RevisionGraph graph;
    auto changes = pipeline::compute_model_changes(p.context(), config, graph, {});
    INFO(p.messages());
    std::string lines;
    for (const auto& line : p.details) lines += line + "\n";
    INFO(lines);
    REQUIRE(changes);
    CHECK(changes->heads.empty());
    REQUIRE(changes->per_dialect.size() == 1);
    CHECK_FALSE(changes->live);
    const auto& primary = changes->primary();
    CHECK(primary.dialect->name == "sqlite");
    CHECK(pipeline::describe_all(primary.operations) ==
          std::vector<std::string>{"added table \"users\""});
    REQUIRE_FALSE(primary.statements.upgrade.empty());
    CHECK(primary.statements.upgrade.front().sql.find("CREATE TABLE \"users\"") !=
          std::string::npos);
    CHECK(changes->scan.schema.tables.size() == 1);
    CHECK(said(p.details, "read models/user.hpp"));
    CHECK(said(p.details, "model table \"users\" at models/user.hpp:4:31"));
}

TEST_CASE(
    "model changes: against a live SQLite database at the head, its dialect's change is the "
    "primary one") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    p.dir.write("models/user.hpp", kUserHeader);
    auto config = p.config(test::kSqliteToml);
    migrate::RevisionGraph graph;
    auto changes =
        pipeline::compute_model_changes(p.context("sqlite:///app.sqlite3"), config, graph, {});
    INFO(p.messages());
    REQUIRE(changes);
    REQUIRE(changes->live);
    CHECK(changes->live->dialect->name == "sqlite");
    CHECK(said(p.details, "database: sqlite:///app.sqlite3"));
    CHECK(pipeline::describe_all(changes->primary().operations) ==
          std::vector<std::string>{"added table \"users\""});
}

TEST_CASE(
    "model changes: a header that declares a model but is not scanned is refused (blind spot)") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    p.dir.write("models/user.hpp", kUserHeader);
    p.dir.write("legacy/invoice.hpp", kInvoiceHeader);
    auto config = p.config(test::kSqliteToml);
    migrate::RevisionGraph graph;
    auto changes = pipeline::compute_model_changes(p.context(), config, graph, {});
    CHECK_FALSE(changes);
    const auto text = p.messages();
    CHECK(text.find("invoice.hpp:5:8: error: this file declares a model (AUTOGEN_TABLE) but is not "
                    "scanned: its "
                    "table \"invoices\" would be left out of every revision") != std::string::npos);
    CHECK(text.find(
              "hint: add \"legacy/*.hpp\" (or another glob that matches it) to [models] headers") !=
          std::string::npos);

    // Listed in [models] ignore: no refusal, and the table is kept out of the comparison.
    PipelineProject q;
    q.dir.write("models/user.hpp", kUserHeader);
    q.dir.write("legacy/invoice.hpp", kInvoiceHeader);
    auto ignoring = q.config(test::kSqliteToml + "ignore = [\"legacy/**\"]\n");
    auto kept = pipeline::compute_model_changes(q.context(), ignoring, graph, {});
    INFO(q.messages());
    REQUIRE(kept);
    CHECK(pipeline::describe_all(kept->primary().operations) ==
          std::vector<std::string>{"added table \"users\""});
    CHECK(std::any_of(q.details.begin(), q.details.end(), [](const std::string& l) {
        return l.rfind("kept table \"invoices\": declared at legacy/invoice.hpp:5:8", 0) == 0;
    }));
}
