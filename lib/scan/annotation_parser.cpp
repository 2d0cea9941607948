// Hand-written recursive-descent parser for annotation strings (annotation_parser.hpp).
#include "scan/annotation_parser.hpp"

#include <cctype>
#include <charconv>

namespace autogen::scan {

namespace {

constexpr std::string_view prefix = "autogen:";

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// Cursor over the argument text; errors are the first one found.
class Parser {
  public:
    explicit Parser(std::string_view text) : s_(text) {}

    std::optional<AnnotationError> parse(std::vector<AnnotationArg>& out) {
        skip_space();
        if (at_end()) return std::nullopt;  // no arguments at all
        for (;;) {
            skip_space();
            AnnotationArg arg;
            arg.offset = pos_;
            if (at_end() || peek() == ',')
                return fail("empty argument", "remove the extra ',' or write an argument");
            if (is_ident_start(peek())) {
                std::string ident = identifier();
                skip_space();
                if (!at_end() && peek() == '=') {
                    ++pos_;
                    skip_space();
                    arg.key = std::move(ident);
                    if (at_end() || peek() == ',')
                        return fail("expected a value after '" + arg.key + " ='",
                                    "write a string, identifier or integer, e.g. " + arg.key +
                                        " = \"...\"");
                    AnnotationValue v;
                    if (auto err = value(v)) return err;
                    arg.value = std::move(v);
                } else {
                    arg.key = std::move(ident);  // a flag
                }
            } else {
                AnnotationValue v;
                if (auto err = value(v)) return err;
                arg.value = std::move(v);
            }
            out.push_back(std::move(arg));
            skip_space();
            if (at_end()) return std::nullopt;
            if (peek() != ',')
                return fail(std::string("expected ',' between arguments, found '") + peek() + "'",
                            "separate arguments with commas: key = value, flag, \"string\"");
            ++pos_;
        }
    }

  private:
    bool at_end() const { return pos_ >= s_.size(); }
    char peek() const { return s_[pos_]; }
    void skip_space() {
        while (!at_end() && is_space(peek())) ++pos_;
    }
    AnnotationError fail_at(std::size_t at, std::string message, std::string hint) const {
        return AnnotationError{std::move(message), at, std::move(hint)};
    }
    std::optional<AnnotationError> fail(std::string message, std::string hint) const {
        return fail_at(pos_, std::move(message), std::move(hint));
    }

    std::string identifier() {
        std::size_t start = pos_;
        while (!at_end() && is_ident_char(peek())) ++pos_;
        return std::string(s_.substr(start, pos_ - start));
    }

    std::optional<AnnotationError> value(AnnotationValue& v) {
        v.offset = pos_;
        char c = peek();
        if (c == '"') {
            v.kind = AnnotationValue::Kind::String;
            // Adjacent literals concatenate, as in C: "a" "b" == "ab".
            while (!at_end() && peek() == '"') {
                if (auto err = string_literal(v.text)) return err;
                std::size_t save = pos_;
                skip_space();
                if (at_end() || peek() != '"') pos_ = save;
            }
            return std::nullopt;
        }
        if (is_ident_start(c)) {
            v.kind = AnnotationValue::Kind::Identifier;
            v.text = identifier();
            return std::nullopt;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') {
            std::size_t start = pos_;
            if (c == '-' || c == '+') ++pos_;
            while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
            if (!at_end() && is_ident_char(peek()))
                return fail_at(
                    start,
                    "malformed integer '" + std::string(s_.substr(start, pos_ + 1 - start)) + "'",
                    "integers are plain decimal digits, e.g. length = 255");
            std::string digits(s_.substr(start, pos_ - start));
            if (digits.front() == '+') digits.erase(0, 1);
            auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), v.integer);
            if (ec != std::errc() || ptr != digits.data() + digits.size())
                return fail_at(start, "malformed integer '" + digits + "'",
                               "integers are plain decimal digits, e.g. length = 255");
            v.kind = AnnotationValue::Kind::Integer;
            v.text = std::move(digits);
            return std::nullopt;
        }
        return fail(std::string("unexpected character '") + c + "'",
                    "a value is a \"string\", an identifier or an integer");
    }

    std::optional<AnnotationError> string_literal(std::string& out) {
        std::size_t start = pos_;
        ++pos_;  // opening quote
        while (!at_end() && peek() != '"') {
            char c = peek();
            ++pos_;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (at_end()) break;
            char e = peek();
            ++pos_;
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'a':
                    out += '\a';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'v':
                    out += '\v';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '"':
                    out += '"';
                    break;
                case '\'':
                    out += '\'';
                    break;
                case '?':
                    out += '?';
                    break;
                case 'x': {
                    int value = 0, n = 0;
                    while (!at_end() && std::isxdigit(static_cast<unsigned char>(peek()))) {
                        char h = peek();
                        value = value * 16 + (std::isdigit(static_cast<unsigned char>(h))
                                                  ? h - '0'
                                                  : (std::tolower(h) - 'a' + 10));
                        ++pos_;
                        ++n;
                    }
                    if (n == 0)
                        return fail_at(pos_ - 2, "\\x without hex digits in string literal",
                                       "write \\x41 or remove the backslash");
                    out += static_cast<char>(value & 0xff);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && !at_end() && peek() >= '0' && peek() <= '7';
                             ++n, ++pos_)
                            value = value * 8 + (peek() - '0');
                        out += static_cast<char>(value & 0xff);
                    } else {
                        return fail_at(
                            pos_ - 2, std::string("unknown escape sequence '\\") + e + "'",
                            "use one of \\n \\t \\\\ \\\" \\xHH, or double the backslash");
                    }
            }
        }
        if (at_end())
            return fail_at(start, "unterminated string literal", "close the string with '\"'");
        ++pos_;  // closing quote
        return std::nullopt;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace

bool is_autogen_annotation(std::string_view text) {
    return text.substr(0, prefix.size()) == prefix;
}

AnnotationParse parse_annotation(std::string_view text) {
    AnnotationParse result;
    std::string_view rest = text.substr(std::min(prefix.size(), text.size()));
    std::size_t k = 0;
    while (k < rest.size() && is_ident_char(rest[k])) ++k;
    result.kind = std::string(rest.substr(0, k));
    Annotation a;
    a.kind = result.kind;
    // The macro puts exactly one space between the kind and the arguments.
    std::string_view args = rest.substr(k);
    if (!args.empty() && args.front() == ' ') args.remove_prefix(1);
    a.arg_text = std::string(args);
    result.arg_text = a.arg_text;
    if (result.kind.empty()) {
        result.error = AnnotationError{
            "annotation has no kind", 0,
            "write \"autogen:<kind> ...\" or use the macros of <autogen/model.hpp>"};
        return result;
    }
    if (auto err = Parser(a.arg_text).parse(a.args)) {
        result.error = std::move(err);
        return result;
    }
    result.annotation = std::move(a);
    return result;
}

const char* describe(AnnotationValue::Kind kind) {
    switch (kind) {
        case AnnotationValue::Kind::String:
            return "a string";
        case AnnotationValue::Kind::Identifier:
            return "an identifier";
        case AnnotationValue::Kind::Integer:
            return "an integer";
    }
    return "a value";
}

}  // namespace autogen::scan
