// String filters (default, upper, lower, trim, replace, indent, title, format, tojson,
// wordwrap, truncate ...) and the filter table itself.
#include "jinja/filters.hpp"

#include <cmath>
#include <cstdio>

#include "jinja/text.hpp"

namespace autogen::codegen::jinja {

namespace {

std::string str_of(const Val& v) { return to_str(v); }

Val f_default(Renderer&, const Val& in, CallArgs& a) {
    auto dflt = a.take(0, "default_value");
    auto boolean = a.take(1, "boolean");
    a.expect_no_more(2, "default");
    Val d = dflt ? *dflt : Val(Json(""));
    if (in.is_undefined() || (boolean && truthy(*boolean) && !truthy(in))) return d;
    return in;
}

Val f_upper(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "upper");
    return Val(Json(text::to_upper(str_of(in))));
}

Val f_lower(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "lower");
    return Val(Json(text::to_lower(str_of(in))));
}

Val f_capitalize(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "capitalize");
    return Val(Json(text::capitalize(str_of(in))));
}

Val f_title(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "title");
    // Jinja splits on runs of [-\s({[<] and capitalizes each piece
    std::u32string s = utf8_decode(str_of(in)), out;
    auto is_sep = [](char32_t c) {
        return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || text::is_space(c);
    };
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        bool sep = is_sep(s[i]);
        while (j < s.size() && is_sep(s[j]) == sep) ++j;
        // each piece (word or separator run): first character upper, the rest lower
        out += utf8_decode(text::to_upper(utf8_encode(s.substr(i, 1))) +
                           text::to_lower(utf8_encode(s.substr(i + 1, j - i - 1))));
        i = j;
    }
    return Val(Json(utf8_encode(out)));
}

Val f_trim(Renderer&, const Val& in, CallArgs& a) {
    auto chars = a.take(0, "chars");
    a.expect_no_more(1, "trim");
    std::string c;
    bool has = chars && !chars->is_none();
    if (has) c = str_of(*chars);
    return Val(Json(text::strip(str_of(in), true, true, has ? &c : nullptr)));
}

Val f_replace(Renderer&, const Val& in, CallArgs& a) {
    auto old = a.take(0, "old");
    auto repl = a.take(1, "new");
    auto count = a.take(2, "count");
    a.expect_no_more(3, "replace");
    if (!old || !repl) throw ValueError("replace() missing required arguments");
    std::int64_t n = count && !count->is_none() ? as_int(*count) : -1;
    return Val(Json(text::replace(str_of(in), str_of(*old), str_of(*repl), n)));
}

Val f_string(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "string");
    return Val(Json(str_of(in)));
}

Val f_indent(Renderer&, const Val& in, CallArgs& a) {
    auto width = a.take(0, "width");
    auto first = a.take(1, "first");
    auto blank = a.take(2, "blank");
    a.expect_no_more(3, "indent");
    std::string ind =
        !width ? "    "
        : width->is_string()
            ? width->json.get<std::string>()
            : std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, as_int(*width))), ' ');
    // Jinja appends "\n" to the value itself, which only works for strings
    in.require_defined();
    if (!in.is_string())
        throw ValueError("unsupported operand type(s) for +=: '" + type_name(in) + "' and 'str'");
    std::string s = str_of(in) + "\n";
    std::vector<std::string> lines = splitlines(s);
    std::string rv;
    if (blank && truthy(*blank)) {
        for (std::size_t i = 0; i < lines.size(); ++i) rv += (i ? "\n" + ind : "") + lines[i];
    } else {
        rv = lines.empty() ? "" : lines[0];
        for (std::size_t i = 1; i < lines.size(); ++i)
            rv += "\n" + (lines[i].empty() ? "" : ind + lines[i]);
    }
    if (first && truthy(*first)) rv = ind + rv;
    return Val(Json(rv));
}

Val f_center(Renderer&, const Val& in, CallArgs& a) {
    auto width = a.take(0, "width");
    a.expect_no_more(1, "center");
    std::int64_t w = width ? as_int(*width) : 80;
    std::string s = str_of(in);
    auto len = static_cast<std::int64_t>(utf8_length(s));
    if (w <= len) return Val(Json(s));
    std::int64_t marg = w - len;
    std::int64_t left = marg / 2 + (marg & w & 1);
    return Val(Json(std::string(static_cast<std::size_t>(left), ' ') + s +
                    std::string(static_cast<std::size_t>(marg - left), ' ')));
}

