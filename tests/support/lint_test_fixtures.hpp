// Test helpers for the lint rules: a revision file made from a section's SQL, parsed by
// the real revision reader and linted for one dialect.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lint/linter.hpp"
#include "lint/postgres_lint.hpp"
#include "lint/sqlite_lint.hpp"
#include "migrate/revision_file.hpp"

namespace autogen::lint::testing {

/// A revision file with `upgrade` (and `downgrade`) as the sections of `dialect`;
/// `header` (comment lines) goes between the header's blank line and the first section,
/// `no_transaction` marks the upgrade section.
inline std::string revision_text(const std::string& dialect, const std::string& upgrade,
                                 const std::string& downgrade = "", bool no_transaction = false,
                                 const std::string& header = "") {
    return std::string(
               "-- autogen revision\n-- revision: 0123456789ab\n-- down_revision: none\n-- "
               "message: lint\n"
               "-- created: 2026-12-01T00:00:00Z\n\n") +
           header + "-- +upgrade " + dialect + "\n" +
           (no_transaction ? "-- autogen: no-transaction\n" : "") + upgrade + "\n-- +downgrade " +
           dialect + "\n" + downgrade + "\n";
}

/// Lints `text` (a whole revision file) for `dialect`.
inline LintResult lint_text(const std::string& dialect, const std::string& text,
                            LintState* state = nullptr) {
    support::Diagnostics diags;
    auto rev = migrate::parse_revision(text, "migrations/0123456789ab.sql", {dialect}, diags);
    REQUIRE_MESSAGE(rev.has_value(), "the test revision does not parse");
    auto rules = dialect == "sqlite" ? make_sqlite_lint_rules() : make_postgres_lint_rules();
    LintState fresh;
    return lint_revision(*rev, text, dialect, *rules, state ? *state : fresh);
}

/// The findings' codes of an upgrade section of PostgreSQL SQL, in order.
inline std::vector<std::string> pg_codes(const std::string& upgrade, bool no_transaction = false,
                                         const std::string& downgrade = "") {
    std::vector<std::string> codes;
    for (const auto& f :
         lint_text("postgresql", revision_text("postgresql", upgrade, downgrade, no_transaction))
             .findings)
        if (f.direction == "upgrade") codes.push_back(f.code);
    return codes;
}

inline bool has(const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace autogen::lint::testing
