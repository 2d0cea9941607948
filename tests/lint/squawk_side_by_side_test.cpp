// The side by side with squawk (docs/lint.md, "Side by side with squawk"): every PostgreSQL
// revision of the corpus -- the golden sections the planners write (tests/golden/postgresql,
// tests/golden/postgresql_online) and the hand-written dangerous and safe cases of
// tests/lint/squawk_corpus -- linted section by section by the pinned squawk (AUTOGEN_SQUAWK,
// installed by scripts/install-deps.sh) and by autogen's linter. Each squawk finding must be
// answered by an autogen finding of a code tests/lint/squawk_rules.json maps its rule to, on
// the same statement, or be one the mapping gives a reason for; docs/lint.md's table of both
// tools' findings is made from the run (AUTOGEN_UPDATE_GOLDEN=1 rewrites it).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "migrate/sql_splitter.hpp"
#include "tests/support/lint_test_fixtures.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using autogen::lint::LintSeverity;

namespace {

const fs::path kSource = AUTOGEN_SOURCE_DIR;
const fs::path kMapping = kSource / "tests" / "lint" / "squawk_rules.json";
const fs::path kDocs = kSource / "docs" / "lint.md";
const std::string kTableBegin = "<!-- squawk-table: begin";
const std::string kTableEnd = "<!-- squawk-table: end -->";
/// The one condition an exception may name besides a statement pattern.
const std::string kDropsCreatedTable = "drops a table the revision's upgrade creates";

// --- the mapping (tests/lint/squawk_rules.json) --------------------------------------

/// A kind of squawk finding autogen answers otherwise: an exception (a reason) or an
/// autogen miss (a note on what lint lacks).
struct Exception {
    std::string pattern;  ///< on the statement squawk names (whitespace collapsed), or empty
    std::string when;     ///< kDropsCreatedTable, or empty
    std::string text;     ///< the reason or the note
    bool miss = false;
    std::regex re;
};

struct RuleMapping {
    std::string rule;
    std::vector<std::string> codes;  ///< autogen codes that answer it
    bool section_scope = false;      ///< answered anywhere in the section (once-per-section rules)
    std::string not_applicable;      ///< the reason the whole rule does not apply
    std::vector<Exception> exceptions;
};

struct Mapping {
    std::string squawk_version, pg_version;
    std::vector<RuleMapping> rules;
    std::vector<std::string> problems;  ///< what is wrong with the file itself

    const RuleMapping* find(const std::string& rule) const {
        for (const auto& r : rules)
            if (r.rule == rule) return &r;
        return nullptr;
    }
};

Mapping load_mapping() {
    Mapping m;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(autogen::testing::read_file(kMapping));
        m.squawk_version = doc.at("squawk").get<std::string>();
        m.pg_version = doc.at("pg_version").get<std::string>();
        for (const auto& entry : doc.at("rules")) {
            RuleMapping r;
            r.rule = entry.at("rule").get<std::string>();
            for (const auto& [key, value] : entry.items()) {
                if (key == "rule") continue;
                if (key == "autogen") {
                    r.codes = value.get<std::vector<std::string>>();
                } else if (key == "scope") {
                    r.section_scope = value.get<std::string>() == "section";
                    if (!r.section_scope && value.get<std::string>() != "statement")
                        m.problems.push_back(r.rule + ": scope is 'statement' or 'section'");
                } else if (key == "not_applicable") {
                    r.not_applicable = value.get<std::string>();
                } else if (key == "except" || key == "miss") {
                    for (const auto& e : value) {
                        Exception x;
                        x.miss = key == "miss";
                        x.pattern = e.value("statement", "");
                        x.when = e.value("when", "");
                        x.text = e.value(x.miss ? "note" : "reason", "");
                        if (x.text.empty() || (x.pattern.empty() && x.when.empty()) ||
                            (!x.when.empty() && x.when != kDropsCreatedTable))
                            m.problems.push_back(r.rule + ": an entry of '" + key +
                                                 "' needs a statement pattern or a known 'when', "
                                                 "and a " +
                                                 (x.miss ? "note" : "reason"));
                        x.re = std::regex(x.pattern, std::regex::ECMAScript | std::regex::icase);
                        r.exceptions.push_back(std::move(x));
                    }
                } else {
                    m.problems.push_back(r.rule + ": unknown key '" + key + "'");
                }
            }
            const bool answered = !r.codes.empty() || !r.exceptions.empty();
            if (answered == !r.not_applicable.empty())
                m.problems.push_back(
                    r.rule + ": give autogen codes (or misses), or a not_applicable reason");
            for (const auto& code : r.codes)
                if (!autogen::lint::find_rule(code))
                    m.problems.push_back(r.rule + ": autogen has no rule " + code);
            if (m.find(r.rule)) m.problems.push_back(r.rule + ": listed twice");
            m.rules.push_back(std::move(r));
        }
    } catch (const std::exception& e) {
        m.problems.push_back(std::string("cannot read it: ") + e.what());
    }
    return m;
}

