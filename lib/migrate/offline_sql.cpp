// Offline SQL: walks the same path as the runner and prints, instead of executing, the
// same statements (the section SQL verbatim, the version changes of
// VersionTable::plan_move with their parameters inlined as literals).
#include "migrate/offline_sql.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>

#include "migrate/sql_splitter.hpp"
#include "migrate/version_table.hpp"
#include "migrate/revision_writer.hpp"

namespace autogen::migrate {

using support::Category;

namespace {

std::string literal(const std::optional<std::string>& value) {
    if (!value) return "NULL";
    std::string out = "'";
    for (char c : *value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

/// Replaces $1.. in `sql` by the literals of `params` (the SQL comes from plan_move,
/// whose only '$' are parameters).
std::string inline_params(const std::string& sql,
                          const std::vector<std::optional<std::string>>& params) {
    std::string out;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '$' && i + 1 < sql.size() &&
            std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])))
                n = n * 10 + std::size_t(sql[j++] - '0');
            out += n >= 1 && n <= params.size() ? literal(params[n - 1]) : sql.substr(i, j - i);
            i = j - 1;
        } else {
            out += sql[i];
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> offline_sql(const RevisionGraph& graph, Direction direction,
                                       const std::vector<std::string>& from,
                                       std::string_view target, const RunOptions& options,
                                       support::Diagnostics& diags) {
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
    const std::string applied_at = format_created(std::chrono::system_clock::now());
    std::string out = "-- autogen " + std::string(to_string(direction)) + " (" + options.dialect +
                      "), offline: review, then run with your database's client\n\n" +
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
               rev->id + ": " + rev->message + " (" + rev->path.filename().string() + ")\n";
        std::string body;
        for (const auto& stmt : split_statements(section->sql, section->first_line))
            body += stmt.sql + ";\n";
        if (section->no_transaction) out += "-- autogen: no-transaction\n" + body;
        out += "BEGIN;\n";
        if (!section->no_transaction) out += body;
        auto change = graph.head_change(*rev, direction, heads);
        std::vector<std::string> checksums;
        for (const auto& id : change.add) checksums.push_back(graph.find(id)->checksum);
        for (const auto& c : table.plan_move(change.remove, change.add, checksums, applied_at)) {
            out += inline_params(c.sql, c.params) + ";\n";
        }
        for (const auto& c : table.plan_log(rev->id, rev->checksum, direction, applied_at)) {
            out += inline_params(c.sql, c.params) + ";\n";
        }
        out += "COMMIT;\n";
        std::vector<std::string> next;
        for (const auto& h : heads) {
            if (std::find(change.remove.begin(), change.remove.end(), h) == change.remove.end())
                next.push_back(h);
        }
        next.insert(next.end(), change.add.begin(), change.add.end());
        heads = std::move(next);
    }
    return out;
}

}  // namespace autogen::migrate
