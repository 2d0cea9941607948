// Offline SQL: walks the same path as the runner and prints, instead of executing, the
// same statements: the dialect's ScriptFrame where the runner calls the Connection (lock,
// begin, commit), the section SQL verbatim, the version-table lock, a check that the
// version table is where the script expects it (the runner re-reads it), the version
// changes of VersionTable::plan_move / plan_log with their parameters inlined as
// literals. Text from the revision file goes into comments escaped to one line.
#include "migrate/offline_sql.hpp"

#include <algorithm>
#include <cctype>

#include "codegen/sql_builder.hpp"
#include "migrate/sql_splitter.hpp"
#include "migrate/version_table.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

using support::Category;

namespace {

/// Stands for "now" among plan_move/plan_log parameters: printed as ScriptFrame::now, so
/// applied_at is the time the script runs, as online.
const std::string kNow = std::string("\x01now\x01");

std::string literal(const std::optional<std::string>& value, const db::ScriptFrame& frame) {
    if (!value) return "NULL";
    return *value == kNow ? frame.now : codegen::string_literal(*value);
}

/// Replaces $1.. in `sql` by the literals of `params` (the SQL comes from plan_move,
/// whose only '$' are parameters).
std::string inline_params(const std::string& sql,
                          const std::vector<std::optional<std::string>>& params,
                          const db::ScriptFrame& frame) {
    std::string out;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '$' && i + 1 < sql.size() &&
            std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])))
                n = n * 10 + std::size_t(sql[j++] - '0');
            out +=
                n >= 1 && n <= params.size() ? literal(params[n - 1], frame) : sql.substr(i, j - i);
            i = j - 1;
        } else {
            out += sql[i];
        }
    }
    return out;
}

/// A query counting how far the version table is from holding exactly `heads` (0: it
/// does), for ScriptFrame::fail_unless_zero.
std::string heads_differ_sql(const VersionTable& table, const std::vector<std::string>& heads) {
    const std::string count = "SELECT count(*) FROM " + table.quoted();
    if (heads.empty()) return count;
    std::string list;
    for (const auto& h : heads) list += (list.empty() ? "" : ", ") + codegen::string_literal(h);
    return "SELECT (" + count + " WHERE \"version_num\" NOT IN (" + list + ")) + (" +
           std::to_string(heads.size()) + " - (" + count + " WHERE \"version_num\" IN (" + list +
           ")))";
}

/// The check that the database is where the script expects it before `rev` (what the
/// runner's one-row version changes and its re-read of the heads guarantee online).
std::string heads_check(const VersionTable& table, const std::vector<std::string>& heads,
                        const Revision& rev, const db::ScriptFrame& frame) {
    return frame.fail_unless_zero(
        heads_differ_sql(table, heads),
        "autogen: the version table is not at " +
            (heads.empty() ? std::string("base") : support::join_with(heads)) +
            " as this script expects; nothing of revision " + rev.id + " was kept");
}

}  // namespace

std::optional<std::string> offline_sql(const RevisionGraph& graph, Direction direction,
                                       const std::vector<std::string>& from,
                                       std::string_view target, const RunOptions& options,
                                       const db::ScriptFrame& frame, support::Diagnostics& diags) {
    if (options.dialect.empty()) {
        diags.error(Category::Internal, "offline SQL needs a dialect", {},
                    "set RunOptions::dialect");
        return std::nullopt;
    }
    for (const auto& id : from) {
        if (!graph.find(id)) {
            diags.error(Category::Usage,
                        "no revision \"" + id + "\" to start from in the migrations folder", {},
                        "start from base or from an existing revision id");
            return std::nullopt;
        }
    }
    auto resolved = graph.resolve(target, from);
    if (!resolved) {
        diags.error(Category::Usage, resolved.error->message());
        return std::nullopt;
    }
    auto path = direction == Direction::Upgrade ? graph.upgrade_path(from, resolved.value)
                                                : graph.downgrade_path(from, resolved.value);
    if (!path) {
        diags.error(Category::Usage, path.error->message());
        return std::nullopt;
    }

    VersionTable table(options.version_table);
    std::string out = "-- autogen " + std::string(to_string(direction)) + " (" + options.dialect +
                      "), offline: review, then run it with " + frame.run_hint +
                      "\n-- (the client must stop at the first error)\n\n" + frame.lock +
                      table.create_sql() + ";\n";
    std::vector<std::string> heads = from;
    for (const Revision* rev : path.value) {
        const Section* section = rev->section(direction, options.dialect);
        if (!section) {
            diags.error(
                Category::MigrationFile,
                "revision " + rev->id + " has no \"-- +" + to_string(direction) + " " +
                    options.dialect + "\" section",
                {rev->path.string()},
                "add that section with the SQL for " + options.dialect + " (it may be empty)");
            return std::nullopt;
        }
        out += "\n-- " + std::string(direction == Direction::Upgrade ? "upgrade to " : "undo ") +
               rev->id + ": " +
               support::one_line_text(rev->message + " (" + rev->path.filename().string() + ")") +
               "\n";
        std::string body;
        for (const auto& stmt : split_statements(section->sql, section->first_line))
            body += stmt.sql + ";\n";
        // As online: a no-transaction section runs first, outside any transaction (after
        // checking where the database is), then its version change in a transaction.
        if (section->no_transaction)
            out += "-- autogen: no-transaction\n" + heads_check(table, heads, *rev, frame) + body;
        out += frame.begin + table.lock_sql() + ";\n";
        if (!section->no_transaction) out += body;
        out += heads_check(table, heads, *rev, frame);
        auto change = graph.head_change(*rev, direction, heads);
        std::vector<std::string> checksums;
        for (const auto& id : change.add) checksums.push_back(graph.find(id)->checksum);
        for (const auto& c : table.plan_move(change.remove, change.add, checksums, kNow)) {
            out += inline_params(c.sql, c.params, frame) + ";\n";
        }
        for (const auto& c : table.plan_log(rev->id, rev->checksum, direction, kNow)) {
            out += inline_params(c.sql, c.params, frame) + ";\n";
        }
        out += frame.commit;
        std::vector<std::string> next;
        for (const auto& h : heads) {
            if (std::find(change.remove.begin(), change.remove.end(), h) == change.remove.end())
                next.push_back(h);
        }
        next.insert(next.end(), change.add.begin(), change.add.end());
        heads = std::move(next);
    }
    return out + frame.unlock;
}

}  // namespace autogen::migrate
