// Loading autogen.toml with toml++: lookup, variable expansion, strict keys.
#include "support/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>

#include "support/text.hpp"

extern char** environ;

namespace autogen::support {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFileName = "autogen.toml";

SourceLocation where(const fs::path& file, const toml::source_region& r) {
    return SourceLocation{file.string(), static_cast<unsigned>(r.begin.line),
                          static_cast<unsigned>(r.begin.column)};
}

/// "2s", "500ms", "1.5min", "0": digits, an optional fraction, an optional unit; the
/// forms PostgreSQL accepts for a time setting, without its spaces and signs.
bool is_postgres_duration(const std::string& value) {
    std::size_t i = 0;
    while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) ++i;
    if (i == 0) return false;
    if (i < value.size() && value[i] == '.') {
        const std::size_t start = ++i;
        while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) ++i;
        if (i == start) return false;
    }
    const std::string unit = value.substr(i);
    return unit.empty() || unit == "us" || unit == "ms" || unit == "s" || unit == "min" ||
           unit == "h" || unit == "d";
}

/// Reads one table's keys into the config, reporting unknown keys and wrong types.
class Reader {
  public:
    Reader(const fs::path& file, const std::map<std::string, std::string>& vars, Diagnostics& diags)
        : file_(file), vars_(vars), diags_(diags) {}

    void check_keys(const toml::table& table, const std::string& section,
                    const std::set<std::string>& known) {
        for (const auto& [k, node] : table) {
            (void)node;
            std::string key(k.str());
            if (!known.count(key)) {
                std::string list;
                for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
                diags_.error(Category::Config, "unknown key '" + key + "' in [" + section + "]",
                             where(file_, k.source()), "known keys of [" + section + "]: " + list);
            }
        }
    }

    void string(const toml::table& table, const char* key, std::string& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        if (auto v = node->value<std::string>()) {
            if (auto expanded = expand_variables(*v, vars_, where(file_, node->source()), diags_))
                out = *expanded;
        } else {
            diags_.error(Category::Config, std::string("'") + key + "' must be a string",
                         where(file_, node->source()), std::string("write ") + key + " = \"...\"");
        }
    }

    void strings(const toml::table& table, const char* key, std::vector<std::string>& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array) {
            diags_.error(Category::Config, std::string("'") + key + "' must be a list of strings",
                         where(file_, node->source()),
                         std::string("write ") + key + " = [\"...\"]");
            return;
        }
        out.clear();
        for (const auto& item : *array) {
            auto v = item.value<std::string>();
            if (!v) {
                diags_.error(Category::Config, std::string("'") + key + "' must hold only strings",
                             where(file_, item.source()), "quote each entry");
                continue;
            }
            if (auto expanded = expand_variables(*v, vars_, where(file_, item.source()), diags_)) {
                out.push_back(*expanded);
            }
        }
    }

    /// `naming = { pk = "...", ... }`: known kinds, string patterns with known tokens.
    void naming(const toml::table& table, NamingConvention& out) {
        const toml::node* node = table.get("naming");
        if (!node) return;
        const toml::table* patterns = node->as_table();
        if (!patterns) {
            diags_.error(Category::Config, "'naming' must be a table of patterns",
                         where(file_, node->source()),
                         "write naming = { pk = \"pk_%(table)s\", uq = "
                         "\"uq_%(table)s_%(column_0_name)s\" }");
            return;
        }
        for (const auto& [k, value] : *patterns) {
            std::string key(k.str());
            auto kind = parse_name_kind(key);
            if (!kind) {
                std::string near = closest(key, {"pk", "uq", "fk", "ix", "ck"});
                diags_.error(Category::Config, "unknown kind '" + key + "' in [models] naming",
                             where(file_, k.source()),
                             (near.empty() ? std::string() : "did you mean '" + near + "'? ") +
                                 "the kinds are pk (primary key), uq (unique constraint), fk "
                                 "(foreign key), ix (index), ck (check constraint)");
                continue;
            }
            auto pattern = value.value<std::string>();
            if (!pattern) {
                diags_.error(Category::Config, "naming pattern '" + key + "' must be a string",
                             where(file_, value.source()), "write " + key + " = \"...\"");
                continue;
            }
            if (auto problem = check_pattern(*kind, *pattern)) {
                diags_.error(Category::Config, problem->message, where(file_, value.source()),
                             problem->hint);
                continue;
            }
            out.patterns[*kind] = *pattern;
            out.at[*kind] = where(file_, value.source());
        }
    }

    void boolean(const toml::table& table, const char* key, bool& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        if (auto v = node->value<bool>()) {
            out = *v;
            return;
        }
        diags_.error(Category::Config, std::string("'") + key + "' must be true or false",
                     where(file_, node->source()), std::string("write ") + key + " = true");
    }

    /// A PostgreSQL duration for lock_timeout: a number, optionally with a unit.
    void postgres_duration(const toml::table& table, const char* key, std::string& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        std::string value;
        string(table, key, value);
        if (!node->value<std::string>()) return;  // reported by string()
        if (!is_postgres_duration(value)) {
            diags_.error(
                Category::Config,
                std::string("'") + key + "' = \"" + value + "\" is not a PostgreSQL duration",
                where(file_, node->source()),
                std::string("write a number with an optional unit (us, ms, s, min, h, "
                            "d), e.g. ") +
                    key + " = \"2s\"");
            return;
        }
        out = value;
    }

    /// A duration in seconds: a non-negative integer or float.
    void seconds(const toml::table& table, const char* key, double& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        auto v = node->value<double>();
        if (!v || *v < 0) {
            diags_.error(Category::Config,
                         std::string("'") + key + "' must be a number of seconds, 0 or more",
                         where(file_, node->source()), std::string("write e.g. ") + key + " = 60");
            return;
        }
        out = *v;
    }

    /// A count: a non-negative integer.
    void count(const toml::table& table, const char* key, int& out) {
        const toml::node* node = table.get(key);
        if (!node) return;
        auto v = node->value<std::int64_t>();
        if (!v || *v < 0 || *v > 1000 || !node->is_integer()) {
            diags_.error(Category::Config,
                         std::string("'") + key + "' must be a whole number from 0 to 1000",
                         where(file_, node->source()), std::string("write e.g. ") + key + " = 3");
            return;
        }
        out = static_cast<int>(*v);
    }

  private:
    const fs::path& file_;
    const std::map<std::string, std::string>& vars_;
    Diagnostics& diags_;
};

