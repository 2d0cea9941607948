// PostgreSQL's lint rules (postgres_lint.hpp). Lock levels are PostgreSQL's names
// (https://www.postgresql.org/docs/current/explicit-locking.html).
#include "lint/postgres_lint.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "lint/compat_rules.hpp"
#include "lint/postgres_maintenance_rules.hpp"
#include "lint/statement_shape.hpp"
#include "support/text.hpp"

namespace autogen::lint {

namespace {

constexpr const char* kAccessExclusive = "ACCESS EXCLUSIVE";

/// Adds `f`, a statement that reads every row of `on` under ACCESS EXCLUSIVE.
void push_exclusive_scan(std::vector<LintFinding>& out, LintFinding f, const std::string& on) {
    f.lock = kAccessExclusive;
    f.lock_on = on;
    f.scans = true;
    out.push_back(std::move(f));
}

/// Adds `f`, a statement that rewrites `on` (and its indexes) under ACCESS EXCLUSIVE.
void push_exclusive_rewrite(std::vector<LintFinding>& out, LintFinding f, const std::string& on) {
    f.lock = kAccessExclusive;
    f.lock_on = on;
    f.rewrites = true;
    out.push_back(std::move(f));
}

/// A type split into its words and its numeric arguments: "NUMERIC(10,2)" -> NUMERIC, {10, 2}.
struct TypeParts {
    std::string base;
    std::vector<long> args;
    bool array = false;
};

/// A type argument as a number; a longer one than any limit PostgreSQL allows counts as
/// the largest (no exception on "VARCHAR(99999999999999999999)").
long type_argument(const std::string& digits) {
    if (digits.empty()) return 0;
    return digits.size() > 9 ? 999999999L : std::stol(digits);
}

TypeParts parts_of(const std::string& type) {
    TypeParts p;
    auto open = type.find('(');
    p.base = type.substr(0, open);
    p.array = type.find('[') != std::string::npos;
    if (p.array) p.base = p.base.substr(0, p.base.find('['));
    if (open != std::string::npos) {
        std::string number;
        for (std::size_t i = open + 1; i < type.size() && type[i] != ')'; ++i) {
            if (type[i] == ',') {
                p.args.push_back(type_argument(number));
                number.clear();
            } else if (type[i] >= '0' && type[i] <= '9') {
                number += type[i];
            }
        }
        if (!number.empty()) p.args.push_back(type_argument(number));
    }
    return p;
}

/// Why changing `from` to `to` needs no rewrite (binary-coercible, or a limit that only
/// grows), or empty when it rewrites.
std::string no_rewrite_reason(const std::string& from, const std::string& to) {
    if (from == to) return "the type does not change";
    auto a = parts_of(from), b = parts_of(to);
    if (a.array != b.array) return {};
    auto text_like = [](const std::string& base) { return base == "VARCHAR" || base == "TEXT"; };
    if (text_like(a.base) && b.base == "TEXT") return a.base + " to TEXT is binary-coercible";
    if (text_like(a.base) && b.base == "VARCHAR") {
        if (b.args.empty()) return "VARCHAR without a limit accepts every value";
        if (a.base == "VARCHAR" && !a.args.empty() && b.args[0] >= a.args[0])
            return "VARCHAR's limit only grows";
        return {};
    }
    if (a.base == "NUMERIC" && b.base == "NUMERIC") {
        if (b.args.empty()) return "NUMERIC without a precision accepts every value";
        long a_scale = a.args.size() > 1 ? a.args[1] : 0,
             b_scale = b.args.size() > 1 ? b.args[1] : 0;
        if (!a.args.empty() && a_scale == b_scale && b.args[0] >= a.args[0])
            return "NUMERIC's precision grows with the same scale";
        return {};
    }
    if (a.base == "VARBIT" && b.base == "VARBIT" &&
        (b.args.empty() || (!a.args.empty() && b.args[0] >= a.args[0])))
        return "VARBIT's limit only grows";
    if (a.base == "CIDR" && b.base == "INET") return "CIDR to INET is binary-coercible";
    return {};
}

/// Functions whose value changes row by row: a default calling one is evaluated for
/// every existing row, so ADD COLUMN rewrites the table.
bool volatile_call(const TokenRange& r) {
    static const std::set<std::string> functions = {
        "RANDOM",           "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC",
        "UUID_GENERATE_V4", "CLOCK_TIMESTAMP", "TIMEOFDAY",        "NEXTVAL",
        "TXID_CURRENT",     "UUIDV7",          "UUIDV4",           "SETSEED"};
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        if (r[i].kind == TokenKind::Word && r[i + 1].is('(') && functions.count(r[i].upper))
            return true;
    return false;
}

/// A constraint added NOT VALID earlier in the section: a VALIDATE in the same transaction
/// checks every row while the ADD's lock is still held.
struct NotValidAdd {
    std::string code;  ///< AG103 (foreign key) or AG104 (check)
    std::string kind;  ///< "foreign key", "check"
    std::string lock, lock_on;
};

/// "table.constraint" -> its ADD ... NOT VALID in this section.
using NotValidAdds = std::map<std::string, NotValidAdd>;

class PostgresLintRules final : public LintRules {
  public:
    support::SqlQuoting quoting() const override { return support::SqlQuoting::postgresql(); }

