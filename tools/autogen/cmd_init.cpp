// `autogen init [DIR] [--dialect D]`: writes autogen.toml and migrations/ so that the
// next command is `autogen revision`. Never overwrites an existing config.
#include <filesystem>
#include <fstream>

#include "command.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;
using support::Category;

std::string default_url(const std::string& dialect) {
    if (dialect == "postgresql") return "${DATABASE_URL:-postgresql://localhost/app}";
    return "${DATABASE_URL:-sqlite:///db/app.sqlite3}";
}

std::string config_text(const std::string& dialect) {
    return "# autogen configuration (see docs/configuration.md)\n"
           "[database]\n"
           "url = \"" + default_url(dialect) + "\"\n"
           "dialects = [\"" + dialect + "\"]\n"
           "\n"
           "[models]\n"
           "# every header holding AUTOGEN_TABLE models; all of them are scanned, imported or not\n"
           "headers = [\"src/models/**/*.hpp\"]\n"
           "include_dirs = [\"src\"]\n"
           "\n"
           "[migrations]\n"
           "dir = \"migrations\"\n"
           "file_template = \"%Y%m%d_%H%M_{rev}_{slug}\"\n"
           "version_table = \"autogen_version\"\n";
}

class InitCommand final : public Command {
public:
    void configure(CLI::App& app) override {
        app.add_option("dir", dir_, "folder to initialise (default: the current one)");
        app.add_option("--dialect", dialect_, "sqlite or postgresql")->check(CLI::IsMember({"sqlite", "postgresql"}));
    }

    int run(Session& session) override {
        fs::path dir = dir_.empty() ? fs::current_path() : fs::path(dir_);
        fs::path config = dir / "autogen.toml";
        std::error_code ec;
        if (fs::exists(config, ec)) {
            session.diags.error(Category::Usage, config.string() + " already exists", {},
                                "edit it, or remove it first to start over");
            return kExitUsage;
        }
        fs::create_directories(dir / "migrations", ec);
        if (ec) {
            session.diags.error(Category::Io, "cannot create " + (dir / "migrations").string() + ": " + ec.message(),
                                {}, "check the folder's permissions");
            return kExitUsage;
        }
        // Written to a temp file and renamed, so an interrupted init leaves no half config.
        fs::path tmp = dir / ".autogen.toml.tmp";
        {
            std::ofstream out(tmp);
            out << config_text(dialect_);
            if (!out) {
                session.diags.error(Category::Io, "cannot write " + config.string(), {}, "check the folder's permissions");
                return kExitUsage;
            }
        }
        fs::rename(tmp, config, ec);
        if (ec) {
            fs::remove(tmp, ec);
            session.diags.error(Category::Io, "cannot write " + config.string(), {}, "check the folder's permissions");
            return kExitUsage;
        }
        session.result = Json{{"config", config.string()},
                              {"migrations", (dir / "migrations").string()},
                              {"dialect", dialect_}};
        session.print("wrote " + config.string());
        session.print("created " + (dir / "migrations").string() + "/");
        session.info("next: put models under src/models/, then run 'autogen revision -m \"init\"'");
        return kExitOk;
    }

private:
    std::string dir_;
    std::string dialect_ = "sqlite";
};

}  // namespace

std::unique_ptr<Command> make_init_command() { return std::make_unique<InitCommand>(); }

}  // namespace autogen::cli
