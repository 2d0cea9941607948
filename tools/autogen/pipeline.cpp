// Implementation of the shared command steps.
#include "pipeline.hpp"
#include "support/display_path.hpp"

#include <algorithm>

#include "blind_spot_guard.hpp"
#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/rename_hints.hpp"
#include "materialized_cache.hpp"
#include "migrate/runner.hpp"
#include "migrate/unknown_revision.hpp"
#include "reserved_names.hpp"
#include "sum_record.hpp"
#include "support/text.hpp"

namespace autogen::cli {

using support::Category;
namespace fs = std::filesystem;

namespace {

introspect::InspectOptions inspect_options(const support::Config& config) {
    introspect::InspectOptions o;
    o.version_table = config.migrations.version_table;
    o.exclude_tables = config.models.exclude_tables;
    return o;
}

/// A database stores neither rename declarations nor source locations: copy them from
/// the model onto the read-back schema, or a declared rename would diff as drop + add
/// and lose its data.
void carry_model_facts(const schema::Schema& model, schema::Schema& materialized) {
    for (auto& table : materialized.tables) {
        const schema::Table* declared = model.find_table(table.name, table.schema);
        if (!declared) continue;
        table.renamed_from = declared->renamed_from;
        table.location = declared->location;
        for (auto& column : table.columns) {
            if (const schema::Column* c = declared->find_column(column.name)) {
                column.renamed_from = c->renamed_from;
                column.location = c->location;
            }
        }
    }
}

}  // namespace

bool excluded_table(const support::Config& config, const schema::Table& table) {
    return std::any_of(config.models.exclude_tables.begin(), config.models.exclude_tables.end(),
                       [&](const std::string& p) {
                           return introspect::glob_match(p, table.name) ||
                                  (!table.schema.empty() && introspect::glob_match(p, table.schema + "." + table.name));
                       });
}

std::optional<scan::ScanResult> scan_models(Session& session, const support::Config& config,
                                            std::vector<scan::BlindSpot>* blind_spots) {
    scan::ScanOptions options;
    options.project_root = config.root;
    options.header_globs = config.models.headers;
    options.compile_commands = config.models.compile_commands;
    for (const auto& dir : config.models.include_dirs) options.include_dirs.emplace_back(dir);
    options.extra_args = config.models.extra_args;
    scan::CacheTrace trace;
    const auto progress = session.progress();
    support::report(progress, {"scanning models", 0, 0, support::join(config.models.headers)});
    auto result = scan::scan(options, scan::CacheSettings::from_env(config.root.lexically_normal()), session.diags,
                             &trace);
    support::report_finished(progress, "scanning models");
    if (!result) return std::nullopt;
    // -v: every file read and every model found, with file:line:col (relative to the
    // project), and how the scan was answered: the blind-spot guard's other half.
    auto rel = [&](const fs::path& p) { return support::relative_inside(p, config.root); };
    auto at = [&](support::SourceLocation l) {
        if (l.known()) l.file = rel(l.file);
        return l.str();
    };
    for (const auto& f : result->files) {
        auto via = result->via_compile_commands.find(f);
        session.detail("read " + rel(f) +
                       (via == result->via_compile_commands.end()
                            ? std::string()
                            : "  (included by " + rel(via->second) + ", " + config.models.compile_commands + ")"));
    }
    for (const auto& t : result->schema.tables) session.detail("model table " + t.qualified_name() + " at " + at(t.location));
    for (const auto& e : result->schema.enums) session.detail("model enum \"" + e.name + "\" at " + at(e.location));
    if (trace.result_hit) {
        session.detail("scan: answered from the scan cache (no file changed)");
    } else if (trace.incremental) {
        std::vector<std::string> parsed;
        for (const auto& f : trace.reparsed) parsed.push_back(rel(f));
        std::size_t kept = result->files.size() - trace.reparsed.size();
        session.detail("scan: incremental: parsed " + std::to_string(trace.reparsed.size()) + " changed model header" +
                       (trace.reparsed.size() == 1 ? "" : "s") +
                       (parsed.empty() ? std::string() : " (" + support::join(parsed) + ")") + ", " +
                       std::to_string(kept) + " answered from the per-header cache");
    } else if (!trace.pch_headers.empty())
        session.detail(std::string("scan: parsed over the precompiled standard headers (") +
                       (trace.pch_built ? "built now" : "reused") + "): " + support::join(trace.pch_headers));
    else
        session.detail("scan: parsed without precompiled headers");
    if (trace.full_parse_after_incremental)
        session.detail("scan: a changed header did not compile on its own (or the changed headers did not give "
                       "exactly what a whole parse gives), so every header was parsed");
    if (!trace.units_not_stored.empty())
        session.detail("scan: no per-header cache for the next scan: " + trace.units_not_stored);
    // The blind-spot guard: a model the globs miss would be left out of every revision,
    // and its table proposed for dropping (blind_spot_guard.hpp).
    auto spots = find_project_blind_spots(config, result->files);
    if (blind_spots)
        *blind_spots = std::move(spots);
    else
        report_blind_spots(session, config, spots, support::Severity::Warning);
    auto& tables = result->schema.tables;
    tables.erase(std::remove_if(tables.begin(), tables.end(),
                                [&](const schema::Table& t) { return excluded_table(config, t); }),
                 tables.end());
    if (!check_reserved_names(session, config, result->schema)) return std::nullopt;
    return result;
}

std::optional<migrate::RevisionGraph> load_graph(Session& session, const support::Config& config) {
    // git does not keep empty folders: a fresh clone of a project without revisions
    // has no migrations/ yet. That is an empty chain; `revision` creates the folder.
    std::error_code ec;
    if (!fs::exists(config.migrations_dir(), ec)) return migrate::RevisionGraph::build({}, session.diags);
    return migrate::RevisionGraph::load(config.migrations_dir(), config.database.dialects, session.diags);
}

std::optional<Project> open_project(Session& session) {
    const auto* config = session.config();
    if (!config) return std::nullopt;
    auto graph = load_graph(session, *config);
    if (!graph) return std::nullopt;
    return Project{config, std::move(*graph)};
}

bool apply_dev_url(Session& session, support::Config& config, const std::string& flag) {
    if (!flag.empty()) config.database.dev_url = flag;
    const std::string& url = config.database.dev_url;
    const std::string from =
        flag.empty() ? "[database] dev_url in " + config.file.filename().string() : std::string("--dev-url");
    if (url.empty()) return true;
    auto parsed = session.dialects.parse_url(url, config.root, session.diags);
    if (!parsed) return false;
    // A dialect whose scratch database needs no server refuses a dev URL of its own.
    const Dialect* own = session.dialects.find(parsed->scheme);
    if (own && own->refuse_dev_url && own->refuse_dev_url(from, session.diags)) return false;
    const auto& dialects = config.database.dialects;
    if (std::find(dialects.begin(), dialects.end(), parsed->scheme) == dialects.end()) {
        session.diags.warning(Category::Config,
                              from + " is a " + parsed->scheme + " URL, but [database] dialects (" +
                                  support::join(dialects) + ") has no " + parsed->scheme + "; it is not used",
                              {}, "add " + parsed->scheme + " to [database] dialects, or remove " + from);
    }
    session.detail("dev database server: " + parsed->redacted());
    return true;
}

const Dialect* require_dialect(Session& session, const std::string& name) {
    if (const Dialect* d = session.dialects.find(name)) return d;
    session.diags.error(Category::Config, "dialect '" + name + "' is not supported by this build", {},
                        "use one of: " + session.dialects.names());
    return nullptr;
}

std::optional<schema::Schema> materialize(const Dialect& dialect, const schema::Schema& model,
                                          const support::Config& config, support::Diagnostics& diags,
                                          bool cache_only, const support::ProgressCallback& progress) {
    schema::Schema lowered = dialect.planner->lower(model, diags);
    if (diags.has_errors()) return std::nullopt;
    auto ops = diff::diff(schema::Schema{}, lowered, *dialect.rules);
    auto statements = dialect.planner->plan(ops, schema::Schema{}, lowered, diags);
    if (diags.has_errors()) return std::nullopt;
    // The same statements on the same kind of scratch database read back the same:
    // answered from the cache, a PostgreSQL project skips creating every table again.
    const std::string key = materialized_key(dialect.name, statements, config);
    if (auto cached = lookup_materialized(config, key)) {
        carry_model_facts(model, *cached);
        return cached;
    }
    if (cache_only) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    const std::string step = "materialising the models (" + dialect.name + ")";
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& s = statements[i];
        support::report(progress, {step, i + 1, statements.size(), {}});
        if (!conn->execute(s.sql, diags)) {
            support::report_finished(progress, step);
            diags.error(Category::Model,
                        "the models do not make a valid " + dialect.name + " schema (see the statement above)", {},
                        "check server_default, check and type annotations of the table named in the statement");
            return std::nullopt;
        }
    }
    support::report(progress, {"reading back the models (" + dialect.name + ")", 0, 0, {}});
    auto materialized = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, step);
    if (materialized) {
        store_materialized(config, key, *materialized);
        carry_model_facts(model, *materialized);
    }
    return materialized;
}

