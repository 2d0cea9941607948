// Session: config loading, URL precedence, output channels, exit codes.
#include "session.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "db/url.hpp"
#include "support/printable_text.hpp"

namespace autogen::cli {

using support::Category;

Session::Session(GlobalOptions options_in, const DialectRegistry& dialects)
    : options(std::move(options_in)),
      dialects(dialects),
      progress_line_(progress_wanted(options.quiet)),
      stderr_colour_(colour_wanted(STDERR_FILENO, options.no_color)),
      stdout_colour_(colour_wanted(STDOUT_FILENO, options.no_color)) {}

const support::Config* Session::config() {
    if (config_loaded_) return config_ ? &*config_ : nullptr;
    config_loaded_ = true;
    std::filesystem::path file = options.config_file;
    if (file.empty()) {
        auto found = support::find_config(std::filesystem::current_path());
        if (found) {
            file = *found;
        } else if (!options.migrations.empty() && !needs_models) {
            // A deploy folder: no config says which dialects revisions carry, so any known one.
            config_ = config_without_file(std::filesystem::current_path(), dialects.name_list());
        } else {
            diags.error(Category::Config,
                        "no autogen.toml in " + std::filesystem::current_path().string() +
                            " or any folder above it",
                        {},
                        needs_models ? "run 'autogen init' here, or pass -c path/to/autogen.toml"
                                     : "run 'autogen init' here, pass -c path/to/autogen.toml, or "
                                       "pass --migrations DIR (and --url or DATABASE_URL)");
            return nullptr;
        }
    } else if (!std::filesystem::exists(file)) {
        diags.error(Category::Config, "config file " + file.string() + " does not exist", {},
                    "check the path given with -c");
        return nullptr;
    }
    if (!file.empty()) {
        config_ = support::load_config(
            file, support::current_environment(), diags,
            needs_models ? support::ModelsNeeded::Yes : support::ModelsNeeded::No);
        if (config_) detail("config: " + config_->file.string());
    }
    if (config_ && !options.migrations.empty() &&
        !use_migrations_option(*config_, options.migrations, diags))
        config_.reset();
    if (config_ && !known_dialects(*config_)) config_.reset();
    // From here on the config holds the effective URL, so every stage (and the scratch
    // databases of server dialects) sees what --url / DATABASE_URL chose.
    if (config_) config_->database.url = database_url();
    if (config_) config_->database.scratch_on_url = !read_only;
    if (config_ && !config_->database.dialects_given) {
        // A single-dialect project need not list its dialect: it is the one its URL names
        // (--url > DATABASE_URL > config). Projects that serve several list them.
        support::Diagnostics ignored;
        if (auto url = dialects.parse_url(database_url(), config_->root, ignored))
            config_->database.dialects = {url->scheme};
    }
    return config_ ? &*config_ : nullptr;
}

bool Session::known_dialects(const support::Config& config) {
    bool known = true;
    for (const auto& name : config.database.dialects) {
        if (dialects.find(name)) continue;
        known = false;
        diags.error(Category::Config, "unknown dialect '" + name + "' in [database] dialects",
                    config.database.dialects_at.known()
                        ? config.database.dialects_at
                        : support::SourceLocation{config.file.string()},
                    "supported dialects: " + dialects.names());
    }
    return known;
}

std::string Session::database_url() {
    if (!options.url.empty()) return options.url;
    if (const char* env = std::getenv("DATABASE_URL"); env && *env) return env;
    const auto* c = config();
    return c ? c->database.url : std::string();
}

void Session::info(const std::string& line) const { info({Span{line}}); }

void Session::info(const std::vector<Span>& spans, bool always) const {
    if (options.quiet && !always) return;
    progress_line_.clear();
    // Each piece is made safe before it is painted: the codes are ours, never the text's.
    for (const auto& span : spans)
        std::cerr << paint(support::terminal_text(db::redact_password(span.text)), span.tone,
                           stderr_colour_);
    std::cerr << "\n";
}

void Session::detail(const std::string& line) const {
    if (!options.verbose) return;
    progress_line_.clear();
    std::cerr << support::terminal_text(db::redact_password(line)) << "\n";
}

// Every line goes through terminal_text: text from files (messages, paths, names) never
// drives the terminal; JSON stays valid (its strings escape controls already, and the
// \uXXXX that terminal_text writes for U+2028 or C1 is JSON's own escape).
void Session::print(const std::string& line) const {
    progress_line_.clear();
    if (options.json) {
        json_lines_.push_back(line);
        return;
    }
    std::cout << support::terminal_text(db::redact_password(line)) << "\n";
}

void Session::print(const std::vector<Span>& spans) const {
    progress_line_.clear();
    if (options.json) {
        std::string line;
        for (const auto& span : spans) line += span.text;
        json_lines_.push_back(line);
        return;
    }
    for (const auto& span : spans)
        std::cout << paint(support::terminal_text(db::redact_password(span.text)), span.tone,
                           stdout_colour_);
    std::cout << "\n";
}

void Session::print_text(const std::string& text) const {
    if (options.json) return;
    std::cout << text;
}

void Session::emit_json(int exit_code) const {
    if (!options.json) return;
    if (result_writer_) {
        print_json_document(std::cout, command, exit_code, result_writer_, diags.items());
    } else {
        // A command without a result of its own (docs/json.md) still says what it printed.
        const bool lines_only = result.empty() && !json_lines_.empty();
        const Json body = lines_only ? Json{{"lines", json_lines_}} : result;
        print_json_document(std::cout, command, exit_code, body, diags.items());
    }
    std::cout.flush();
}

int Session::exit_code() const {
    bool database = false, error = false;
    for (const auto& d : diags.items()) {
        if (d.severity != support::Severity::Error) continue;
        error = true;
        if (d.category == Category::Database) database = true;
    }
    return database ? kExitDatabase : error ? kExitUsage : kExitOk;
}

int Session::finish() {
    progress_line_.clear();
    const auto& items = diags.items();
    // Every part is made safe before it is painted: the colour codes are ours alone.
    const auto safe = [](const std::string& text) {
        return support::terminal_text(db::redact_password(text));
    };
    const auto label = [this](const std::string& text, support::Severity severity) {
        const Tone tone = severity == support::Severity::Error     ? Tone::Error
                          : severity == support::Severity::Warning ? Tone::Warning
                                                                   : Tone::Note;
        return paint(text, tone, stderr_colour_);
    };
    const auto hint = [this](const std::string& text) {
        return paint(text, Tone::Hint, stderr_colour_);
    };
    for (; printed_ < items.size(); ++printed_) {
        const auto& d = items[printed_];
        if (d.severity == support::Severity::Note && !options.verbose) continue;
        std::cerr << support::format(d, {safe, label, hint}) << "\n";
    }
    std::cout.flush();
    return exit_code();
}

}  // namespace autogen::cli