    void check(const SectionInput& input, LintState& state,
               std::vector<LintFinding>& out) const override {
        auto created = created_tables(input.statements);
        std::set<std::string> new_tables(created.begin(), created.end());
        const auto created_by_revision = created_by_upgrade(input);
        bool lock_timeout = false;
        bool timeout_reported = false;
        NotValidAdds not_valid_adds;
        for (const auto& statement : input.statements) {
            const auto r = statement.range();
            if (r[0].is("SET") && r.has_word("LOCK_TIMEOUT")) lock_timeout = true;
            std::vector<LintFinding> found;
            std::string exclusive_on;  // a table this statement takes ACCESS EXCLUSIVE on
            std::string table;         // the table the statement works on, when it names one
            check_concurrently(input, statement, found);
            if (check_maintenance(statement, new_tables, found, exclusive_on, table)) {
                // REINDEX, VACUUM FULL, CLUSTER, TRUNCATE, ALTER DOMAIN: findings made
            } else if (auto index = read_create_index(r)) {
                table = index->table;
                if (!index->concurrently && !new_tables.count(index->table)) {
                    auto f = finding_at(statement, "AG101",
                                        "builds index " + q(index->name) +
                                            " without CONCURRENTLY: every write to " +
                                            q(index->table) + " waits for the whole build",
                                        "CREATE INDEX CONCURRENTLY in a section marked "
                                        "'-- autogen: no-transaction'");
                    f.lock = "SHARE";
                    f.lock_on = "table " + q(index->table);
                    f.scans = true;
                    found.push_back(std::move(f));
                }
            } else if (auto drop = read_drop_index(r)) {
                if (!drop->concurrently) {
                    auto name = drop->names.empty() ? std::string("?")
                                                    : support::join_with(drop->names.front(), ".");
                    auto f = finding_at(statement, "AG102",
                                        "drops index " + q(name) +
                                            " without CONCURRENTLY: reads and writes of its "
                                            "table wait until it is gone",
                                        "DROP INDEX CONCURRENTLY in a section marked "
                                        "'-- autogen: no-transaction'");
                    f.lock = kAccessExclusive;
                    f.lock_on = "the index's table";
                    found.push_back(std::move(f));
                    exclusive_on = "the table of index " + q(name);
                }
            } else if (auto dropped = read_drop_table(r); !dropped.empty()) {
                table = dropped.front();
                if (!new_tables.count(dropped.front()))
                    exclusive_on = "table " + q(dropped.front());
            } else if (auto alter = read_alter_table(r)) {
                table = alter->table;
                if (!new_tables.count(alter->table))
                    check_alter(input, statement, *alter, state, not_valid_adds, found,
                                exclusive_on);
                else
                    remember_types(*alter, state, input.direction);
            } else if (auto table = read_create_table(r)) {
                if (input.direction == migrate::Direction::Upgrade)
                    for (const auto& [column, type] : table->columns)
                        state.column_types[table->table + "." + column] = type;
            }
            check_compat(statement, new_tables, created_by_revision, postgres_compat_lock(), found);
            if (!exclusive_on.empty() && !lock_timeout && !timeout_reported) {
                timeout_reported = true;
                auto f = finding_at(
                    statement, "AG110",
                    "takes ACCESS EXCLUSIVE on " + exclusive_on +
                        " with no lock_timeout set: if it waits behind a long transaction, "
                        "every query on the table queues behind it",
                    "start the section with SET lock_timeout = '2s' (and retry on timeout)");
                f.lock = kAccessExclusive;
                f.lock_on = exclusive_on;
                found.push_back(std::move(f));
            }
            for (auto& f : found) {
                if (f.table.empty()) f.table = table;
                out.push_back(std::move(f));
            }
        }
    }

