// `autogen template render TEMPLATE [--context FILE.json]`: renders any template with
// autogen's Jinja engine and prints exactly the result (nothing added), so a project
// can preview its own templates. Defaults are those of Jinja's Environment().
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "codegen/jinja/environment.hpp"
#include "command.hpp"
#include "support/resource_paths.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;
using support::Category;

class TemplateCommand final : public Command {
public:
    void configure(CLI::App& app) override {
        app.require_subcommand(1);
        CLI::App* render = app.add_subcommand("render", "Render TEMPLATE and print the result");
        render->add_option("template", template_, "the template file")->required();
        render->add_option("--context", context_file_, "JSON object with the template's variables");
        render->add_flag("--trim-blocks", options_.trim_blocks, "Jinja's trim_blocks");
        render->add_flag("--lstrip-blocks", options_.lstrip_blocks, "Jinja's lstrip_blocks");
        render->add_flag("--keep-trailing-newline", options_.keep_trailing_newline, "Jinja's keep_trailing_newline");
    }

    int run(Session& session) override {
        fs::path file(template_);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            session.diags.error(Category::Usage, "template " + template_ + " does not exist", {},
                                "give the path of a template file");
            return kExitUsage;
        }
        codegen::jinja::Value context = codegen::jinja::Value::object();
        if (!context_file_.empty()) {
            std::ifstream in(context_file_);
            if (!in) {
                session.diags.error(Category::Usage, "cannot read context file " + context_file_, {},
                                    "give a readable JSON file with --context");
                return kExitUsage;
            }
            context = codegen::jinja::Value::parse(in, nullptr, /*allow_exceptions=*/false);
            if (context.is_discarded() || !context.is_object()) {
                session.diags.error(Category::Usage, context_file_ + " is not a JSON object", {},
                                    "the context must be a JSON object: {\"name\": value, ...}");
                return kExitUsage;
            }
        }
        // The template's own folder first (for its include/import/extends), then the
        // built-in templates, so a project template can extend a built-in one.
        std::vector<fs::path> search{fs::absolute(file).parent_path()};
        if (auto builtin = support::builtin_template_dir()) search.push_back(*builtin);
        codegen::jinja::Environment env(search, options_);
        auto text = env.render(file.filename().string(), context, session.diags);
        if (!text) return kExitUsage;
        session.result["text"] = *text;
        session.print_text(*text);
        return kExitOk;
    }

private:
    std::string template_;
    std::string context_file_;
    codegen::jinja::Options options_;
};

}  // namespace

std::unique_ptr<Command> make_template_command() { return std::make_unique<TemplateCommand>(); }

}  // namespace autogen::cli
