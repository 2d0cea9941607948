// autogen's entry point: global options, the one command table, dispatch, and the
// mapping of failures to exit codes (SPEC §3). No exception escapes main.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <tuple>

#include "command.hpp"
#include "front_door.hpp"
#include "support/resource_paths.hpp"

namespace {

using namespace autogen::cli;

const CommandSpec kCommands[] = {
    {"init", "Write autogen.toml, migrations/ and an example model into a folder, ready to use",
     // dialect-leak-guard: allow (a help example names a real dialect)
     &make_init_command, false, "autogen init --dialect postgresql"},
    {"revision", "Scan the models, diff them against the database and write a revision file",
     &make_revision_command, false, "autogen revision -m \"add users\""},
    {"upgrade", "Apply revisions up to a target (default: head)", &make_upgrade_command, false,
     "autogen upgrade head"},
    {"downgrade", "Undo revisions down to a target (-1, base, a revision)", &make_downgrade_command,
     false, "autogen downgrade -1"},
    {"stamp", "Set the database's version table to a revision without running SQL",
     &make_stamp_command, false, "autogen stamp head"},
    {"merge", "Write a merge revision joining several heads", &make_merge_command, false,
     "autogen merge -m \"merge branches\" heads"},
    {"current", "Show the revision(s) the database is at", &make_current_command,
     /*read_only=*/true, "autogen current"},
    {"heads", "Show the head revision(s) of the migration chain", &make_heads_command,
     /*read_only=*/true, "autogen heads"},
    {"branches", "Show the branch points of the migration chain", &make_branches_command, false,
     "autogen branches"},
    {"history", "List revisions, newest first", &make_history_command, /*read_only=*/true,
     "autogen history -i -r base:head"},
    {"show", "Show one revision in full", &make_show_command, false, "autogen show head"},
    {"hash", "Rewrite migrations/autogen.sum (after reviewing a hand edit of a revision)",
     &make_hash_command, false, "autogen hash"},
    {"check", "Exit 1 if models, migrations and database have drifted apart", &make_check_command,
     /*read_only=*/true, "autogen check --no-database"},
    {"lint", "Report dangerous statements (locks, rewrites, data loss) in revision files",
     &make_lint_command, /*read_only=*/true, "autogen lint --latest 1"},
    {"diff", "Print what 'revision' would write, writing nothing", &make_diff_command,
     /*read_only=*/true, "autogen diff"},
    {"inspect", "Show the scanned models or the live database schema", &make_inspect_command,
     /*read_only=*/true, "autogen inspect models"},
    {"pull", "Write annotated model headers describing the live database (adopting one)",
     &make_pull_command, /*read_only=*/true, "autogen pull --out src/models"},
    {"template", "List the built-in templates, or render one with autogen's Jinja engine",
     &make_template_command, false, "autogen template render revision.sql.j2 --context ctx.json"},
    {"completion", "Print a bash, zsh or fish completion script for autogen",
     &make_completion_command, false,
     "autogen completion bash > ~/.local/share/bash-completion/completions/autogen"},
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"autogen: schema migrations generated from annotated C++ models", "autogen"};
    app.require_subcommand(1);
    app.set_version_flag("--version", autogen::support::version());

    GlobalOptions global;
    app.add_option("-c,--config", global.config_file,
                   "autogen.toml to use (default: found upwards)");
    app.add_option("--url", global.url, "database URL (overrides DATABASE_URL and the config)");
    app.add_option("--migrations", global.migrations,
                   "the migrations folder (overrides [migrations] dir; upgrade, downgrade, "
                   "stamp, current, heads and history need no autogen.toml with it)");
    app.add_flag("--json", global.json, "print data as JSON where the command prints data");
    app.add_flag("-q,--quiet", global.quiet, "print only results and errors");
    app.add_flag("-v,--verbose", global.verbose,
                 "print files read, models found and other details");
    app.add_flag("--no-color", global.no_color, "never colour the output");

    // Built once: the commands' options (init --dialect) and the session both use it.
    const auto registry = autogen::dialect::make_dialect_registry();
    std::vector<std::tuple<CLI::App*, std::unique_ptr<Command>, bool>> commands;
    for (const auto& spec : kCommands) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        // Global options work after the command too (`autogen inspect models --json`,
        // `autogen check -v`), as SPEC §3's table writes them.
        sub->fallthrough();
        auto command = spec.make();
        command->configure(*sub, registry);
        commands.emplace_back(sub, std::move(command), spec.read_only);
    }

    FrontDoor door(app, kCommands, argc, argv);
    if (auto code = door.answer_help()) return *code;
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --version
    } catch (const CLI::ParseError& e) {
        return door.report(e);  // exit 2, in autogen's words (SPEC §3)
    }

    try {
        Session session(global, registry);
        for (auto& [sub, command, read_only] : commands) {
            if (sub->parsed()) {
                session.read_only = read_only;
                session.needs_models = command->needs_models();
                session.command = sub->get_name();
                for (const auto* nested : sub->get_subcommands())
                    session.command += " " + nested->get_name();
                int code = command->run(session);
                int diag_code = session.finish();
                const int exit_code = diag_code != 0 ? diag_code : code;
                session.emit_json(exit_code);
                return exit_code;
            }
        }
    } catch (const std::exception& e) {
        std::cerr
            << "error: internal failure: " << e.what()
            << "\n  hint: this is a bug in autogen; please report it with the command you ran\n";
        return kExitUsage;
    }
    return kExitUsage;
}
