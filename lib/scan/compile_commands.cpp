// Discovery from compile_commands.json (compile_commands.hpp).
#include "scan/compile_commands.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "scan/blind_spots.hpp"
#include "scan/cache/cache_store.hpp"
#include "scan/include_walk.hpp"

namespace autogen::scan {

namespace fs = std::filesystem;
using nlohmann::json;
using support::Category;

namespace {

/// Flags whose value is a path, and flags whose value is the next argument.
const std::set<std::string> kPathFlags = {"-I",       "-isystem", "-iquote",   "-idirafter",
                                          "-include", "-imacros", "-isysroot", "--sysroot"};
const std::set<std::string> kValueFlags = {"-D", "-U", "-target", "--target"};
const std::set<std::string> kLanguageFlags = {"-fexceptions", "-fno-exceptions", "-frtti",
                                              "-fno-rtti",    "-fchar8_t",       "-fno-char8_t",
                                              "-fopenmp"};

std::string absolute_in(const std::string& path, const fs::path& directory) {
    fs::path p(path);
    return (p.is_absolute() ? p : directory / p).lexically_normal().string();
}

/// The flag's name and its value when written joined ("-Ifoo", "--sysroot=/x").
std::optional<std::pair<std::string, std::string>> joined(const std::string& arg,
                                                          const std::set<std::string>& flags) {
    for (const auto& f : flags) {
        if (arg.size() <= f.size() || arg.compare(0, f.size(), f) != 0) continue;
        std::string value = arg.substr(f.size());
        if (f.rfind("--", 0) == 0) {  // --sysroot=/x, --target=x
            if (value[0] != '=') continue;
            value.erase(0, 1);
        } else if (f.size() > 2 && f != "-isystem" && f != "-iquote" && f != "-idirafter" &&
                   f != "-isysroot") {
            continue;  // -include/-imacros/-target take their value separately only
        }
        return std::make_pair(f, value);
    }
    return std::nullopt;
}

/// The macro name of a -D/-U value ("X=1" -> "X").
std::string macro_name(const std::string& value) { return value.substr(0, value.find('=')); }

}  // namespace

std::vector<std::string> split_command_line(const std::string& command) {
    std::vector<std::string> out;
    std::string current;
    bool in_word = false;
    for (std::size_t i = 0; i < command.size(); ++i) {
        char c = command[i];
        if (c == '\'') {
            auto end = command.find('\'', i + 1);
            if (end == std::string::npos) end = command.size();
            current += command.substr(i + 1, end - i - 1);
            i = end;
            in_word = true;
        } else if (c == '"') {
            for (++i; i < command.size() && command[i] != '"'; ++i) {
                if (command[i] == '\\' && i + 1 < command.size() &&
                    std::string("\"\\$`").find(command[i + 1]) != std::string::npos)
                    ++i;
                current += command[i];
            }
            in_word = true;
        } else if (c == '\\' && i + 1 < command.size()) {
            current += command[++i];
            in_word = true;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) out.push_back(std::move(current));
            current.clear();
            in_word = false;
        } else {
            current += c;
            in_word = true;
        }
    }
    if (in_word) out.push_back(std::move(current));
    return out;
}

std::vector<std::string> parsing_flags(const std::vector<std::string>& argv,
                                       const fs::path& directory) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") break;  // what follows is input files (and breaks libclang: TOOLCHAIN §3.2)
        if (kPathFlags.count(a) || kValueFlags.count(a)) {
            if (i + 1 >= argv.size()) break;
            std::string value = argv[++i];
            out.push_back(a == "--sysroot" || a == "--target" ? a + "=" : a);
            if (kPathFlags.count(a)) value = absolute_in(value, directory);
            if (out.back().back() == '=')
                out.back() += value;
            else
                out.push_back(value);
        } else if (auto j = joined(a, kPathFlags)) {
            out.push_back(j->first == "--sysroot" ? "--sysroot=" + absolute_in(j->second, directory)
                                                  : j->first);
            if (j->first != "--sysroot") out.push_back(absolute_in(j->second, directory));
        } else if (auto v = joined(a, kValueFlags)) {
            if (v->first == "--target") {
                out.push_back(a);
            } else {
                out.push_back(v->first);
                out.push_back(v->second);
            }
        } else if (a.rfind("-std=", 0) == 0 || a.rfind("-m", 0) == 0 || kLanguageFlags.count(a)) {
            out.push_back(a);
        }
    }
    return out;
}

