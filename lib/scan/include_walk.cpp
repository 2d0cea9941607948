// The textual include walk (include_walk.hpp).
#include "scan/include_walk.hpp"

#include <cctype>
#include <deque>
#include <optional>
#include <set>
#include <system_error>

#include "scan/cache/cache_store.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

/// `line` without a /* */ comment that starts and ends on it, or a trailing // comment.
/// `in_comment` carries an unfinished /* across lines.
std::string strip_comments(std::string_view line, bool& in_comment) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (in_comment) {
            if (line.compare(i, 2, "*/") == 0) {
                in_comment = false;
                ++i;
            }
            continue;
        }
        if (line.compare(i, 2, "/*") == 0) {
            in_comment = true;
            ++i;
            out += ' ';
            continue;
        }
        if (line.compare(i, 2, "//") == 0) break;
        if (line[i] == '"') {  // keep a quoted name whole: "a//b.hpp" is a file name
            auto end = line.find('"', i + 1);
            if (end == std::string_view::npos) end = line.size() - 1;
            out.append(line.substr(i, end - i + 1));
            i = end;
            continue;
        }
        out += line[i];
    }
    return out;
}

/// The directive's name ("include", "ifndef", ...) and where its argument starts.
std::optional<std::pair<std::string, std::size_t>> directive_name(const std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line[i] != '#') return std::nullopt;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string::npos) return std::nullopt;
    std::size_t end = i;
    while (end < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_'))
        ++end;
    return std::make_pair(line.substr(i, end - i), end);
}

std::optional<IncludeDirective> parse_include(const std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line[i] != '#') return std::nullopt;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string::npos || line.compare(i, 7, "include") != 0) return std::nullopt;
    i += 7;
    if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '"' && line[i] != '<')
        return std::nullopt;  // #include_next, #includes...
    i = line.find_first_not_of(" \t", i);
    if (i == std::string::npos) return std::nullopt;
    char open = line[i];
    if (open != '"' && open != '<') return std::nullopt;  // #include MACRO
    auto end = line.find(open == '"' ? '"' : '>', i + 1);
    if (end == std::string::npos || end == i + 1) return std::nullopt;
    return IncludeDirective{line.substr(i + 1, end - i - 1), open == '<'};
}

fs::path absolute_normal(const fs::path& p, const fs::path& base) {
    return (p.is_absolute() ? p : base / p).lexically_normal();
}

std::optional<fs::path> find_in(const std::vector<fs::path>& dirs, const std::string& name) {
    std::error_code ec;
    for (const auto& d : dirs) {
        fs::path candidate = (d / name).lexically_normal();
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

}  // namespace

bool is_under(const fs::path& path, const fs::path& root) {
    auto r = root.begin(), p = path.begin();
    for (; r != root.end(); ++r, ++p) {
        if (r->empty() && std::next(r) == root.end()) break;  // a trailing '/'
        if (p == path.end() || *p != *r) return false;
    }
    return true;
}

std::vector<IncludeDirective> include_directives(std::string_view text, bool* opaque) {
    std::vector<IncludeDirective> out;
    bool in_comment = false;
    bool seen_content = false;  // anything but comments and blank lines so far
    std::vector<bool> guards;   // open conditionals: true for the file's include guard
    auto conditional = [&] {
        for (bool guard : guards)
            if (!guard) return true;
        return false;
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line = strip_comments(text.substr(start, end - start), in_comment);
        start = end + 1;
        auto name = directive_name(line);
        if (!name) {
            if (line.find_first_not_of(" \t\r") != std::string::npos) seen_content = true;
            continue;
        }
        const std::string& d = name->first;
        if (d == "if" || d == "ifdef") {
            guards.push_back(false);
        } else if (d == "ifndef") {
            guards.push_back(!seen_content && guards.empty());
        } else if (d == "endif") {
            if (!guards.empty()) guards.pop_back();
        } else if (auto inc = parse_include(line)) {
            inc->conditional = conditional();
            out.push_back(std::move(*inc));
        } else if (opaque && (d == "include" || d == "include_next" || d == "import")) {
            *opaque = true;
        }
        if (d != "pragma" || line.find("once") == std::string::npos) seen_content = true;
    }
    return out;
}

IncludeSearch include_search(const std::vector<std::string>& args, const fs::path& working_dir) {
    IncludeSearch s;
    std::vector<fs::path> system, after;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        for (const auto& [flag, into] :
             {std::pair<const char*, std::vector<fs::path>*>{"-iquote", &s.quote_dirs},
              {"-isystem", &system},
              {"-idirafter", &after},
              {"-I", &s.dirs}}) {
            std::string f = flag;
            if (a.rfind(f, 0) != 0) continue;
            std::string value =
                a.size() > f.size() ? a.substr(f.size()) : (i + 1 < args.size() ? args[++i] : "");
            if (!value.empty()) into->push_back(absolute_normal(value, working_dir));
            break;
        }
    }
    s.dirs.insert(s.dirs.end(), system.begin(), system.end());
    s.dirs.insert(s.dirs.end(), after.begin(), after.end());
    return s;
}

IncludeWalk walk_includes(const std::vector<fs::path>& starts, const IncludeSearch& search,
                          const fs::path& root) {
    IncludeWalk walk;
    std::set<fs::path> seen;
    std::set<std::string> outside;
    std::deque<fs::path> queue;
    auto reach = [&](const fs::path& p) {
        if (seen.insert(p).second) {
            walk.project_files.push_back(p);
            queue.push_back(p);
        }
    };
    auto leave = [&](const std::string& name) {
        if (outside.insert(name).second) walk.outside_headers.push_back(name);
    };
    for (const auto& s : starts) reach(s.lexically_normal());
    std::error_code ec;
    while (!queue.empty()) {
        fs::path file = queue.front();
        queue.pop_front();
        auto text = read_whole_file(file);
        if (!text) continue;
        bool opaque = false;
        auto directives = include_directives(*text, &opaque);
        if (opaque) walk.opaque_files.push_back(file);
        for (const auto& d : directives) {
            std::optional<fs::path> found;
            bool beside = false;
            if (!d.angled) {
                fs::path local = (file.parent_path() / d.name).lexically_normal();
                if (fs::is_regular_file(local, ec)) {
                    found = local;
                    beside = true;
                } else {
                    found = find_in(search.quote_dirs, d.name);
                }
            }
            if (!found) found = find_in(search.dirs, d.name);
            if (found && is_under(*found, root)) {
                reach(*found);
            } else if (!d.conditional && ((found && !beside) || (!found && d.angled))) {
                leave(d.name);
            }
        }
    }
    return walk;
}

}  // namespace autogen::scan
