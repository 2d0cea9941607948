// autogen's front door (front_door.hpp): help texts and parse errors in autogen's words.
// CLI11 still parses; this file only reads the command line again when CLI11 refused
// it, to say which word was wrong and what was probably meant.
#include "front_door.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <regex>
#include <sstream>

#include "cli_tree.hpp"
#include "db/url.hpp"
#include "json_output.hpp"
#include "man_page.hpp"
#include "support/diagnostics.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

bool is_option(const std::string& word) {
    if (word.size() < 2 || word[0] != '-') return false;
    // A negative number is a value (`downgrade -1`), not an option.
    return !std::all_of(word.begin() + 1, word.end(),
                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// "--message" of "--message=x", "-m" of "-mx".
std::string option_name(const std::string& word) {
    if (word.rfind("--", 0) == 0) return word.substr(0, word.find('='));
    return word.substr(0, 2);
}

/// The value of `name` is in the same word ("--message=x", "-mx").
bool value_attached(const std::string& word, const std::string& name) {
    return word.size() > name.size();
}

/// Every name of every option of `app` ("-m", "--message"), positionals excluded.
std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* opt : app.get_options()) {
        for (const auto& s : opt->get_snames()) names.push_back("-" + s);
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    }
    return names;
}

/// The option of `app` called `name`, or nullptr.
const CLI::Option* option_named(const CLI::App& app, const std::string& name) {
    for (const auto* opt : app.get_options()) {
        for (const auto& s : opt->get_snames())
            if (name == "-" + s) return opt;
        for (const auto& l : opt->get_lnames())
            if (name == "--" + l) return opt;
    }
    return nullptr;
}

// A flag (`-v`, `--json`) expects no value even where its type size says 1.
bool takes_value(const CLI::Option& opt) {
    return opt.get_expected_max() > 0 && opt.get_type_size_max() > 0;
}

/// "-m,--message TEXT" / "what" for positionals.
std::string option_label(const CLI::Option& opt) {
    if (!opt.nonpositional()) return support::to_upper(opt.get_name());
    std::string label = opt.get_name(false, true);
    if (takes_value(opt)) label += " " + opt.get_type_name();
    return label;
}

/// The options of `app` (not its --help), one per line: "  LABEL  description".
std::string option_lines(const CLI::App& app, bool positionals) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto* opt : app.get_options()) {
        if (opt == app.get_help_ptr() || opt->nonpositional() == positionals) continue;
        std::string text = opt->get_description();
        if (opt->get_required()) text += " (required)";
        rows.emplace_back(option_label(*opt), text);
    }
    std::size_t width = 0;
    for (const auto& [label, _] : rows) width = std::max(width, label.size());
    std::string out;
    for (const auto& [label, text] : rows)
        out += "  " + label + std::string(width - label.size() + 2, ' ') + text + "\n";
    return out;
}

/// CLI11's own message in autogen's style: "--url: 1 required TEXT missing" becomes
/// "--url needs a value (TEXT)"; "shell: bsh not in {bash,zsh,fish}" gets "; did you
/// mean 'bash'?"; otherwise only the first letter is lowered.
std::string plain(std::string message) {
    static const std::regex missing_value(R"(^(\S+): \d+ required (\S+) missing$)");
    static const std::regex not_in_set(R"(^\S+: (\S+) not in \{([^}]*)\}$)");
    std::smatch m;
    if (std::regex_match(message, m, missing_value))
        return m[1].str() + " needs a value (" + m[2].str() + ")";
    if (std::regex_match(message, m, not_in_set)) {
        std::string near = support::closest(m[1].str(), CLI::detail::split(m[2].str(), ','));
        if (!near.empty()) return message + "; did you mean '" + near + "'?";
    }
    if (!message.empty())
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

/// A usage error: on stderr, and with --json also as the one document on stdout (SPEC
/// §3: every command prints one, a command line that does not parse too).
void print_error(const std::string& message, const std::string& hint,
                 const std::string* json_command) {
    support::Diagnostic d{};
    d.severity = support::Severity::Error;
    d.category = Category::Usage;
    d.message = message;
    d.hint = hint;
    std::cerr << support::terminal_text(db::redact_password(support::format(d))) << "\n";
    if (json_command) {
        print_json_document(std::cout, *json_command, kExitUsage, Json::object(), {d});
    }
}

}  // namespace

FrontDoor::FrontDoor(CLI::App& app, std::span<const CommandSpec> commands, int argc, char** argv)
    : app_(app), commands_(commands) {
    for (int i = 1; i < argc; ++i) args_.emplace_back(argv[i]);
}