std::optional<schema::Schema> replay_chain(const Dialect& dialect, const migrate::RevisionGraph& graph,
                                           const std::vector<std::string>& heads, const support::Config& config,
                                           support::Diagnostics& diags, bool cache_only,
                                           const support::ProgressCallback& progress) {
    const std::string key = chain_key(dialect.name, graph, heads, config);
    if (auto cached = lookup_materialized(config, key)) return cached;
    if (cache_only) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    migrate::RunOptions run;
    run.dialect = dialect.name;
    run.version_table = config.migrations.version_table;
    // The runner says "applying"; here that is the replay into a scratch database.
    if (progress)
        run.progress = [&](const support::Progress& p) {
            support::Progress shown = p;
            if (shown.step == "applying") shown.step = "replaying the chain (" + dialect.name + ")";
            progress(shown);
        };
    for (const auto& head : heads) {
        auto result = migrate::upgrade(*conn, graph, head, run, diags);
        if (!result.ok) {
            diags.error(Category::MigrationFile,
                        "the migration chain does not replay on an empty " + dialect.name + " database", {},
                        "fix the revision named above; 'autogen upgrade' would fail the same way");
            return std::nullopt;
        }
    }
    support::report(progress, {"reading back the chain (" + dialect.name + ")", 0, 0, {}});
    auto replayed = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, "reading back the chain");
    if (replayed) store_materialized(config, key, *replayed);
    return replayed;
}

