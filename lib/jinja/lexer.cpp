// Tokenizer mirroring jinja2/lexer.py's rules: the root scan for the earliest tag, the
// strip markers, lstrip_blocks' "only whitespace since the line start" test (with its
// line_starting subtlety), trim_blocks' one newline after %} and #}, and inside tags the
// rule order end-tag, whitespace, float, int, name, string, operator, with brace
// balancing so that `}}` inside a dict literal does not end the tag.
#include "jinja/lexer.hpp"

#include <algorithm>

#include "jinja/value.hpp"

namespace autogen::codegen::jinja {

std::string normalize_source(const std::string& source, bool keep_trailing_newline) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\r') {
            out += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            out += source[i];
        }
    }
    if (!keep_trailing_newline && !out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

class Lexer {
  public:
    Lexer(const std::string& src, const std::string& name, const Options& opt)
        : s_(src), name_(name), opt_(opt) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < s_.size(); ++i)
            if (s_[i] == '\n') line_starts_.push_back(i + 1);
    }

    std::vector<Token> run() {
        bool line_starting = true;
        std::size_t pos = 0;
        const std::size_t n = s_.size();
        while (pos < n) {
            std::size_t idx = find_tag(pos);
            if (idx == std::string::npos) {
                emit(Tok::Data, s_.substr(pos), pos);
                break;
            }
            char kind = s_[idx + 1];
            std::size_t p = idx + 2;
            char sign = 0;
            if (p < n && (s_[p] == '-' || s_[p] == '+')) sign = s_[p++];
            std::size_t raw_end = kind == '%' ? match_raw_begin(idx) : std::string::npos;
            std::string text = s_.substr(pos, idx - pos);
            strip_before(text, sign, kind != '{', line_starting);
            if (!text.empty()) emit(Tok::Data, text, pos);

            if (raw_end != std::string::npos) {
                line_starting = s_[raw_end - 1] == '\n';
                pos = lex_raw(raw_end, line_starting);
            } else if (kind == '#') {
                pos = lex_comment(p, idx, line_starting);
            } else {
                // the begin token; the sign belongs to it
                emit(kind == '{' ? Tok::VarBegin : Tok::BlockBegin, s_.substr(idx, p - idx), idx);
                pos = lex_tag(p, kind, line_starting);
            }
        }
        tokens_.push_back(Token{Tok::Eof, "", at(n)});
        return std::move(tokens_);
    }

  private:
    Pos at(std::size_t offset) const {
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
        return Pos{static_cast<unsigned>(line),
                   static_cast<unsigned>(offset - line_starts_[line - 1] + 1)};
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
        throw TemplateError(name_, at(offset), message);
    }

    void emit(Tok t, std::string text, std::size_t offset) {
        tokens_.push_back(Token{t, std::move(text), at(offset)});
    }

    std::size_t find_tag(std::size_t from) const {
        for (std::size_t i = from; i + 1 < s_.size(); ++i)
            if (s_[i] == '{' && (s_[i + 1] == '{' || s_[i + 1] == '%' || s_[i + 1] == '#'))
                return i;
        return std::string::npos;
    }

    std::size_t skip_ws(std::size_t i) const {
        while (i < s_.size() && is_space(s_[i])) ++i;
        return i;
    }

    /// `{%[-+]?\s*raw\s*(-%}\s*|%})` at idx: the offset after it, or npos.
    std::size_t match_raw_begin(std::size_t idx) const {
        std::size_t i = idx + 2;
        if (i < s_.size() && (s_[i] == '-' || s_[i] == '+')) ++i;
        i = skip_ws(i);
        if (s_.compare(i, 3, "raw") != 0) return std::string::npos;
        i = skip_ws(i + 3);
        if (s_.compare(i, 3, "-%}") == 0) return skip_ws(i + 3);
        if (s_.compare(i, 2, "%}") == 0) return i + 2;
        return std::string::npos;
    }

    /// The whitespace control before a tag: `-` strips all whitespace, lstrip_blocks
    /// strips spaces between the line start and a block or comment tag.
    void strip_before(std::string& text, char sign, bool block_like, bool line_starting) const {
        if (sign == '-') {
            std::size_t e = text.size();
            while (e > 0 && is_space(text[e - 1])) --e;
            text.resize(e);
        } else if (sign != '+' && opt_.lstrip_blocks && block_like) {
            std::size_t nl = text.rfind('\n');
            std::size_t l_pos = nl == std::string::npos ? 0 : nl + 1;
            if (l_pos > 0 || line_starting) {
                bool all_ws = l_pos < text.size();
                for (std::size_t i = l_pos; i < text.size(); ++i)
                    if (!is_space(text[i])) all_ws = false;
                if (all_ws) text.resize(l_pos);
            }
        }
    }

    /// The end of a block or comment tag at i (`+%}`, `-%}\s*`, `%}\n?`): offset after, or npos.
    std::size_t match_block_end(std::size_t i, char closer) const {
        auto is = [&](std::size_t k, char a, char b) {
            return k + 1 < s_.size() && s_[k] == a && s_[k + 1] == b;
        };
        if (i < s_.size() && s_[i] == '+' && is(i + 1, closer, '}')) return i + 3;
        if (i < s_.size() && s_[i] == '-' && is(i + 1, closer, '}')) return skip_ws(i + 3);
        if (is(i, closer, '}')) {
            std::size_t e = i + 2;
            if (opt_.trim_blocks && e < s_.size() && s_[e] == '\n') ++e;
            return e;
        }
        return std::string::npos;
    }

    std::size_t lex_raw(std::size_t from, bool& line_starting) {
        for (std::size_t k = from; k + 1 < s_.size(); ++k) {
            if (s_[k] != '{' || s_[k + 1] != '%') continue;
            std::size_t i = k + 2;
            char sign = 0;
            if (i < s_.size() && (s_[i] == '-' || s_[i] == '+')) sign = s_[i++];
            i = skip_ws(i);
            if (s_.compare(i, 6, "endraw") != 0) continue;
            i = skip_ws(i + 6);
            std::size_t end = match_block_end(i, '%');
            if (end == std::string::npos) continue;
            std::string text = s_.substr(from, k - from);
            strip_before(text, sign, true, line_starting);
            if (!text.empty()) emit(Tok::Data, text, from);
            line_starting = s_[end - 1] == '\n';
            return end;
        }
        fail(from, "Missing end of raw directive");
    }

    std::size_t lex_comment(std::size_t from, std::size_t begin, bool& line_starting) {
        for (std::size_t k = from; k < s_.size(); ++k) {
            std::size_t end = match_block_end(k, '#');
            if (end != std::string::npos) {
                line_starting = s_[end - 1] == '\n';
                return end;
            }
        }
        fail(begin, "Missing end of comment tag");
    }

    std::size_t lex_tag(std::size_t i, char kind, bool& line_starting) {
        std::vector<char> balance;
        const std::size_t n = s_.size();
        while (i < n) {
            if (balance.empty()) {
                std::size_t end = std::string::npos;
                if (kind == '%') {
                    end = match_block_end(i, '%');
                } else if (s_.compare(i, 3, "-}}") == 0) {
                    end = skip_ws(i + 3);
                } else if (s_.compare(i, 2, "}}") == 0) {
                    end = i + 2;
                }
                if (end != std::string::npos) {
                    emit(kind == '%' ? Tok::BlockEnd : Tok::VarEnd, s_.substr(i, end - i), i);
                    line_starting = s_[end - 1] == '\n';
                    return end;
                }
            }
            char c = s_[i];
            if (is_space(c)) {
                i = skip_ws(i);
                continue;
            }
            if (std::size_t e = match_float(i); e != 0) {
                emit(Tok::Float, s_.substr(i, e - i), i);
                i = e;
            } else if (std::size_t e2 = match_int(i); e2 != 0) {
                emit(Tok::Int, s_.substr(i, e2 - i), i);
                i = e2;
            } else if (is_name_start(c)) {
                std::size_t e3 = i;
                while (e3 < n && is_name_char(s_[e3])) ++e3;
                emit(Tok::Name, s_.substr(i, e3 - i), i);
                i = e3;
            } else if (c == '\'' || c == '"') {
                i = lex_string(i);
            } else {
                i = lex_operator(i, balance);
            }
        }
        return n;  // the parser reports the unexpected end
    }

    std::size_t digits(std::size_t i) const {
        if (i >= s_.size() || !is_digit(s_[i])) return 0;
        while (i < s_.size() && is_digit(s_[i])) ++i;
        while (i + 1 < s_.size() && s_[i] == '_' && is_digit(s_[i + 1])) {
            ++i;
            while (i < s_.size() && is_digit(s_[i])) ++i;
        }
        return i;
    }

    std::size_t match_float(std::size_t i) const {
        if (i > 0 && s_[i - 1] == '.') return 0;
        std::size_t j = digits(i);
        if (j == 0) return 0;
        std::size_t frac = 0;
        if (j < s_.size() && s_[j] == '.') frac = digits(j + 1);
        std::size_t f = frac != 0 ? frac : j;
        if (f < s_.size() && (s_[f] == 'e' || s_[f] == 'E')) {
            std::size_t e = f + 1;
            if (e < s_.size() && (s_[e] == '+' || s_[e] == '-')) ++e;
            if (std::size_t x = digits(e); x != 0) return x;
        }
        return frac;
    }

    std::size_t match_int(std::size_t i) const {
        const std::size_t n = s_.size();
        if (i >= n || !is_digit(s_[i])) return 0;
        if (s_[i] == '0' && i + 1 < n) {
            char p = static_cast<char>(s_[i + 1] | 0x20);
            auto ok = [&](char c) {
                c = static_cast<char>(c | 0x20);
                if (p == 'b') return c == '0' || c == '1';
                if (p == 'o') return c >= '0' && c <= '7';
                return is_digit(c) || (c >= 'a' && c <= 'f');
            };
            if (p == 'b' || p == 'o' || p == 'x') {
                std::size_t j = i + 2, last = 0;
                while (j < n) {
                    if (s_[j] == '_' && j + 1 < n && ok(s_[j + 1]))
                        j += 2;
                    else if (ok(s_[j]))
                        ++j;
                    else
                        break;
                    last = j;
                }
                if (last != 0) return last;
            }
        }
        std::size_t j = i + 1;
        bool zero = s_[i] == '0';
        while (j < n) {
            std::size_t k = j;
            if (s_[k] == '_') ++k;
            if (k < n && is_digit(s_[k]) && (!zero || s_[k] == '0'))
                j = k + 1;
            else
                break;
        }
        return j;
    }

    std::size_t lex_string(std::size_t i) {
        char q = s_[i];
        std::size_t j = i + 1;
        while (j < s_.size() && s_[j] != q) j += s_[j] == '\\' ? 2 : 1;
        if (j >= s_.size()) fail(i, std::string("unexpected char '") + q + "'");
        emit(Tok::String, unescape(s_.substr(i + 1, j - i - 1)), i);
        return j + 1;
    }

    static std::string unescape(const std::string& body);

    std::size_t lex_operator(std::size_t i, std::vector<char>& balance) {
        static const char* const ops[] = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/",
                                          "*",  "%",  "~",  "[",  "]",  "(",  ")", "{", "}",
                                          ">",  "<",  "=",  ".",  ":",  "|",  ",", ";"};
        for (const char* op : ops) {
            std::string o(op);
            if (s_.compare(i, o.size(), o) != 0) continue;
            char c = o[0];
            if (o.size() == 1 && (c == '{' || c == '(' || c == '[')) {
                balance.push_back(c == '{' ? '}' : c == '(' ? ')' : ']');
            } else if (o.size() == 1 && (c == '}' || c == ')' || c == ']')) {
                if (balance.empty()) fail(i, std::string("unexpected '") + c + "'");
                if (balance.back() != c)
                    fail(i,
                         std::string("unexpected '") + c + "', expected '" + balance.back() + "'");
                balance.pop_back();
            }
            emit(Tok::Op, o, i);
            return i + o.size();
        }
        fail(i, std::string("unexpected char '") + s_[i] + "'");
    }

    const std::string& s_;
    const std::string& name_;
    const Options& opt_;
    std::vector<std::size_t> line_starts_;
    std::vector<Token> tokens_;
};

