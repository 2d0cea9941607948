// The command interface: each `autogen <command>` is one class in cmd_<name>.cpp that
// declares its options on its CLI11 subcommand and runs against a Session. main.cpp
// holds the one command table.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "session.hpp"

namespace autogen::cli {

class Command {
  public:
    virtual ~Command() = default;
    /// Adds the command's own options and positionals to its subcommand. `dialects` is the
    /// registry the session will get (main builds it once): for options whose choices are
    /// the dialects, such as `init --dialect`.
    virtual void configure(CLI::App& app, const DialectRegistry& dialects) = 0;
    /// Runs the command; returns the exit code (SPEC §3). Errors go to session.diags.
    virtual int run(Session& session) = 0;
    /// Whether the command scans models, so needs a [models] section; those that only
    /// apply or read revisions say no (SPEC §6: a deploy folder has no models).
    virtual bool needs_models() const { return true; }
};

struct CommandSpec {
    const char* name;
    const char* summary;
    std::unique_ptr<Command> (*make)();
    /// SPEC §3's read-only commands: they open the database read-only and create
    /// scratch databases only on dev_url (Session::read_only).
    bool read_only = false;
    /// One typical command line, shown by `autogen help NAME` (front_door.hpp).
    const char* example = "";
};

// One factory per command file.
std::unique_ptr<Command> make_init_command();
std::unique_ptr<Command> make_revision_command();
std::unique_ptr<Command> make_upgrade_command();
std::unique_ptr<Command> make_downgrade_command();
std::unique_ptr<Command> make_stamp_command();
std::unique_ptr<Command> make_merge_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_branches_command();
std::unique_ptr<Command> make_current_command();
std::unique_ptr<Command> make_heads_command();
std::unique_ptr<Command> make_history_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_lint_command();
std::unique_ptr<Command> make_hash_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_inspect_command();
std::unique_ptr<Command> make_pull_command();
std::unique_ptr<Command> make_template_command();
std::unique_ptr<Command> make_completion_command();

}  // namespace autogen::cli
