// Doc comment cleanup (doc_comment.hpp).
#include "scan/doc_comment.hpp"

#include <cctype>

#include "support/text.hpp"

namespace autogen::scan {

namespace {

using support::trim;

bool strip(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) return false;
    s.remove_prefix(prefix.size());
    return true;
}

}  // namespace

std::string doc_comment_text(std::string_view raw) {
    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string_view::npos) end = raw.size();
        std::string_view line = trim(raw.substr(start, end - start));
        start = end + 1;
        if (line.size() >= 2 && line.substr(line.size() - 2) == "*/")
            line = trim(line.substr(0, line.size() - 2));
        // Markers: ///< //!< /// //! /** /*! */ and a leading '*' inside a block.
        if (!(strip(line, "///<") || strip(line, "//!<") || strip(line, "///") ||
              strip(line, "//!") || strip(line, "/**<") || strip(line, "/*!<") ||
              strip(line, "/**") || strip(line, "/*!") || strip(line, "//")))
            strip(line, "*");
        line = trim(line);
        while (!line.empty() && line.front() == '*' &&
               line.find_first_not_of('*') == std::string_view::npos)
            line = {};
        if (line.empty()) continue;
        if (!out.empty()) out += ' ';
        out += line;
        if (end == raw.size()) break;
    }
    return out;
}

}  // namespace autogen::scan