std::optional<std::vector<CompileCommand>> read_compile_commands(const fs::path& file,
                                                                 support::Diagnostics& diags) {
    auto text = read_whole_file(file);
    if (!text) {
        diags.error(Category::Config, "cannot read compile_commands.json: " + file.string(),
                    {file.string()},
                    "generate it (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON) or fix [models] "
                    "compile_commands "
                    "in autogen.toml (relative to its folder)");
        return std::nullopt;
    }
    json db;
    try {
        db = json::parse(*text);
    } catch (const json::parse_error& e) {
        diags.error(Category::Config,
                    std::string("compile_commands.json is not valid JSON: ") + e.what(),
                    {file.string()}, "regenerate it with your build system");
        return std::nullopt;
    }
    if (!db.is_array()) {
        diags.error(Category::Config, "compile_commands.json is not a JSON array of commands",
                    {file.string()}, "regenerate it with your build system");
        return std::nullopt;
    }
    std::vector<CompileCommand> out;
    std::size_t index = 0;
    for (const auto& entry : db) {
        ++index;
        auto string_at = [&](const char* key) -> std::string {
            auto it = entry.is_object() ? entry.find(key) : entry.end();
            return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        CompileCommand c;
        std::string directory = string_at("directory"), name = string_at("file");
        std::vector<std::string> argv;
        if (entry.is_object() && entry.contains("arguments") && entry["arguments"].is_array()) {
            for (const auto& a : entry["arguments"])
                if (a.is_string()) argv.push_back(a.get<std::string>());
        } else {
            argv = split_command_line(string_at("command"));
        }
        if (directory.empty() || name.empty() || argv.empty()) {
            diags.error(Category::Config,
                        "entry " + std::to_string(index) +
                            " of compile_commands.json lacks \"directory\", \"file\" "
                            "or \"command\"/\"arguments\"",
                        {file.string()}, "regenerate it with your build system");
            return std::nullopt;
        }
        c.directory = fs::path(absolute_in(directory, file.parent_path()));
        c.file = fs::path(absolute_in(name, c.directory));
        c.flags = parsing_flags(argv, c.directory);
        out.push_back(std::move(c));
    }
    return out;
}

namespace {

/// Merges one command's flags into `merged` (as flag units), warning about conflicts.
class FlagMerger {
  public:
    FlagMerger(const fs::path& database, support::Diagnostics& diags)
        : database_(database), diags_(diags) {}

    void add(const CompileCommand& c) {
        const auto& f = c.flags;
        for (std::size_t i = 0; i < f.size(); ++i) {
            std::vector<std::string> unit{f[i]};
            bool takes_value = kPathFlags.count(f[i]) || kValueFlags.count(f[i]);
            if (takes_value && i + 1 < f.size()) unit.push_back(f[++i]);
            if (unit[0].rfind("-std=", 0) == 0) {
                if (std_.empty()) {
                    std_ = unit[0];
                    std_from_ = c.file;
                } else if (std_ != unit[0]) {
                    diags_.warning(Category::Config,
                                   c.file.string() + " is compiled with " + unit[0] + ", " +
                                       std_from_.string() + " with " + std_ + "; the scan uses " +
                                       std_,
                                   {database_.string()},
                                   "model headers are parsed as one translation unit with one "
                                   "language mode; set it "
                                   "with [models] extra_args = [\"-std=...\"]");
                }
                continue;
            }
            if ((unit[0] == "-D" || unit[0] == "-U") && unit.size() == 2) {
                std::string name = macro_name(unit[1]);
                std::string meaning = unit[0] + unit[1];
                auto [it, fresh] = macros_.emplace(name, std::make_pair(meaning, c.file));
                if (!fresh && it->second.first != meaning) {
                    diags_.warning(Category::Config,
                                   "macro " + name + " is " + it->second.first + " for " +
                                       it->second.second.string() + " but " + meaning + " for " +
                                       c.file.string() + "; the scan uses " + it->second.first,
                                   {database_.string()},
                                   "model headers are parsed as one translation unit; override it "
                                   "with [models] "
                                   "extra_args");
                }
                if (!fresh) continue;
            }
            if (std::find(units_.begin(), units_.end(), unit) == units_.end())
                units_.push_back(unit);
        }
    }

    std::vector<std::string> flags() const {
        std::vector<std::string> out;
        if (!std_.empty()) out.push_back(std_);
        for (const auto& u : units_) out.insert(out.end(), u.begin(), u.end());
        return out;
    }

  private:
    fs::path database_;
    support::Diagnostics& diags_;
    std::string std_;
    fs::path std_from_;
    std::map<std::string, std::pair<std::string, fs::path>> macros_;
    std::vector<std::vector<std::string>> units_;
};

}  // namespace

CompileCommandsModels models_from_commands(const std::vector<CompileCommand>& commands,
                                           const fs::path& root, const fs::path& database,
                                           support::Diagnostics& diags) {
    CompileCommandsModels out;
    FlagMerger merger(database, diags);
    std::map<fs::path, bool> declares;  // project file -> uses AUTOGEN_TABLE (read once)
    for (const auto& c : commands) {
        if (!is_under(c.file, root)) continue;
        IncludeWalk walk = walk_includes({c.file}, include_search(c.flags, c.directory), root);
        bool contributed = false;
        for (std::size_t i = 1; i < walk.project_files.size(); ++i) {  // [0] is the source itself
            const fs::path& header = walk.project_files[i];
            auto known = declares.find(header);
            if (known == declares.end()) {
                auto text = read_whole_file(header);
                known = declares.emplace(header, text && first_table_use(*text).has_value()).first;
            }
            if (!known->second) continue;
            contributed = true;
            out.via.emplace(header, c.file);
        }
        if (contributed) merger.add(c);
    }
    for (const auto& [header, source] : out.via) out.headers.push_back(header);
    out.flags = merger.flags();
    return out;
}

}  // namespace autogen::scan