std::string FrontDoor::command_word(std::size_t* index) const {
    for (std::size_t i = 0; i < args_.size(); ++i) {
        const auto& word = args_[i];
        if (word == "--") return "";
        if (!is_option(word)) {
            if (index) *index = i;
            return word;
        }
        std::string name = option_name(word);
        const auto* opt = option_named(app_, name);
        if (opt && takes_value(*opt) && !value_attached(word, name)) ++i;  // skip its value
    }
    return "";
}

CLI::App* FrontDoor::find(const std::string& name) const {
    for (auto* sub : app_.get_subcommands([](CLI::App*) { return true; }))
        if (sub->get_name() == name) return sub;
    return nullptr;
}

CLI::App* FrontDoor::nested(CLI::App* command, std::size_t command_index) const {
    for (std::size_t i = command_index + 1; i < args_.size(); ++i) {
        if (args_[i] == "--") break;
        if (is_option(args_[i])) continue;
        for (auto* sub : command->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == args_[i]) return sub;
        return nullptr;
    }
    return nullptr;
}

const CommandSpec* FrontDoor::spec(const std::string& name) const {
    for (const auto& s : commands_)
        if (name == s.name) return &s;
    return nullptr;
}

std::string FrontDoor::command_list() const {
    std::ostringstream out;
    out << app_.get_description()
        << "\n\nUsage: autogen [GLOBAL OPTIONS] COMMAND [ARGS]\n\nCommands:\n";
    std::size_t width = 0;
    for (const auto& s : commands_) width = std::max(width, std::string(s.name).size());
    for (const auto& s : commands_) {
        std::string name = s.name;
        out << "  " << name << std::string(width - name.size() + 2, ' ') << s.summary << "\n";
    }
    out << "  help" << std::string(width - 4 + 2, ' ') << kHelpSummary << "\n";
    out << "\nGlobal options (before or after the command):\n" << option_lines(app_, false);
    out << "\nRun 'autogen help COMMAND' (or 'autogen COMMAND --help') for a command's options;\n"
           "each command's page is docs/commands/COMMAND.md.\n";
    return out.str();
}

std::string FrontDoor::command_help(const CLI::App& command, const CommandSpec* spec,
                                    const std::string& path) const {
    std::ostringstream out;
    out << "autogen " << path << ": " << command.get_description() << "\n\n";
    auto subs = command.get_subcommands([](const CLI::App*) { return true; });
    std::string positionals = option_lines(command, true);
    out << "Usage: autogen " << path << (subs.empty() ? "" : " SUBCOMMAND") << " [OPTIONS]";
    for (const auto* opt : command.get_options()) {
        if (opt->nonpositional()) continue;
        std::string name = support::to_upper(opt->get_name());
        out << " " << (opt->get_required() ? name : "[" + name + "]");
    }
    out << "\n";
    if (!subs.empty()) {
        out << "\nSubcommands:\n";
        for (const auto* sub : subs)
            out << "  " << sub->get_name() << "  " << sub->get_description() << "\n";
    }
    if (!positionals.empty()) out << "\nArguments:\n" << positionals;
    std::string options = option_lines(command, false);
    if (!options.empty()) out << "\nOptions:\n" << options;
    out << "\nGlobal options:\n" << option_lines(app_, false);
    if (spec && spec->example && *spec->example) out << "\nExample:\n  " << spec->example << "\n";
    if (spec) out << "\nDocs: docs/commands/" << spec->name << ".md\n";
    return out.str();
}

std::optional<int> FrontDoor::answer_help() const {
    std::size_t index = 0;
    std::string word = command_word(&index);
    bool help_word = word == "help";
    bool help_flag = false;
    for (const auto& a : args_) {
        if (a == "--") break;
        if (a == "-h" || a == "--help") help_flag = true;
    }
    if (args_.empty()) {
        // `autogen` alone: what there is to run, on stderr (it is not a result), exit 2
        // as for any command line that names no command.
        std::cerr << command_list() << "\n";
        usage_error("no command given",
                    "run 'autogen help COMMAND' for a command's options and an example");
        return kExitUsage;
    }
    if (!help_word && !help_flag) return std::nullopt;
    if (help_word && std::find(args_.begin() + static_cast<std::ptrdiff_t>(index) + 1, args_.end(),
                               "--man") != args_.end()) {
        // `autogen help --man`: autogen(1), what the build installs (man_page.hpp).
        std::cout << man_page(describe_cli(app_, commands_));
        return 0;
    }
    if (help_word) {
        // `autogen help COMMAND [SUB]`: the words after "help", options aside.
        std::vector<std::string> words;
        for (std::size_t i = index + 1; i < args_.size(); ++i)
            if (!is_option(args_[i])) words.push_back(args_[i]);
        if (words.empty()) {
            std::cout << command_list();
            return 0;
        }
        word = words[0];
        index =
            std::find(args_.begin() + static_cast<std::ptrdiff_t>(index) + 1, args_.end(), word) -
            args_.begin();
    }
    if (word.empty() || word == "help") {
        std::cout << command_list();
        return 0;
    }
    CLI::App* command = find(word);
    if (!command) return unknown_command(word);
    std::string path = word;
    const CLI::App* shown = command;
    if (CLI::App* inner = nested(command, index)) {
        shown = inner;
        path += " " + inner->get_name();
    }
    std::cout << command_help(*shown, spec(word), path);
    return 0;
}