// --- squawk ----------------------------------------------------------------------------

/// The pinned squawk, or a FAIL saying how to install it.
std::string squawk_binary(const Mapping& m) {
    const std::string path = AUTOGEN_SQUAWK;
    const std::string install = "run scripts/install-deps.sh (it installs squawk-cli@" +
                                m.squawk_version +
                                " into AUTOGEN_TOOLS_DIR, default /opt/autogen-tools), then "
                                "configure the build again";
    if (path.empty() || !fs::exists(path))
        FAIL("squawk not found at '" << path << "': " << install);
    auto r = autogen::testing::run_process({path, "--version"}, fs::temp_directory_path());
    auto version = r.out.substr(0, r.out.find('\n'));
    if (version != "squawk " + m.squawk_version)
        FAIL(path << " is '" << version << "', not squawk " << m.squawk_version << ": " << install);
    return path;
}

// --- the corpus ---------------------------------------------------------------------------

struct CorpusFile {
    std::string name;  ///< relative to the source tree
    fs::path path;
    bool safe = false;  ///< a hand-written safe counterpart (tests/lint/squawk_corpus/*_safe.sql)
};

std::vector<CorpusFile> corpus_files() {
    std::vector<CorpusFile> out;
    for (const char* dir : {"tests/golden/postgresql", "tests/golden/postgresql_online",
                            "tests/lint/squawk_corpus"}) {
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(kSource / dir))
            if (entry.path().extension() == ".sql") paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) {
            const std::string stem = p.stem().string();
            const bool safe = std::string(dir) == "tests/lint/squawk_corpus" && stem.size() > 5 &&
                              stem.substr(stem.size() - 5) == "_safe";
            out.push_back({std::string(dir) + "/" + p.filename().string(), p, safe});
        }
    }
    return out;
}

struct Statement {
    unsigned first = 0, last = 0;  ///< lines of the revision text
    std::string text;              ///< whitespace collapsed
};

struct Section {
    std::string direction;
    bool no_transaction = false;
    std::vector<Statement> statements;
};

struct SquawkFinding {
    std::string rule, message;
    unsigned line = 0;  ///< of the revision text
    std::size_t section = 0;
    int statement = -1;
};

struct AutogenFinding {
    std::string code;
    LintSeverity severity = LintSeverity::Info;
    unsigned line = 0;
    std::string direction;
    bool suppressed = false;
    std::size_t section = 0;
    int statement = -1;
};

/// One corpus file linted by both tools.
struct FileRun {
    CorpusFile file;
    int shift = 0;  ///< the file's line = the revision text's line - shift
    std::vector<Section> sections;
    std::vector<SquawkFinding> squawk;
    std::vector<AutogenFinding> autogen;
    std::vector<std::string> problems;  ///< squawk failed, or could not parse the file

    std::string where(unsigned line) const {
        return file.name + ":" + std::to_string(static_cast<int>(line) - shift);
    }
};

