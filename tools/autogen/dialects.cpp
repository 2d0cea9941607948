// The registry and the one place where the dialects are assembled.
#include "dialects.hpp"

#include "codegen/sqlite_planner.hpp"
#include "db/sqlite_connection.hpp"
#include "diff/sqlite_rules.hpp"
#include "introspect/sqlite_inspector.hpp"

namespace autogen::cli {

void DialectRegistry::add(Dialect dialect) { dialects_.push_back(std::make_unique<Dialect>(std::move(dialect))); }

const Dialect* DialectRegistry::find(const std::string& name) const {
    for (const auto& d : dialects_) {
        if (d->name == name) return d.get();
    }
    return nullptr;
}

std::string DialectRegistry::names() const {
    std::string out;
    for (const auto& d : dialects_) out += (out.empty() ? "" : ", ") + d->name;
    return out;
}

DialectRegistry make_dialect_registry() {
    DialectRegistry registry;
    Dialect sqlite;
    sqlite.name = "sqlite";
    sqlite.connect = [](const db::DatabaseUrl& url, support::Diagnostics& diags) {
        return db::open_sqlite(url.sqlite_path, diags);
    };
    sqlite.scratch = [](const support::Config&, support::Diagnostics& diags) {
        return db::open_sqlite(":memory:", diags);
    };
    sqlite.inspector = introspect::make_sqlite_inspector();
    sqlite.rules = diff::make_sqlite_rules();
    sqlite.planner = codegen::make_sqlite_planner();
    registry.add(std::move(sqlite));
    return registry;
}

}  // namespace autogen::cli