  private:
    /// AG115: CONCURRENTLY in a section the runner wraps in a transaction.
    static void check_concurrently(const SectionInput& input, const LintStatement& statement,
                                   std::vector<LintFinding>& out) {
        const auto r = statement.range();
        if (input.section->no_transaction || !r.has_word("CONCURRENTLY")) return;
        if (!(r[0].is("CREATE") || r[0].is("DROP") || r[0].is("REINDEX") || r[0].is("ALTER")))
            return;
        out.push_back(finding_at(
            statement, "AG115",
            "CONCURRENTLY cannot run inside a transaction block, and this section runs in one",
            "put '-- autogen: no-transaction' on the line after the section marker (and keep "
            "the statements that must be atomic in another revision)"));
    }

    /// Types of columns an ALTER TABLE on a table of this section sets (no findings).
    static void remember_types(const AlterTable& alter, LintState& state,
                               migrate::Direction direction) {
        if (direction != migrate::Direction::Upgrade) return;
        for (const auto& action : alter.actions) {
            std::size_t i = 0;
            if (skip_words(action, i, {"ADD"})) {
                skip_words(action, i, {"COLUMN"});
                skip_words(action, i, {"IF", "NOT", "EXISTS"});
                if (i < action.size() &&
                    (action[i].is("CONSTRAINT") || action[i].is("PRIMARY") ||
                     action[i].is("UNIQUE") || action[i].is("CHECK") || action[i].is("FOREIGN")))
                    continue;
                auto column = read_name(action, i);
                state.column_types[alter.table + "." + column] = read_type(action, i);
            }
        }
    }

    /// The old type of `table`.`column` before a type change: the other direction's
    /// section of the same revision changes it back, else the chain so far.
    static std::string old_type(const SectionInput& input, const LintState& state,
                                const std::string& table, const std::string& column) {
        if (input.opposite) {
            for (const auto& s : *input.opposite) {
                auto alter = read_alter_table(s.range());
                if (!alter || alter->table != table) continue;
                for (const auto& action : alter->actions) {
                    std::size_t i = 0;
                    if (!skip_words(action, i, {"ALTER"})) continue;
                    skip_words(action, i, {"COLUMN"});
                    if (read_name(action, i) != column) continue;
                    skip_words(action, i, {"SET", "DATA"});
                    if (skip_words(action, i, {"TYPE"})) return read_type(action, i);
                }
            }
        }
        auto it = state.column_types.find(table + "." + column);
        return it == state.column_types.end() ? std::string() : it->second;
    }