const toml::table* section(const toml::table& root, const char* name, const fs::path& file,
                           Diagnostics& diags) {
    const toml::node* node = root.get(name);
    if (!node) return nullptr;
    if (!node->is_table()) {
        diags.error(Category::Config, std::string("'") + name + "' must be a table",
                    where(file, node->source()),
                    std::string("write it as a [") + name + "] section");
        return nullptr;
    }
    return node->as_table();
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    while (true) {
        if (fs::is_regular_file(dir / kFileName, ec)) return dir / kFileName;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
}

std::map<std::string, std::string> current_environment() {
    std::map<std::string, std::string> out;
    for (char** e = environ; e && *e; ++e) {
        std::string entry(*e);
        auto eq = entry.find('=');
        if (eq != std::string::npos) out[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    return out;
}

std::map<std::string, std::string> read_dotenv(const fs::path& file) {
    std::map<std::string, std::string> out;
    std::ifstream in(file);
    std::string line;
    auto trim = [](std::string s) {
        auto b = s.find_first_not_of(" \t\r");
        auto e = s.find_last_not_of(" \t\r");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    bool first = true;
    while (std::getline(in, line)) {
        // A byte order mark would make the first key "\xEF\xBB\xBFKEY", silently unset.
        if (first && line.rfind(kUtf8Bom, 0) == 0) line.erase(0, kUtf8Bom.size());
        first = false;
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("export ", 0) == 0) line = trim(line.substr(7));
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = trim(line.substr(0, eq));
        std::string value = trim(line.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        out[key] = value;
    }
    return out;
}

std::optional<std::string> expand_variables(const std::string& text,
                                            const std::map<std::string, std::string>& vars,
                                            const SourceLocation& loc, Diagnostics& diags) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '$' || i + 1 >= text.size() || text[i + 1] != '{') {
            out += text[i];
            continue;
        }
        auto close = text.find('}', i + 2);
        if (close == std::string::npos) {
            diags.error(Category::Config, "unterminated '${' in \"" + text + "\"", loc,
                        "close it with '}'");
            return std::nullopt;
        }
        std::string body = text.substr(i + 2, close - i - 2);
        std::string name = body;
        std::optional<std::string> fallback;
        if (auto sep = body.find(":-"); sep != std::string::npos) {
            name = body.substr(0, sep);
            fallback = body.substr(sep + 2);
        }
        auto it = vars.find(name);
        if (it != vars.end() && !it->second.empty()) {
            out += it->second;
        } else if (fallback) {
            out += *fallback;
        } else {
            diags.error(
                Category::Config, "environment variable " + name + " is not set", loc,
                "set it, add it to .env beside autogen.toml, or write ${" + name + ":-default}");
            return std::nullopt;
        }
        i = close;
    }
    return out;
}

std::optional<Config> load_config(const fs::path& file,
                                  const std::map<std::string, std::string>& environment,
                                  Diagnostics& diags, ModelsNeeded models) {
    Config config;
    std::error_code ec;
    config.file = fs::absolute(file, ec);
    config.root = config.file.parent_path();

    if (fs::is_directory(config.file, ec)) {
        const fs::path inside = config.file / kFileName;
        diags.error(Category::Config, config.file.string() + " is a folder, not a config file", {},
                    fs::is_regular_file(inside, ec)
                        ? "pass the file: -c " + inside.string()
                        : "pass the path of an autogen.toml (run 'autogen init' in " +
                              config.file.string() + " to create one)");
        return std::nullopt;
    }
    std::ifstream in(config.file);
    if (!in) {
        diags.error(Category::Config, "cannot read " + config.file.string(), {},
                    "run 'autogen init' to create one, or pass -c FILE");
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();

    toml::table root;
    try {
        root = toml::parse(text.str(), config.file.string());
    } catch (const toml::parse_error& e) {
        diags.error(Category::Config, std::string("invalid TOML: ") + std::string(e.description()),
                    where(config.file, e.source()), "fix the syntax at that position");
        return std::nullopt;
    }

    // The environment wins over .env, as with docker-compose and python-dotenv.
    auto vars = read_dotenv(config.root / ".env");
    for (const auto& [k, v] : environment) vars[k] = v;

    std::size_t errors_before = diags.error_count();
    Reader r(config.file, vars, diags);
    r.check_keys(root, "top level", {"database", "models", "migrations", "postgresql", "hooks"});
    if (const auto* t = section(root, "database", config.file, diags)) {
        r.check_keys(*t, "database", {"url", "dialects", "dev_url"});
        r.string(*t, "url", config.database.url);
        r.strings(*t, "dialects", config.database.dialects);
        config.database.dialects_given = t->contains("dialects");
        if (const toml::node* node = t->get("dialects"))
            config.database.dialects_at = where(config.file, node->source());
        r.string(*t, "dev_url", config.database.dev_url);
    }
    if (const auto* t = section(root, "models", config.file, diags)) {
        r.check_keys(*t, "models",
                     {"headers", "compile_commands", "include_dirs", "exclude_tables", "ignore",
                      "extra_args", "naming", "sql"});
        r.strings(*t, "headers", config.models.headers);
        r.string(*t, "compile_commands", config.models.compile_commands);
        r.strings(*t, "include_dirs", config.models.include_dirs);
        r.strings(*t, "exclude_tables", config.models.exclude_tables);
        r.strings(*t, "ignore", config.models.ignore);
        r.strings(*t, "extra_args", config.models.extra_args);
        r.naming(*t, config.models.naming);
        config.models.sql_given = t->contains("sql");
        r.strings(*t, "sql", config.models.sql);
    }
    if (const auto* t = section(root, "migrations", config.file, diags)) {
        r.check_keys(*t, "migrations",
                     {"dir", "file_template", "timezone", "version_table", "templates",
                      "lock_timeout", "lock_timeout_retries", "lock_timeout_retry_delay"});
        r.string(*t, "dir", config.migrations.dir);
        r.string(*t, "file_template", config.migrations.file_template);
        r.string(*t, "timezone", config.migrations.timezone);
        r.string(*t, "version_table", config.migrations.version_table);
        r.string(*t, "templates", config.migrations.templates);
        r.seconds(*t, "lock_timeout", config.migrations.lock_timeout);
        r.count(*t, "lock_timeout_retries", config.migrations.lock_timeout_retries);
        r.seconds(*t, "lock_timeout_retry_delay", config.migrations.lock_timeout_retry_delay);
    }
    if (const auto* t = section(root, "postgresql", config.file, diags)) {
        r.check_keys(*t, "postgresql", {"online", "lock_timeout"});
        r.boolean(*t, "online", config.postgresql.online);
        r.postgres_duration(*t, "lock_timeout", config.postgresql.lock_timeout);
    }
    if (const auto* t = section(root, "hooks", config.file, diags)) {
        r.check_keys(*t, "hooks", {"post_write"});
        r.strings(*t, "post_write", config.hooks.post_write);
    }
    if (models == ModelsNeeded::Yes && config.models.headers.empty() &&
        config.models.compile_commands.empty() && diags.error_count() == errors_before) {
        diags.error(Category::Config, "no models configured", SourceLocation{config.file.string()},
                    "add [models] headers = [\"src/models/**/*.hpp\"] (and/or compile_commands)");
    }
    if (config.database.dialects.empty()) {
        diags.error(Category::Config, "[database] dialects is empty",
                    SourceLocation{config.file.string()},
                    "list at least one dialect, e.g. dialects = [\"sqlite\"]");
    }
    if (diags.error_count() != errors_before) return std::nullopt;
    return config;
}

OnlinePlanning online_planning(const Config& config) {
    const auto& dialects = config.database.dialects;
    return {config.postgresql.online, config.postgresql.lock_timeout,
            std::find(dialects.begin(), dialects.end(), "postgresql") != dialects.end()};
}

}  // namespace autogen::support
