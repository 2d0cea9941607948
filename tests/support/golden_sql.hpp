// The golden SQL of one planner test case (header-only, for *_golden_test.cpp only): the
// case's model change lowered by the dialect's planner, diffed with its rules, planned up
// and down, and laid out like a revision section, for tests/golden/<dialect>/<case>.sql.
#pragma once

#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "diff/differ.hpp"
#include "diff/phrases.hpp"

namespace autogen::testing {

/// Statements as the revision template lays them out: comment lines, the warning, the SQL.
inline std::string render_statements(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) {
        std::size_t start = 0;
        while (!s.comment.empty() && start <= s.comment.size()) {
            std::size_t nl = s.comment.find('\n', start);
            out +=
                "-- " +
                s.comment.substr(start, nl == std::string::npos ? std::string::npos : nl - start) +
                "\n";
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        if (s.destructive) out += "-- WARNING: " + s.warning + "\n";
        out += s.sql + ";\n\n";
    }
    return out;
}

/// A section's heading as the revision template writes it: the marker line, then
/// `-- autogen: no-transaction` when a statement cannot run in a transaction.
inline std::string section_heading(const std::string& kind, const std::string& dialect,
                                   const std::vector<codegen::Statement>& statements) {
    std::string out = "-- +" + kind + " " + dialect + "\n";
    for (const auto& s : statements)
        if (s.no_transaction) return out + "-- autogen: no-transaction\n";
    return out;
}

/// The golden text of `before` -> `after`: the operations, the upgrade and the
/// downgrade, planned with `options`. Planner diagnostics go to `diags`.
inline std::string golden_sql(const std::string& name, const codegen::Planner& planner,
                              const diff::DiffRules& rules, const schema::Schema& before,
                              const schema::Schema& after, support::Diagnostics& diags,
                              const codegen::PlanOptions& options = {}) {
    schema::Schema from = planner.lower(before, diags), to = planner.lower(after, diags);
    auto ops = diff::diff(from, to, rules);
    std::string text = "-- golden: " + name + "\n-- operations:\n";
    for (const auto& op : ops) text += "--   " + diff::describe(op) + "\n";
    auto up = planner.plan(ops, from, to, options, diags);
    auto down = planner.plan(schema::reverse(ops), to, from, options, diags);
    text += "\n" + section_heading("upgrade", planner.dialect(), up) + render_statements(up);
    text += section_heading("downgrade", planner.dialect(), down) + render_statements(down);
    return text;
}

}  // namespace autogen::testing
