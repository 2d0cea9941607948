// The files of a new project (init_files.hpp).
#include "init_files.hpp"

#include <algorithm>
#include <sstream>

namespace autogen::cli {

namespace {

/// A line as git compares it: without trailing blanks or a carriage return.
std::string trimmed(std::string line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.pop_back();
    return line;
}

}  // namespace

std::string init_config_text(const std::string& dialect, const std::string& url) {
    return "# autogen configuration (see docs/configuration.md)\n"
           "[database]\n"
           "url = \"" +
           url +
           "\"\n"
           "dialects = [\"" +
           dialect +
           "\"]\n"
           "\n"
           "[models]\n"
           "# every header holding AUTOGEN_TABLE models; all of them are scanned, imported or not\n"
           "headers = [\"src/models/**/*.hpp\"]\n"
           "include_dirs = [\"src\"]\n"
           "\n"
           "[migrations]\n"
           "dir = \"migrations\"\n"
           "file_template = \"%Y%m%d_%H%M_{rev}_{slug}\"\n"
           "version_table = \"autogen_version\"\n";
}

std::vector<std::string> init_gitignore_lines(const dialect::NewProject& project) {
    std::vector<std::string> lines = project.gitignore;
    lines.push_back(".autogen/");
    return lines;
}

std::string gitignore_with(const std::string& existing, const std::vector<std::string>& lines) {
    std::vector<std::string> have;
    std::istringstream in(existing);
    for (std::string line; std::getline(in, line);) have.push_back(trimmed(line));
    std::string out = existing;
    for (const auto& line : lines) {
        if (std::find(have.begin(), have.end(), line) != have.end()) continue;
        if (!out.empty() && out.back() != '\n') out += '\n';
        out += line + "\n";
        have.push_back(line);
    }
    return out;
}

std::string init_example_model() {
    return "// An example model written by `autogen init`: edit it, or replace it with your own\n"
           "// models (docs/models.md). Every header under src/models/ is scanned.\n"
           "#pragma once\n"
           "\n"
           "#include <autogen/model.hpp>\n"
           "\n"
           "#include <cstdint>\n"
           "#include <optional>\n"
           "#include <string>\n"
           "\n"
           "struct AUTOGEN_TABLE(\"users\") User {\n"
           "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;\n"
           "    AUTOGEN_COLUMN(unique, length = 255) std::string email;\n"
           "    std::string name;\n"
           "    std::optional<std::string> phone;  // optional: a nullable column\n"
           "};\n";
}

}  // namespace autogen::cli
