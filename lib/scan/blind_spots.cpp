// find_blind_spots(): list the project's files (git's view when there is one), keep the
// C/C++ ones that use AUTOGEN_TABLE, drop those the scan read, and say which tables
// each declares and whether [models] ignore lists it.
#include "scan/blind_spots.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "scan/declared_tables.hpp"
#include "scan/glob.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

bool is_cpp_file(const fs::path& p) {
    static const std::set<std::string> kExtensions = {".h",   ".hh",  ".hpp", ".hxx",  ".h++",
                                                      ".ipp", ".inl", ".tpp", ".c",    ".cc",
                                                      ".cpp", ".cxx", ".c++", ".cppm", ".ixx"};
    return kExtensions.count(p.extension().string()) != 0;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// The files git tracks or would track under `root`, or nullopt when `root` is not in
/// a git work tree (or git is missing).
std::optional<std::vector<fs::path>> git_files(const fs::path& root) {
    std::string command = "git -C " + shell_quote(root.string()) +
                          " ls-files -z --cached --others --exclude-standard 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    if (pclose(pipe) != 0) return std::nullopt;
    std::vector<fs::path> files;
    std::size_t start = 0;
    for (std::size_t i = 0; i < output.size(); ++i) {
        if (output[i] != '\0') continue;
        if (i > start) files.push_back(root / output.substr(start, i - start));
        start = i + 1;
    }
    return files;
}

bool skipped_folder(const fs::path& dir) {
    std::string name = dir.filename().string();
    return (!name.empty() && name[0] == '.') || name.rfind("build", 0) == 0 ||
           name.rfind("cmake-build-", 0) == 0;
}

std::vector<fs::path> walk_files(const fs::path& root) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_directory(ec) && skipped_folder(it->path())) {
            it.disable_recursion_pending();
        } else if (it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    return files;
}

}  // namespace

std::vector<fs::path> project_files(const fs::path& project_root) {
    auto files = git_files(project_root);
    return files ? *files : walk_files(project_root);
}

std::optional<std::pair<unsigned, unsigned>> first_table_use(const std::string& text) {
    auto uses = table_uses(text);
    if (uses.empty()) return std::nullopt;
    return std::make_pair(uses.front().line, uses.front().column);
}

namespace {

fs::path canonical_or_self(const fs::path& p) {
    std::error_code ec;
    auto c = fs::weakly_canonical(p, ec);
    return ec ? p : c;
}

}  // namespace

std::vector<BlindSpot> find_blind_spots(const fs::path& project_root,
                                        const std::vector<fs::path>& scanned,
                                        const std::vector<std::string>& ignore) {
    std::set<fs::path> read;
    for (const auto& f : scanned) read.insert(canonical_or_self(f));

    const std::vector<fs::path> candidates = project_files(project_root);

    std::vector<BlindSpot> out;
    for (const auto& file : candidates) {
        if (!is_cpp_file(file) || read.count(canonical_or_self(file))) continue;
        std::ifstream in(file, std::ios::binary);
        if (!in) continue;
        std::stringstream text;
        text << in.rdbuf();
        if (text.str().find("AUTOGEN_TABLE") == std::string::npos) continue;  // fast path
        auto uses = table_uses(text.str());
        if (uses.empty()) continue;
        BlindSpot spot;
        spot.first_use =
            support::SourceLocation{file.string(), uses.front().line, uses.front().column};
        const std::string relative = file.lexically_relative(project_root).generic_string();
        for (const auto& pattern : ignore) {
            if (glob_match(pattern, relative)) {
                spot.ignored_by = pattern;
                break;
            }
        }
        for (const auto& use : uses) {
            spot.tables.push_back({use.schema, use.name, {file.string(), use.line, use.column}});
        }
        out.push_back(std::move(spot));
    }
    std::sort(out.begin(), out.end(), [](const BlindSpot& a, const BlindSpot& b) {
        return a.first_use.file < b.first_use.file;
    });
    return out;
}

}  // namespace autogen::scan
