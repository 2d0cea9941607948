// `autogen inspect models|db`: the scanned model schema, with every file read and every
// model found (the answer to "did it see my header?"), or the live database schema.
#include <optional>

#include "command.hpp"
#include "project.hpp"
#include "schema/schema_view.hpp"
#include "support/display_path.hpp"
#include "support/printable_text.hpp"

namespace autogen::cli {

namespace {

namespace fs = std::filesystem;

class InspectCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("what", what_, "models or db")
            ->required()
            ->check(CLI::IsMember({"models", "db"}));
    }

    int run(Session& session) override {
        const auto* config = session.config();
        session.command += " " + what_;  // "inspect models": the --json document's command
        if (!config) return kExitUsage;
        return what_ == "models" ? models(session, *config) : database(session, *config);
    }

  private:
    static std::string relative(const fs::path& p, const fs::path& root) {
        return support::relative_inside(p, root);
    }

    static schema::Schema with_relative_locations(schema::Schema s, const fs::path& root) {
        auto fix = [&](support::SourceLocation& l) {
            if (l.known()) l.file = relative(l.file, root);
        };
        for (auto& t : s.tables) {
            fix(t.location);
            for (auto& c : t.columns) fix(c.location);
        }
        for (auto& e : s.enums) fix(e.location);
        return s;
    }

    /// The --json result {"files"?, "schema"}, written straight into the document: a
    /// DOM of thousands of tables cost more than reading them (docs/json.md).
    static void stream_schema(Session& session, schema::Schema schema,
                              std::optional<std::vector<std::string>> files = std::nullopt) {
        session.stream_result(
            [schema = std::move(schema), files = std::move(files)](support::JsonWriter& w) {
                w.begin_object();
                if (files) w.member("files", *files);
                w.key("schema");
                schema::write_json(w, schema);
                w.end_object();
            });
    }

    int models(Session& session, const support::Config& config) {
        auto scanned = scan_models(pipeline_context(session), config);
        if (!scanned) return kExitUsage;
        auto schema = with_relative_locations(scanned->schema, config.root);
        if (session.options.json) {
            std::vector<std::string> files;
            for (const auto& f : scanned->files) files.push_back(relative(f, config.root));
            stream_schema(session, std::move(schema), std::move(files));
            return kExitOk;
        }
        session.print("read " + std::to_string(scanned->files.size()) + " file(s):");
        for (const auto& f : scanned->files)
            session.print("  " + support::one_line_text(relative(f, config.root)));
        session.print("found " + std::to_string(schema.tables.size()) + " table(s), " +
                      std::to_string(schema.enums.size()) + " enum(s):");
        for (const auto& t : schema.tables)
            session.print("  " +
                          support::one_line_text(t.qualified_name() + "  " + t.location.str()));
        for (const auto& e : schema.enums)
            session.print("  " +
                          support::one_line_text("enum \"" + e.name + "\"  " + e.location.str()));
        session.print("");
        session.print_text(
            support::terminal_text(schema::to_text(schema, /*with_locations=*/true)));
        return kExitOk;
    }

    int database(Session& session, const support::Config& config) {
        auto live = open_live(pipeline_context(session), config, /*required=*/true);
        if (!live) return session.exit_code();
        // Always the catalogs themselves: the command to see what the database holds now.
        auto schema = inspect_live(*live, config, session.diags, session.progress(),
                                   pipeline::LiveRead::Fresh);
        if (!schema) return session.exit_code();
        if (session.options.json) {
            stream_schema(session, std::move(*schema));
            return kExitOk;
        }
        session.print("database " + live->url.redacted() + ": " +
                      std::to_string(schema->tables.size()) + " table(s)");
        session.print_text(
            support::terminal_text(schema::to_text(*schema, /*with_locations=*/false)));
        return kExitOk;
    }

    std::string what_;
};

}  // namespace

std::unique_ptr<Command> make_inspect_command() { return std::make_unique<InspectCommand>(); }

}  // namespace autogen::cli
