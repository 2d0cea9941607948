// `autogen pull`: reads the live database (as `inspect db` does) and writes one
// annotated model header per table (lib/pipeline/pull_models, lib/codegen/model_headers)
// into --out. Only the I/O is here: where the files go, the refusal to overwrite a file
// pull did not write, and the report of what the models leave out.
#include <algorithm>
#include <cstring>
#include <fstream>

#include "codegen/model_headers.hpp"
#include "command.hpp"
#include "migrate/atomic_file.hpp"
#include "pipeline/compared_tables.hpp"
#include "pipeline/pull_models.hpp"
#include "project.hpp"
#include "scan/glob.hpp"
#include "support/display_path.hpp"
#include "support/printable_text.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;
using support::Category;

/// The folder of the first [models] headers glob before its first wildcard
/// ("src/models/**/*.hpp" -> "src/models"), or "models" when there is none.
fs::path default_out(const support::Config& config) {
    if (config.models.headers.empty()) return config.root / "models";
    fs::path root;
    fs::path glob = config.models.headers.front();
    for (const auto& part : glob) {
        if (part.string().find_first_of("*?[") != std::string::npos) break;
        root /= part;
    }
    if (root == glob) root = root.parent_path();  // a glob naming one file
    return root.is_absolute() ? root : config.root / root;
}

/// Was `path` written by pull (its first line is the marker)?
bool written_by_pull(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string first;
    std::getline(in, first);
    return first.rfind(codegen::kPulledHeaderMarker, 0) == 0;
}

class PullCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("--out", out_,
                       "folder to write the headers into (default: the folder of the first "
                       "[models] headers glob, else models/)");
        app.add_option("--tables", filter_.tables, "pull only the tables matching these globs");
        app.add_option("--exclude", filter_.exclude, "leave out the tables matching these globs");
        app.add_flag("--force", force_, "overwrite files that pull did not write");
    }

    int run(Session& session) override {
        const auto* config = session.config();
        if (!config) return kExitUsage;
        auto live = open_live(pipeline_context(session), *config, /*required=*/true);
        if (!live) return session.exit_code();
        auto inspected = inspect_live(*live, *config, session.diags, session.progress());
        if (!inspected) return session.exit_code();
        auto schema = pipeline::filter_tables(std::move(*inspected), filter_);
        if (schema.tables.empty()) {
            session.diags.error(
                Category::Usage,
                "database " + live->url.redacted() + " has no tables to pull" +
                    (filter_.tables.empty() && filter_.exclude.empty()
                         ? std::string()
                         : " (after --tables/--exclude)"),
                {},
                "point --url (or DATABASE_URL) at the database to adopt, or check --tables, "
                "--exclude and [models] exclude_tables");
            return kExitUsage;
        }
        auto pulled = pipeline::pull_models(*live->dialect, schema, *config);
        auto unmodelled = live->dialect->inspector->unmodelled_objects(
            *live->conn, pipeline::inspect_options(*config), session.diags);
        if (!unmodelled) return kExitDatabase;
        pipeline::list_unmodelled(*unmodelled, schema, pulled);
        fs::path out = out_.empty() ? default_out(*config) : fs::absolute(out_);
        if (!check_targets(session, out, pulled)) return kExitUsage;
        if (!write(session, out, pulled)) return kExitUsage;
        report(session, *config, out, pulled, schema);
        return kExitOk;
    }

  private:
    /// Every target is free, or was written by pull, or --force: checked for all files
    /// before any is written, so a refusal leaves the folder as it was.
    bool check_targets(Session& session, const fs::path& out,
                       const codegen::ModelHeaders& pulled) const {
        bool ok = true;
        std::error_code ec;
        for (const auto& h : pulled.headers) {
            fs::path path = out / h.file;
            if (force_ || !fs::exists(path, ec) || written_by_pull(path)) continue;
            session.diags.error(Category::Usage,
                                "refusing to overwrite " + path.string() +
                                    ": autogen pull did not write it (its first line is not \"" +
                                    codegen::kPulledHeaderMarker + "\")",
                                {}, "pull into another folder (--out DIR), or pass --force");
            ok = false;
        }
        return ok;
    }

    static bool write(Session& session, const fs::path& out, const codegen::ModelHeaders& pulled) {
        std::error_code ec;
        fs::create_directories(out, ec);
        if (ec) {
            session.diags.error(Category::Io, "cannot create " + out.string() + ": " + ec.message(),
                                {}, "check the folder's permissions, or pass another --out");
            return false;
        }
        for (const auto& h : pulled.headers) {
            int err = migrate::write_file_atomically(out / h.file, h.contents, /*replace=*/true);
            if (err == 0) continue;
            session.diags.error(
                Category::Io, "cannot write " + (out / h.file).string() + ": " + std::strerror(err),
                {}, "check the folder's permissions, or pass another --out");
            return false;
        }
        return true;
    }

    static void report(Session& session, const support::Config& config, const fs::path& out,
                       const codegen::ModelHeaders& pulled, const schema::Schema& schema) {
        auto scanned = scan::expand_globs(config.root, config.models.headers);
        Json files = Json::array();
        std::size_t outside = 0;
        for (const auto& h : pulled.headers) {
            fs::path path = (out / h.file).lexically_normal();
            std::string shown = support::relative_inside(path, config.root);
            files.push_back(shown);
            session.info("wrote " + support::one_line_text(shown));
            if (std::find(scanned.begin(), scanned.end(), path) == scanned.end()) ++outside;
        }
        Json left = Json::array();
        for (const auto& l : pulled.left_out) {
            left.push_back({{"where", l.where}, {"what", l.what}});
            session.diags.warning(Category::Database, l.where + ": " + l.what);
        }
        if (outside > 0)
            session.diags.warning(
                Category::Config,
                std::to_string(outside) +
                    " pulled header(s) are not matched by [models] headers: autogen does not "
                    "scan them, and diff and revision refuse them as blind spots",
                {},
                "add a glob for " + support::relative_inside(out, config.root) +
                    " to [models] headers in autogen.toml, or pull with --out into it");
        session.result = Json{{"out", support::relative_inside(out, config.root)},
                              {"files", files},
                              {"tables", schema.tables.size()},
                              {"enums", schema.enums.size()},
                              {"left_out", left}};
        session.print("pulled " + std::to_string(schema.tables.size()) + " table(s) and " +
                      std::to_string(schema.enums.size()) + " enum(s) into " +
                      support::one_line_text(support::relative_inside(out, config.root)) +
                      "; review them, then: autogen revision --baseline -m baseline && "
                      "autogen stamp head");
    }

    std::string out_;
    pipeline::PullFilter filter_;
    bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> make_pull_command() { return std::make_unique<PullCommand>(); }

}  // namespace autogen::cli