void append_utf8(std::string& out, unsigned long cp) {
    out += utf8_encode(std::u32string(1, static_cast<char32_t>(cp)));
}

// Python's "unicode-escape" decoding, which Jinja applies to string literals.
std::string Lexer::unescape(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        char e = body[++i];
        auto hex = [&](std::size_t count) -> bool {
            unsigned long v = 0;
            for (std::size_t k = 1; k <= count; ++k) {
                if (i + k >= body.size()) return false;
                char h = body[i + k];
                int d = is_digit(h)                              ? h - '0'
                        : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10
                                                                 : -1;
                if (d < 0) return false;
                v = v * 16 + static_cast<unsigned long>(d);
            }
            append_utf8(out, v);
            i += count;
            return true;
        };
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
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case '\n':
                break;
            case 'x':
                if (!hex(2)) {
                    out += "\\x";
                }
                break;
            case 'u':
                if (!hex(4)) {
                    out += "\\u";
                }
                break;
            case 'U':
                if (!hex(8)) {
                    out += "\\U";
                }
                break;
            default:
                if (e >= '0' && e <= '7') {
                    unsigned long v = static_cast<unsigned long>(e - '0');
                    for (int k = 0;
                         k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
                         ++k)
                        v = v * 8 + static_cast<unsigned long>(body[++i] - '0');
                    append_utf8(out, v);
                } else {
                    out += '\\';
                    out += e;
                }
        }
    }
    return out;
}

}  // namespace

std::vector<Token> tokenize(const std::string& source, const std::string& name,
                            const Options& options) {
    std::string normalized = normalize_source(source, options.keep_trailing_newline);
    return Lexer(normalized, name, options).run();
}

}  // namespace autogen::codegen::jinja
