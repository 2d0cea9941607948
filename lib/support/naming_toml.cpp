// [models] naming written into autogen.toml's text (naming_toml.hpp).
#include "support/naming_toml.hpp"

#include <toml++/toml.h>

#include <vector>

#include "support/text.hpp"

namespace autogen::support {

namespace {

/// A TOML basic string.
std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// The table a header line opens ("models" for "[models]  # x"), or nullopt when the
/// line is no header.
std::optional<std::string> header_of(std::string_view line) {
    std::string_view t = trim(line);
    if (t.size() < 2 || t.front() != '[') return std::nullopt;
    bool array = t.size() > 1 && t[1] == '[';
    auto close = t.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string name;
    for (char c : t.substr(array ? 2 : 1, close - (array ? 2 : 1)))
        if (c != ' ' && c != '\t') name += c;
    return array ? "[" + name + "]" : name;
}

/// The key a line sets ("naming" for "naming = ...", "naming.pk" for "naming . pk = "),
/// "" for a blank line, a comment or anything else.
std::string key_of(std::string_view line) {
    std::string_view t = trim(line);
    auto eq = t.find('=');
    if (t.empty() || t.front() == '#' || eq == std::string_view::npos) return {};
    std::string key;
    for (char c : t.substr(0, eq))
        if (c != ' ' && c != '\t' && c != '"') key += c;
    return key;
}

bool is_kind_key(const std::string& key) { return parse_name_kind(key).has_value(); }

/// The document without [models] naming (nor a [models] left empty), for comparing the rest.
toml::table without_naming(toml::table doc) {
    if (auto* models = doc["models"].as_table()) {
        models->erase("naming");
        if (models->empty()) doc.erase("models");
    }
    return doc;
}

}  // namespace

std::string naming_inline_table(const NamingConvention& naming) {
    std::vector<std::string> items;
    for (const auto& [kind, pattern] : naming.patterns)
        items.push_back(std::string(name_kind_key(kind)) + " = " + toml_string(pattern));
    return items.empty() ? "{}" : "{ " + join_with(items, ", ") + " }";
}

std::optional<std::string> with_naming(std::string_view toml, const NamingConvention& naming,
                                       std::string& why) {
    toml::table before;
    try {
        before = toml::parse(toml);
    } catch (const toml::parse_error& e) {
        why = "it is not valid TOML: " + std::string(e.description());
        return std::nullopt;
    }
    const std::string nl = toml.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < toml.size();) {
        auto end = toml.find('\n', at);
        end = end == std::string_view::npos ? toml.size() : end + 1;
        lines.emplace_back(toml.substr(at, end - at));
        at = end;
    }
    if (!lines.empty() && lines.back().back() != '\n') lines.back() += nl;

    // Each line's table; the line of each table's header.
    std::vector<std::string> table_of(lines.size());
    std::string current;
    std::optional<std::size_t> models_header, naming_header;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (auto h = header_of(lines[i])) {
            current = *h;
            if (current == "models") models_header = i;
            if (current == "models.naming") naming_header = i;
        }
        table_of[i] = current;
    }

    std::vector<std::string> out;
    const std::string inline_line = "naming = " + naming_inline_table(naming);
    if (naming_header) {
        // [models.naming]: its kind keys replaced, its comments and anything else kept.
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (table_of[i] == "models.naming" && i != *naming_header &&
                is_kind_key(key_of(lines[i])))
                continue;
            out.push_back(lines[i]);
            if (i == *naming_header)
                for (const auto& [kind, pattern] : naming.patterns)
                    out.push_back(std::string(name_kind_key(kind)) + " = " + toml_string(pattern) +
                                  nl);
        }
    } else if (models_header) {
        std::optional<std::size_t> replace, last_key = *models_header;
        for (std::size_t i = *models_header + 1; i < lines.size() && table_of[i] == "models"; ++i) {
            std::string key = key_of(lines[i]);
            if (!key.empty()) last_key = i;
            if ((key == "naming" || key.starts_with("naming.")) && !replace) replace = i;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string key = table_of[i] == "models" ? key_of(lines[i]) : std::string();
            if (replace && i == *replace) {
                std::string comment;
                auto brace = lines[i].rfind('}');
                auto hash = lines[i].find('#', brace == std::string::npos ? 0 : brace);
                if (key == "naming" && brace != std::string::npos && hash != std::string::npos)
                    comment = "  " + trimmed(lines[i].substr(hash));
                std::string indent = lines[i].substr(0, lines[i].find_first_not_of(" \t"));
                out.push_back(indent + inline_line + comment + nl);
                continue;
            }
            if (key.starts_with("naming.")) continue;  // dotted keys: now in the one line
            out.push_back(lines[i]);
            if (!replace && i == *last_key) out.push_back(inline_line + nl);
        }
    } else {
        out = lines;
        if (!out.empty() && !trim(out.back()).empty()) out.push_back(nl);
        out.push_back("[models]" + nl);
        out.push_back(inline_line + nl);
    }

    std::string text;
    for (const auto& l : out) text += l;
    toml::table after;
    try {
        after = toml::parse(text);
    } catch (const toml::parse_error& e) {
        why = "the edited file would not parse (" + std::string(e.description()) + ")";
        return std::nullopt;
    }
    NamingConvention got;
    if (const auto* table = after["models"]["naming"].as_table())
        for (const auto& [k, v] : *table)
            if (auto kind = parse_name_kind(k.str()); kind && v.value<std::string>())
                got.patterns[*kind] = *v.value<std::string>();
    if (!(got == naming) || !(without_naming(after) == without_naming(before))) {
        why = "its layout is one this edit does not handle";
        return std::nullopt;
    }
    return text;
}

}  // namespace autogen::support
