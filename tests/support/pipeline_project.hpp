// Test helpers for lib/pipeline's tests: a temporary project (autogen.toml, model
// headers, revision files) loaded as a Config, the dialect registry, a
// pipeline::Context that keeps the detail and info lines it is given, and a small
// model. Header-only: only pipeline_tests uses it.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "pipeline/context.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::test {

using testing::ScopedEnv;  // tests/support/scoped_env.hpp

/// autogen.toml of a SQLite project whose models are models/*.hpp.
inline const std::string kSqliteToml =
    "[database]\ndialects = [\"sqlite\"]\n[models]\nheaders = [\"models/*.hpp\"]\n";

/// autogen.toml of a PostgreSQL project whose scratch databases go on the test server.
inline std::string postgres_toml() {
    return "[database]\ndialects = [\"postgresql\"]\ndev_url = \"" + postgres_test_server_url() +
           "\"\n[models]\nheaders = [\"models/*.hpp\"]\n";
}

/// A model column of a logical type.
inline schema::Column model_column(std::string name, schema::Logical logical,
                                   bool nullable = false) {
    schema::Column c;
    c.name = std::move(name);
    c.type.logical = logical;
    c.nullable = nullable;
    return c;
}

/// users(id BIGINT identity primary key, email TEXT NOT NULL), with a nullable
/// phone TEXT when `with_phone`.
inline schema::Schema users_model(bool with_phone) {
    schema::Table users;
    users.name = "users";
    auto id = model_column("id", schema::Logical::BigInt);
    id.identity = true;
    users.columns.push_back(id);
    users.columns.push_back(model_column("email", schema::Logical::Text));
    if (with_phone) users.columns.push_back(model_column("phone", schema::Logical::Text, true));
    users.primary_key = schema::PrimaryKey{"", {"id"}};
    schema::Schema s;
    s.tables.push_back(std::move(users));
    return s;
}

/// A revision file with one upgrade/downgrade section pair for `dialect`.
inline std::string revision_file(const std::string& dialect, const std::string& id,
                                 const std::string& down, const std::string& upgrade_sql,
                                 const std::string& downgrade_sql) {
    return "-- autogen revision\n-- revision: " + id + "\n-- down_revision: " + down +
           "\n-- message: step " + id + "\n-- created: 2026-11-21T15:30:00Z\n\n-- +upgrade " +
           dialect + "\n" + upgrade_sql + "\n\n-- +downgrade " + dialect + "\n" + downgrade_sql +
           "\n";
}

/// A project in a temporary folder, with what the pipeline needs to run on it.
struct PipelineProject {
    testing::TempDir dir;
    support::Diagnostics diags;
    dialect::DialectRegistry dialects = dialect::make_dialect_registry();
    std::vector<std::string> details;  ///< what the pipeline said as detail lines
    std::vector<std::string> infos;    ///< what it said as info lines

    /// Writes autogen.toml with `toml` and loads it (the test fails when it does not load).
    support::Config config(const std::string& toml) {
        auto path = dir.write("autogen.toml", toml);
        auto loaded = support::load_config(path, {}, diags);
        INFO(messages());
        REQUIRE(loaded);
        return *loaded;
    }

    /// A context reporting into `diags` and keeping its lines; `database_url` is the live database.
    pipeline::Context context(std::string database_url = {}) {
        pipeline::Context ctx{diags, dialects};
        ctx.detail = [this](const std::string& line) { details.push_back(line); };
        ctx.info = [this](const std::string& line) { infos.push_back(line); };
        ctx.database_url = std::move(database_url);
        return ctx;
    }

    const dialect::Dialect& dialect(const std::string& name) const {
        const dialect::Dialect* d = dialects.find(name);
        REQUIRE(d);
        return *d;
    }

    /// Every diagnostic so far, one per line (for INFO and message checks).
    std::string messages() const {
        std::string out;
        for (const auto& d : diags.items()) out += support::format(d) + "\n";
        return out;
    }
};

}  // namespace autogen::test
