// Small text helpers shared by every stage.
#include "support/text.hpp"

#include <algorithm>
#include <cctype>

namespace autogen::support {

std::string join_with(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    // Character by character, without the two upper-case copies: the inspectors call this
    // for every column and key of a large catalog.
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::toupper(static_cast<unsigned char>(x)) ==
               std::toupper(static_cast<unsigned char>(y));
    });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return trim_end(s);
}

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string seconds(double value) {
    std::string text = std::to_string(value);  // "60.000000"
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text + " s";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance) {
    std::string best;
    std::size_t best_distance = std::min(max_distance, word.size());
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

bool mentions_identifier(std::string_view sql, std::string_view name) {
    if (name.empty()) return false;
    std::string s = to_lower(sql), n = to_lower(name);
    auto ident = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    };
    auto found = [&](const std::string& word) {
        for (std::size_t pos = s.find(word); pos != std::string::npos;
             pos = s.find(word, pos + 1)) {
            bool left = pos == 0 || !ident(s[pos - 1]);
            bool right = pos + word.size() >= s.size() || !ident(s[pos + word.size()]);
            if (left && right) return true;
        }
        return false;
    };
    if (found(n)) return true;
    // A name holding '"' is written in double quotes with that quote doubled.
    if (n.find('"') == std::string::npos) return false;
    std::string doubled;
    for (char c : n) doubled += c == '"' ? std::string("\"\"") : std::string(1, c);
    return found(doubled);
}

}  // namespace autogen::support