std::optional<LiveDatabase> open_live(Session& session, const support::Config& config, bool required) {
    std::string url = session.database_url();
    if (url.empty()) {
        if (required) {
            session.diags.error(Category::Config, "no database configured", {},
                                "set [database] url in autogen.toml, DATABASE_URL, or pass --url");
        }
        return std::nullopt;
    }
    auto parsed = session.dialects.parse_url(url, config.root, session.diags);
    if (!parsed) return std::nullopt;
    LiveDatabase live;
    live.url = *parsed;
    live.dialect = require_dialect(session, parsed->scheme);
    if (!live.dialect) return std::nullopt;
    live.conn = live.dialect->connect(live.url, session.read_only ? db::Access::ReadOnly : db::Access::ReadWrite,
                                      session.diags);
    if (!live.conn) return std::nullopt;
    session.detail("database: " + live.url.redacted());
    return live;
}

std::optional<schema::Schema> inspect_live(LiveDatabase& live, const support::Config& config,
                                           support::Diagnostics& diags, const support::ProgressCallback& progress) {
    support::report(progress, {"inspecting the database", 0, 0, live.url.redacted()});
    auto inspected = live.dialect->inspector->inspect(*live.conn, inspect_options(config), diags);
    support::report_finished(progress, "inspecting the database");
    return inspected;
}