int FrontDoor::unknown_command(const std::string& word) const {
    std::vector<std::string> names;
    for (const auto& s : commands_) names.emplace_back(s.name);
    std::string near = support::closest(word, names);
    usage_error(
        "unknown command '" + word + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"),
        "run 'autogen help' for the list of commands");
    return kExitUsage;
}

bool FrontDoor::unknown_option(const CLI::App* command, const CLI::App* inner,
                               const std::string& name) const {
    std::vector<std::string> known = option_names(app_);
    for (const CLI::App* app : {command, inner}) {
        if (!app) continue;
        auto own = option_names(*app);
        known.insert(known.begin(), own.begin(),
                     own.end());  // the command's own first: they win ties
    }
    std::vector<const CLI::App*> scopes{&app_};
    if (command) scopes.push_back(command);
    if (inner) scopes.push_back(inner);
    for (std::size_t i = 0; i < args_.size(); ++i) {
        const auto& word = args_[i];
        if (word == "--") break;
        if (!is_option(word)) continue;
        std::string option = option_name(word);
        const CLI::Option* opt = nullptr;
        for (const auto* scope : scopes)
            if (!opt) opt = option_named(*scope, option);
        if (opt) {
            if (takes_value(*opt) && !value_attached(word, option)) ++i;
            continue;
        }
        std::string near = support::closest(option, known);
        std::string where = name.empty() ? "" : " for '" + name + "'";
        usage_error("unknown option '" + option + "'" + where +
                        (near.empty() ? "" : "; did you mean '" + near + "'?"),
                    "run 'autogen help" + (name.empty() ? std::string() : " " + name) +
                        "' for the options");
        return true;
    }
    return false;
}

bool FrontDoor::missing_argument(const CLI::App& command, const CommandSpec* spec,
                                 const std::string& name) const {
    std::string example = spec && spec->example && *spec->example
                              ? std::string("e.g. ") + spec->example
                              : "run 'autogen help " + name + "'";
    for (const auto* opt : command.get_options()) {
        if (!opt->get_required() || opt->count() > 0) continue;
        std::string what =
            opt->nonpositional() ? option_label(*opt) : support::to_upper(opt->get_name());
        usage_error("'" + name + "' needs " + what + " (" + opt->get_description() + ")", example);
        return true;
    }
    auto subs = command.get_subcommands([](const CLI::App*) { return true; });
    if (command.get_require_subcommand_min() > 0 && command.get_subcommands().empty() &&
        !subs.empty()) {
        std::vector<std::string> names;
        for (const auto* sub : subs) names.push_back(sub->get_name());
        usage_error("'" + name + "' needs a subcommand: " + support::join_with(names, " or "),
                    example);
        return true;
    }
    return false;
}

int FrontDoor::report(const CLI::ParseError& error) const {
    std::size_t index = 0;
    std::string word = command_word(&index);
    CLI::App* command = word.empty() ? nullptr : find(word);
    if (!word.empty() && !command) {
        // An unknown option before the command is the first thing wrong.
        if (!unknown_option(nullptr, nullptr, "")) unknown_command(word);
        return kExitUsage;
    }
    CLI::App* inner = command ? nested(command, index) : nullptr;
    if (unknown_option(command, inner, word)) return kExitUsage;
    if (!command) {
        bool missing = dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
        usage_error(missing ? "no command given" : plain(error.what()),
                    "run 'autogen help' for the list of commands");
        return kExitUsage;
    }
    std::string path = inner ? word + " " + inner->get_name() : word;
    if (dynamic_cast<const CLI::RequiredError*>(&error) &&
        ((inner && missing_argument(*inner, spec(word), path)) ||
         missing_argument(*command, spec(word), path)))
        return kExitUsage;
    usage_error("'" + path + "': " + plain(error.what()),
                "run 'autogen help " + path + "' for its arguments and options");
    return kExitUsage;
}

void FrontDoor::usage_error(const std::string& message, const std::string& hint) const {
    bool json = false;
    for (const auto& a : args_) {
        if (a == "--") break;
        if (a == "--json") json = true;
    }
    const std::string name = command_word();
    const std::string command = find(name) ? name : std::string();
    print_error(message, hint, json ? &command : nullptr);
}

}  // namespace autogen::cli