std::string collapse(const std::string& sql) {
    std::string out;
    for (char c : sql) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// The golden file's sections under a revision header (its own comment header dropped),
/// as lib/lint/golden_lint_test.cpp wraps them; `shift` is set to the line difference.
std::string as_revision(const std::string& text, int& shift) {
    const std::string header =
        "-- autogen revision\n-- revision: 0123456789ab\n-- down_revision: none\n"
        "-- message: squawk side by side\n-- created: 2026-12-06T00:00:00Z\n";
    const auto from = text.find("\n-- +") + 1;
    shift = static_cast<int>(std::count(header.begin(), header.end(), '\n')) -
            static_cast<int>(std::count(text.begin(), text.begin() + from, '\n'));
    return header + text.substr(from);
}

int statement_at(const Section& section, unsigned line) {
    for (std::size_t i = 0; i < section.statements.size(); ++i)
        if (line >= section.statements[i].first && line <= section.statements[i].last)
            return static_cast<int>(i);
    return -1;
}

FileRun run_file(const CorpusFile& file, const std::string& squawk, const Mapping& m,
                 const autogen::testing::TempDir& scratch) {
    FileRun run;
    run.file = file;
    const std::string text = as_revision(autogen::testing::read_file(file.path), run.shift);

    autogen::support::Diagnostics diags;
    auto revision = autogen::migrate::parse_revision(text, "migrations/0123456789ab.sql",
                                                     {"postgresql"}, diags);
    if (!revision) {
        run.problems.push_back(file.name + " is not a revision file autogen reads");
        return run;
    }
    std::vector<std::string> lines;
    {
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    const fs::path config = scratch.write("squawk.toml", "");
    for (auto direction :
         {autogen::migrate::Direction::Upgrade, autogen::migrate::Direction::Downgrade}) {
        const auto* section = revision->section(direction, "postgresql");
        if (!section) continue;
        Section s;
        s.direction = autogen::migrate::to_string(direction);
        s.no_transaction = section->no_transaction;
        for (const auto& st : autogen::migrate::split_statements(section->sql, section->first_line))
            s.statements.push_back(
                {st.line,
                 st.line + static_cast<unsigned>(std::count(st.sql.begin(), st.sql.end(), '\n')),
                 collapse(st.sql)});
        const std::size_t index = run.sections.size();
        run.sections.push_back(s);

        // squawk sees the section alone, at its own lines, in a transaction unless the
        // section is marked no-transaction (as the runner runs it).
        std::string input(section->first_line - 1, '\n');
        input += section->sql;
        const fs::path sql = scratch.write("section.sql", input);
        std::vector<std::string> argv = {squawk,       "--reporter", "json",         "--pg-version",
                                         m.pg_version, "--config",   config.string()};
        if (!s.no_transaction) argv.push_back("--assume-in-transaction");
        argv.push_back(sql.string());
        auto r = autogen::testing::run_process(argv, scratch.path());
        nlohmann::json found;
        try {
            found = nlohmann::json::parse(r.out);
        } catch (const std::exception&) {
            found = nullptr;
        }
        if ((r.code != 0 && r.code != 1) || !found.is_array()) {
            run.problems.push_back(file.name + " (" + s.direction + "): " + r.transcript());
            continue;
        }
        for (const auto& f : found) {
            SquawkFinding sf;
            sf.rule = f.value("rule_name", "");
            sf.message = f.value("message", "");
            sf.line = f.value("line", 0u) + 1;  // squawk's JSON lines count from 0
            sf.section = index;
            sf.statement = statement_at(s, sf.line);
            if (sf.rule == "syntax-error")
                run.problems.push_back("squawk cannot parse " + run.where(sf.line) + ": " +
                                       sf.message);
            else if (sf.statement < 0)
                run.problems.push_back("squawk's " + sf.rule + " at " + run.where(sf.line) +
                                       " is on no statement of the section");
            run.squawk.push_back(sf);
        }
    }

    auto result = autogen::lint::testing::lint_text("postgresql", text);
    auto add = [&run](const autogen::lint::LintFinding& f, bool suppressed) {
        AutogenFinding af{f.code, f.severity, f.line, f.direction, suppressed};
        for (std::size_t i = 0; i < run.sections.size(); ++i) {
            if (run.sections[i].direction != f.direction) continue;
            af.section = i;
            af.statement = statement_at(run.sections[i], f.line);
        }
        run.autogen.push_back(af);
    };
    for (const auto& f : result.findings) add(f, false);
    for (const auto& f : result.suppressed) add(f, true);
    return run;
}

// --- the verdicts --------------------------------------------------------------------------

enum class Verdict { Answered, Exception, Miss, NotApplicable, Unexplained, UnknownRule };

struct Judged {
    const FileRun* run = nullptr;
    const SquawkFinding* finding = nullptr;
    Verdict verdict = Verdict::Unexplained;
    const Exception* exception = nullptr;
};

/// The DROP TABLE at `statement` of a downgrade drops only tables that a CREATE TABLE
/// of the same revision's upgrade creates.
bool drops_created_table(const FileRun& run, const Section& section, const Statement& statement) {
    static const std::regex drop("^DROP TABLE (IF EXISTS )?(.+?)( CASCADE| RESTRICT)?$",
                                 std::regex::icase);
    std::smatch m;
    if (section.direction != "downgrade" || !std::regex_match(statement.text, m, drop))
        return false;
    std::set<std::string> created;
    static const std::regex create("^CREATE TABLE (IF NOT EXISTS )?([^ (]+)", std::regex::icase);
    for (const auto& s : run.sections) {
        if (s.direction != "upgrade") continue;
        for (const auto& st : s.statements) {
            std::smatch c;
            if (std::regex_search(st.text, c, create)) created.insert(c[2].str());
        }
    }
    std::stringstream names(m[2].str());
    for (std::string name; std::getline(names, name, ',');) {
        name.erase(0, name.find_first_not_of(' '));
        if (!created.count(name)) return false;
    }
    return true;
}

bool answers(const AutogenFinding& a, const SquawkFinding& f, const RuleMapping& r) {
    if (a.section != f.section) return false;
    if (std::find(r.codes.begin(), r.codes.end(), a.code) == r.codes.end()) return false;
    return r.section_scope || a.statement == f.statement;
}

Judged judge(const FileRun& run, const SquawkFinding& f, const Mapping& m) {
    Judged j{&run, &f};
    const RuleMapping* r = m.find(f.rule);
    if (!r) {
        j.verdict = Verdict::UnknownRule;
        return j;
    }
    for (const auto& a : run.autogen)
        if (answers(a, f, *r)) {
            j.verdict = Verdict::Answered;
            return j;
        }
    if (f.statement >= 0) {
        const auto& section = run.sections[f.section];
        const auto& statement = section.statements[static_cast<std::size_t>(f.statement)];
        for (const auto& e : r->exceptions) {
            if (!e.pattern.empty() && !std::regex_search(statement.text, e.re)) continue;
            if (!e.when.empty() && !drops_created_table(run, section, statement)) continue;
            j.verdict = e.miss ? Verdict::Miss : Verdict::Exception;
            j.exception = &e;
            return j;
        }
    }
    j.verdict = r->not_applicable.empty() ? Verdict::Unexplained : Verdict::NotApplicable;
    return j;
}

/// Both tools over the whole corpus, once per test binary run.
struct CorpusRun {
    Mapping mapping;
    std::vector<FileRun> files;
    std::vector<Judged> judged;
};

const CorpusRun& corpus_run() {
    static const CorpusRun run = [] {
        CorpusRun c;
        c.mapping = load_mapping();
        REQUIRE_MESSAGE(c.mapping.problems.empty(), kMapping.string()
                                                        << ": " << c.mapping.problems.front());
        const std::string squawk = squawk_binary(c.mapping);
        autogen::testing::TempDir scratch;
        for (const auto& file : corpus_files())
            c.files.push_back(run_file(file, squawk, c.mapping, scratch));
        for (const auto& f : c.files)
            for (const auto& s : f.squawk) c.judged.push_back(judge(f, s, c.mapping));
        return c;
    }();
    return run;
}

std::string statement_of(const FileRun& run, const SquawkFinding& f) {
    if (f.statement < 0) return "?";
    return run.sections[f.section].statements[static_cast<std::size_t>(f.statement)].text;
}

// --- the table (docs/lint.md) ---------------------------------------------------------------

/// `text` in a Markdown table cell: its '|' escaped.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string codes_cell(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out.empty() ? "-" : out;
}

std::string make_table(const CorpusRun& c) {
    std::size_t golden = 0, handwritten = 0, sections = 0, statements = 0, squawk = 0, autogen = 0;
    for (const auto& f : c.files) {
        (f.file.name.rfind("tests/golden/", 0) == 0 ? golden : handwritten) += 1;
        sections += f.sections.size();
        for (const auto& s : f.sections) statements += s.statements.size();
        squawk += f.squawk.size();
        autogen += f.autogen.size();
    }
    std::ostringstream out;
    out << kTableBegin
        << " (made by tests/lint/squawk_side_by_side_test.cpp; AUTOGEN_UPDATE_GOLDEN=1 ctest -R "
           "\"lint squawk\" rewrites it) -->\n"
        << "Corpus: " << golden << " golden revision files and " << handwritten
        << " hand-written ones, " << sections << " sections, " << statements
        << " statements. squawk " << c.mapping.squawk_version << " (`--pg-version "
        << c.mapping.pg_version << "`): " << squawk << " findings; autogen lint: " << autogen
        << " findings (suppressed ones included).\n\n"
        << "| squawk rule | squawk findings | autogen code | answered by autogen | explained "
           "by a reason | autogen misses |\n"
        << "|---|---|---|---|---|---|\n";
    std::ostringstream why;  // the reasons and misses, one row each
    for (const auto& r : c.mapping.rules) {
        std::size_t total = 0, answered = 0, explained = 0, missed = 0;
        std::map<const Exception*, std::size_t> by_exception;
        for (const auto& j : c.judged) {
            if (j.finding->rule != r.rule) continue;
            ++total;
            if (j.verdict == Verdict::Answered) ++answered;
            if (j.verdict == Verdict::Exception || j.verdict == Verdict::NotApplicable) ++explained;
            if (j.verdict == Verdict::Miss) ++missed;
            if (j.exception) ++by_exception[j.exception];
        }
        out << "| " << r.rule << " | " << total << " | " << codes_cell(r.codes) << " | "
            << (r.codes.empty()
                    ? "-"
                    : std::to_string(answered) + (r.section_scope ? " (in the section)" : ""))
            << " | " << explained << " | " << missed << " |\n";
        if (!r.not_applicable.empty())
            why << "| " << r.rule << " | " << total << " | not applicable | "
                << cell(r.not_applicable) << " |\n";
        for (const auto& e : r.exceptions)
            why << "| " << r.rule << " | " << (by_exception.count(&e) ? by_exception.at(&e) : 0)
                << " | " << (e.miss ? "**autogen miss**" : "exception") << ": "
                << (e.pattern.empty() ? e.when : "`" + cell(e.pattern) + "`") << " | "
                << cell(e.text) << " |\n";
    }
    out << "\n| squawk rule | findings | which | why |\n|---|---|---|---|\n" << why.str();

    // The other way: autogen's findings, and whether squawk has a finding of a rule mapped
    // to the code on the same statement.
    out << "\n| autogen code | autogen findings | with a squawk finding of a mapped rule | "
           "without (first three) |\n"
        << "|---|---|---|---|\n";
    std::map<std::string, std::vector<std::string>> without;
    std::map<std::string, std::size_t> total, with;
    for (const auto& f : c.files) {
        for (const auto& a : f.autogen) {
            ++total[a.code];
            bool seen = false;
            for (const auto& s : f.squawk) {
                const auto* r = c.mapping.find(s.rule);
                if (r && answers(a, s, *r)) seen = true;
            }
            if (seen)
                ++with[a.code];
            else
                without[a.code].push_back(f.where(a.line) + " (" + a.direction + ")");
        }
    }
    for (const auto& [code, n] : total) {
        std::string examples;
        const auto& list = without[code];
        for (std::size_t i = 0; i < list.size() && i < 3; ++i)
            examples += (examples.empty() ? "" : ", ") + list[i];
        out << "| " << code << " | " << n << " | " << (with.count(code) ? with.at(code) : 0)
            << " | " << list.size() << (examples.empty() ? "" : ": " + examples) << " |\n";
    }
    out << kTableEnd << "\n";
    return out.str();
}

}  // namespace