Val f_int(Renderer&, const Val& in, CallArgs& a) {
    auto dflt = a.take(0, "default");
    auto base = a.take(1, "base");
    a.expect_no_more(2, "int");
    Val d = dflt ? *dflt : Val(Json(0));
    if (in.is_int()) return Val(Json(as_int(in)));
    if (in.is_float()) {
        double x = in.json.get<double>();
        if (std::isnan(x) || std::isinf(x)) return d;
        return Val(Json(truncate_to_int(x)));
    }
    if (in.is_string()) {
        std::string s = text::strip(in.json.get<std::string>(), true, true);
        std::string digits;
        for (char c : s)
            if (c != '_') digits += c;
        int b = base ? static_cast<int>(as_int(*base)) : 10;
        try {
            std::size_t used = 0;
            long long v = std::stoll(digits, &used, b);
            if (used == digits.size() && !digits.empty() && s.find("__") == std::string::npos)
                return Val(Json(static_cast<std::int64_t>(v)));
        } catch (const std::exception&) {
        }
        try {
            std::size_t used = 0;
            double v = std::stod(s, &used);
            if (used == s.size() && !std::isinf(v) && !std::isnan(v))
                return Val(Json(truncate_to_int(v)));
        } catch (const std::exception&) {
        }
        return d;
    }
    return d;
}

Val f_float(Renderer&, const Val& in, CallArgs& a) {
    auto dflt = a.take(0, "default");
    a.expect_no_more(1, "float");
    Val d = dflt ? *dflt : Val(Json(0.0));
    if (in.is_number()) return Val(Json(as_double(in)));
    if (in.is_string()) {
        std::string s = text::strip(in.json.get<std::string>(), true, true);
        try {
            std::size_t used = 0;
            double v = std::stod(s, &used);
            if (used == s.size()) return Val(Json(v));
        } catch (const std::exception&) {
        }
    }
    return d;
}

Val f_abs(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "abs");
    if (in.is_float()) return Val(Json(std::fabs(in.json.get<double>())));
    std::int64_t v = as_int(in);
    return v < 0 ? arithmetic("-", Val(Json(0)), Val(Json(v))) : Val(Json(v));
}

Val f_round(Renderer&, const Val& in, CallArgs& a) {
    auto precision = a.take(0, "precision");
    auto method = a.take(1, "method");
    a.expect_no_more(2, "round");
    std::int64_t p = precision ? as_int(*precision) : 0;
    std::string m = method ? str_of(*method) : "common";
    if (m != "common" && m != "ceil" && m != "floor")
        throw ValueError("method must be common, ceil or floor");
    if (in.is_int() && m == "common") return Val(Json(as_int(in)));  // round(int, n) stays an int
    double x = as_double(in);
    if (m == "common") {
        if (p < 0 || p > 30) throw ValueError("round precision outside 0..30 is not supported");
        // printf rounds the exact binary value, ties to even: what Python's round() does
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(p), x);
        return Val(Json(std::strtod(buf, nullptr)));
    }
    double scale = std::pow(10.0, static_cast<double>(p));
    double r = m == "ceil" ? std::ceil(x * scale) : std::floor(x * scale);
    return Val(Json(r / scale));
}

Val f_format(Renderer&, const Val& in, CallArgs& a) {
    Val args;
    if (!a.keyword.empty()) {
        if (!a.positional.empty())
            throw ValueError("can't handle positional and keyword arguments at the same time");
        Json d = Json::object();
        for (const auto& [k, v] : a.keyword) d[k] = Renderer::to_json(v);
        args = Val(d);
    } else {
        Json l = Json::array();
        for (const auto& v : a.positional) l.push_back(Renderer::to_json(v));
        args = Val(l);
    }
    return Val(Json(percent_format(str_of(in), args)));
}

Val f_tojson(Renderer&, const Val& in, CallArgs& a) {
    auto indent = a.take(0, "indent");
    a.expect_no_more(1, "tojson");
    int ind = indent && !indent->is_none() ? static_cast<int>(as_int(*indent)) : -1;
    return Val(Json(to_json_text(Renderer::to_json(in), ind)));
}

Val f_escape(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "escape");
    std::string out;
    for (char c : str_of(in)) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&#34;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return Val(Json(out));
}

Val f_safe(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "safe");
    return in;
}

