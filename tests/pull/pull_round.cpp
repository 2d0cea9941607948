// check_pull_round: the built autogen on a real project folder, step by step as
// docs/adopting.md tells a user; the catalogs compared through the dialect's inspector.
#include "tests/pull/pull_round.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "schema/schema_view.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/registry_dialect.hpp"
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::testing::pull {

namespace fs = std::filesystem;

namespace {

/// One folder for the compiled standard headers of every project of this process (as
/// the scan corpus shares one): built once instead of once per round.
const fs::path& shared_cache() {
    static TempDir dir;
    return dir.path();
}

ProcessResult autogen(const fs::path& project, const std::vector<std::string>& args) {
    std::vector<std::string> argv{AUTOGEN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, project, {{"AUTOGEN_CACHE_DIR", shared_cache().string()}});
}

bool has_line(const std::string& text, const std::string& wanted) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(wanted) != std::string::npos) return true;
    return false;
}

/// The compilers the build found (AUTOGEN_TEST_COMPILERS, ','-separated).
std::vector<std::string> compilers() {
    std::vector<std::string> out;
    std::istringstream in(AUTOGEN_TEST_COMPILERS);
    for (std::string c; std::getline(in, c, ',');)
        if (!c.empty()) out.push_back(c);
    return out;
}

/// The pulled headers compile with each compiler under the warnings a project uses, and
/// each alone (pull writes the includes each needs). One translation unit per set of
/// #include lines stands for compiling each header of the set alone: none of them can
/// lean on an include another header of its set has and it lacks, and a round costs a
/// few compiler runs instead of two per header.
void check_headers_compile(const std::string& name, const fs::path& project) {
    std::map<std::string, std::vector<fs::path>> by_includes;
    for (const auto& e : fs::directory_iterator(project / "models")) {
        if (e.path().extension() != ".hpp") continue;
        std::istringstream in(read_file(e.path()));
        std::string includes;
        for (std::string line; std::getline(in, line);)
            if (line.starts_with("#include")) includes += line + "\n";
        by_includes[includes].push_back(e.path());
    }
    REQUIRE_MESSAGE(!by_includes.empty(), name << ": pull wrote no header");
    int unit = 0;
    for (auto& [includes, headers] : by_includes) {
        std::sort(headers.begin(), headers.end());
        std::string tu;
        for (const auto& h : headers) tu += "#include \"" + h.string() + "\"\n";
        const std::string file = "pulled_" + std::to_string(++unit) + ".cpp";
        std::ofstream(project / file) << tu;
        for (const auto& cxx : compilers()) {
            auto r = run_process(
                {cxx, "-std=c++20", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-fsyntax-only",
                 "-I", std::string(AUTOGEN_SOURCE_DIR) + "/include", file},
                project);
            CHECK_MESSAGE(r.code == 0, name << ": pulled headers do not compile with " << cxx
                                            << "\n"
                                            << tu << r.transcript());
        }
    }
}

template <class T, class Same>
void blank_names_unnamed_in(const std::vector<T>& original, std::vector<T>& built, Same same) {
    for (const auto& o : original) {
        if (!o.name.empty()) continue;
        for (auto& b : built)
            if (!b.name.empty() && same(o, b)) {
                b.name.clear();
                break;
            }
    }
}

/// A constraint the original database keeps unnamed (SQLite's inline UNIQUE, CHECK,
/// REFERENCES) is named by the models, so the database built from them names it: its
/// name is not compared. Every name the original has is.
void forget_names_the_original_lacks(const schema::Schema& original, schema::Schema& built) {
    for (const auto& o : original.tables) {
        schema::Table* b = built.find_table(o.name, o.schema);
        if (!b) continue;
        if (o.primary_key && b->primary_key && o.primary_key->name.empty())
            b->primary_key->name.clear();
        blank_names_unnamed_in(o.uniques, b->uniques,
                               [](const auto& x, const auto& y) { return x.columns == y.columns; });
        blank_names_unnamed_in(o.checks, b->checks, [](const auto& x, const auto& y) {
            return x.expression == y.expression;
        });
        blank_names_unnamed_in(o.foreign_keys, b->foreign_keys, [](const auto& x, const auto& y) {
            return x.columns == y.columns && x.ref_schema == y.ref_schema &&
                   x.ref_table == y.ref_table && x.ref_columns == y.ref_columns &&
                   x.on_delete == y.on_delete && x.on_update == y.on_update &&
                   x.deferrable == y.deferrable && x.initially_deferred == y.initially_deferred;
        });
    }
}

