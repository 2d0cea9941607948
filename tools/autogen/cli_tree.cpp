// The command-line interface as data (cli_tree.hpp), read from CLI11's App.
#include "cli_tree.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace autogen::cli {

namespace {

/// The choices of a CLI11 type name such as "TEXT:{sqlite,postgresql}": CLI11 2.1 keeps
/// an IsMember set only inside its validator, whose description is that "{a,b}" part.
std::vector<std::string> choices_of(const std::string& type_name) {
    auto open = type_name.find(":{");
    if (open == std::string::npos) return {};
    auto close = type_name.find('}', open);
    return CLI::detail::split(type_name.substr(open + 2, close - open - 2), ',');
}

CliOption describe_option(const CLI::Option& opt) {
    CliOption o;
    std::string type = opt.get_type_name();
    o.choices = choices_of(type);
    o.help = opt.get_description();
    o.required = opt.get_required();
    if (!opt.nonpositional()) {
        o.value = support::to_upper(opt.get_name());
        o.repeated = opt.get_expected_max() > 1;
        return o;
    }
    for (const auto& s : opt.get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) o.names.push_back("--" + l);
    // A flag (`-v`, `--json`) expects no value even where its type size says 1.
    if (opt.get_expected_max() > 0 && opt.get_type_size_max() > 0)
        o.value = type.substr(0, type.find(':'));
    return o;
}

CliCommand describe_command(const CLI::App& app, const std::string& example) {
    CliCommand c{app.get_name(), app.get_description(), example, {}, {}, {}};
    for (const auto* opt : app.get_options()) {
        auto o = describe_option(*opt);
        (opt->nonpositional() ? c.options : c.positionals).push_back(std::move(o));
    }
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        c.subcommands.push_back(describe_command(*sub, ""));
    return c;
}

}  // namespace

CliTree describe_cli(const CLI::App& app, std::span<const CommandSpec> specs) {
    CliTree tree;
    tree.description = app.get_description();
    for (const auto* opt : app.get_options()) tree.global.push_back(describe_option(*opt));
    CliOption command{{}, "COMMAND", {}, "the command to describe", false, false};
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        std::string example;
        for (const auto& spec : specs)
            if (sub->get_name() == spec.name && spec.example) example = spec.example;
        tree.commands.push_back(describe_command(*sub, example));
        command.choices.push_back(sub->get_name());
    }
    tree.commands.push_back({"help", kHelpSummary, "autogen help upgrade", {}, {command}, {}});
    return tree;
}

std::vector<CliOption> options_at(const CliTree& tree, const std::vector<const CliCommand*>& path) {
    std::vector<CliOption> options;
    auto add = [&](const CliOption& o) {
        // A deeper command's option wins a name (`heads --verbose` over the global
        // -v,--verbose); each subcommand's own -h,--help is then the global one again.
        for (auto& known : options)
            std::erase_if(known.names, [&](const std::string& n) {
                return std::find(o.names.begin(), o.names.end(), n) != o.names.end();
            });
        std::erase_if(options, [](const CliOption& known) { return known.names.empty(); });
        options.push_back(o);
    };
    for (const auto& o : tree.global) add(o);
    for (const auto* c : path)
        for (const auto& o : c->options) add(o);
    return options;
}

}  // namespace autogen::cli
