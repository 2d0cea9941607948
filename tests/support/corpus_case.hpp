// A migration case of the corpus (tests/corpus/<kind>/<case>.case, docs/testing.md "The
// migration corpus"), translated into a CLI script (tests/cli/script_runner.cpp) that the
// script runner then runs like any other. A case is a CLI script with three conventions:
//
//   # what the case is about, and where the documentation says so
//   dialects sqlite postgresql        the dialects it runs on (one ctest each)
//   xfail [DIALECT] REASON            a known bug: the case must fail (on DIALECT, or on
//                                     every dialect); once it passes, the run is an error
//   revision [ARGS]                   `autogen revision -m desired --rev-id 000000000002 ARGS`
//   [1] revision / [2] revision       a refused revision (the data-loss gate, a model error)
//   up REGEX / ! up REGEX             a line of the desired revision's upgrade section for
//   down REGEX / ! down REGEX         the dialect matches / none does (likewise downgrade)
//   ...any other script step (stdout, stderr, sql, if DIALECT ..., autogen ...)
//   -- current --                     SQL that makes the live schema (both dialects)
//   -- current.sqlite --              ... or one dialect's (wins over the shared one)
//   -- rows --                        INSERTs run after it (also rows.DIALECT)
//   -- models/NAME.hpp --             the desired models (NAME.hpp.DIALECT for one dialect)
//   -- db/sql/NAME.sql --             declared views ([models] sql = ["db/sql/*.sql"])
//   -- models.toml --                 more lines for autogen.toml's [models] table
//
// The translation: the current schema becomes a hand-written first revision
// (000000000001), applied with `upgrade head`; the rows are inserted; the schema
// (`autogen --json inspect db`) and every table's row count are saved. Then the case's
// steps run. When the last `revision` step expects success, the outcome every case must
// meet follows: `upgrade head` loses no row, `check` is clean, a second `revision` writes
// nothing (the fixpoint), and `downgrade 000000000001` gives back the saved schema (both
// readings) and row counts exactly. Column order is not compared (autogen does not compare
// it, and ADD COLUMN appends): autogen's JSON is compared as sorted lines, the catalog
// lists columns by name.
#pragma once

#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace autogen::test {

struct CorpusCase {
    std::string script;  // the CLI script to run
    bool xfail = false;  // a known bug on this dialect: the script must fail
    std::string xfail_reason;
};

inline constexpr const char* kCorpusRevisionGlob = "migrations/*_desired.sql";

/// Rewrites one expectation step of a case into script steps.
inline std::string corpus_step(const std::string& step) {
    static const std::regex kPrefix(R"(^((?:if\s+\S+\s+)?(?:!\s+)?(?:\[!?\d+\]\s+)?)(\S+)(.*)$)");
    std::smatch m;
    if (!std::regex_match(step, m, kPrefix)) return step;
    const std::string prefix = m[1], verb = m[2], rest = m[3];
    if (verb == "revision")
        return prefix + "autogen revision -m desired --rev-id 000000000002" + rest;
    if (verb == "up" || verb == "down") return prefix + verb + rest + " " + kCorpusRevisionGlob;
    return step;
}