TEST_CASE("the mapping names squawk's rules, each with autogen codes or a reason") {
    const auto& c = corpus_run();
    // Every name of the mapping is one the pinned squawk knows (its --exclude refuses any
    // other); unused-ignore is a name squawk reports but does not take there.
    std::string names;
    for (const auto& r : c.mapping.rules)
        if (r.rule != "unused-ignore") names += (names.empty() ? "" : ",") + r.rule;
    autogen::testing::TempDir scratch;
    const auto sql = scratch.write("empty.sql", "SELECT 1;\n");
    auto r = autogen::testing::run_process(
        {squawk_binary(c.mapping), "--exclude=" + names, sql.string()}, scratch.path());
    CHECK_MESSAGE(r.code == 0, r.transcript());
    CHECK(c.mapping.rules.size() >= 39);
}

TEST_CASE("every squawk finding on the corpus has its autogen finding or a reason") {
    const auto& c = corpus_run();
    CHECK(c.files.size() >= 62 + 20);
    for (const auto& f : c.files)
        for (const auto& p : f.problems) FAIL_CHECK(p);
    std::set<const Exception*> used;
    std::map<std::string, std::size_t> answered, fired;
    for (const auto& j : c.judged) {
        const auto& f = *j.finding;
        const std::string where = j.run->where(f.line) + " (" +
                                  j.run->sections[f.section].direction +
                                  "): " + statement_of(*j.run, f);
        if (j.verdict == Verdict::UnknownRule)
            FAIL_CHECK("squawk's rule " << f.rule << " at " << where << " is not in "
                                        << kMapping.string()
                                        << ": add it, with the autogen codes that answer it "
                                           "or the reason it does not apply");
        if (j.verdict == Verdict::Unexplained) {
            const auto* r = c.mapping.find(f.rule);
            FAIL_CHECK("squawk's " << f.rule << " at " << where << " has no autogen finding of "
                                   << codes_cell(r->codes) << " on the statement"
                                   << std::string(r->section_scope ? " (or in its section)" : "")
                                   << ", and no exception of " << kMapping.string()
                                   << " explains it");
        }
        if (j.exception) used.insert(j.exception);
        ++fired[f.rule];
        if (j.verdict == Verdict::Answered) ++answered[f.rule];
    }
    for (const auto& r : c.mapping.rules) {
        // A mapping's exceptions and misses are each shown by a corpus case.
        for (const auto& e : r.exceptions)
            CHECK_MESSAGE(used.count(&e), r.rule << ": no finding of the corpus uses '"
                                                 << (e.pattern.empty() ? e.when : e.pattern)
                                                 << "'; drop it or add the case");
        // The codes a rule maps to answer it somewhere, whenever it fired.
        if (!r.codes.empty() && fired[r.rule] > 0)
            CHECK_MESSAGE(answered[r.rule] > 0, r.rule << " fired " << fired[r.rule]
                                                       << " times and " << codes_cell(r.codes)
                                                       << " never answered it");
    }
}

