// Revision files out: template context, Jinja rendering, file naming and the atomic
// write. The layout itself lives in templates/revision.sql.j2, never here.
#include "migrate/revision_writer.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "jinja/environment.hpp"
#include "migrate/atomic_file.hpp"
#include "migrate/revision_file.hpp"
#include "support/printable_text.hpp"
#include "support/resource_paths.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

namespace fs = std::filesystem;
using support::Category;

namespace {

/// Header values are single lines: newlines would break the header apart (a multi-line
/// -m becomes one line), and any other control character would end the `-- ` comment
/// (a CR, for psql) or reach a terminal, so it is escaped (support::one_line_text).
std::string one_line(std::string_view s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return support::one_line_text(out);
}

/// A statement's comment as `-- ` lines: split at line feeds, each line escaped, so no
/// text (a doc comment, a name) can end its comment and become SQL.
std::vector<std::string> lines_of(std::string_view s) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    while (true) {
        auto nl = s.find('\n', start);
        out.emplace_back(support::one_line_text(
            s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

nlohmann::ordered_json statement_json(const codegen::Statement& s) {
    std::string sql = s.sql;
    // Statement::sql comes without ';' (the template adds it); be lenient anyway.
    while (!sql.empty() &&
           (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';'))
        sql.pop_back();
    return {{"sql", sql},
            {"comment", s.comment},
            {"comment_lines", lines_of(s.comment)},
            {"destructive", s.destructive},
            {"warning", one_line(s.warning.empty() && s.destructive ? "this statement destroys data"
                                                                    : s.warning)},
            {"no_transaction", s.no_transaction}};
}

nlohmann::ordered_json section_json(const char* kind,
                                    const std::vector<codegen::Statement>& statements) {
    auto list = nlohmann::ordered_json::array();
    bool no_transaction = false;
    for (const auto& s : statements) {
        list.push_back(statement_json(s));
        no_transaction = no_transaction || s.no_transaction;
    }
    return {{"kind", kind}, {"no_transaction", no_transaction}, {"statements", list}};
}

}  // namespace

std::string slugify(std::string_view message) {
    std::string out;
    for (char c : message) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            out.push_back(static_cast<char>(std::tolower(u)));
        } else if (!out.empty() && out.back() != '_') {
            out.push_back('_');
        }
    }
    if (out.size() > 40) out.resize(40);
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

std::vector<fs::path> template_search_path(const std::optional<fs::path>& project_templates) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (project_templates && fs::is_directory(*project_templates, ec))
        out.push_back(*project_templates);
    if (auto builtin = support::builtin_template_dir()) out.push_back(*builtin);
    return out;
}

namespace {

/// Where the tz database lives (TZDIR, as the C library reads it, else Debian's folder).
fs::path zoneinfo_dir() {
    const char* dir = std::getenv("TZDIR");
    return dir && *dir ? fs::path(dir) : fs::path("/usr/share/zoneinfo");
}

/// `tt` as wall-clock time in the IANA zone `zone` ("Europe/Paris"). The C library only
/// converts to the zone named by TZ, so TZ is switched for the call and restored: fine in
/// the single-threaded CLI, and the one place that needs a named zone. False when the
/// zone is not in the tz database (the C library would silently fall back to UTC).
bool local_time_in(const std::string& zone, std::time_t tt, std::tm& out) {
    std::error_code ec;
    if (zone.empty() || zone.front() == '/' || zone.find("..") != std::string::npos ||
        !fs::is_regular_file(zoneinfo_dir() / zone, ec)) {
        return false;
    }
    const char* previous = std::getenv("TZ");
    const std::optional<std::string> saved =
        previous ? std::optional<std::string>(previous) : std::nullopt;
    setenv("TZ", zone.c_str(), 1);
    tzset();
    bool ok = localtime_r(&tt, &out) != nullptr;
    if (saved)
        setenv("TZ", saved->c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
    return ok;
}

}  // namespace

std::optional<std::string> revision_file_name(const RevisionDraft& draft,
                                              const WriterOptions& options,
                                              support::Diagnostics& diags) {
    std::tm tm{};
    std::time_t tt = std::chrono::system_clock::to_time_t(draft.created);
    if (options.timezone == "UTC" || options.timezone == "utc") {
        gmtime_r(&tt, &tm);
    } else if (options.timezone == "local") {
        localtime_r(&tt, &tm);
    } else if (!local_time_in(options.timezone, tt, tm)) {
        diags.error(
            Category::Config,
            "[migrations] timezone \"" + options.timezone +
                "\" is not a time zone of this machine's tz database",
            {},
            "use \"UTC\", \"local\" or an IANA name such as \"Europe/Paris\" (a file under " +
                zoneinfo_dir().string() + ")");
        return std::nullopt;
    }
    // {rev} and {slug} first: neither can contain '%', so strftime leaves them alone.
    std::string pattern = options.file_template;
    for (auto [key, value] : {std::pair<std::string, std::string>{"{rev}", draft.id},
                              {"{slug}", slugify(draft.message)}}) {
        for (auto pos = pattern.find(key); pos != std::string::npos;
             pos = pattern.find(key, pos + value.size())) {
            pattern.replace(pos, key.size(), value);
        }
    }
    std::string name;
    if (!pattern.empty()) {
        std::vector<char> buf(pattern.size() * 4 + 256);
        std::size_t n = std::strftime(buf.data(), buf.size(), pattern.c_str(), &tm);
        name.assign(buf.data(), n);
    }
    // An empty slug would leave "..._" at the end.
    while (!name.empty() && (name.back() == '_' || name.back() == '-')) name.pop_back();
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".sql") != 0) name += ".sql";
    if (name == ".sql" || name.front() == '.' || name.find('/') != std::string::npos) {
        diags.error(Category::Config,
                    "[migrations] file_template \"" + options.file_template +
                        "\" gives the file name \"" + name + "\"",
                    {},
                    "use strftime fields, {rev} and {slug}, without '/' and not starting with '.'");
        return std::nullopt;
    }
    return name;
}