std::optional<PlannedChange> plan_change(const Dialect& dialect, const schema::Schema& from, const schema::Schema& to,
                                         support::Diagnostics& diags) {
    PlannedChange change;
    change.dialect = &dialect;
    change.operations = diff::diff(from, to, *dialect.rules);
    change.statements.dialect = dialect.name;
    change.statements.upgrade = dialect.planner->plan(change.operations, from, to, diags);
    change.statements.downgrade = dialect.planner->plan(schema::reverse(change.operations), to, from, diags);
    // Each hint also goes into the revision file, as a note above the upgrade.
    std::vector<codegen::Statement> notes;
    for (const auto& hint : diff::rename_hints(change.operations, *dialect.rules)) {
        change.hints.push_back(diff::describe(hint));
        notes.push_back({.comment = "hint: " + change.hints.back()});
    }
    change.statements.upgrade.insert(change.statements.upgrade.begin(), notes.begin(), notes.end());
    if (diags.has_errors()) return std::nullopt;
    change.from = from;
    change.to = to;
    return change;
}

migrate::WriterOptions writer_options(const support::Config& config) {
    migrate::WriterOptions o;
    o.migrations_dir = config.migrations_dir();
    o.file_template = config.migrations.file_template;
    o.timezone = config.migrations.timezone;
    std::optional<fs::path> project_templates;
    if (!config.migrations.templates.empty()) project_templates = config.root / config.migrations.templates;
    o.template_search_path = migrate::template_search_path(project_templates);
    return o;
}

std::vector<std::string> describe_all(const std::vector<schema::Operation>& ops) {
    std::vector<std::string> out;
    for (const auto& op : ops) out.push_back(diff::describe(op));
    return out;
}

std::optional<std::vector<std::string>> revision_parents(Session& session, const migrate::RevisionGraph& graph,
                                                         const std::string& head, bool splice) {
    const auto heads = graph.heads();
    if (head.empty()) {
        if (heads.size() > 1) {
            session.diags.error(Category::MigrationFile, "the migration chain has several heads: " + support::join(heads),
                                {}, "join them first with 'autogen merge -m MSG heads', or pick one with --head");
            return std::nullopt;
        }
        return heads;
    }
    auto resolved = graph.resolve(head, {});
    if (!resolved) {
        session.diags.error(Category::Usage, "--head: " + resolved.error->message());
        return std::nullopt;
    }
    for (const auto& id : resolved.value) {
        if (!splice && std::find(heads.begin(), heads.end(), id) == heads.end()) {
            session.diags.error(Category::Usage, "--head " + head + ": revision " + id + " is not a head of the chain",
                                {}, "a new revision goes on a head (`autogen heads` lists them), on `base`, or, to "
                                    "start a branch there, add --splice");
            return std::nullopt;
        }
    }
    return resolved.value;
}

