// Cross-model checks (schema_checks.hpp).
#include "scan/schema_checks.hpp"

#include <map>

namespace autogen::scan {

namespace {

using support::Category;
using support::Diagnostics;
using support::SourceLocation;

std::string qualified(const std::string& schema_name, const std::string& name) {
    return schema_name.empty() ? name : schema_name + "." + name;
}

void check_duplicate_tables(const schema::Schema& s, Diagnostics& diags) {
    std::map<std::string, const schema::Table*> seen;
    for (const auto& t : s.tables) {
        auto [it, fresh] = seen.emplace(qualified(t.schema, t.name), &t);
        if (!fresh)
            diags.error(Category::Model,
                        "duplicate table name '" + qualified(t.schema, t.name) + "'", t.location,
                        "also declared at " + it->second->location.str() +
                            "; give one of them another name with AUTOGEN_TABLE(\"...\")");
    }
    std::map<std::string, const schema::Enum*> enums;
    for (const auto& e : s.enums) {
        auto [it, fresh] = enums.emplace(qualified(e.schema, e.name), &e);
        if (!fresh)
            diags.error(Category::Model, "duplicate enum name '" + e.name + "'", e.location,
                        "also declared at " + it->second->location.str() +
                            "; rename one with AUTOGEN_ENUM(\"...\")");
    }
}

// Index and unique-constraint names share one namespace per database schema (both
// are indexes in SQLite and PostgreSQL); the other constraint names must be unique
// within their table.
void check_duplicate_names(const schema::Schema& s, Diagnostics& diags) {
    std::map<std::string, SourceLocation> schema_wide;
    auto claim_schema_wide = [&](const schema::Table& t, const std::string& name,
                                 const SourceLocation& at) {
        if (name.empty()) return;
        auto [it, fresh] = schema_wide.emplace(qualified(t.schema, name), at);
        if (!fresh)
            diags.error(Category::Model, "duplicate index or constraint name '" + name + "'", at,
                        "also used at " + it->second.str() + "; choose another name");
    };
    for (const auto& t : s.tables) {
        std::map<std::string, SourceLocation> local;
        auto claim_local = [&](const std::string& name, const SourceLocation& at) {
            if (name.empty()) return;
            if (schema_wide.count(qualified(t.schema, name)) && !local.count(name)) {
                diags.error(Category::Model, "duplicate constraint name '" + name + "'", at,
                            "also used at " + schema_wide[qualified(t.schema, name)].str() +
                                "; choose another name");
                return;
            }
            auto [it, fresh] = local.emplace(name, at);
            if (!fresh)
                diags.error(Category::Model,
                            "duplicate constraint name '" + name + "' in table '" +
                                qualified(t.schema, t.name) + "'",
                            at, "also used at " + it->second.str() + "; choose another name");
        };
        for (const auto& ix : t.indexes) claim_schema_wide(t, ix.name, ix.location);
        for (const auto& u : t.uniques) claim_schema_wide(t, u.name, u.location);
        for (const auto& fk : t.foreign_keys) claim_local(fk.name, fk.location);
        for (const auto& ck : t.checks) claim_local(ck.name, ck.location);
        for (const auto& x : t.exclusions) claim_local(x.name, x.location);
    }
}

void check_references(const schema::Schema& s, Diagnostics& diags) {
    for (const auto& t : s.tables) {
        for (const auto& fk : t.foreign_keys) {
            const schema::Table* target = s.find_table(fk.ref_table, fk.ref_schema);
            if (!target) {
                diags.error(Category::Model,
                            "foreign key '" + fk.name + "' references unknown table '" +
                                qualified(fk.ref_schema, fk.ref_table) + "'",
                            fk.location,
                            "name a table declared by a scanned model (AUTOGEN_TABLE), or add its "
                            "header to [models] headers");
                continue;
            }
            for (const auto& col : fk.ref_columns) {
                if (!target->find_column(col))
                    diags.error(
                        Category::Model,
                        "foreign key '" + fk.name + "' references unknown column '" + col +
                            "' of table '" + qualified(target->schema, target->name) + "'",
                        fk.location,
                        "name a column of '" + qualified(target->schema, target->name) + "'");
            }
        }
    }
}

}  // namespace

void check_schema(const schema::Schema& s, Diagnostics& diags) {
    check_duplicate_tables(s, diags);
    check_duplicate_names(s, diags);
    check_references(s, diags);
}

}  // namespace autogen::scan
