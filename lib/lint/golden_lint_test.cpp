// Every golden PostgreSQL and SQLite revision section (tests/golden/<dialect>/*.sql, what
// the planners write by default) linted: specific codes on the ones whose danger is
// known, and nothing that lint cannot read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/lint_test_fixtures.hpp"

using namespace autogen::lint;
using namespace autogen::lint::testing;

namespace {

std::filesystem::path golden_dir(const std::string& dialect) {
    return std::filesystem::path(AUTOGEN_SOURCE_DIR) / "tests" / "golden" / dialect;
}

/// The golden file's sections (its own comment header dropped) under a revision header,
/// so the real reader parses them.
std::string as_revision(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return "-- autogen revision\n-- revision: 0123456789ab\n-- down_revision: none\n-- message: "
           "golden\n"
           "-- created: 2026-12-01T00:00:00Z\n" +
           text.str().substr(text.str().find("\n-- +") + 1);
}

/// The online goldens' error-level findings, by case: the changes online planning has
/// no safe form for.
const std::map<std::string, std::string> kNoOnlineForm = {
    // A NOT NULL column without a default fails on a table with rows, online or not.
    {"add_column_not_null_without_default", "upgrade:AG116"},
    // Type changes that rewrite (narrowing VARCHAR back to a wider one does not).
    {"alter_type_narrow", "upgrade:AG106"},
    {"alter_type_using", "downgrade:AG106 upgrade:AG106"},
    {"alter_type_widen", "downgrade:AG106 upgrade:AG106"},
    // Enum rebuilds (a label dropped or reordered, or added and used in the same
    // revision): the columns are converted with USING, a rewrite under ACCESS EXCLUSIVE,
    // and the indexes naming a label are rebuilt inside it, where CONCURRENTLY would
    // gain nothing.
    {"enum_add_value", "downgrade:AG101 downgrade:AG106"},
    {"enum_add_value_used", "downgrade:AG101 downgrade:AG106 upgrade:AG101 upgrade:AG106"},
    {"enum_drop_label", "upgrade:AG101 upgrade:AG106"},
    {"enum_reorder", "downgrade:AG101 downgrade:AG106 upgrade:AG101 upgrade:AG106"},
    // A STORED generated column is computed for every row as it is added (a new
    // expression is drop + add on PostgreSQL 15): a rewrite, with no online form.
    {"generated_add", "upgrade:AG108"},
    {"generated_expression", "downgrade:AG108 upgrade:AG108"},
    // SET UNLOGGED / SET LOGGED rewrite the table; PostgreSQL has no online form.
    {"table_options", "downgrade:AG124 upgrade:AG124"},
};

/// "upgrade:AG101" for each finding of the golden file `name`.
std::vector<std::string> golden_codes(const std::string& dialect, const std::string& name) {
    auto r = lint_text(dialect, as_revision(golden_dir(dialect) / (name + ".sql")));
    std::vector<std::string> codes;
    for (const auto& f : r.findings) codes.push_back(f.direction + ":" + f.code);
    return codes;
}

}  // namespace

TEST_CASE("golden PostgreSQL revisions: the findings the default plan earns") {
    using V = std::vector<std::string>;
    CHECK(golden_codes("postgresql", "index") == V{"upgrade:AG102", "upgrade:AG110",
                                                   "upgrade:AG101", "downgrade:AG102",
                                                   "downgrade:AG110", "downgrade:AG101"});
    auto fk = golden_codes("postgresql", "foreign_key");
    CHECK(has(fk, "upgrade:AG103"));
    CHECK(has(fk, "downgrade:AG103"));
    CHECK(golden_codes("postgresql", "alter_type_widen") ==
          V{"upgrade:AG106", "upgrade:AG110", "downgrade:AG106", "downgrade:AG110"});
    CHECK(has(golden_codes("postgresql", "tighten_without_default"), "upgrade:AG105"));
    CHECK(has(golden_codes("postgresql", "unique"), "upgrade:AG109"));
    CHECK(has(golden_codes("postgresql", "primary_key"), "upgrade:AG109"));
    CHECK(has(golden_codes("postgresql", "drop_table"), "upgrade:AG114"));
    CHECK(has(golden_codes("postgresql", "drop_column"), "upgrade:AG113"));
    CHECK(has(golden_codes("postgresql", "rename_column"), "upgrade:AG112"));
    CHECK(has(golden_codes("postgresql", "rename_table"), "upgrade:AG111"));
    CHECK(has(golden_codes("postgresql", "check"), "upgrade:AG104"));
    // A new table: nothing locks anyone out.
    auto create = golden_codes("postgresql", "create_table");
    for (const auto& code : create) CHECK(code.rfind("upgrade:", 0) != 0);
}

TEST_CASE("every golden revision lints without a parse failure") {
    for (const std::string dialect : {"postgresql", "sqlite"}) {
        std::map<std::string, std::size_t> by_code;
        for (const auto& entry : std::filesystem::directory_iterator(golden_dir(dialect))) {
            if (entry.path().extension() != ".sql") continue;
            CAPTURE(entry.path().string());
            auto r = lint_text(dialect, as_revision(entry.path()));
            for (const auto& f : r.findings) {
                CHECK(f.line > 0);
                CHECK(!f.fix.empty());
                ++by_code[f.code];
            }
        }
        CAPTURE(dialect);
        CHECK(!by_code.empty());
    }
}

TEST_CASE("golden SQLite rebuilds are AG201, not drops") {
    auto codes = golden_codes("sqlite", "alter_type_narrow");
    CHECK(codes == std::vector<std::string>{"upgrade:AG201", "downgrade:AG201"});
}

TEST_CASE("online golden PostgreSQL revisions earn no error-level finding") {
    // tests/golden/postgresql_online: what `revision --online` writes for each case. The
    // only errors left are the changes online planning has no form for (docs/lint.md
    // "Online planning"): a type change that rewrites the table (AG106, also the enum
    // rebuilds) and a NOT NULL column added without a default (AG116).
    const std::map<std::string, std::string>& no_online_form = kNoOnlineForm;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(golden_dir("postgresql_online"))) {
        if (entry.path().extension() != ".sql") continue;
        ++files;
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        auto r = lint_text("postgresql", as_revision(entry.path()));
        std::string errors;  // "upgrade:AG106 downgrade:AG106", each once, sorted
        std::set<std::string> error_set;
        for (const auto& f : r.findings) {
            if (f.severity == LintSeverity::Error) error_set.insert(f.direction + ":" + f.code);
            // Online: every ACCESS EXCLUSIVE statement has its lock_timeout.
            CHECK(f.code != "AG110");
            CHECK(f.code != "AG115");
        }
        for (const auto& e : error_set) errors += (errors.empty() ? "" : " ") + e;
        auto it = no_online_form.find(name);
        CHECK(errors == (it == no_online_form.end() ? std::string() : it->second));
    }
    CHECK(files >= 30);
}