/// Translates a case's text into `out.script` for `dialect`; false with `error` when the
/// case is malformed.
inline bool translate_case(const std::string& text, const std::string& dialect, CorpusCase& out,
                           std::string& error) {
    static const std::regex kMarker(R"(^-- (\S+) --$)");
    std::vector<std::string> steps;
    std::vector<std::pair<std::string, std::string>> files;  // in order, dialect suffix kept
    std::string* current = nullptr;
    std::istringstream in(text);
    bool declared_dialects = false;
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        std::smatch m;
        if (std::regex_match(line, m, kMarker)) {
            files.emplace_back(m[1].str(), "");
            current = &files.back().second;
            continue;
        }
        if (current) {
            *current += line + "\n";
            continue;
        }
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        std::string step = line.substr(first);
        if (step.rfind("dialects ", 0) == 0) declared_dialects = true;
        if (step.rfind("xfail ", 0) == 0) {
            std::string reason = step.substr(6);
            std::string only;
            for (const char* d : {"sqlite ", "postgresql "})
                if (reason.rfind(d, 0) == 0) {
                    only = std::string(d).substr(0, std::string(d).size() - 1);
                    reason = reason.substr(only.size() + 1);
                }
            if (reason.empty()) {
                error = "line " + std::to_string(line_number) + ": xfail needs a reason";
                return false;
            }
            if (only.empty() || only == dialect) {
                out.xfail = true;
                out.xfail_reason = reason;
            }
            continue;
        }
        steps.push_back(step);
    }
    if (!declared_dialects) {
        error = "a case declares its dialects (`dialects sqlite postgresql`)";
        return false;
    }

    // Files: NAME.DIALECT is NAME on that dialect only, and wins over NAME.
    std::map<std::string, std::string> chosen;
    std::vector<std::string> order;
    for (const auto& [name, content] : files) {
        std::string base = name;
        bool specific = false;
        for (const std::string d : {"sqlite", "postgresql"}) {
            const std::string suffix = "." + d;
            if (name.size() > suffix.size() &&
                name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                if (d != dialect)
                    base.clear();
                else
                    base = name.substr(0, name.size() - suffix.size());
                specific = true;
            }
        }
        if (base.empty()) continue;
        if (!chosen.count(base)) order.push_back(base);
        if (specific || !chosen.count(base)) chosen[base] = content;
    }
    std::string current_sql = chosen.count("current") ? chosen["current"] : "";
    const bool has_rows = chosen.count("rows") > 0;

    int last_revision_code = -1;  // 0: the last revision step expects success
    static const std::regex kRevision(R"(^(?:if\s+\S+\s+)?(\[!?\d+\]\s+)?revision\b.*$)");
    for (const auto& step : steps) {
        std::smatch m;
        if (std::regex_match(step, m, kRevision)) last_revision_code = m[1].matched ? 1 : 0;
    }
    if (last_revision_code < 0) {
        error = "a case has a `revision` step";
        return false;
    }

    std::ostringstream s;
    for (const auto& step : steps)
        if (step.rfind("dialects ", 0) == 0) s << step << "\n";
    s << "autogen upgrade head\n";
    if (has_rows) s << "sqlfile db/app.sqlite3 .corpus/rows.sql\n";
    s << "autogen --json inspect db\nsave .corpus/before.json\n";
    s << "catalog db/app.sqlite3\nsave .corpus/catalog_before.txt\n";
    s << "counts db/app.sqlite3\nsave .corpus/counts_before.txt\n";
    s << "# the case's own steps\n";
    for (const auto& step : steps)
        if (step.rfind("dialects ", 0) != 0) s << corpus_step(step) << "\n";
    if (last_revision_code == 0) {
        s << "# every case: no row lost, check clean, the fixpoint, the downgrade restores\n"
          << "autogen upgrade head\n"
          << "counts db/app.sqlite3\nkept .corpus/counts_before.txt\n"
          << "autogen check\n"
          << "autogen revision -m again --rev-id 000000000003\n"
          << "stdout 'no changes detected'\n"
          << "! exists migrations/*_again.sql\n"
          << "autogen downgrade 000000000001\n"
          << "autogen --json inspect db\nsame-lines .corpus/before.json\n"
          << "catalog db/app.sqlite3\nsame .corpus/catalog_before.txt\n"
          << "counts db/app.sqlite3\nsame .corpus/counts_before.txt\n";
    }
    s << "\n-- autogen.toml --\n"
      << "[database]\nurl = \"sqlite:///db/app.sqlite3\"\ndialects = [\"" << dialect << "\"]\n"
      << (dialect == "postgresql" ? "dev_url = \"${PG_SERVER_URL}\"\n" : "")
      << "[models]\nheaders = [\"models/*.hpp\"]\nsql = [\"db/sql/*.sql\"]\n"
      << (chosen.count("models.toml") ? chosen["models.toml"] : "");
    s << "\n-- migrations/000000000001_current.sql --\n"
      << "-- autogen revision\n-- revision: 000000000001\n-- down_revision: none\n"
      << "-- message: current\n-- created: 2026-11-21T15:00:00Z\n\n"
      << "-- +upgrade " << dialect << "\n"
      << current_sql << "\n-- +downgrade " << dialect << "\n";
    for (const auto& name : order) {
        if (name == "current" || name == "models.toml") continue;
        s << "\n-- " << (name == "rows" ? std::string(".corpus/rows.sql") : name) << " --\n"
          << chosen[name];
    }
    out.script = s.str();
    return true;
}

}  // namespace autogen::test
