// The online forms of PostgreSQL changes (postgres_online.hpp). The lock each statement
// takes is PostgreSQL's (https://www.postgresql.org/docs/current/explicit-locking.html).
#include "codegen/postgres_online.hpp"

#include "codegen/postgres_ddl.hpp"
#include "codegen/sql_builder.hpp"

namespace autogen::codegen::postgres {

namespace {

using namespace schema;

std::string alter(const TableRef& t) { return "ALTER TABLE " + table_sql(t) + " "; }

/// VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE while it reads every row, so reads and
/// writes go on. It runs in a transaction of its own (no_transaction), or it would hold
/// the ADD's stronger lock for the whole scan.
Statement validate(const TableRef& table, const std::string& name) {
    return {.sql = alter(table) + "VALIDATE CONSTRAINT " + quote_identifier(name),
            .comment = "online: checks the existing rows while reads and writes go on",
            .no_transaction = true};
}

/// The unique index of a constraint built CONCURRENTLY, then attached to it.
OnlineStatements unique_through_index(const TableRef& table, const std::string& name,
                                      const std::vector<std::string>& columns,
                                      const std::string& kind) {
    Index index{.name = name, .columns = columns, .unique = true};
    return {{.sql = create_index_sql(table, index, /*concurrently=*/true),
             .comment = "online: the " + kind + "'s index is built while reads and writes go on",
             .no_transaction = true},
            {.sql = alter(table) + "ADD CONSTRAINT " + quote_identifier(name) + " " + kind +
                    " USING INDEX " + quote_identifier(name)}};
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

/// Does the statement wait for other transactions to end by design (a CONCURRENTLY
/// build, a VALIDATE, an UPDATE of many rows)? A short lock_timeout would fail it on a
/// busy database without protecting anyone.
bool waits_by_design(const Statement& s) {
    return s.no_transaction || starts_with(s.sql, "UPDATE ");
}

}  // namespace

OnlineStatements online_create_index(const TableRef& table, const Index& index) {
    return {{.sql = create_index_sql(table, index, /*concurrently=*/true), .no_transaction = true}};
}

OnlineStatements online_drop_index(const TableRef& table, const Index& index) {
    return {{.sql = drop_index_sql(table, index, /*concurrently=*/true), .no_transaction = true}};
}

OnlineStatements online_add_foreign_key(const TableRef& table, const ForeignKey& key) {
    if (key.name.empty()) return {};
    return {{.sql = alter(table) + "ADD " + foreign_key_clause(key) + " NOT VALID",
             .comment = "online: new and changed rows are checked from here on"},
            validate(table, key.name)};
}

OnlineStatements online_add_check(const TableRef& table, const CheckConstraint& check) {
    if (check.name.empty()) return {};
    OnlineStatements out{{.sql = add_check_sql(table, check, /*not_valid=*/true),
                          .comment = "online: new and changed rows are checked from here on"}};
    // A check declared NOT VALID stays so: the rows already there are never checked.
    if (!check.not_valid) out.push_back(validate(table, check.name));
    return out;
}

OnlineStatements online_validate_check(const TableRef& table, const CheckConstraint& check) {
    if (check.not_valid) return {};
    return {validate(table, check.name)};
}

OnlineStatements online_add_unique(const TableRef& table, const UniqueConstraint& unique) {
    if (unique.name.empty()) return {};
    return unique_through_index(table, unique.name, unique.columns, "UNIQUE");
}

OnlineStatements online_add_primary_key(const TableRef& table, const PrimaryKey& key,
                                        const std::string& name) {
    return unique_through_index(table, name, key.columns, "PRIMARY KEY");
}

std::string not_null_check_name(const std::string& column) {
    std::string name = "autogen_nn_" + column;
    // NAMEDATALEN - 1; never cut inside a UTF-8 sequence.
    std::size_t keep = std::min<std::size_t>(name.size(), 63);
    while (keep > 0 && keep < name.size() &&
           (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80)
        --keep;
    return name.substr(0, keep);
}

void online_set_not_null(OnlineStatements& statements, const TableRef& table,
                         const std::string& column) {
    const std::string set_not_null =
        alter(table) + "ALTER COLUMN " + quote_identifier(column) + " SET NOT NULL";
    const std::string check = not_null_check_name(column);
    OnlineStatements out;
    for (auto& s : statements) {
        if (s.sql != set_not_null) {
            out.push_back(std::move(s));
            continue;
        }
        std::string comment = s.comment;
        if (!comment.empty()) comment += "\n";
        comment += "online: NOT NULL through a validated check, so SET NOT NULL needs no scan";
        out.push_back({.sql = alter(table) + "ADD CONSTRAINT " + quote_identifier(check) +
                              " CHECK (" + quote_identifier(column) + " IS NOT NULL) NOT VALID",
                       .comment = comment});
        out.push_back(validate(table, check));
        out.push_back({.sql = set_not_null});
        out.push_back({.sql = alter(table) + "DROP CONSTRAINT " + quote_identifier(check)});
    }
    statements = std::move(out);
}

OnlineStatements with_lock_timeouts(OnlineStatements statements, const std::vector<bool>& strong,
                                    const std::string& lock_timeout) {
    bool any_strong = false, no_transaction = false;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        any_strong = any_strong || (i < strong.size() && strong[i]);
        no_transaction = no_transaction || statements[i].no_transaction;
    }
    if (!any_strong) return statements;
    const std::string why = "online: a statement that waits more than " + lock_timeout +
                            " for its lock fails instead of queueing every query on its table "
                            "behind it; run the revision again later";
    if (!no_transaction) {
        Statement set{.sql = "SET LOCAL lock_timeout = " + string_literal(lock_timeout),
                      .comment = why};
        statements.insert(statements.begin(), std::move(set));
        return statements;
    }
    OnlineStatements out;
    bool set = false, explained = false;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const bool is_strong = i < strong.size() && strong[i];
        if (is_strong && !set) {
            out.push_back({.sql = "SET lock_timeout = " + string_literal(lock_timeout),
                           .comment = explained ? std::string() : why});
            set = explained = true;
        } else if (!is_strong && set && waits_by_design(statements[i])) {
            out.push_back({.sql = "RESET lock_timeout"});
            set = false;
        }
        out.push_back(std::move(statements[i]));
    }
    if (set) out.push_back({.sql = "RESET lock_timeout"});
    return out;
}

}  // namespace autogen::codegen::postgres