    static void check_alter(const SectionInput& input, const LintStatement& statement,
                            const AlterTable& alter, LintState& state, NotValidAdds& not_valid_adds,
                            std::vector<LintFinding>& out, std::string& exclusive_on) {
        const std::string on_table = "table " + q(alter.table);
        bool only_weaker_locks = true;
        for (const auto& action : alter.actions) {
            std::size_t i = 0;
            if (skip_words(action, i, {"VALIDATE", "CONSTRAINT"})) {
                auto name = read_name(action, i);
                auto it = state.unvalidated_not_null.find(name);
                if (it != state.unvalidated_not_null.end()) {
                    state.validated_not_null.insert(it->second);
                    state.unvalidated_not_null.erase(it);
                }
                // SHARE UPDATE EXCLUSIVE: reads and writes go on, unless the transaction
                // still holds the stronger lock of the ADD ... NOT VALID.
                auto added = not_valid_adds.find(alter.table + "." + name);
                if (added != not_valid_adds.end() && !input.section->no_transaction) {
                    const auto& add = added->second;
                    auto f = finding_at(
                        statement, add.code,
                        "validates " + add.kind + " " + q(name) +
                            " in the transaction that added it NOT VALID: the ADD's " + add.lock +
                            " on " + add.lock_on + " is held while every row is checked",
                        "validate in a later transaction: mark the section '-- autogen: "
                        "no-transaction' (each statement then commits on its own), or validate "
                        "in the next revision");
                    f.lock = add.lock;
                    f.lock_on = add.lock_on;
                    f.scans = true;
                    out.push_back(std::move(f));
                }
                continue;
            }
            if (skip_words(action, i, {"ADD"})) {
                check_add(input, statement, alter, action, i, state, not_valid_adds, out,
                          only_weaker_locks);
                continue;
            }
            if (skip_words(action, i, {"SET", "LOGGED"}) ||
                skip_words(action, i, {"SET", "UNLOGGED"})) {
                auto f = finding_at(statement, "AG124",
                                    "sets " + on_table + " " +
                                        (action.has_word("UNLOGGED") ? "UNLOGGED" : "LOGGED") +
                                        ": rewrites the table (and its indexes) under ACCESS "
                                        "EXCLUSIVE: every read and write waits until it is done",
                                    "run it in a maintenance window, or on a table still small "
                                    "enough (lint's [lint] table sizes say which)");
                push_exclusive_rewrite(out, std::move(f), on_table);
                only_weaker_locks = false;
                continue;
            }
            if (skip_words(action, i, {"DISABLE", "ROW", "LEVEL", "SECURITY"})) {
                // The lock is brief (no scan); what matters is who sees the rows after it.
                out.push_back(finding_at(
                    statement, "AG127",
                    "disables row-level security on " + on_table +
                        ": its policies stop applying and every role with a privilege on the "
                        "table reads and writes every row",
                    "keep row-level security on and change the policies instead (a permissive "
                    "policy USING (true) for the roles that need every row); if the table "
                    "must be open, say why in an '-- autogen:lint ignore AG127 reason' comment"));
                only_weaker_locks = false;
                continue;
            }
            if (skip_words(action, i, {"DETACH", "PARTITION"})) {
                auto partition = read_name(action, i);
                // CONCURRENTLY (PostgreSQL 14+) and FINALIZE take SHARE UPDATE EXCLUSIVE.
                if (action.has_word("CONCURRENTLY") || action.has_word("FINALIZE")) continue;
                auto f =
                    finding_at(statement, "AG123",
                               "detaches partition " + q(partition) + " from " + q(alter.table) +
                                   " without CONCURRENTLY: every query on the partitioned "
                                   "table waits",
                               "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY in a "
                               "section marked '-- autogen: no-transaction' (PostgreSQL "
                               "14+)");
                f.lock = kAccessExclusive;
                f.lock_on = on_table + " and partition " + q(partition);
                out.push_back(std::move(f));
            }
            only_weaker_locks = false;
            if (skip_words(action, i, {"ALTER"})) {
                skip_words(action, i, {"COLUMN"});
                auto column = read_name(action, i);
                if (skip_words(action, i, {"SET", "NOT", "NULL"})) {
                    if (state.validated_not_null.count(alter.table + "." + column)) continue;
                    auto f = finding_at(
                        statement, "AG105",
                        "SET NOT NULL on " + q(alter.table) + "." + q(column) +
                            " reads every row under ACCESS EXCLUSIVE",
                        "ADD CONSTRAINT c CHECK (" + q(column) +
                            " IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (in a later section); "
                            "then SET NOT NULL (PostgreSQL 12+ uses the check and skips the "
                            "scan) and DROP CONSTRAINT c");
                    push_exclusive_scan(out, std::move(f), on_table);
                    continue;
                }
                skip_words(action, i, {"SET", "DATA"});
                if (!skip_words(action, i, {"TYPE"})) continue;
                auto to = read_type(action, i);
                bool using_clause = action.has_word("USING");
                auto from = old_type(input, state, alter.table, column);
                if (input.direction == migrate::Direction::Upgrade)
                    state.column_types[alter.table + "." + column] = to;
                const std::string what = q(alter.table) + "." + q(column);
                auto reason =
                    from.empty() || using_clause ? std::string() : no_rewrite_reason(from, to);
                if (from.empty() && !using_clause) {
                    auto f = finding_at(
                        statement, "AG117",
                        "changes the type of " + what + " to " + to +
                            "; the revision does not show the old type, so it may rewrite the "
                            "table under ACCESS EXCLUSIVE",
                        "check that the old type is binary-coercible to " + to +
                            " (e.g. VARCHAR(n) to a longer VARCHAR or TEXT); otherwise add a new "
                            "column, backfill it in batches and swap");
                    f.lock = kAccessExclusive;
                    f.lock_on = on_table;
                    out.push_back(std::move(f));
                } else if (reason.empty()) {
                    auto f = finding_at(
                        statement, "AG106",
                        "changes the type of " + what + (from.empty() ? "" : " from " + from) +
                            " to " + to + (using_clause ? " with USING" : "") +
                            ": rewrites the table and its indexes under ACCESS EXCLUSIVE",
                        "add a column of the new type, fill it in batches (and keep it in step "
                        "with "
                        "a trigger), then swap the columns in a later revision");
                    push_exclusive_rewrite(out, std::move(f), on_table);
                } else {
                    auto f =
                        finding_at(statement, "AG107",
                                   "changes the type of " + what + " from " + from + " to " + to +
                                       " without a rewrite: " + reason +
                                       (action.has_word("COLLATE")
                                            ? " (a new collation rebuilds the column's indexes)"
                                            : ""),
                                   "nothing to change; the lock is brief (set lock_timeout)");
                    f.lock = kAccessExclusive;
                    f.lock_on = on_table;
                    out.push_back(std::move(f));
                }
            }
        }
        if (!only_weaker_locks) exclusive_on = on_table;
    }

