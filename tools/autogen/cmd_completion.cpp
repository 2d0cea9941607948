// `autogen completion bash|zsh|fish`: prints the shell's completion script, written from
// the command table main.cpp builds (completion_script.hpp). Needs no project: no
// autogen.toml, no models, no database. docs/commands/completion.md.
#include <iostream>

#include "cli_tree.hpp"
#include "command.hpp"
#include "completion_script.hpp"

namespace autogen::cli {

namespace {

class CompletionCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        root_ = app.get_parent();
        app.add_option("shell", shell_, "the shell to write the script for")
            ->required()
            ->check(CLI::IsMember(completion_shells()));
    }

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        std::string script = completion_script(describe_cli(*root_, {}), shell_);
        session.result["shell"] = shell_;
        session.result["script"] = script;
        session.print_text(script);
        return kExitOk;
    }

  private:
    const CLI::App* root_ = nullptr;
    std::string shell_;
};

}  // namespace

std::unique_ptr<Command> make_completion_command() { return std::make_unique<CompletionCommand>(); }

}  // namespace autogen::cli
