// C++ spellings of SQL names for `autogen pull` (cpp_names.hpp).
#include "codegen/cpp_names.hpp"

#include <cctype>

namespace autogen::codegen {

namespace {

// C++20 keywords and alternative tokens ([lex.key], [lex.digraph]), plus names a field
// must not take in a generated struct.
constexpr std::string_view kReserved[] = {
    "alignas",
    "alignof",
    "and",
    "and_eq",
    "asm",
    "auto",
    "bitand",
    "bitor",
    "bool",
    "break",
    "case",
    "catch",
    "char",
    "char8_t",
    "char16_t",
    "char32_t",
    "class",
    "compl",
    "concept",
    "const",
    "consteval",
    "constexpr",
    "constinit",
    "const_cast",
    "continue",
    "co_await",
    "co_return",
    "co_yield",
    "decltype",
    "default",
    "delete",
    "do",
    "double",
    "dynamic_cast",
    "else",
    "enum",
    "explicit",
    "export",
    "extern",
    "false",
    "float",
    "for",
    "friend",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "not_eq",
    "nullptr",
    "operator",
    "or",
    "or_eq",
    "private",
    "protected",
    "public",
    "register",
    "reinterpret_cast",
    "requires",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "struct",
    "switch",
    "template",
    "this",
    "thread_local",
    "throw",
    "true",
    "try",
    "typedef",
    "typeid",
    "typename",
    "union",
    "unsigned",
    "using",
    "virtual",
    "void",
    "volatile",
    "wchar_t",
    "while",
    "xor",
    "xor_eq",
    "std",
    "final",
    "override",
    "import",
    "module",
    "AUTOGEN_TABLE",
    "AUTOGEN_COLUMN",
};

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ident_char(char c) { return ascii_alpha(c) || ascii_digit(c) || c == '_'; }

bool reserved(std::string_view name) {
    for (auto k : kReserved)
        if (k == name) return true;
    // Identifiers with a double underscore or '_' + capital are the implementation's.
    if (name.find("__") != std::string_view::npos) return true;
    return name.size() > 1 && name[0] == '_' && name[1] >= 'A' && name[1] <= 'Z';
}

/// `name` with each invalid character (a whole UTF-8 sequence counting once) as '_'.
std::string replace_invalid(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80) {
            while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80)
                ++i;
            out += '_';
        } else {
            out += ident_char(name[i]) ? name[i] : '_';
        }
    }
    return out;
}

}  // namespace

bool is_plain_cpp_identifier(std::string_view name) {
    if (name.empty() || ascii_digit(name.front())) return false;
    for (char c : name)
        if (!ident_char(c)) return false;
    return !reserved(name);
}

std::string cpp_identifier(std::string_view name, std::string_view prefix,
                           std::string_view fallback) {
    if (is_plain_cpp_identifier(name)) return std::string(name);
    std::string out = replace_invalid(name);
    // Runs of '_' (several invalid characters, or "__" which is reserved) become one.
    std::string squeezed;
    for (char c : out)
        if (!(c == '_' && !squeezed.empty() && squeezed.back() == '_')) squeezed += c;
    out = squeezed;
    while (out.size() > 1 && out.front() == '_' && !ascii_alpha(out[1]) && !ascii_digit(out[1]))
        out.erase(0, 1);
    if (out.empty() || out == "_") return std::string(fallback);
    if (out.size() > 1 && out[0] == '_' && out[1] >= 'A' && out[1] <= 'Z') out.erase(0, 1);
    if (ascii_digit(out.front())) out = std::string(prefix) + out;
    if (reserved(out)) out += '_';
    return is_plain_cpp_identifier(out) ? out : std::string(fallback);
}

std::string pascal_case_identifier(std::string_view name) {
    std::string words = replace_invalid(name);
    std::string out;
    bool start = true;
    for (char c : words) {
        if (c == '_') {
            start = true;
            continue;
        }
        out += start && ascii_alpha(c) ? static_cast<char>(std::toupper(c)) : c;
        start = false;
    }
    if (out.empty()) return "Table";
    if (ascii_digit(out.front())) out = "T" + out;
    if (reserved(out)) out += '_';
    return out;
}

std::string unique_name(const std::string& base, std::set<std::string>& used) {
    std::string name = base;
    for (int n = 2; used.count(name); ++n) name = base + "_" + std::to_string(n);
    used.insert(name);
    return name;
}

std::string c_string_literal(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7f) {
            static const char* digits = "01234567";
            out += '\\';
            out += digits[(c >> 6) & 7];
            out += digits[(c >> 3) & 7];
            out += digits[c & 7];
        } else if (ch == '?') {
            out += "\\?";  // never a trigraph, whatever the compiler's mode
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string file_stem(std::string_view name) {
    std::string out = replace_invalid(name);
    return out.empty() ? "_" : out;
}

}  // namespace autogen::codegen
