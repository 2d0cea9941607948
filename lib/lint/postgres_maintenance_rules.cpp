// AG119-AG122, AG126, AG129 (postgres_maintenance_rules.hpp).
#include "lint/postgres_maintenance_rules.hpp"

#include "lint/postgres_default_privileges_rule.hpp"
#include "lint/statement_shape.hpp"
#include "support/text.hpp"

namespace autogen::lint {

namespace {

constexpr const char* kAccessExclusive = "ACCESS EXCLUSIVE";

/// Where a rule below reports: the findings, what the statement takes ACCESS EXCLUSIVE on
/// (for AG110) and the table it works on.
struct Report {
    std::vector<LintFinding>& out;
    std::string& exclusive_on;
    std::string& table;

    void add(LintFinding f, std::string exclusive) {
        out.push_back(std::move(f));
        exclusive_on = std::move(exclusive);
    }
};

/// Skips a parenthesised option list (`REINDEX (VERBOSE) ...`, `VACUUM (FULL) ...`) at `i`.
void skip_options(const TokenRange& r, std::size_t& i) {
    if (i >= r.size() || !r[i].is('(')) return;
    int depth = 0;
    for (; i < r.size(); ++i) {
        if (r[i].is('(')) ++depth;
        if (r[i].is(')') && --depth == 0) {
            ++i;
            return;
        }
    }
}

bool reindex(const LintStatement& statement, const std::set<std::string>& new_tables,
             Report& report) {
    const auto r = statement.range();
    std::size_t i = 1;
    skip_options(r, i);
    if (i >= r.size()) return true;
    const std::string kind = r[i].upper;  // INDEX, TABLE, SCHEMA, DATABASE, SYSTEM
    ++i;
    if (skip_words(r, i, {"CONCURRENTLY"})) return true;  // AG115 covers it in a transaction
    const std::string name = read_name(r, i);
    if (kind == "TABLE") {
        report.table = name;
        if (new_tables.count(name)) return true;
    }
    const std::string what = kind == "INDEX"   ? "index " + q(name)
                             : kind == "TABLE" ? "the indexes of table " + q(name)
                                               : "every index of " + support::to_lower(kind) +
                                                     (name.empty() ? "" : " " + q(name));
    auto f = finding_at(statement, "AG119",
                        "rebuilds " + what +
                            " without CONCURRENTLY: writes to the table wait for the whole "
                            "build, and so do reads that would use the index",
                        "REINDEX ... CONCURRENTLY in a section marked '-- autogen: "
                        "no-transaction' (PostgreSQL 12+)");
    f.lock = "SHARE on the table, ACCESS EXCLUSIVE on the index";
    f.lock_on = kind == "TABLE" ? "table " + q(name) : what;
    f.scans = true;
    report.add(std::move(f), what);
    return true;
}

bool rewrite_command(const LintStatement& statement, const std::set<std::string>& new_tables,
                     Report& report) {
    const auto r = statement.range();
    const bool vacuum = r[0].is("VACUUM");
    std::size_t i = 1;
    if (vacuum) {
        // VACUUM FULL [FREEZE] [VERBOSE] [ANALYZE] t, or VACUUM (FULL, ...) t.
        bool full = false;
        if (i < r.size() && r[i].is('(')) {
            std::size_t end = i;
            skip_options(r, end);
            for (std::size_t k = i; k < end; ++k) full = full || r[k].is("FULL");
            i = end;
        }
        while (i < r.size() && (r[i].is("FULL") || r[i].is("FREEZE") || r[i].is("VERBOSE") ||
                                r[i].is("ANALYZE") || r[i].is("ANALYSE"))) {
            full = full || r[i].is("FULL");
            ++i;
        }
        if (!full) return true;  // a plain VACUUM takes SHARE UPDATE EXCLUSIVE: nobody waits
    } else {
        skip_options(r, i);
        skip_words(r, i, {"VERBOSE"});
    }
    auto& table = report.table;
    table = i < r.size() ? read_name(r, i) : std::string();
    if (!table.empty() && new_tables.count(table)) return true;
    const std::string what =
        table.empty() ? std::string("every table it may") : "table " + q(table);
    auto f = finding_at(statement, "AG120",
                        std::string(vacuum ? "VACUUM FULL" : "CLUSTER") + " rewrites " + what +
                            " and its indexes under ACCESS EXCLUSIVE: every read and write "
                            "waits until it is done",
                        "leave it out of the revision: run it in a maintenance window, or use "
                        "pg_repack, which rewrites a table without the long lock");
    f.lock = kAccessExclusive;
    f.lock_on = what;
    f.rewrites = true;
    report.add(std::move(f), what);
    return true;
}

bool truncate(const LintStatement& statement, const std::set<std::string>& new_tables,
              Report& report) {
    const auto r = statement.range();
    std::size_t i = 1;
    skip_words(r, i, {"TABLE"});
    skip_words(r, i, {"ONLY"});
    auto& table = report.table;
    table = read_name(r, i);
    if (new_tables.count(table)) return true;
    const bool cascade = r.has_word("CASCADE");
    auto f = finding_at(statement, "AG121",
                        "deletes every row of " + q(table) +
                            (cascade ? " and, with CASCADE, of every table whose foreign keys "
                                       "reach it"
                                     : "") +
                            ", under ACCESS EXCLUSIVE",
                        "delete the rows on purpose in a reviewed data migration (DELETE in "
                        "batches keeps the table usable); if they must go, say why in an "
                        "'-- autogen:lint ignore AG121 reason' comment");
    f.lock = kAccessExclusive;
    f.lock_on = "table " + q(table) + (cascade ? " and the tables that reference it" : "");
    report.add(std::move(f), "table " + q(table));
    return true;
}

bool alter_domain(const LintStatement& statement, std::vector<LintFinding>& out) {
    const auto r = statement.range();
    std::size_t i = 0;
    if (!skip_words(r, i, {"ALTER", "DOMAIN"})) return false;
    const std::string domain = read_name(r, i);
    if (!skip_words(r, i, {"ADD"}) || has_sequence(r, {"NOT", "VALID"})) return true;
    auto f = finding_at(statement, "AG122",
                        "adds a constraint to domain " + q(domain) +
                            " without NOT VALID: every column of that type is checked while "
                            "writes to its tables wait",
                        "ALTER DOMAIN ... ADD CONSTRAINT ... NOT VALID, then ALTER DOMAIN ... "
                        "VALIDATE CONSTRAINT in a later section");
    f.lock = "SHARE";
    f.lock_on = "every table with a column of domain " + q(domain);
    f.scans = true;
    out.push_back(std::move(f));
    return true;
}

/// AG126: DROP EXTENSION. Nothing waits on a lock, but what the extension made goes:
/// with CASCADE every column, index and view using it too.
bool drop_extension(const LintStatement& statement, std::vector<LintFinding>& out) {
    const auto r = statement.range();
    std::size_t i = 2;
    skip_words(r, i, {"IF", "EXISTS"});
    const std::string name = read_name(r, i);
    const bool cascade = r.has_word("CASCADE");
    out.push_back(finding_at(
        statement, "AG126",
        "drops extension " + q(name) + " and the types, functions and operators it made" +
            (cascade ? ", and with CASCADE every column, index and view that uses them" : "") +
            "; creating it again later may install another version",
        "keep the extension while any table, index or view uses it; if it must go, say "
        "why in an '-- autogen:lint ignore AG126 reason' comment"));
    return true;
}

/// AG129: REVOKE. No lock waits, but a role loses what it could do: the application
/// running as that role may fail at its next query.
bool revoke(const LintStatement& statement, std::vector<LintFinding>& out) {
    const auto r = statement.range();
    const std::size_t from = r.find_word("FROM");
    std::string who = from < r.size() ? r.from(from + 1).text() : "a role";
    out.push_back(finding_at(
        statement, "AG129",
        "revokes privileges from " + who + ": what runs as that role may fail at its next query",
        "deploy the application that no longer needs the privilege first; "
        "then say so in an '-- autogen:lint ignore AG129 reason' comment"));
    return true;
}

}  // namespace

bool check_maintenance(const LintStatement& statement, const std::set<std::string>& new_tables,
                       std::vector<LintFinding>& out, std::string& exclusive_on,
                       std::string& table) {
    const auto r = statement.range();
    if (r.size() == 0) return false;
    Report report{out, exclusive_on, table};
    if (r[0].is("REINDEX")) return reindex(statement, new_tables, report);
    if (r[0].is("VACUUM") || r[0].is("CLUSTER"))
        return rewrite_command(statement, new_tables, report);
    if (r[0].is("TRUNCATE")) return truncate(statement, new_tables, report);
    if (r.size() > 1 && r[0].is("ALTER") && r[1].is("DOMAIN")) return alter_domain(statement, out);
    if (r.size() > 1 && r[0].is("DROP") && r[1].is("EXTENSION"))
        return drop_extension(statement, out);
    if (r[0].is("REVOKE")) return revoke(statement, out);
    if (check_default_privileges_revoke(statement, out)) return true;
    return false;
}

}  // namespace autogen::lint
