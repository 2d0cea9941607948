// A small glob walker (glob.hpp): the literal folder prefix of each pattern is the
// walk's start, the rest is matched component by component.
#include "scan/glob.hpp"

#include <algorithm>
#include <system_error>

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '/') {
            if (i > start) out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

/// '*' and '?' within one component.
bool match_component(std::string_view p, std::string_view s) {
    std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi;
            ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

bool match_parts(const std::vector<std::string_view>& p, std::size_t pi,
                 const std::vector<std::string_view>& s, std::size_t si) {
    if (pi == p.size()) return si == s.size();
    if (p[pi] == "**") {
        for (std::size_t k = si; k <= s.size(); ++k)
            if (match_parts(p, pi + 1, s, k)) return true;
        return false;
    }
    return si < s.size() && match_component(p[pi], s[si]) && match_parts(p, pi + 1, s, si + 1);
}

bool has_wildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_parts(split(pattern), 0, split(path), 0);
}

std::vector<fs::path> expand_globs(const fs::path& root, const std::vector<std::string>& patterns) {
    std::vector<fs::path> out;
    for (const auto& pattern : patterns) {
        if (pattern.empty()) continue;
        fs::path full =
            fs::path(pattern).is_absolute() ? fs::path(pattern) : fs::absolute(root) / pattern;
        std::string generic = full.lexically_normal().generic_string();
        // The walk starts at the longest folder prefix without wildcards.
        auto parts = split(generic);
        fs::path base = generic.front() == '/' ? fs::path("/") : fs::path();
        std::size_t first_wild = 0;
        while (first_wild < parts.size() && !has_wildcard(parts[first_wild])) ++first_wild;
        for (std::size_t i = 0; i < first_wild; ++i) base /= std::string(parts[i]);
        std::error_code ec;
        if (first_wild == parts.size()) {  // no wildcard: one file
            if (fs::is_regular_file(full, ec)) out.push_back(full.lexically_normal());
            continue;
        }
        std::string rest_pattern;
        for (std::size_t i = first_wild; i < parts.size(); ++i) {
            if (!rest_pattern.empty()) rest_pattern += '/';
            rest_pattern += parts[i];
        }
        bool wants_hidden =
            rest_pattern.find("/.") != std::string::npos || rest_pattern.front() == '.';
        if (!fs::is_directory(base, ec)) continue;
        fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied,
                                            ec),
            end;
        for (; !ec && it != end; it.increment(ec)) {
            const auto& entry = *it;
            std::string name = entry.path().filename().string();
            if (entry.is_directory(ec)) {
                if (!wants_hidden && !name.empty() && name.front() == '.')
                    it.disable_recursion_pending();
                continue;
            }
            if (!entry.is_regular_file(ec)) continue;
            std::string rel = entry.path().lexically_relative(base).generic_string();
            if (glob_match(rest_pattern, rel)) out.push_back(entry.path().lexically_normal());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace autogen::scan
