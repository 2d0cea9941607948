// materialize() (materialize.hpp).
#include "materialize.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "compared_tables.hpp"
#include "creation_plan.hpp"
#include "materialize_objects.hpp"
#include "materialized_cache.hpp"
#include "schema/table_lookup.hpp"
#include "table_memo.hpp"

namespace autogen::pipeline {

using support::Category;

namespace {

/// A database stores neither rename declarations nor source locations: copy them from
/// the model onto the read-back schema, or a declared rename would diff as drop + add
/// and lose its data.
/// A dialect without schemas (SQLite) reads every table back unqualified, whatever
/// schema its model names (its lowering drops the qualifier): such a table is the model
/// table of that name in any schema.
void carry_model_facts(const schema::Schema& model, schema::Schema& materialized) {
    carry_object_facts(model.objects, materialized.objects);
    const schema::TableLookup declared_tables(model);
    std::unordered_map<std::string, const schema::Table*> by_name_alone;
    for (const auto& t : model.tables)
        if (!t.schema.empty()) by_name_alone.emplace(t.name, &t);
    for (auto& table : materialized.tables) {
        const schema::Table* declared = declared_tables.find(table.name, table.schema);
        if (!declared && table.schema.empty()) {
            auto it = by_name_alone.find(table.name);
            if (it != by_name_alone.end()) declared = it->second;
        }
        if (!declared) continue;
        table.renamed_from = declared->renamed_from;
        table.location = declared->location;
        for (auto& column : table.columns) {
            if (const schema::Column* c = declared->find_column(column.name)) {
                column.renamed_from = c->renamed_from;
                column.location = c->location;
            }
        }
    }
}

std::string qualified(const std::string& schema_name, const std::string& name) {
    return schema_name + '\x1f' + name;
}

/// The tables of `lowered` that must be created to read `missing` back: those tables,
/// and, so that their foreign keys can be created, the tables they reference, without
/// foreign keys of their own (only their keys matter; their read-back is not used).
/// Every enum type comes along (few, and a table may name any).
schema::Schema subset_to_create(const schema::Schema& lowered,
                                const std::vector<std::size_t>& missing) {
    schema::Schema subset;
    subset.enums = lowered.enums;
    std::unordered_set<std::string> wanted;
    for (auto i : missing)
        wanted.insert(qualified(lowered.tables[i].schema, lowered.tables[i].name));
    // By name alone: a reference may leave its schema to the search path, and a spare
    // stub costs one table.
    std::unordered_set<std::string> referenced;
    for (auto i : missing)
        for (const auto& fk : lowered.tables[i].foreign_keys) referenced.insert(fk.ref_table);
    for (const auto& t : lowered.tables) {
        if (wanted.count(qualified(t.schema, t.name))) {
            subset.tables.push_back(t);
        } else if (referenced.count(t.name)) {
            schema::Table stub = t;
            stub.foreign_keys.clear();
            subset.tables.push_back(std::move(stub));
        }
    }
    return subset;
}

/// Creates `lowered` (the planner's `statements` for it) in a new scratch database of
/// `dialect` and reads it back: in transactions of a few dozen statements, over several
/// sessions where the dialect shares its scratch database, foreign keys of one definition
/// created once and copied (creation_plan.hpp). `copy_foreign_keys` false: each created.
/// `prelude`: the declared objects the tables need (schema::precedes_tables), created
/// first.
std::optional<schema::Schema> create_and_read(
    const dialect::Dialect& dialect, const schema::Schema& lowered,
    std::vector<codegen::Statement> statements, const std::vector<schema::SqlObject>& prelude,
    const support::Config& config, support::Diagnostics& diags,
    const support::ProgressCallback& progress, bool copy_foreign_keys = true) {
    auto read_back = [&](const schema::Table& t) {
        return copy_foreign_keys && !excluded_table(config, t);
    };
    auto plan = creation_plan(dialect, lowered, statements, read_back, diags);
    if (!plan) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    if (!create_objects(dialect, *conn, prelude, diags)) return std::nullopt;
    const std::string step = "materialising the models (" + dialect.name + ")";
    for (const auto& phase : plan->phases) {
        if (!run_statement_groups(dialect, *conn, phase.groups, diags, progress, step, phase.run)) {
            support::report_finished(progress, step);
            diags.error(Category::Model,
                        "the models do not make a valid " + dialect.name +
                            " schema (see the statement above)",
                        {},
                        "check server_default, check and type annotations of the table named in "
                        "the statement");
            return std::nullopt;
        }
    }
    support::report(progress, {"reading back the models (" + dialect.name + ")", 0, 0, {}});
    auto read = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, step);
    // A key to copy from that did not read back under its own name (never seen): nothing
    // copied is trusted, every key is created instead.
    if (read && !copy_keys(plan->copied, *read)) {
        conn.reset();
        return create_and_read(dialect, lowered, std::move(statements), prelude, config, diags,
                               progress, false);
    }
    return read;
}

/// `missing` (indexes of tables to create) in the groups that each get a scratch
/// database of their own: all of them, or at most Dialect::scratch_tables_per_database
/// each (creation would grow with the square of the tables in one database).
std::vector<std::vector<std::size_t>> scratch_chunks(const dialect::Dialect& dialect,
                                                     const std::vector<std::size_t>& missing) {
    std::size_t per_database = dialect.scratch_tables_per_database;
    // A tuning knob for measuring shares on a given server (0 = one database).
    if (const char* env = std::getenv("AUTOGEN_SCRATCH_TABLES_PER_DATABASE")) {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n >= 0) per_database = static_cast<std::size_t>(n);
    }
    if (per_database == 0 || missing.size() <= per_database) return {missing};
    std::vector<std::vector<std::size_t>> chunks;
    for (std::size_t at = 0; at < missing.size(); at += per_database) {
        const auto end = std::min(at + per_database, missing.size());
        chunks.emplace_back(missing.begin() + static_cast<std::ptrdiff_t>(at),
                            missing.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return chunks;
}

/// `hints` record a digest for `key`.
bool vouched(const MaterializeHints& hints, const std::string& key) {
    return hints.digests && hints.digests->count(key);
}

}  // namespace

std::optional<schema::Schema> materialize(const dialect::Dialect& dialect,
                                          const schema::Schema& model,
                                          const support::Config& config,
                                          support::Diagnostics& diags, bool cache_only,
                                          const support::ProgressCallback& progress,
                                          const MaterializeHints& hints) {
    // The same statements on the same server read back the same: answered from the
    // cache, a PostgreSQL project skips creating every table again. Without a server to
    // ask its version (nothing can vouch for a cached answer), everything is created.
    const std::string server = dialect.server_identity ? dialect.server_identity(config) : "";
    // An unchanged model is answered before it is even lowered and planned (on 1,000
    // tables, most of a warm run's own work).
    const std::string unlowered_key =
        server.empty() ? std::string() : model_key(dialect.name, server, model, config);
    if (!unlowered_key.empty()) {
        if (auto known = lookup_model_alias(config, unlowered_key)) {
            if (auto cached = lookup_materialized(config, *known)) {
                carry_model_facts(model, *cached);
                return cached;
            }
        }
    }
    const std::size_t said_before = diags.items().size();
    schema::Schema lowered = dialect.planner->lower(model, diags);
    if (diags.has_errors()) return std::nullopt;
    // The declared objects are created apart, after the tables (materialize_objects.hpp):
    // the tables' creation, memo and cache know nothing of them, but for those the tables
    // need (a column's domain, a function a default calls), created first in every scratch
    // database the tables are (the prelude; a table's memo entry holds the names, which a
    // changed definition does not change).
    const std::vector<schema::SqlObject> objects = std::move(lowered.objects);
    lowered.objects.clear();
    lowered.declares_objects = false;
    std::string objects_key;
    std::vector<schema::SqlObject> prelude;
    for (const auto& o : objects) {
        objects_key += '\x1e' + o.sql + '\x1f' + o.comment;  // a comment is read back too
        for (const auto& [column, text] : o.column_comments)
            objects_key += '\x1d' + column + '\x1f' + text;
        if (schema::precedes_tables(o, lowered)) prelude.push_back(o);
    }
    auto statements = creation_statements(dialect, lowered, diags);
    if (diags.has_errors()) return std::nullopt;
    // A model whose lowering warns is lowered on every run, so that the warning is too.
    const std::string alias_key = diags.items().size() == said_before ? unlowered_key : "";
    // The enum types too: a dialect may create none of them (SQLite), yet they are part
    // of the answer, and the memo must learn a changed set.
    const std::string set_key =
        server.empty() ? "" : enums_key(dialect.name, server, lowered.enums);
    const std::string key = server.empty() ? std::string()
                                           : materialized_key(dialect.name, server, statements,
                                                              config, set_key + objects_key);
    if (!key.empty()) {
        if (auto cached = lookup_materialized(config, key)) {
            store_model_alias(config, alias_key, key);
            carry_model_facts(model, *cached);
            return cached;
        }
    }

    // Table by table: from the memo, from a witness whose digest autogen.sum vouches
    // for, or created (only those) in a scratch database.
    TableMemo memo = TableMemo::load(config, dialect.name, server);
    const schema::Schema no_witness;
    const schema::TableLookup witnesses(hints.witness ? *hints.witness : no_witness);
    std::vector<std::string> keys(lowered.tables.size());
    std::vector<std::optional<schema::Table>> found(lowered.tables.size());
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < lowered.tables.size(); ++i) {
        const auto& t = lowered.tables[i];
        if (excluded_table(config, t)) continue;  // never read back: nothing to create
        if (!server.empty()) keys[i] = table_key(dialect, server, lowered, t, diags);
        if (diags.has_errors()) return std::nullopt;
        if (keys[i].empty()) {
            missing.push_back(i);
        } else if (const auto* remembered = memo.find_table(keys[i])) {
            found[i] = *remembered;
        } else if (const auto* w = witnesses.find(t.name, t.schema);
                   w && vouched(hints, keys[i]) && hints.digests->at(keys[i]) == table_digest(*w)) {
            found[i] = *w;
            memo.add_table(keys[i], *w);
        } else {
            missing.push_back(i);
        }
    }
    const auto* enums = set_key.empty() ? nullptr : memo.find_enums(set_key);
    if (!enums && !set_key.empty() && hints.witness && vouched(hints, set_key) &&
        hints.digests->at(set_key) == enums_digest(hints.witness->enums)) {
        memo.add_enums(set_key, hints.witness->enums);
        enums = memo.find_enums(set_key);
    }