Val f_truncate(Renderer&, const Val& in, CallArgs& a) {
    auto length = a.take(0, "length");
    auto killwords = a.take(1, "killwords");
    auto end = a.take(2, "end");
    auto leeway = a.take(3, "leeway");
    a.expect_no_more(4, "truncate");
    std::u32string s = utf8_decode(str_of(in));
    std::int64_t len = length ? as_int(*length) : 255;
    std::u32string e = utf8_decode(end ? str_of(*end) : "...");
    std::int64_t lw = leeway && !leeway->is_none() ? as_int(*leeway) : 5;
    if (len < static_cast<std::int64_t>(e.size()))
        throw ValueError("expected length >= " + std::to_string(e.size()) + ", got " +
                         std::to_string(len));
    if (lw < 0) throw ValueError("expected leeway >= 0, got " + std::to_string(lw));
    if (static_cast<std::int64_t>(s.size()) <= len + lw) return Val(Json(utf8_encode(s)));
    std::u32string head =
        s.substr(0, static_cast<std::size_t>(len - static_cast<std::int64_t>(e.size())));
    if (killwords && truthy(*killwords)) return Val(Json(utf8_encode(head + e)));
    auto sp = head.rfind(U' ');
    if (sp != std::u32string::npos) head = head.substr(0, sp);
    return Val(Json(utf8_encode(head + e)));
}

Val f_wordcount(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "wordcount");
    std::int64_t n = 0;
    bool in_word = false;
    for (char32_t c : utf8_decode(str_of(in))) {
        bool w = c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z') || c >= 0xC0;
        if (w && !in_word) ++n;
        in_word = w;
    }
    return Val(Json(n));
}

Val f_wordwrap(Renderer&, const Val& in, CallArgs& a);

}  // namespace

