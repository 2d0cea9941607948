// lib/dialect: the dialect registry. For each supported database, its connection, inspector, diff
// rules and planner, keyed by name ("sqlite"). Built explicitly by main (no static
// initialisers); generic code asks it instead of comparing dialect names.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "db/connection.hpp"
#include "db/script_frame.hpp"
#include "db/url.hpp"
#include "diff/diff_rules.hpp"
#include "introspect/impact.hpp"
#include "introspect/inspector.hpp"
#include "support/config.hpp"

namespace autogen::dialect {

struct Dialect {
    std::string name;
    /// Opens the database a URL of this dialect names (ReadOnly: creating nothing).
    std::function<std::unique_ptr<db::Connection>(const db::DatabaseUrl&, db::Access, support::Diagnostics&)>
        connect;
    /// Opens an empty scratch database (to replay the chain or materialise models),
    /// dropped with its connection. Dialects that need a server create it on
    /// `[database] dev_url` (or --dev-url), else, when config.database.scratch_on_url
    /// (not for read-only commands), on the server of the project's effective URL when
    /// it is of this dialect (docs/dialects/postgresql.md).
    std::function<std::unique_ptr<db::Connection>(const support::Config&, support::Diagnostics&)> scratch;
    /// Could `scratch` open one here? Answered without creating a database (SQLite:
    /// always; PostgreSQL: the server answers and the user may create databases). False
    /// with the reason as a diagnostic in `diags`.
    std::function<bool(const support::Config&, support::Diagnostics&)> scratch_ready;
    /// The statements offline SQL (`--sql`) writes where the runner calls the connection
    /// (lock, begin, commit: db/script_frame.hpp); `lock_key` as for lock_migrations.
    std::function<db::ScriptFrame(const std::string& lock_key)> script_frame;
    std::unique_ptr<introspect::Inspector> inspector;
    std::unique_ptr<diff::DiffRules> rules;
    std::unique_ptr<codegen::Planner> planner;
    /// What a change does to stored rows: type-change rules and counting SQL (SPEC §3).
    std::unique_ptr<introspect::ImpactCounter> impact;
};

class DialectRegistry {
public:
    void add(Dialect dialect);
    /// The dialect of that name, or nullptr.
    const Dialect* find(const std::string& name) const;
    /// Registered names, in registration order (for messages).
    std::string names() const;

private:
    std::vector<std::unique_ptr<Dialect>> dialects_;
};

/// Every dialect this build supports (lib/dialect/registry.cpp: the one list of them).
DialectRegistry make_dialect_registry();

}  // namespace autogen::dialect