    schema::Schema materialized;
    if (!missing.empty() || !enums) {
        if (cache_only) return std::nullopt;
        for (const auto& chunk : scratch_chunks(dialect, missing)) {
            const bool everything = chunk.size() == lowered.tables.size();
            std::optional<schema::Schema> subset;
            std::vector<codegen::Statement> chunk_statements;
            if (everything) {
                chunk_statements = std::move(statements);
            } else {
                subset = subset_to_create(lowered, chunk);
                chunk_statements = creation_statements(dialect, *subset, diags);
                if (diags.has_errors()) return std::nullopt;
            }
            auto read =
                create_and_read(dialect, subset ? *subset : lowered, std::move(chunk_statements),
                                prelude, config, diags, progress);
            if (!read) return std::nullopt;
            const schema::TableLookup created(*read);
            for (auto i : chunk) {
                const auto& t = lowered.tables[i];
                const auto* made = created.find(t.name, t.schema);
                if (!made) {
                    // Never silently: a model table missing from the comparison is one
                    // whose live table a revision would drop or never create.
                    diags.error(
                        Category::Internal,
                        "table " + t.qualified_name() +
                            " was created in the scratch database but not read back",
                        t.location,
                        "report this as a bug in the " + dialect.name + " dialect, with the model");
                    return std::nullopt;
                }
                found[i] = *made;
                if (!keys[i].empty()) memo.add_table(keys[i], *made);
            }
            materialized.enums = read->enums;  // every chunk creates every enum type
        }
        if (!set_key.empty()) memo.add_enums(set_key, materialized.enums);
    } else {
        materialized.enums = *enums;
    }
    for (auto& t : found)
        if (t) materialized.tables.push_back(std::move(*t));
    dialect.inspector->order_as_read(materialized);
    if (!objects.empty()) {
        if (cache_only) return std::nullopt;
        auto read = materialize_objects(dialect, lowered, objects, config, diags, progress);
        if (!read) return std::nullopt;
        materialized.objects = std::move(*read);
    }
    materialized.declares_objects = model.declares_objects;
    memo.save(lowered.tables.size() * 3 + 100);
    if (!key.empty()) {
        store_materialized(config, key, materialized);
        store_model_alias(config, alias_key, key);
    }
    carry_model_facts(model, materialized);
    return materialized;
}

}  // namespace autogen::pipeline