std::vector<std::string> splitlines(const std::string& s) {
    std::vector<std::string> out;
    std::u32string u = utf8_decode(s), cur;
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1C || c == 0x1D ||
            c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029) {
            if (c == '\r' && i + 1 < u.size() && u[i + 1] == '\n') ++i;
            out.push_back(utf8_encode(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(utf8_encode(cur));
    return out;
}

namespace {

// textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False,
// break_long_words, break_on_hyphens): the line is cut into chunks by textwrap's
// wordsep_re (whitespace runs, words, hyphenated word parts, em-dashes), then chunks
// fill lines; lines drop leading whitespace chunks (except the first line's) and
// trailing whitespace; a too-long word is cut, after its last hyphen if it can.
bool tw_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool tw_word(char32_t c) {
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '_';
    return c >= 0xAA && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
           !(c >= 0xA0 && c <= 0xBF);
}
bool tw_letter(char32_t c) { return tw_word(c) && !(c >= '0' && c <= '9'); }
bool tw_punct(char32_t c) {
    return tw_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' ||
           c == '?';
}

std::vector<std::u32string> wordsep_chunks(const std::u32string& t, bool hyphens) {
    auto at = [&](std::size_t i) -> char32_t { return i < t.size() ? t[i] : 0; };
    // -{2,}(?=\w) at i: its length, or 0
    auto em_dash = [&](std::size_t i) -> std::size_t {
        std::size_t k = i;
        while (k < t.size() && t[k] == '-') ++k;
        return k - i >= 2 && tw_word(at(k)) ? k - i : 0;
    };
    std::vector<std::u32string> chunks;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t j = i;
        if (tw_space(t[i])) {
            while (j < t.size() && tw_space(t[j])) ++j;
        } else if (!hyphens) {
            while (j < t.size() && !tw_space(t[j])) ++j;
        } else if (std::size_t d = i > 0 && tw_punct(t[i - 1]) ? em_dash(i) : 0; d != 0) {
            j = i + d;
        } else {
            for (j = i + 1;; ++j) {
                if (j >= t.size() || tw_space(t[j])) break;  // end of word
                if (t[j] == '-') {
                    bool behind =
                        (j >= 2 && tw_letter(t[j - 2]) && tw_letter(t[j - 1])) ||
                        (j >= 3 && tw_letter(t[j - 3]) && t[j - 2] == '-' && tw_letter(t[j - 1]));
                    bool ahead =
                        tw_letter(at(j + 1)) &&
                        (tw_letter(at(j + 2)) || (at(j + 2) == '-' && tw_letter(at(j + 3))));
                    if (behind && ahead) {
                        ++j;  // hyphenated word: the hyphen stays with the first part
                        break;
                    }
                }
                if (tw_punct(t[j - 1]) && em_dash(j) != 0) break;
            }
        }
        chunks.push_back(t.substr(i, j - i));
        i = j;
    }
    return chunks;
}

std::vector<std::u32string> wrap_line(const std::u32string& line, std::size_t width,
                                      bool break_long, bool hyphens) {
    std::vector<std::u32string> chunks = wordsep_chunks(line, hyphens);
    std::reverse(chunks.begin(), chunks.end());
    std::vector<std::u32string> lines;
    auto is_ws = [](const std::u32string& c) {
        for (char32_t ch : c)
            if (!text::is_space(ch)) return false;
        return true;
    };
    while (!chunks.empty()) {
        std::vector<std::u32string> cur;
        std::size_t cur_len = 0;
        if (!lines.empty() && is_ws(chunks.back())) chunks.pop_back();
        while (!chunks.empty()) {
            std::size_t l = chunks.back().size();
            if (cur_len + l > width) break;
            cur.push_back(chunks.back());
            chunks.pop_back();
            cur_len += l;
        }
        if (!chunks.empty() && chunks.back().size() > width) {
            std::size_t space_left = width - cur_len;
            if (break_long) {
                std::u32string& chunk = chunks.back();
                std::size_t end = space_left;
                if (hyphens && chunk.size() > space_left && space_left > 0) {
                    std::size_t h = chunk.rfind(U'-', space_left - 1);
                    if (h != std::u32string::npos && h > 0 &&
                        chunk.substr(0, h).find_first_not_of(U'-') != std::u32string::npos)
                        end = h + 1;
                }
                cur.push_back(chunk.substr(0, end));
                chunk = chunk.substr(end);
            } else if (cur.empty()) {
                cur.push_back(chunks.back());
                chunks.pop_back();
            }
            cur_len = 0;
            for (const auto& c : cur) cur_len += c.size();
        }
        if (!cur.empty() && is_ws(cur.back())) cur.pop_back();
        if (!cur.empty()) {
            std::u32string l;
            for (const auto& c : cur) l += c;
            lines.push_back(l);
        }
    }
    return lines;
}

Val f_wordwrap(Renderer&, const Val& in, CallArgs& a) {
    auto width = a.take(0, "width");
    auto break_long = a.take(1, "break_long_words");
    auto wrapstring = a.take(2, "wrapstring");
    auto hyphens = a.take(3, "break_on_hyphens");
    a.expect_no_more(4, "wordwrap");
    std::int64_t w = width ? as_int(*width) : 79;
    if (w <= 0) throw ValueError("invalid width " + std::to_string(w) + " (must be > 0)");
    std::string sep = wrapstring && !wrapstring->is_none() ? str_of(*wrapstring) : "\n";
    std::string s = str_of(in);
    std::string out;
    bool first_para = true;
    for (const auto& para : splitlines(s)) {
        if (!first_para) out += sep;
        first_para = false;
        bool first = true;
        for (const auto& l :
             wrap_line(utf8_decode(para), static_cast<std::size_t>(w),
                       !break_long || truthy(*break_long), !hyphens || truthy(*hyphens))) {
            if (!first) out += sep;
            first = false;
            out += utf8_encode(l);
        }
    }
    return Val(Json(out));
}

}  // namespace

const std::map<std::string, FilterFn>& filter_table() {
    static const std::map<std::string, FilterFn> table = [] {
        std::map<std::string, FilterFn> t{
            {"default", f_default},
            {"d", f_default},
            {"upper", f_upper},
            {"lower", f_lower},
            {"capitalize", f_capitalize},
            {"title", f_title},
            {"trim", f_trim},
            {"replace", f_replace},
            {"string", f_string},
            {"indent", f_indent},
            {"center", f_center},
            {"int", f_int},
            {"float", f_float},
            {"abs", f_abs},
            {"round", f_round},
            {"format", f_format},
            {"tojson", f_tojson},
            {"escape", f_escape},
            {"e", f_escape},
            {"forceescape", f_escape},
            {"safe", f_safe},
            {"truncate", f_truncate},
            {"wordcount", f_wordcount},
            {"wordwrap", f_wordwrap},
        };
        add_sequence_filters(t);
        return t;
    }();
    return table;
}

bool has_filter(const std::string& name) { return filter_table().count(name) != 0; }

Val Renderer::apply_filter(const std::string& name, const Val& input, CallArgs& args) {
    auto it = filter_table().find(name);
    if (it == filter_table().end()) throw ValueError("unknown filter '" + name + "'");
    return it->second(*this, input, args);
}

}  // namespace autogen::codegen::jinja
