// The scheme-neutral part of database URLs (SPEC §2) and password redaction. Redaction errs on the
// side of hiding too much: a URL whose password is malformed (a bad percent-escape, a
// raw '@', a space) is exactly the one whose error message gets printed.
#include "db/url.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <regex>
#include <string_view>
#include <utility>
#include <vector>

#include "support/text.hpp"

namespace autogen::db {

namespace {

constexpr const char* kHidden = "***";

/// `s` percent-decoded; a malformed escape is kept as written (libpq refuses it, but
/// the text it quotes may still reach a message).
std::string percent_decoded(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// A conninfo or query keyword that holds a secret: password, sslpassword (any case,
/// percent-encoded or not, as libpq decodes query keywords).
bool secret_key(std::string_view key) {
    std::string k = percent_decoded(key);
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::string suffix = "password";
    return k.size() >= suffix.size() &&
           k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Where the secret values of a URL or conninfo string are: [begin, end) byte ranges,
/// sorted, not overlapping.
std::vector<std::pair<std::size_t, std::size_t>> secret_spans(const std::string& s) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const auto scheme = s.find("://");
    if (scheme != std::string::npos) {
        const std::size_t from = scheme + 3;
        // user:password@ -- to the last '@', as a password may hold a raw '@'.
        const auto at = s.rfind('@');
        std::size_t query_from = from;
        if (at != std::string::npos && at >= from) {
            const auto colon = s.find(':', from);
            if (colon < at) spans.emplace_back(colon + 1, at);
            query_from = at + 1;
        }
        // ?key=value&key=value: values run to the next '&' (or the end).
        auto query = s.find('?', query_from);
        while (query != std::string::npos && query < s.size()) {
            const std::size_t key_begin = query + 1;
            auto end = s.find('&', key_begin);
            if (end == std::string::npos) end = s.size();
            const auto eq = s.find('=', key_begin);
            if (eq != std::string::npos && eq < end &&
                secret_key(std::string_view(s).substr(key_begin, eq - key_begin)))
                spans.emplace_back(eq + 1, end);
            query = end < s.size() ? end : std::string::npos;
        }
        return spans;
    }
    // A conninfo string: key = value pairs split by blanks; a value may be quoted ('a b',
    // with \' and \\ escapes). A secret keyword without '=' (a typo) makes the next
    // word secret: libpq quotes it in its complaint.
    auto blank = [&](std::size_t i) {
        return i < s.size() && std::isspace(static_cast<unsigned char>(s[i]));
    };
    std::size_t i = 0;
    bool next_is_secret = false;
    while (i < s.size()) {
        while (blank(i)) ++i;
        if (i >= s.size()) break;
        const std::size_t key_begin = i;
        while (i < s.size() && !blank(i) && s[i] != '=') ++i;
        const std::string_view key = std::string_view(s).substr(key_begin, i - key_begin);
        if (next_is_secret) spans.emplace_back(key_begin, i);
        std::size_t j = i;
        while (blank(j)) ++j;
        if (j >= s.size() || s[j] != '=') {
            next_is_secret = secret_key(key);
            continue;
        }
        next_is_secret = false;
        i = j + 1;
        while (blank(i)) ++i;
        const std::size_t value_begin = i;
        if (i < s.size() && s[i] == '\'') {
            for (++i; i < s.size() && s[i] != '\''; ++i) {
                if (s[i] == '\\') ++i;
            }
            i = std::min(i + 1, s.size());
        } else {
            while (i < s.size() && !blank(i)) ++i;
        }
        if (secret_key(key) && i > value_begin) spans.emplace_back(value_begin, i);
    }
    return spans;
}

/// The secrets of `url` as they may appear in a message: each span raw, percent-decoded,
/// unquoted, and (for user:password@) what libpq itself takes for the password (up to
/// the first '@').
std::vector<std::string> secrets_of(const std::string& url) {
    std::vector<std::string> out;
    auto add = [&](std::string v) {
        if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end())
            out.push_back(std::move(v));
    };
    for (const auto& [begin, end] : secret_spans(url)) {
        std::string raw = url.substr(begin, end - begin);
        add(raw);
        add(percent_decoded(raw));
        if (raw.size() >= 2 && raw.front() == '\'') add(raw.substr(1, raw.size() - 2));
        // libpq splits a raw '@' or '/' differently: each piece may be quoted alone.
        for (std::size_t from = 0; from < raw.size();) {
            auto to = raw.find_first_of("@/:", from);
            if (to == std::string::npos) to = raw.size();
            if (from > 0 || to < raw.size()) add(raw.substr(from, to - from));
            from = to + 1;
        }
    }
    return out;
}

void replace_all(std::string& text, const std::string& what, const std::string& with) {
    for (auto pos = text.find(what); pos != std::string::npos;
         pos = text.find(what, pos + with.size()))
        text.replace(pos, what.size(), with);
}

}  // namespace

bool may_hold_password_keyword(std::string_view text) {
    auto at = [&](std::size_t i, std::string_view word) {
        return i + word.size() <= text.size() &&
               support::equals_ignoring_case(text.substr(i, word.size()), word);
    };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((text[i] | 0x20) != 'p' || !at(i, "pass")) continue;  // 'p' or 'P', fast
        std::size_t k = i + 4;
        if (at(k, "w"))
            k += 1;
        else if (at(k, "%77"))
            k += 3;
        else
            continue;
        if (!at(k, "ord")) continue;
        k += 3;
        while (k < text.size() && (std::isspace(static_cast<unsigned char>(text[k])) ||
                                   static_cast<unsigned char>(text[k]) >= 0x80))
            ++k;
        if (k == text.size() || text[k] == '=') return true;  // the '=' may follow the text
    }
    return false;
}

