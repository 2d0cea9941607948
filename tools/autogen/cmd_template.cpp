// `autogen template render TEMPLATE [--context FILE.json]`: renders any template with
// autogen's Jinja engine and prints exactly the result (nothing added), so a project
// can preview its own templates. Defaults are those of Jinja's Environment(). TEMPLATE
// is a path, or the name of a built-in template (`revision.sql.j2`).
// `autogen template list`: the built-in templates and the project's overrides.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "jinja/environment.hpp"
#include "support/resource_paths.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;
using support::Category;

class TemplateCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.require_subcommand(1);
        list_ =
            app.add_subcommand("list", "List the built-in templates and the project's overrides");
        CLI::App* render = app.add_subcommand("render", "Render TEMPLATE and print the result");
        render->add_option("template", template_, "a template file, or a built-in template's name")
            ->required();
        render->add_option("--context", context_file_, "JSON object with the template's variables");
        render->add_flag("--trim-blocks", options_.trim_blocks, "Jinja's trim_blocks");
        render->add_flag("--lstrip-blocks", options_.lstrip_blocks, "Jinja's lstrip_blocks");
        render->add_flag("--keep-trailing-newline", options_.keep_trailing_newline,
                         "Jinja's keep_trailing_newline");
    }

    int run(Session& session) override {
        if (list_->parsed()) return list(session);
        fs::path file(template_);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            // Not a path: a built-in template by name.
            auto builtin = support::builtin_template_dir();
            if (builtin && file.filename() == file && fs::is_regular_file(*builtin / file, ec)) {
                file = *builtin / file;
            } else {
                session.diags.error(
                    Category::Usage, "template " + template_ + " does not exist", {},
                    "give the path of a template file, or a built-in template's name "
                    "('autogen template list' shows them)");
                return kExitUsage;
            }
        }
        codegen::jinja::Value context = codegen::jinja::Value::object();
        if (!context_file_.empty()) {
            std::ifstream in(context_file_);
            if (!in) {
                session.diags.error(Category::Usage, "cannot read context file " + context_file_,
                                    {}, "give a readable JSON file with --context");
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
    /// The *.j2 files of `dir`, sorted.
    static std::vector<std::string> templates_in(const fs::path& dir) {
        std::vector<std::string> names;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->is_regular_file(ec) && it->path().extension() == ".j2")
                names.push_back(it->path().filename());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    /// Built-ins with their folder; then, inside a project with [migrations] templates,
    /// the project's templates, marked when they override a built-in.
    int list(Session& session) {
        auto builtin = support::builtin_template_dir();
        std::vector<std::string> builtins =
            builtin ? templates_in(*builtin) : std::vector<std::string>{};
        for (const auto& name : builtins)
            session.print(name + "  (built-in, " + (*builtin / name).string() + ")");
        // Outside a project the built-ins are the whole answer: no autogen.toml is no error.
        if (!session.options.config_file.empty() || support::find_config(fs::current_path())) {
            const auto* config = session.config();
            if (!config) return kExitUsage;
            if (!config->migrations.templates.empty()) {
                fs::path dir = config->root / config->migrations.templates;
                for (const auto& name : templates_in(dir)) {
                    bool overrides =
                        std::find(builtins.begin(), builtins.end(), name) != builtins.end();
                    // As the config names it (relative to the project), like every other path
                    // autogen prints.
                    session.print(name + "  (project, " +
                                  (fs::path(config->migrations.templates) / name).string() +
                                  (overrides ? ", overrides the built-in)" : ")"));
                }
            }
        }
        return kExitOk;
    }

    CLI::App* list_ = nullptr;
    std::string template_;
    std::string context_file_;
    codegen::jinja::Options options_;
};

}  // namespace

std::unique_ptr<Command> make_template_command() { return std::make_unique<TemplateCommand>(); }

}  // namespace autogen::cli
