// Re-lexing macro arguments to locate annotation arguments (source_mapping.hpp).
#include "scan/source_mapping.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace autogen::scan {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// Skips whitespace and comments (both count as whitespace for stringification).
std::size_t skip_blank(std::string_view s, std::size_t j) {
    for (;;) {
        while (j < s.size() && is_space(s[j])) ++j;
        if (s.compare(j, 2, "//") == 0) {
            while (j < s.size() && s[j] != '\n') ++j;
        } else if (s.compare(j, 2, "/*") == 0) {
            auto end = s.find("*/", j + 2);
            j = end == std::string_view::npos ? s.size() : end + 2;
        } else if (s.compare(j, 2, "\\\n") == 0) {
            j += 2;
        } else {
            return j;
        }
    }
}

}  // namespace

std::vector<LineCol> map_arguments(std::string_view file, std::size_t macro_offset,
                                   std::string_view arg) {
    std::size_t j = macro_offset;
    if (j >= file.size()) return {};
    while (j < file.size() && (std::isalnum(static_cast<unsigned char>(file[j])) || file[j] == '_'))
        ++j;
    j = skip_blank(file, j);
    if (j >= file.size() || file[j] != '(') return {};
    j = skip_blank(file, j + 1);

    std::vector<std::size_t> offsets;
    offsets.reserve(arg.size() + 1);
    bool in_string = false;
    for (std::size_t i = 0; i < arg.size(); ++i) {
        char c = arg[i];
        if (!in_string && c == ' ') {
            offsets.push_back(j);
            j = skip_blank(file, j);
            continue;
        }
        if (!in_string) j = skip_blank(file, j);  // tolerate whitespace the stringification dropped
        if (j >= file.size() || file[j] != c) return {};
        offsets.push_back(j);
        ++j;
        if (c == '"') in_string = !in_string;
        if (in_string && c == '\\' && i + 1 < arg.size()) {
            // An escape: copy the next byte verbatim, it cannot end the string.
            ++i;
            if (j >= file.size() || file[j] != arg[i]) return {};
            offsets.push_back(j);
            ++j;
        }
    }
    offsets.push_back(j);

    // Offsets -> line:col in one pass over the prefix of the file.
    std::vector<LineCol> out(offsets.size());
    // The prefix up to the macro is counted in bulk (std::count vectorises; annotations
    // are many and model headers long, so this loop ran over most of each header once
    // per annotation); the arguments' own bytes then go one by one.
    std::size_t pos = std::min(macro_offset, file.size());
    auto line = static_cast<unsigned>(
        1 + std::count(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    std::size_t line_start = pos == 0 ? 0 : file.rfind('\n', pos - 1);
    line_start = line_start == std::string_view::npos || pos == 0 ? 0 : line_start + 1;
    for (std::size_t k = 0; k < offsets.size(); ++k) {
        // offsets are non-decreasing, so one forward scan is enough
        for (; pos < offsets[k] && pos < file.size(); ++pos) {
            if (file[pos] == '\n') {
                ++line;
                line_start = pos + 1;
            }
        }
        out[k] = LineCol{line, static_cast<unsigned>(offsets[k] - line_start + 1)};
    }
    return out;
}

const std::string& SourceCache::text(const std::filesystem::path& file) {
    auto key = file.string();
    auto it = files_.find(key);
    if (it != files_.end()) return it->second;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    return files_.emplace(key, ss.str()).first->second;
}

support::SourceLocation AnnotationSite::at(std::size_t offset) const {
    if (offset >= arg_positions.size()) return location;
    support::SourceLocation l = location;
    l.line = arg_positions[offset].line;
    l.column = arg_positions[offset].column;
    return l;
}

}  // namespace autogen::scan
