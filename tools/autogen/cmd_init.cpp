// `autogen init [DIR] [--dialect D]`: writes autogen.toml, migrations/ (with a .gitkeep),
// the .gitignore lines of the local database and autogen's cache, and an example model,
// so that the next command is `autogen revision`. Never overwrites an existing config or
// model; appends to an existing .gitignore only the lines it lacks.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "command.hpp"
#include "init_files.hpp"
#include "migrate/atomic_file.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;
using support::Category;

class InitCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry& dialects) override {
        app.add_option("dir", dir_, "folder to initialise (default: the current one)");
        // The registry's dialects, the first one by default.
        dialect_ = dialects.name_list().front();
        app.add_option("--dialect", dialect_, dialects.names(" or "))
            ->check(CLI::IsMember(dialects.name_list()));
    }

    int run(Session& session) override {
        project_ = &session.dialects.find(dialect_)->new_project;
        fs::path dir = dir_.empty() ? fs::path(".") : fs::path(dir_);
        fs::path config = dir / "autogen.toml";
        std::error_code ec;
        if (fs::exists(config, ec)) {
            session.diags.error(Category::Usage, config.string() + " already exists", {},
                                "edit it, or remove it first to start over");
            return kExitUsage;
        }
        fs::path model = dir / kExampleModelPath;
        for (const auto& folder : {dir / "migrations", model.parent_path()}) {
            fs::create_directories(folder, ec);
            if (ec) {
                session.diags.error(Category::Io,
                                    "cannot create " + folder.string() + ": " + ec.message(), {},
                                    "check the folder's permissions");
                return kExitUsage;
            }
        }
        // The config last: a folder with autogen.toml is a finished init.
        if (!write(session, dir / "migrations" / ".gitkeep", "", /*replace=*/false,
                   /*keep_existing=*/true))
            return kExitUsage;
        bool model_written = !fs::exists(model, ec);
        if (model_written && !write(session, model, init_example_model(), false, false))
            return kExitUsage;
        auto gitignore = update_gitignore(session, dir / ".gitignore");
        if (!gitignore) return kExitUsage;
        if (!write(session, config, init_config_text(dialect_, project_->url), false, false))
            return kExitUsage;

        session.result = Json{{"config", config.string()},
                              {"migrations", (dir / "migrations").string()},
                              {"dialect", dialect_}};
        session.print("wrote " + config.string());
        session.print("created " + (dir / "migrations").string() + "/ (with a .gitkeep)");
        if (model_written) session.print("wrote " + model.string() + " (an example model)");
        if (!gitignore->empty()) session.print(*gitignore);
        next_steps(session, dir, model);
        return kExitOk;
    }

  private:
    /// Writes `text` to `path` without leaving half a file; `keep_existing`: an existing
    /// file is fine as it is.
    static bool write(Session& session, const fs::path& path, const std::string& text, bool replace,
                      bool keep_existing) {
        int err = migrate::write_file_atomically(path, text, replace);
        if (err == 0 || (err == EEXIST && keep_existing)) return true;
        session.diags.error(Category::Io,
                            "cannot write " + path.string() + ": " + std::strerror(err), {},
                            "check the folder's permissions");
        return false;
    }

    /// Adds the lines .gitignore lacks; returns what was done ("" when nothing was), or
    /// nullopt after an error.
    std::optional<std::string> update_gitignore(Session& session, const fs::path& path) const {
        std::string existing;
        std::error_code ec;
        bool had = fs::exists(path, ec);
        if (had) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            if (!in) {
                session.diags.error(Category::Io, "cannot read " + path.string(), {},
                                    "check the file's permissions");
                return std::nullopt;
            }
            existing = text.str();
        }
        std::string updated = gitignore_with(existing, init_gitignore_lines(*project_));
        if (updated == existing) return std::string();
        if (!write(session, path, updated, /*replace=*/true, false)) return std::nullopt;
        return (had ? "added to " : "wrote ") + path.string() +
               " (the local database and .autogen/)";
    }

    void next_steps(Session& session, const fs::path& dir, const fs::path& model) const {
        std::string c = dir_.empty() ? "" : " -c " + (dir / "autogen.toml").string();
        session.info("next steps:");
        session.info("  1. edit " + model.string() +
                     ", or replace it with your models (docs/models.md)");
        session.info("  2. autogen" + c +
                     " revision -m \"create users\"   writes the first revision");
        session.info("  3. autogen" + c + " upgrade                        applies it to " +
                     project_->upgrade_target);
        session.info(
            "  4. commit autogen.toml, .gitignore, migrations/ and the models; "
            "'autogen check --no-database' in CI or a pre-commit hook (docs/check.md)");
    }

    std::string dir_;
    std::string dialect_;
    const dialect::NewProject* project_ = nullptr;  ///< the chosen dialect's, set by run
};

}  // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }

}  // namespace autogen::cli