/// The first line where two JSON texts differ, with a few lines around it.
std::string first_difference(const std::string& want, const std::string& got) {
    std::vector<std::string> a, b;
    for (auto [text, lines] : {std::pair{&want, &a}, std::pair{&got, &b}}) {
        std::istringstream in(*text);
        for (std::string line; std::getline(in, line);) lines->push_back(line);
    }
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::string out = "first difference at line " + std::to_string(i + 1) + ":\n";
    for (std::size_t k = (i > 6 ? i - 6 : 0); k < i + 4; ++k)
        out += (k < a.size() ? a[k] : "") + "  |  " + (k < b.size() ? b[k] : "") + "\n";
    return out;
}

std::optional<schema::Schema> read_catalog(const std::string& dialect, const std::string& url) {
    RegistryDialect d(dialect);
    support::Diagnostics diags;
    auto conn = d.connect(url, diags);
    std::optional<schema::Schema> s;
    if (conn) s = d->inspector->inspect(*conn, {}, diags);
    INFO(test::format_all(diags));
    REQUIRE_MESSAGE(s, "cannot read " << url);
    std::erase_if(s->tables, [](const schema::Table& t) { return t.name.starts_with("autogen_"); });
    return s;
}

}  // namespace

void check_pull_round(const std::string& name, const RoundDatabases& db, const fs::path& project,
                      bool split_by_schema_too) {
    std::ofstream(project / "autogen.toml")
        << "[database]\nurl = \"" << db.url << "\"\n"
        << (db.dev_url.empty() ? "" : "dev_url = \"" + db.dev_url + "\"\n")
        << "\n[models]\nheaders = [\"models/*.hpp\"]\n";

    auto pulled = autogen(project, {"pull"});
    REQUIRE_MESSAGE(pulled.code == 0, name << ": pull\n" << pulled.transcript());
    // Everything in these databases was made by autogen: nothing may be left out.
    CHECK_MESSAGE(!has_line(pulled.err, "warning"), name << ": pull warned\n"
                                                         << pulled.transcript());

    auto diff = autogen(project, {"diff"});
    CHECK_MESSAGE((diff.code == 0 && has_line(diff.out, "no changes detected")),
                  name << ": diff after pull is not empty\n"
                       << diff.transcript());
    auto again = autogen(project, {"revision", "-m", "again"});
    CHECK_MESSAGE((again.code == 0 && has_line(again.out, "nothing written") &&
                   !fs::exists(project / "migrations")),
                  name << ": revision after pull wrote something\n"
                       << again.transcript());
    fs::remove_all(project / "migrations");

    auto baseline =
        autogen(project, {"revision", "--baseline", "-m", "baseline", "--rev-id", "000000000001"});
    REQUIRE_MESSAGE(baseline.code == 0, name << ": revision --baseline\n" << baseline.transcript());
    auto stamp = autogen(project, {"stamp", "head"});
    REQUIRE_MESSAGE(stamp.code == 0, name << ": stamp head\n" << stamp.transcript());
    auto check = autogen(project, {"check"});
    CHECK_MESSAGE(check.code == 0, name << ": check after baseline + stamp\n"
                                        << check.transcript());

    auto built = autogen(project, {"--url", db.other_url, "upgrade", "head"});
    REQUIRE_MESSAGE(built.code == 0, name << ": upgrade of an empty database to the baseline\n"
                                          << built.transcript());
    auto original = read_catalog(db.dialect, db.url);
    auto rebuilt = read_catalog(db.dialect, db.other_url);
    forget_names_the_original_lacks(*original, *rebuilt);
    const std::string want = schema::to_json(*original).dump(1),
                      got = schema::to_json(*rebuilt).dump(1);
    CHECK_MESSAGE(want == got, name << ": the database built from the baseline is not the "
                                       "original (original | built)\n"
                                    << first_difference(want, got));

    check_headers_compile(name, project);
    if (!split_by_schema_too) return;

    auto by_schema = autogen(project, {"pull", "--split", "schema"});
    REQUIRE_MESSAGE(by_schema.code == 0, name << ": pull --split schema\n"
                                              << by_schema.transcript());
    // every per-table header of the first pull is gone: each left holds a whole schema
    for (const auto& e : fs::directory_iterator(project / "models")) {
        std::istringstream in(read_file(e.path()));
        std::string first;
        std::getline(in, first);
        CHECK_MESSAGE(first.find("from the database: table ") == std::string::npos,
                      name << ": " << e.path().filename() << " is left after pull --split schema\n"
                           << by_schema.transcript());
    }
    diff = autogen(project, {"diff"});
    CHECK_MESSAGE((diff.code == 0 && has_line(diff.out, "no changes detected")),
                  name << ": diff after pull --split schema is not empty\n"
                       << diff.transcript());
    check_headers_compile(name + " (--split schema)", project);
}

}  // namespace autogen::testing::pull