std::optional<ModelChanges> compute_model_changes(Session& session, const support::Config& project_config,
                                                  const migrate::RevisionGraph& graph, ChangeOptions options) {
    ModelChanges changes;
    auto parents = revision_parents(session, graph, options.head, options.splice);
    if (!parents) return std::nullopt;
    changes.heads = std::move(*parents);
    std::vector<scan::BlindSpot> blind_spots;
    auto scanned = scan_models(session, project_config, &blind_spots);
    if (!scanned) return std::nullopt;
    if (!report_blind_spots(session, project_config, blind_spots, support::Severity::Error)) return std::nullopt;
    changes.scan = std::move(*scanned);
    // From here on, the tables that unscanned files declare are out of every comparison.
    const auto kept = keep_unscanned_tables(session, project_config, blind_spots, changes.scan.schema);
    if (!kept) return std::nullopt;
    const support::Config& config = *kept;

    std::optional<LiveDatabase> live;
    if (options.against_live) {
        live = open_live(session, config, /*required=*/false);
        if (session.diags.has_errors()) return std::nullopt;
    }
    if (live) {
        // Like Alembic: a revision is computed against a database that is at the head,
        // otherwise it would repeat the changes of the revisions not yet applied.
        auto current = migrate::current(*live->conn, config.migrations.version_table, session.diags);
        if (!current) return std::nullopt;
        auto want = changes.heads;
        std::sort(want.begin(), want.end());
        std::sort(current->begin(), current->end());
        for (const auto& id : *current) {
            if (!graph.find(id)) {
                session.diags.error(Category::MigrationFile,
                                    migrate::unknown_revision_message(id, config.migrations.dir), {},
                                    migrate::unknown_revision_hint());
                return std::nullopt;
            }
        }
        if (*current != want) {
            session.diags.error(Category::Usage,
                                "the database " + live->url.redacted() + " is not at the head of the migration chain",
                                {}, "run 'autogen upgrade head' first (or 'autogen stamp' if the schema already matches)");
            return std::nullopt;
        }
    }

    for (const auto& name : config.database.dialects) {
        const Dialect* dialect = require_dialect(session, name);
        if (!dialect) return std::nullopt;
        std::string no_scratch;
        const bool live_here = live && live->dialect == dialect;
        std::optional<schema::Schema> desired;
        // A read-only command may not use the live server for scratch (SPEC §3): then the
        // live dialect needs dev_url or the materialised-schema cache too.
        if ((!live_here || !config.database.scratch_on_url) && !scratch_available(*dialect, config, no_scratch)) {
            if (live_here) desired = materialize(*dialect, changes.scan.schema, config, session.diags, true);
            if (session.diags.has_errors()) return std::nullopt;
            if (desired) {
                session.info("no scratch " + name + " database (" + no_scratch + "): the models' " + name +
                             " schema comes from the materialised-schema cache");
            }
        }
        if (!no_scratch.empty() && !desired) {
            // A server dialect without a server: autogen.sum's snapshot stands in for the
            // replayed chain (docs/check.md), so a revision can still be written.
            session.info("no scratch " + name + " database (" + no_scratch + "): diffing the models against " +
                         sum_display(config) + (live_here ? " instead of the live database" : ""));
            auto sides = snapshot_sides(*dialect, config, graph, changes.scan.schema, session.diags);
            if (!sides) return std::nullopt;
            auto planned = plan_change(*dialect, sides->first, sides->second, session.diags);
            if (!planned) return std::nullopt;
            changes.per_dialect.push_back(std::move(*planned));
            continue;
        }
        if (!desired)
            desired = materialize(*dialect, changes.scan.schema, config, session.diags, false, session.progress());
        if (!desired) return std::nullopt;
        std::optional<schema::Schema> from;
        if (live && live->dialect == dialect) {
            from = inspect_live(*live, config, session.diags, session.progress());
        } else {
            from = replay_chain(*dialect, graph, changes.heads, config, session.diags, false, session.progress());
        }
        if (!from) return std::nullopt;
        auto planned = plan_change(*dialect, *from, *desired, session.diags);
        if (!planned) return std::nullopt;
        changes.per_dialect.push_back(std::move(*planned));
    }
    // The operations users read come from the live database's dialect when there is
    // one, else from the first configured dialect.
    for (std::size_t i = 0; i < changes.per_dialect.size(); ++i) {
        if (live && changes.per_dialect[i].dialect == live->dialect) changes.primary_index = i;
    }
    if (live && changes.primary().dialect == live->dialect) changes.live = std::move(live);
    return changes;
}

}  // namespace autogen::cli
