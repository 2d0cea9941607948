// Micro benchmark (Google Benchmark) of rendering the built-in revision template
// (templates/revision.sql.j2) with the context the revision writer builds
// (migrate::revision_context) for 1, 20 and 200 statements per direction: parsing
// alone, rendering a template parsed once, parsing + rendering from memory, and the
// writer's own path (Environment::render: read the file, parse, render). Results are
// in docs/performance.md ("Template rendering"); build with -DAUTOGEN_BUILD_BENCHMARKS=ON.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "jinja/environment.hpp"
#include "jinja/renderer.hpp"
#include "migrate/revision_writer.hpp"

namespace jinja = autogen::codegen::jinja;
namespace migrate = autogen::migrate;
using autogen::codegen::Statement;

namespace {

const std::filesystem::path kTemplateDir = AUTOGEN_BENCH_TEMPLATE_DIR;

/// The settings the revision writer renders with.
jinja::Options writer_options() {
    jinja::Options o;
    o.trim_blocks = true;
    o.lstrip_blocks = true;
    o.strict_undefined = true;
    return o;
}

std::string template_source() {
    std::ifstream in(kTemplateDir / "revision.sql.j2", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A revision of `n` statements each way, shaped like real ones: every fourth a
/// multi-line CREATE TABLE, then column adds with a comment and indexes; the
/// downgrade drops them, destructively.
jinja::Value revision_of(int n) {
    migrate::DialectStatements d{.dialect = "sqlite"};
    for (int i = 0; i < n; ++i) {
        std::string t = "\"table_" + std::to_string(i / 4) + "\"";
        std::string c = "\"column_" + std::to_string(i) + "\"";
        switch (i % 4) {
            case 0:
                d.upgrade.push_back({.sql = "CREATE TABLE " + t +
                                            " (\n    \"id\" INTEGER NOT NULL PRIMARY KEY,\n"
                                            "    \"name\" VARCHAR(200) NOT NULL,\n    "
                                            "\"created_at\" DATETIME NOT NULL "
                                            "DEFAULT CURRENT_TIMESTAMP,\n    CONSTRAINT "
                                            "\"uq_name\" UNIQUE (\"name\")\n)"});
                d.downgrade.push_back({.sql = "DROP TABLE " + t,
                                       .destructive = true,
                                       .warning = "drops table " + t + " and all its rows"});
                break;
            case 3:
                d.upgrade.push_back({.sql = "CREATE INDEX \"ix_" + std::to_string(i) + "\" ON " +
                                            t + " (" + c + ")"});
                d.downgrade.push_back({.sql = "DROP INDEX \"ix_" + std::to_string(i) + "\""});
                break;
            default:
                d.upgrade.push_back({.sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " TEXT",
                                     .comment = "detected added column " + t + "." + c});
                d.downgrade.push_back(
                    {.sql = "ALTER TABLE " + t + " DROP COLUMN " + c,
                     .destructive = true,
                     .warning = "drops column " + t + "." + c + " and its values"});
        }
    }
    migrate::RevisionDraft draft{.id = "3f2a9c1b7d4e",
                                 .down_revisions = {"9a8b7c6d5e4f"},
                                 .message = "benchmark revision",
                                 .dialects = {d}};
    return migrate::revision_context(draft);
}

/// Parsing (lexing, parsing, compile-time checks) of the template alone.
void BM_Parse(benchmark::State& state) {
    const std::string source = template_source();
    for (auto _ : state) {
        jinja::Renderer r({kTemplateDir}, writer_options());
        benchmark::DoNotOptimize(r.compile(source, "revision.sql.j2"));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
}

/// Rendering a template parsed once (a fresh Renderer per render, as every render has).
void BM_RenderParsed(benchmark::State& state) {
    const jinja::Value ctx = revision_of(static_cast<int>(state.range(0)));
    jinja::Renderer parser({kTemplateDir}, writer_options());
    auto tmpl = parser.compile(template_source(), "revision.sql.j2");
    std::size_t bytes = 0;
    for (auto _ : state) {
        jinja::Renderer r({kTemplateDir}, writer_options());
        std::string out = r.render_main(*tmpl, ctx);
        bytes += out.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}

/// Parsing + rendering the source held in memory (Environment::render_string).
void BM_ParseAndRender(benchmark::State& state) {
    const jinja::Value ctx = revision_of(static_cast<int>(state.range(0)));
    const std::string source = template_source();
    jinja::Environment env({kTemplateDir}, writer_options());
    std::size_t bytes = 0;
    for (auto _ : state) {
        autogen::support::Diagnostics diags;
        auto out = env.render_string(source, "revision.sql.j2", ctx, diags);
        if (!out)
            state.SkipWithError("render failed");
        else
            bytes += out->size();
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}

/// What `autogen revision` does per file: find and read the template, parse, render.
void BM_EnvironmentRender(benchmark::State& state) {
    const jinja::Value ctx = revision_of(static_cast<int>(state.range(0)));
    jinja::Environment env({kTemplateDir}, writer_options());
    std::size_t bytes = 0;
    for (auto _ : state) {
        autogen::support::Diagnostics diags;
        auto out = env.render("revision.sql.j2", ctx, diags);
        if (!out)
            state.SkipWithError("render failed");
        else
            bytes += out->size();
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}

/// Building the context from a draft (migrate::revision_context), for comparison.
void BM_BuildContext(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(revision_of(static_cast<int>(state.range(0))));
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}

}  // namespace

BENCHMARK(BM_Parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RenderParsed)->Arg(1)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseAndRender)->Arg(1)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EnvironmentRender)->Arg(1)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuildContext)->Arg(1)->Arg(20)->Arg(200)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
