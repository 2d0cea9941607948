// table_uses(): a small lexer over the text around each AUTOGEN_TABLE token; the
// arguments go through the annotation grammar the scanner uses (annotation_parser.hpp).
#include "scan/declared_tables.hpp"

#include <cctype>

#include "scan/annotation_parser.hpp"
#include "scan/table_builder.hpp"
#include "scan/vocabulary.hpp"

namespace autogen::scan {

namespace {

constexpr std::string_view kMacro = "AUTOGEN_TABLE";

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Index just past the parenthesised group opening at `open` (text[open] == '('),
/// skipping string and character literals; npos when it is not closed.
std::size_t skip_group(const std::string& text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"' || c == '\'') {
            for (++i; i < text.size() && text[i] != c; ++i)
                if (text[i] == '\\') ++i;
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i + 1;
    }
    return std::string::npos;
}

std::size_t skip_space(const std::string& text, std::size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i;
}

/// The struct's name after the AUTOGEN_TABLE(...) group ending at `i`: other
/// annotation macros (`NAME(...)`) and attributes (`[[...]]`) are skipped.
std::string struct_name_after(const std::string& text, std::size_t i) {
    while (true) {
        i = skip_space(text, i);
        if (text.compare(i, 2, "[[") == 0) {
            auto close = text.find("]]", i);
            if (close == std::string::npos) return {};
            i = close + 2;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && ident_char(text[i])) ++i;
        if (i == start) return {};
        std::size_t after = skip_space(text, i);
        if (after < text.size() && text[after] == '(') {
            i = skip_group(text, after);
            if (i == std::string::npos) return {};
            continue;
        }
        return text.substr(start, i - start);
    }
}

/// `text` with every comment's characters replaced by spaces (newlines kept, so offsets,
/// lines and columns stay those of the file): a commented-out model declares nothing.
std::string without_comments(const std::string& text) {
    std::string out = text;
    for (std::size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        if (c == '"' || c == '\'') {
            for (++i; i < out.size() && out[i] != c && out[i] != '\n'; ++i)
                if (out[i] == '\\') ++i;
        } else if (out.compare(i, 2, "//") == 0) {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
        } else if (out.compare(i, 2, "/*") == 0) {
            std::size_t end = out.find("*/", i + 2);
            end = end == std::string::npos ? out.size() : end + 2;
            for (; i < end; ++i)
                if (out[i] != '\n') out[i] = ' ';
            --i;
        }
    }
    return out;
}

bool on_directive_line(const std::string& text, std::size_t at) {
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::size_t first = text.find_first_not_of(" \t", line_start);
    return first != std::string::npos && first < at && text[first] == '#';
}

}  // namespace

std::vector<TableUse> table_uses(const std::string& file_text) {
    const std::string text = without_comments(file_text);
    std::vector<TableUse> out;
    unsigned line = 1;
    std::size_t line_start = 0, counted = 0;
    for (std::size_t at = text.find(kMacro); at != std::string::npos;
         at = text.find(kMacro, at + kMacro.size())) {
        bool whole_word =
            (at == 0 || !ident_char(text[at - 1])) &&
            (at + kMacro.size() >= text.size() || !ident_char(text[at + kMacro.size()]));
        std::size_t open = skip_space(text, at + kMacro.size());
        if (!whole_word || open >= text.size() || text[open] != '(' || on_directive_line(text, at))
            continue;
        for (; counted < at; ++counted) {
            if (text[counted] == '\n') {
                ++line;
                line_start = counted + 1;
            }
        }
        TableUse use;
        use.offset = at;
        use.line = line;
        use.column = static_cast<unsigned>(at - line_start + 1);
        std::size_t close = skip_group(text, open);
        if (close != std::string::npos) {
            auto parsed =
                parse_annotation("autogen:table " + text.substr(open + 1, close - open - 2));
            if (parsed.annotation) {
                const auto* name = positional(*parsed.annotation, 0);
                if (name && name->kind == AnnotationValue::Kind::String) use.name = name->text;
                if (const auto* schema = find_arg(*parsed.annotation, "schema");
                    schema && schema->value)
                    use.schema = schema->value->text;
            }
            if (use.name.empty()) {
                std::string struct_name = struct_name_after(text, close);
                if (!struct_name.empty()) use.name = snake_case(struct_name);
            }
        }
        out.push_back(std::move(use));
    }
    return out;
}

}  // namespace autogen::scan