TEST_CASE("the safe revisions of the corpus earn no error-level autogen finding") {
    const auto& c = corpus_run();
    std::size_t safe = 0;
    for (const auto& f : c.files) {
        if (!f.file.safe) continue;
        ++safe;
        for (const auto& a : f.autogen)
            CHECK_MESSAGE((a.suppressed || a.severity != LintSeverity::Error),
                          f.where(a.line) << " (" << a.direction << "): " << a.code);
    }
    CHECK(safe >= 10);
}

TEST_CASE("docs/lint.md holds the table of both tools' findings on the corpus") {
    const auto& c = corpus_run();
    const std::string table = make_table(c);
    std::string docs = autogen::testing::read_file(kDocs);
    const auto begin = docs.find(kTableBegin);
    const auto end = docs.find(kTableEnd);
    REQUIRE_MESSAGE((begin != std::string::npos && end != std::string::npos && begin < end),
                    kDocs.string()
                        << " has no '" << kTableBegin << "' ... '" << kTableEnd << "' block");
    const std::string current = docs.substr(begin, end + kTableEnd.size() + 1 - begin);
    if (current == table) return;
    if (std::getenv("AUTOGEN_UPDATE_GOLDEN")) {
        docs.replace(begin, current.size(), table);
        std::ofstream(kDocs.string() + ".new") << docs;  // then renamed over it: atomic
        fs::rename(kDocs.string() + ".new", kDocs);
        MESSAGE("rewrote the squawk table of " << kDocs.string());
        return;
    }
    FAIL_CHECK(kDocs.string() << "'s squawk table is not the run's: AUTOGEN_UPDATE_GOLDEN=1 ctest "
                                 "-R \"lint squawk\" rewrites it. The run's table:\n"
                              << table);
}
