// Large inputs: a revision with thousands of statements renders (and in reasonable
// time: the values are JSON copied on access, so a quadratic pattern would show here).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>

#include "jinja/environment.hpp"
#include "tests/support/temp_dir.hpp"

using autogen::codegen::jinja::Environment;
using autogen::codegen::jinja::Options;
using autogen::codegen::jinja::Value;

TEST_CASE("the built-in revision template renders thousands of statements") {
    Value stmt = {{"sql", "ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER"},
                  {"comment", "x"},
                  {"comment_lines", {"x"}},
                  {"destructive", false},
                  {"warning", ""},
                  {"no_transaction", false}};
    Value stmts = Value::array();
    int n = std::getenv("JINJA_N") ? std::atoi(std::getenv("JINJA_N")) : 5000;
    for (int i = 0; i < n; ++i) stmts.push_back(stmt);
    Value section = {{"kind", "upgrade"}, {"no_transaction", false}, {"statements", stmts}};
    Value dialect = {{"name", "sqlite"},
                     {"upgrade", stmts},
                     {"downgrade", stmts},
                     {"upgrade_no_transaction", false},
                     {"downgrade_no_transaction", false},
                     {"sections", Value::array({section, section})}};
    Value ctx = {{"revision", "r"},
                 {"down_revision", "none"},
                 {"down_revisions", Value::array()},
                 {"message", "m"},
                 {"created", "c"},
                 {"branch_labels", Value::array()},
                 {"depends_on", Value::array()},
                 {"operations", Value::array()},
                 {"dialects", Value::array({dialect})}};
    Options opt;
    opt.trim_blocks = opt.lstrip_blocks = opt.strict_undefined = true;
    Environment env({autogen::testing::source_dir() / "templates"}, opt);
    autogen::support::Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    auto out = env.render("revision.sql.j2", ctx, diags);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    MESSAGE("rendered " << 2 * n << " statements in " << ms << " ms");
    REQUIRE(out);
    CHECK(out->size() > static_cast<std::size_t>(n) * 2 * 40);
}
