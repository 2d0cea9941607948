// The generic linter (linter.hpp).
#include "lint/linter.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "lint/transaction_rules.hpp"
#include "migrate/sql_splitter.hpp"
#include "support/text.hpp"

namespace autogen::lint {

namespace {

std::vector<std::string_view> file_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

/// One `-- autogen:lint ignore CODES reason` comment.
struct Ignore {
    unsigned line = 0;
    std::vector<std::string> codes;
    std::string reason;
};

std::optional<Ignore> parse_ignore(std::string_view line, unsigned number) {
    auto text = support::trim(line);
    if (text.substr(0, 2) != "--") return std::nullopt;
    text = support::trim(text.substr(2));
    if (text.substr(0, kIgnoreMarker.size()) != kIgnoreMarker) return std::nullopt;
    text = support::trim(text.substr(kIgnoreMarker.size()));
    Ignore ignore;
    ignore.line = number;
    auto space = text.find_first_of(" \t");
    auto codes = text.substr(0, space);
    ignore.reason = space == std::string_view::npos ? "" : support::trimmed(text.substr(space));
    std::size_t start = 0;
    while (start < codes.size()) {
        auto comma = codes.find(',', start);
        if (comma == std::string_view::npos) comma = codes.size();
        if (comma > start)
            ignore.codes.push_back(support::to_upper(codes.substr(start, comma - start)));
        start = comma + 1;
    }
    return ignore;
}

bool is_comment(std::string_view line) { return support::trim(line).substr(0, 2) == "--"; }

bool is_section_marker(std::string_view line) {
    auto text = support::trim(line);
    return text.substr(0, 11) == "-- +upgrade" || text.substr(0, 13) == "-- +downgrade";
}

/// The column of `sql`'s first characters in `line` (1 when not found there).
unsigned column_in(std::string_view line, std::string_view sql) {
    auto first = sql.substr(0, std::min(sql.find('\n'), std::size_t{40}));
    auto at = line.find(first);
    return at == std::string_view::npos ? 1 : static_cast<unsigned>(at + 1);
}

std::vector<LintStatement> statements_of(const migrate::Section& section,
                                         const std::vector<std::string_view>& lines,
                                         const LintRules& rules) {
    std::vector<LintStatement> out;
    for (auto& s : migrate::split_statements(section.sql, section.first_line)) {
        LintStatement st;
        st.line = s.line;
        st.column = s.line >= 1 && s.line <= lines.size() ? column_in(lines[s.line - 1], s.sql) : 1;
        st.tokens = tokenize(s.sql, rules.quoting(), st.line, st.column);
        st.sql = std::move(s.sql);
        if (!st.tokens.empty()) out.push_back(std::move(st));
    }
    return out;
}

bool covers(const Ignore& ignore, const std::string& code) {
    return !ignore.reason.empty() &&
           std::find(ignore.codes.begin(), ignore.codes.end(), code) != ignore.codes.end();
}

}  // namespace

LintResult lint_revision(const migrate::Revision& revision, std::string_view file_text,
                         const std::string& dialect, const LintRules& rules, LintState& state) {
    const auto lines = file_lines(file_text);
    LintResult result;

    // The ignore comments: those of the header apply to the whole file.
    std::vector<Ignore> file_ignores;
    std::map<unsigned, Ignore> ignores_by_line;
    bool in_header = true;
    for (unsigned i = 0; i < lines.size(); ++i) {
        if (is_section_marker(lines[i])) in_header = false;
        auto ignore = parse_ignore(lines[i], i + 1);
        if (!ignore) continue;
        LintFinding problem;
        if (ignore->codes.empty() || ignore->reason.empty()) {
            problem = make_finding(
                "AG001", "this ignore comment gives no reason, so it silences nothing",
                "write the rule's code and why the statement is safe here: "
                "'-- autogen:lint ignore AG101 the table is created in this revision'");
        } else {
            for (const auto& code : ignore->codes)
                if (!find_rule(code))
                    problem = make_finding("AG002", "no lint rule has the code '" + code + "'",
                                           "use a code from docs/lint.md (e.g. AG101)");
        }
        if (!problem.code.empty()) {
            problem.line = i + 1;
            problem.column = 1;
            problem.statement = support::trimmed(lines[i]);
            result.findings.push_back(std::move(problem));
        }
        if (in_header)
            file_ignores.push_back(*ignore);
        else
            ignores_by_line[i + 1] = std::move(*ignore);
    }

    const auto* up = revision.section(migrate::Direction::Upgrade, dialect);
    const auto* down = revision.section(migrate::Direction::Downgrade, dialect);
    std::vector<LintStatement> up_statements, down_statements;
    if (up) up_statements = statements_of(*up, lines, rules);
    if (down) down_statements = statements_of(*down, lines, rules);

    std::vector<LintFinding> found;
    auto run = [&](const migrate::Section* section, migrate::Direction direction,
                   const std::vector<LintStatement>& statements,
                   const std::vector<LintStatement>& opposite, LintState& section_state) {
        if (!section) return;
        SectionInput input{&revision, section, direction, statements, &opposite};
        std::vector<LintFinding> section_found;
        rules.check(input, section_state, section_found);
        check_transaction_control(input, section_found);
        for (auto& f : section_found) {
            f.direction = migrate::to_string(direction);
            found.push_back(std::move(f));
        }
    };
    run(up, migrate::Direction::Upgrade, up_statements, down_statements, state);
    LintState scratch = state;  // a downgrade's changes never stand for the chain
    run(down, migrate::Direction::Downgrade, down_statements, up_statements, scratch);

    for (auto& f : found) {
        bool silenced = std::any_of(file_ignores.begin(), file_ignores.end(),
                                    [&](const Ignore& i) { return covers(i, f.code); });
        // The comment lines right above the statement.
        for (unsigned l = f.line;
             !silenced && l > 1 && l - 2 < lines.size() && is_comment(lines[l - 2]); --l) {
            auto it = ignores_by_line.find(l - 1);
            silenced = it != ignores_by_line.end() && covers(it->second, f.code);
        }
        (silenced ? result.suppressed : result.findings).push_back(std::move(f));
    }
    for (auto* list : {&result.findings, &result.suppressed}) {
        for (auto& f : *list) {
            f.path = revision.path;
            f.dialect = dialect;
        }
        std::stable_sort(
            list->begin(), list->end(),
            [](const LintFinding& a, const LintFinding& b) { return a.line < b.line; });
    }
    return result;
}

}  // namespace autogen::lint