nlohmann::ordered_json revision_context(const RevisionDraft& draft) {
    auto dialects = nlohmann::ordered_json::array();
    for (const auto& d : draft.dialects) {
        auto up = section_json("upgrade", d.upgrade);
        auto down = section_json("downgrade", d.downgrade);
        dialects.push_back({{"name", d.dialect},
                            {"upgrade", up["statements"]},
                            {"downgrade", down["statements"]},
                            {"upgrade_no_transaction", up["no_transaction"]},
                            {"downgrade_no_transaction", down["no_transaction"]},
                            {"sections", {up, down}}});
    }
    return {{"revision", draft.id},
            {"down_revision", draft.down_revisions.empty()
                                  ? std::string("none")
                                  : support::join_with(draft.down_revisions, ", ")},
            {"down_revisions", draft.down_revisions},
            {"message", one_line(draft.message)},
            {"created", format_created(draft.created)},
            {"branch_labels", draft.branch_labels},
            {"depends_on", draft.depends_on},
            {"operations", draft.operations},
            {"dialects", dialects}};
}

std::optional<std::string> render_revision(const RevisionDraft& draft, const WriterOptions& options,
                                           support::Diagnostics& diags) {
    if (!valid_revision_id(draft.id)) {
        diags.error(Category::Usage, "\"" + draft.id + "\" is not a valid revision id", {},
                    "use 1-64 letters, digits, '_' or '-' (not head, heads, base or none)");
        return std::nullopt;
    }
    auto search = options.template_search_path.empty() ? template_search_path(std::nullopt)
                                                       : options.template_search_path;
    codegen::jinja::Options jopts;
    jopts.trim_blocks = true;
    jopts.lstrip_blocks = true;
    jopts.strict_undefined = true;
    codegen::jinja::Environment env(search, jopts);
    auto text = env.render(options.template_name, revision_context(draft), diags);
    if (!text) return std::nullopt;
    // Exactly one final newline, whatever the template does at its end.
    while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
    *text += '\n';

    // What we write must read back: a project template that breaks the header or the
    // section lines is caught here, before a file exists.
    std::vector<std::string> dialects;
    for (const auto& d : draft.dialects) dialects.push_back(d.dialect);
    support::Diagnostics check;
    auto parsed = parse_revision(*text, options.template_name + " output", dialects, check);
    if (!parsed || parsed->id != draft.id) {
        // Name the first error, not a warning that came before it (an unknown header line).
        std::string why;
        for (const auto& d : check.items()) {
            if (d.severity == support::Severity::Error) {
                why = ": " + d.message;
                break;
            }
        }
        diags.error(
            Category::Template,
            "the revision template " + options.template_name +
                " produced a file autogen cannot read back" + why,
            {},
            "keep the header lines and the \"-- +upgrade <dialect>\" / \"-- +downgrade <dialect>\" "
            "lines of "
            "templates/revision.sql.j2 in your template");
        return std::nullopt;
    }
    return text;
}

std::optional<fs::path> write_revision(const RevisionDraft& draft, const WriterOptions& options,
                                       support::Diagnostics& diags) {
    auto name = revision_file_name(draft, options, diags);
    if (!name) return std::nullopt;
    auto text = render_revision(draft, options, diags);
    if (!text) return std::nullopt;

    std::error_code ec;
    fs::create_directories(options.migrations_dir, ec);
    fs::path target = options.migrations_dir / *name;
    if (fs::exists(target, ec)) {
        diags.error(Category::Io, "revision file already exists; not overwriting it",
                    {target.string()},
                    "choose another --rev-id or message, or move the existing file away");
        return std::nullopt;
    }
    // No half-written revision is ever visible, and no temporary file is left behind.
    const int saved = write_file_atomically(target, *text, /*replace=*/false);
    const bool ok = saved == 0;
    if (!ok) {
        diags.error(Category::Io,
                    std::string("cannot write revision file: ") + std::strerror(saved),
                    {target.string()},
                    saved == EEXIST
                        ? "another file with this name appeared; run the command again"
                        : "check that the migrations folder is writable and the disk is not full");
        return std::nullopt;
    }
    return target;
}

}  // namespace autogen::migrate