    /// ADD COLUMN / ADD CONSTRAINT (after the ADD at `i`).
    static void check_add(const SectionInput& input, const LintStatement& statement,
                          const AlterTable& alter, const TokenRange& action, std::size_t i,
                          LintState& state, NotValidAdds& not_valid_adds,
                          std::vector<LintFinding>& out, bool& only_weaker_locks) {
        const std::string on_table = "table " + q(alter.table);
        std::string constraint;
        if (skip_words(action, i, {"CONSTRAINT"})) constraint = read_name(action, i);
        const bool not_valid = has_sequence(action, {"NOT", "VALID"});
        if (i < action.size() && action[i].is("FOREIGN")) {
            // SHARE ROW EXCLUSIVE on both tables: writes wait, reads go on.
            auto ref = action.find_word("REFERENCES");
            std::size_t j = ref + 1;
            auto referenced = ref < action.size() ? read_name(action, j) : std::string("?");
            if (not_valid) {
                if (!constraint.empty())
                    not_valid_adds[alter.table + "." + constraint] = {
                        "AG103", "foreign key", "SHARE ROW EXCLUSIVE",
                        on_table + " and table " + q(referenced)};
                return;
            }
            auto f = finding_at(statement, "AG103",
                                "adds foreign key " + q(constraint) + " on " + q(alter.table) +
                                    " without NOT VALID: every row is checked while writes to " +
                                    q(alter.table) + " and " + q(referenced) + " wait",
                                "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later "
                                "section (it takes SHARE UPDATE EXCLUSIVE: writes go on)");
            f.lock = "SHARE ROW EXCLUSIVE";
            f.lock_on = on_table + " and table " + q(referenced);
            f.scans = true;
            out.push_back(std::move(f));
            return;
        }
        only_weaker_locks = false;
        if (i < action.size() && action[i].is("CHECK")) {
            // CHECK (col IS NOT NULL): what SET NOT NULL can use once validated.
            auto body = action.from(i + 1);
            if (body.size() >= 6 && body[0].is('(') && body[1].is_name() && body[2].is("IS") &&
                body[3].is("NOT") && body[4].is("NULL") && body[5].is(')')) {
                std::size_t j = 1;
                auto key = alter.table + "." + read_name(body, j);
                if (not_valid)
                    state.unvalidated_not_null[constraint] = key;
                else
                    state.validated_not_null.insert(key);
            }
            if (not_valid) {
                if (!constraint.empty())
                    not_valid_adds[alter.table + "." + constraint] = {"AG104", "check",
                                                                      kAccessExclusive, on_table};
                return;
            }
            auto f =
                finding_at(statement, "AG104",
                           "adds check " + q(constraint) + " on " + q(alter.table) +
                               " without NOT VALID: every row is read under ACCESS EXCLUSIVE",
                           "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT "
                           "in a later section");
            push_exclusive_scan(out, std::move(f), on_table);
            return;
        }
        if (i < action.size() && (action[i].is("PRIMARY") || action[i].is("UNIQUE"))) {
            if (has_sequence(action, {"USING", "INDEX"})) return;
            const std::string kind = action[i].is("PRIMARY") ? "primary key" : "unique constraint";
            auto f =
                finding_at(statement, "AG109",
                           "adds " + kind + (constraint.empty() ? "" : " " + q(constraint)) +
                               " on " + q(alter.table) +
                               ": its index is built under ACCESS EXCLUSIVE, blocking reads "
                               "and writes for the whole build",
                           "CREATE UNIQUE INDEX CONCURRENTLY first (no-transaction section), "
                           "then ADD CONSTRAINT ... " +
                               std::string(action[i].is("PRIMARY") ? "PRIMARY KEY" : "UNIQUE") +
                               " USING INDEX");
            push_exclusive_scan(out, std::move(f), on_table);
            return;
        }
        if (i < action.size() && action[i].is("EXCLUDE")) {
            // No online form: an exclusion constraint takes neither NOT VALID nor USING
            // INDEX, and its index cannot be built CONCURRENTLY first. A warning, as for
            // the drops: the change may be needed all the same.
            auto f = finding_at(statement, "AG125",
                                "adds exclusion constraint" +
                                    (constraint.empty() ? "" : " " + q(constraint)) + " on " +
                                    q(alter.table) +
                                    ": its index is built and every row checked under ACCESS "
                                    "EXCLUSIVE, blocking reads and writes for the whole build",
                                "add it while the table is small or in a maintenance window "
                                "(PostgreSQL has no NOT VALID or USING INDEX for EXCLUDE); "
                                "-- autogen:lint ignore AG125 reason, once it is planned");
            push_exclusive_scan(out, std::move(f), on_table);
            return;
        }
        // ADD [COLUMN] [IF NOT EXISTS] name type ...
        skip_words(action, i, {"COLUMN"});
        skip_words(action, i, {"IF", "NOT", "EXISTS"});
        auto column = read_name(action, i);
        auto type = read_type(action, i);
        if (input.direction == migrate::Direction::Upgrade)
            state.column_types[alter.table + "." + column] = type;
        const auto rest = action.from(i);
        const auto default_at = rest.find_word("DEFAULT");
        const bool serial = type == "SERIAL" || type == "BIGSERIAL" || type == "SMALLSERIAL";
        const bool stored = rest.has_word("GENERATED") && rest.has_word("STORED");
        const bool identity = rest.has_word("GENERATED") && rest.has_word("IDENTITY");
        const std::string what = q(alter.table) + "." + q(column);
        if (serial || stored || identity ||
            (default_at < rest.size() && volatile_call(rest.from(default_at + 1)))) {
            std::string why = serial     ? "a serial column's default (nextval) is volatile"
                              : stored   ? "a stored generated column is computed for every row"
                              : identity ? "an identity column numbers every existing row"
                                         : "its default is volatile";
            auto f = finding_at(statement, "AG108",
                                "adds column " + what + ": " + why +
                                    ", so every row is rewritten under ACCESS EXCLUSIVE",
                                "add the column without a default (or with a constant one), "
                                "SET DEFAULT afterwards, and fill existing rows in batches");
            push_exclusive_rewrite(out, std::move(f), on_table);
            return;
        }
        // An inline REFERENCES: a new column without a default is all NULL, so there is
        // nothing to check; with a default, every row's value is checked under the lock.
        if (const auto ref = rest.find_word("REFERENCES");
            ref < rest.size() && default_at < rest.size()) {
            std::size_t j = ref + 1;
            auto referenced = read_name(rest, j);
            auto f = finding_at(statement, "AG103",
                                "adds column " + what + " with a default and a foreign key to " +
                                    q(referenced) + ": every row's value is checked while " +
                                    q(alter.table) + " is locked",
                                "add the column without REFERENCES, then ADD CONSTRAINT ... "
                                "FOREIGN KEY ... NOT VALID and VALIDATE CONSTRAINT in a later "
                                "section");
            f.lock = kAccessExclusive;
            f.lock_on = on_table + " (and SHARE ROW EXCLUSIVE on table " + q(referenced) + ")";
            f.scans = true;
            out.push_back(std::move(f));
            return;
        }
        const auto not_at = rest.find_word("NOT");
        if (not_at + 1 < rest.size() && rest[not_at + 1].is("NULL") && default_at >= rest.size()) {
            auto f = finding_at(statement, "AG116",
                                "adds column " + what +
                                    " NOT NULL without a default: fails as soon as the table "
                                    "has a row",
                                "add it with a constant DEFAULT, or nullable, fill it, and make "
                                "it NOT NULL through a validated check");
            f.lock = kAccessExclusive;
            f.lock_on = on_table;
            out.push_back(std::move(f));
        }
    }
};

}  // namespace

std::unique_ptr<LintRules> make_postgres_lint_rules() {
    return std::make_unique<PostgresLintRules>();
}

}  // namespace autogen::lint
