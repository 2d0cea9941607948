// `autogen pull`: reads the live database (as `inspect db` does) and writes one
// annotated model header per table (lib/pipeline/pull_models, lib/codegen/model_headers)
// into --out, with the naming convention the database follows written into
// autogen.toml (pipeline::choose_naming). Only the I/O is here: where the files go, the
// refusal to overwrite a file pull did not write, autogen.toml's edit, --diff, and the
// report of what the models leave out.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>

#include "codegen/model_headers.hpp"
#include "command.hpp"
#include "migrate/atomic_file.hpp"
#include "migrate/file_bytes.hpp"
#include "pipeline/compared_tables.hpp"
#include "pipeline/declared_objects.hpp"
#include "pipeline/pull_models.hpp"
#include "project.hpp"
#include "scan/glob.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"
#include "schema/table_lookup.hpp"
#include "support/display_path.hpp"
#include "support/naming_toml.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

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
bool written_by_pull(const fs::path& path, const char* marker = codegen::kPulledHeaderMarker) {
    std::ifstream in(path, std::ios::binary);
    std::string first;
    std::getline(in, first);
    return first.rfind(marker, 0) == 0;
}

/// The .sql file pull writes the declared objects into: pulled.sql in the folder of the
/// first [models] sql glob before its first wildcard ("db/**/*.sql" -> "db/pulled.sql").
/// None without [models] sql (the objects are then listed as left out: writing the file
/// alone would not make autogen read it, and setting [models] sql makes the files the
/// whole truth, which is the team's decision).
std::optional<fs::path> pulled_sql_path(const support::Config& config) {
    if (config.models.sql.empty()) return std::nullopt;
    fs::path folder;
    for (const auto& part : fs::path(config.models.sql.front())) {
        if (part.string().find_first_of("*?[") != std::string::npos) break;
        folder /= part;
    }
    if (folder == fs::path(config.models.sql.front())) folder = folder.parent_path();
    return (config.root / folder / "pulled.sql").lexically_normal();
}

/// A file pull writes besides the headers.
struct PulledSql {
    fs::path path;
    std::string contents;
    std::size_t objects = 0;  ///< how many statements it holds
};

class PullCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("--out", out_,
                       "folder to write the headers into (default: the folder of the first "
                       "[models] headers glob, else models/)");
        app.add_option("--tables", filter_.tables, "pull only the tables matching these globs");
        app.add_option("--exclude", filter_.exclude, "leave out the tables matching these globs");
        app.add_flag("--force", force_, "overwrite files that pull did not write");
        app.add_option("--split", split_,
                       "one header per table (default) or one per schema (models.hpp for the "
                       "default schema)")
            ->check(CLI::IsMember({"table", "schema"}));
        auto* write = app.add_flag("--write-naming", write_naming_,
                                   "replace autogen.toml's [models] naming with the convention "
                                   "the database follows");
        auto* keep = app.add_flag("--keep-naming", keep_naming_,
                                  "keep autogen.toml's [models] naming as it is and name every "
                                  "constraint that does not follow it");
        write->excludes(keep);
        app.add_flag("--diff", diff_,
                     "write nothing; list the headers (and autogen.toml) a pull would change, "
                     "exit 1 if any");
    }

    int run(Session& session) override {
        const auto* config = session.config();
        if (!config) return kExitUsage;
        auto live = open_live(pipeline_context(session), *config, /*required=*/true);
        if (!live) return session.exit_code();
        auto inspected = inspect_live(*live, *config, session.diags, session.progress());
        if (!inspected) return session.exit_code();
        auto schema = pipeline::filter_tables(*inspected, filter_);
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
        // The convention is the whole database's, whatever --tables picks: a few tables are
        // a poor sample, and the project's convention covers every table.
        auto naming = pipeline::choose_naming(*live->dialect, *inspected, *config, naming_choice());
        std::optional<std::string> toml = new_toml(session, *config, naming);
        std::vector<codegen::PulledObject> not_written;
        std::optional<PulledSql> sql =
            pulled_sql(session, *config, *inspected, schema, not_written);
        auto pulled = pipeline::pull_models(
            *live->dialect, schema, naming.convention,
            split_ == "schema" ? codegen::HeaderSplit::PerSchema : codegen::HeaderSplit::PerTable,
            sql.has_value());
        for (auto& o : not_written) pulled.left_out.push_back(std::move(o));
        auto unmodelled = live->dialect->inspector->unmodelled_objects(
            *live->conn, pipeline::inspect_options(*config), session.diags);
        if (!unmodelled) return kExitDatabase;
        pipeline::list_unmodelled(*unmodelled, schema, pulled);
        fs::path out = out_.empty() ? default_out(*config) : fs::absolute(out_);
        Json naming_json = report_naming(session, naming);
        if (diff_) return diff(session, *config, out, pulled, sql, toml, std::move(naming_json));
        if (!check_targets(session, out, pulled, sql)) return kExitUsage;
        if (!write(session, out, pulled, sql)) return kExitUsage;
        if (!remove_displaced(session, *config, out, pulled)) return kExitUsage;
        if (toml && !write_toml(session, *config, *toml, naming.convention)) return kExitUsage;
        report(session, *config, out, pulled, sql, schema);
        session.result["naming"] = std::move(naming_json);
        return kExitOk;
    }

  private:
    /// pulled.sql: the live objects that no other file of [models] sql declares (a
    /// project declaring its views by hand keeps them there; pulled.sql's own earlier
    /// text does not count) and that name no table --tables / --exclude left out (the
    /// models could not create them). Nullopt when there is nothing to write, or when the
    /// project's files cannot be read (then the objects are listed as left out).
    static std::optional<PulledSql> pulled_sql(Session& session, const support::Config& config,
                                               const schema::Schema& inspected,
                                               const schema::Schema& live,
                                               std::vector<codegen::PulledObject>& not_written) {
        auto path = pulled_sql_path(config);
        if (!path) return std::nullopt;
        support::Diagnostics local;
        auto declared = pipeline::read_declared_objects(config, local);
        if (!declared) {
            session.diags.warning(Category::Model,
                                  "the files of [models] sql cannot be read (" +
                                      (local.items().empty() ? std::string("an error")
                                                             : local.items().front().message) +
                                      "): pull does not write pulled.sql",
                                  {}, "fix them (autogen check says where), then pull again");
            return std::nullopt;
        }
        schema::Schema rest = live;
        const schema::TableLookup pulled_tables(live);
        std::vector<std::string> not_pulled;
        for (const auto& t : inspected.tables)
            if (!pulled_tables.find(t.name, t.schema)) not_pulled.push_back(t.name);
        std::erase_if(rest.objects, [&](const schema::SqlObject& o) {
            auto t = std::find_if(not_pulled.begin(), not_pulled.end(), [&](const std::string& t) {
                return o.table == t || support::mentions_identifier(o.sql, t);
            });
            if (t == not_pulled.end()) return false;
            not_written.push_back(
                {std::string(schema::to_string(o.kind)) + " " + o.identity(),
                 "names \"" + *t +
                     "\", a table this pull leaves out (--tables, --exclude): not written into "
                     "pulled.sql; declare it in a .sql file of [models] sql once the table is "
                     "modelled"});
            return true;
        });
        std::erase_if(rest.objects, [&](const schema::SqlObject& o) {
            return std::any_of(declared->begin(), declared->end(), [&](const auto& d) {
                fs::path file = d.location.file;
                if (file.is_relative()) file = config.root / file;
                // Default privileges without FOR ROLE are the connecting role's: any role's
                // entry of that kind and schema stands for them here.
                const bool same = d.identity() == o.identity() ||
                                  (d.kind == schema::ObjectKind::DefaultPrivilege &&
                                   d.table.empty() && d.name == o.name && d.version == o.version);
                return d.kind == o.kind && same && file.lexically_normal() != *path;
            });
        });
        // A table's privileges the default privileges gave it come back with them.
        std::erase_if(rest.objects, [&](const schema::SqlObject& o) {
            return o.kind == schema::ObjectKind::Grant && schema::grant_column(o).empty() &&
                   std::all_of(o.columns.begin(), o.columns.end(), [&](const std::string& p) {
                       return schema::default_privileges_give(
                           live.objects, schema::grant_target_kind(o), o.schema, o.table, p);
                   });
        });
        std::string contents = codegen::pulled_objects_sql(rest);
        if (contents.empty()) return std::nullopt;
        return PulledSql{*path, std::move(contents), pulled_object_count(rest)};
    }

    pipeline::NamingChoice naming_choice() const {
        if (write_naming_) return pipeline::NamingChoice::Write;
        if (keep_naming_) return pipeline::NamingChoice::Keep;
        return pipeline::NamingChoice::Default;
    }

    /// autogen.toml's new text when pull writes the detected convention into it; when
    /// the file's layout defeats the edit, the project's convention stays (with a
    /// warning showing the line to add by hand).
    static std::optional<std::string> new_toml(Session& session, const support::Config& config,
                                               pipeline::PullNaming& naming) {
        if (naming.toml != pipeline::NamingToml::Write) return std::nullopt;
        std::string why = "it cannot be read";
        std::optional<std::string> text;
        if (auto bytes = migrate::read_file_bytes(config.file))
            text = support::with_naming(*bytes, naming.detection.convention, why);
        if (text) return text;
        session.diags.warning(
            Category::Config,
            "cannot write the detected naming convention into " +
                support::relative_inside(config.file, config.root) + ": " + why +
                "; the models name every constraint that does not follow the project's",
            {},
            "add naming = " + support::naming_inline_table(naming.detection.convention) +
                " under [models] by hand, then pull again");
        naming.toml = pipeline::NamingToml::Unchanged;
        naming.convention = config.models.naming;
        return std::nullopt;
    }

    static bool write_toml(Session& session, const support::Config& config, const std::string& text,
                           const support::NamingConvention& naming) {
        int err = migrate::write_file_atomically(config.file, text, /*replace=*/true);
        if (err != 0) {
            session.diags.error(
                Category::Io, "cannot write " + config.file.string() + ": " + std::strerror(err),
                {},
                "check the file's permissions, or add naming = " +
                    support::naming_inline_table(naming) + " under [models] by hand");
            return false;
        }
        session.info("wrote " + support::relative_inside(config.file, config.root) +
                     ": [models] naming = " + support::naming_inline_table(naming));
        return true;
    }

    /// One line per kind on stderr, the conflict warning, and the --json "naming" object.
    Json report_naming(Session& session, const pipeline::PullNaming& naming) const {
        Json detected = Json::object();
        for (const auto& k : naming.detection.kinds) {
            std::string key(support::name_kind_key(k.kind));
            detected[key] = {{"pattern", k.pattern},
                             {"matched", k.matched},
                             {"of", k.total},
                             {"adopted", k.adopted}};
            if (k.total == 0) continue;
            std::string shown = k.pattern.empty() ? "the database's own names" : k.pattern;
            std::string count = std::to_string(k.matched) + " of " + std::to_string(k.total);
            session.info("naming " + key + ": " +
                         (k.adopted ? shown + " names " + count
                                    : "no clear majority (best: " + shown + ", " + count +
                                          "); keeping the project's"));
        }
        if (naming.toml == pipeline::NamingToml::Kept && !keep_naming_)
            session.diags.warning(
                Category::Config,
                "the database follows naming = " +
                    support::naming_inline_table(naming.detection.convention) +
                    ", not autogen.toml's [models] naming = " +
                    support::naming_inline_table(naming.convention) +
                    ": kept the project's, so the models name each constraint that does not "
                    "follow it",
                {},
                "pass --write-naming to replace [models] naming with the database's, or "
                "--keep-naming to keep it without this warning");
        Json convention = Json::object();
        for (const auto& [kind, pattern] : naming.convention.patterns)
            convention[std::string(support::name_kind_key(kind))] = pattern;
        static constexpr const char* kToml[] = {"unchanged", "written", "kept"};
        return Json{{"detected", detected},
                    {"convention", convention},
                    {"autogen_toml", kToml[static_cast<int>(naming.toml)]}};
    }

    /// --diff: which headers (and autogen.toml) a pull would change; nothing written.
    int diff(Session& session, const support::Config& config, const fs::path& out,
             const codegen::ModelHeaders& pulled, const std::optional<PulledSql>& sql,
             const std::optional<std::string>& toml, Json naming_json) const {
        Json changed = Json::array(), missing = Json::array(), extra = Json::array(),
             removed = Json::array();
        std::set<fs::path> pulled_files;
        for (const auto& h : pulled.headers) {
            fs::path path = (out / h.file).lexically_normal();
            pulled_files.insert(path);
            std::string shown = support::relative_inside(path, config.root);
            auto bytes = migrate::read_file_bytes(path);
            if (!bytes)
                missing.push_back(shown);
            else if (*bytes != h.contents)
                changed.push_back(shown);
        }
        if (sql) {
            std::string shown = support::relative_inside(sql->path, config.root);
            auto bytes = migrate::read_file_bytes(sql->path);
            if (!bytes)
                missing.push_back(shown);
            else if (*bytes != sql->contents)
                changed.push_back(shown);
        }
        std::error_code ec;
        std::vector<std::string> stale;
        for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
            fs::path path = it->path().lexically_normal();
            if (path.extension() != ".hpp" || pulled_files.count(path) || !written_by_pull(path))
                continue;
            // An earlier pull's file with the other --split: a pull removes it.
            if (pulled.displaced.count(path.filename().string()))
                removed.push_back(support::relative_inside(path, config.root));
            else
                stale.push_back(support::relative_inside(path, config.root));
        }
        std::sort(removed.begin(), removed.end());
        std::sort(stale.begin(), stale.end());
        for (auto& s : stale) extra.push_back(std::move(s));
        const std::string toml_shown = support::relative_inside(config.file, config.root);
        if (toml)
            session.print("changed " + support::one_line_text(toml_shown) + " ([models] naming)");
        for (const auto& [list, word] :
             {std::pair{&changed, "changed"}, std::pair{&missing, "missing"},
              std::pair{&extra, "extra"}, std::pair{&removed, "removed"}})
            for (const auto& f : *list)
                session.print(std::string(word) + " " +
                              support::one_line_text(f.get<std::string>()));
        const bool differs =
            toml || !changed.empty() || !missing.empty() || !extra.empty() || !removed.empty();
        if (!differs)
            session.print("the models in " +
                          support::one_line_text(support::relative_inside(out, config.root)) +
                          " describe the database: nothing to pull");
        session.result = Json{{"out", support::relative_inside(out, config.root)},
                              {"changed", changed},
                              {"missing", missing},
                              {"extra", extra},
                              {"removed", removed},
                              {"autogen_toml", toml.has_value()},
                              {"naming", std::move(naming_json)}};
        return differs ? kExitDrift : kExitOk;
    }

    /// Every target is free, or was written by pull, or --force: checked for all files
    /// before any is written, so a refusal leaves the folder as it was.
    bool check_targets(Session& session, const fs::path& out, const codegen::ModelHeaders& pulled,
                       const std::optional<PulledSql>& sql) const {
        bool ok = true;
        std::error_code ec;
        auto check = [&](const fs::path& path, const char* marker, const char* hint) {
            if (force_ || !fs::exists(path, ec) || written_by_pull(path, marker)) return;
            session.diags.error(Category::Usage,
                                "refusing to overwrite " + path.string() +
                                    ": autogen pull did not write it (its first line is not \"" +
                                    marker + "\")",
                                {}, hint);
            ok = false;
        };
        for (const auto& h : pulled.headers)
            check(out / h.file, codegen::kPulledHeaderMarker,
                  "pull into another folder (--out DIR), or pass --force");
        if (sql)
            check(sql->path, codegen::kPulledSqlMarker,
                  "move it away (pull writes pulled.sql in the folder of the first [models] sql "
                  "glob), or pass --force");
        return ok;
    }

    static bool write(Session& session, const fs::path& out, const codegen::ModelHeaders& pulled,
                      const std::optional<PulledSql>& sql) {
        std::vector<std::pair<fs::path, const std::string*>> files;
        for (const auto& h : pulled.headers) files.emplace_back(out / h.file, &h.contents);
        if (sql) files.emplace_back(sql->path, &sql->contents);
        for (const auto& [path, contents] : files) {
            std::error_code ec;
            fs::create_directories(path.parent_path(), ec);
            if (ec) {
                session.diags.error(
                    Category::Io,
                    "cannot create " + path.parent_path().string() + ": " + ec.message(), {},
                    "check the folder's permissions, or pass another --out");
                return false;
            }
            // A file with the same bytes is left as it is: a second pull touches only
            // what changed (no new mtime for a build to react to).
            if (auto bytes = migrate::read_file_bytes(path); bytes && *bytes == *contents) continue;
            // Durable once for all files (below), not once per file.
            int err = migrate::write_file_atomically(path, *contents, /*replace=*/true,
                                                     /*durable=*/false);
            if (err == 0) continue;
            session.diags.error(Category::Io,
                                "cannot write " + path.string() + ": " + std::strerror(err), {},
                                "check the folder's permissions, or pass another --out");
            return false;
        }
        if (int err = migrate::sync_file_system(out); err != 0) {
            session.diags.error(Category::Io,
                                "cannot flush " + out.string() + " to disk: " + std::strerror(err),
                                {}, "check the disk, then pull again");
            return false;
        }
        return true;
    }

    static void report(Session& session, const support::Config& config, const fs::path& out,
                       const codegen::ModelHeaders& pulled, const std::optional<PulledSql>& sql,
                       const schema::Schema& schema) {
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
        if (sql) {
            std::string shown = support::relative_inside(sql->path, config.root);
            files.push_back(shown);
            session.info("wrote " + support::one_line_text(shown) + " (" +
                         std::to_string(sql->objects) + " object(s) declared in SQL)");
            const auto read = scan::expand_globs(config.root, config.models.sql);
            if (std::find(read.begin(), read.end(), sql->path) == read.end())
                session.diags.warning(
                    Category::Config,
                    shown + " is not matched by [models] sql: autogen does not read it", {},
                    "add a glob that matches it to [models] sql in autogen.toml");
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

    static std::size_t pulled_object_count(const schema::Schema& schema) {
        return static_cast<std::size_t>(
            std::count_if(schema.objects.begin(), schema.objects.end(),
                          [&](const auto& o) { return codegen::declared_on_its_own(o, schema); }));
    }

    /// The files an earlier pull wrote with the other --split for tables this pull wrote
    /// elsewhere: left in place they would declare each table twice (the scan refuses
    /// that). Only files whose first line is the marker; one edited by hand (marker
    /// line deleted) stays, with a warning.
    static bool remove_displaced(Session& session, const support::Config& config,
                                 const fs::path& out, const codegen::ModelHeaders& pulled) {
        std::error_code ec;
        bool ok = true;
        for (const auto& file : pulled.displaced) {
            const fs::path path = out / file;
            if (!fs::exists(path, ec)) continue;
            const std::string shown = support::relative_inside(path, config.root);
            if (!written_by_pull(path)) {
                session.diags.warning(
                    Category::Usage,
                    shown + " may declare tables this pull wrote into another file", {},
                    "delete it, or merge your edits into the pulled headers");
                continue;
            }
            if (!fs::remove(path, ec) || ec) {
                session.diags.error(Category::Io, "cannot remove " + shown + ": " + ec.message(),
                                    {}, "delete it by hand: its tables are in the new headers");
                ok = false;
                continue;
            }
            session.info("removed " + support::one_line_text(shown) +
                         " (an earlier pull's; its tables are in the new headers)");
        }
        return ok;
    }

    std::string out_;
    std::string split_ = "table";
    pipeline::PullFilter filter_;
    bool force_ = false;
    bool write_naming_ = false;
    bool keep_naming_ = false;
    bool diff_ = false;
};

}  // namespace

std::unique_ptr<Command> make_pull_command() { return std::make_unique<PullCommand>(); }

}  // namespace autogen::cli