std::string redact_password(const std::string& text) {
    // scheme://user:password@host -> scheme://user:***@host; the password runs to the
    // last '@' before a blank, so one holding '@' is hidden whole. (A blank ends a URL
    // in free text; where the URL is known, redact_url hides blanks in passwords too.)
    static const std::regex kUserInfo(R"(([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):(\S*)@)");
    // A match holds no blank and the pattern has no anchor, so each line is replaced on
    // its own, and only the lines that hold "://" go through the (slow) regex.
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto first = text.begin() + static_cast<std::ptrdiff_t>(start);
        const auto last = text.begin() + static_cast<std::ptrdiff_t>(end);
        if (std::string_view(text).substr(start, end - start).find("://") == std::string::npos)
            out.append(first, last);
        else
            std::regex_replace(std::back_inserter(out), first, last, kUserInfo, "$1:***@");
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    if (!may_hold_password_keyword(out)) return out;
    // libpq keyword form or query option: password=secret, sslpassword='se cret'
    // A value already "***" is left as it is (with what follows it).
    static const std::regex kKeyword(
        R"(([A-Za-z]*pass(?:w|%77)ord\s*=\s*)(?!\*\*\*)('(?:[^'\\]|\\.)*'?|[^&\s]*))",
        std::regex::icase);
    return std::regex_replace(out, kKeyword, "$1***");
}

std::string redact_url(const std::string& url) {
    std::string out = url;
    auto spans = secret_spans(url);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        out.replace(it->first, it->second - it->first, kHidden);
    return out;
}

std::string redact_secrets(const std::string& text, const std::string& url) {
    const auto secrets = secrets_of(url);
    std::string out = text;
    // The URL itself, where the text holds it whole.
    if (!url.empty()) replace_all(out, url, redact_url(url));
    for (const auto& secret : secrets) {
        if (secret.size() >= 4) replace_all(out, secret, kHidden);
    }
    // A quoted token that is part of a secret (libpq quotes the token it cannot
    // decode, or a port that is really half a password); 2 characters or more, so a
    // one-letter user name in quotes stays readable.
    static const std::regex kQuoted(R"re("([^"\n]*)"|'([^'\n]*)')re");
    std::string result;
    auto begin = std::sregex_iterator(out.begin(), out.end(), kQuoted);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const std::string token = m[1].matched ? m[1].str() : m[2].str();
        const bool hidden = token.size() >= 2 &&
                            std::any_of(secrets.begin(), secrets.end(), [&](const std::string& s) {
                                return s.find(token) != std::string::npos;
                            });
        result += out.substr(last, static_cast<std::size_t>(m.position(0)) - last);
        const char quote = m.str(0).front();
        result += hidden ? std::string(1, quote) + kHidden + quote : m.str(0);
        last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    result += out.substr(last);
    return redact_password(result);
}

std::string with_database(const std::string& url, const std::string& name) {
    auto authority = url.find("://");
    std::size_t from = authority == std::string::npos ? 0 : authority + 3;
    auto path = url.find_first_of("/?", from);
    if (path == std::string::npos) return url + "/" + name;
    if (url[path] == '?') return url.substr(0, path) + "/" + name + url.substr(path);
    auto query = url.find('?', path);
    return url.substr(0, path + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

std::string DatabaseUrl::redacted() const { return redact_password(redact_url(original)); }

std::string url_scheme(const std::string& url) {
    const auto end = url.find("://");
    return end == std::string::npos ? std::string() : url.substr(0, end);
}

}  // namespace autogen::db
