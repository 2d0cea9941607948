// Text and JSON views of a schema.
#include "schema/schema_view.hpp"

#include "support/text.hpp"

namespace autogen::schema {

using nlohmann::ordered_json;

namespace {

std::string q(const std::string& s) { return "\"" + s + "\""; }

std::string type_text(const ColumnType& t) {
    if (!t.sql.empty()) return t.sql;
    std::string s = to_string(t.logical);
    if (t.length) s += "(" + std::to_string(*t.length) + ")";
    if (t.logical == Logical::Enum) s += " " + t.enum_name;
    return s;
}

std::string at(const SourceLocation& loc, bool with_locations) {
    return with_locations && loc.known() ? "  (" + loc.str() + ")" : "";
}

ordered_json location_json(const SourceLocation& loc) {
    if (!loc.known()) return nullptr;
    return ordered_json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

}  // namespace

std::string to_text(const Schema& schema, bool with_locations) {
    std::string out;
    for (const Enum& e : schema.enums) {
        out += "enum " + q(e.name) + " (" + support::join_with(e.labels) + ")" +
               at(e.location, with_locations) + "\n";
    }
    for (const Table& t : schema.tables) {
        out += "table " + t.qualified_name() + at(t.location, with_locations) + "\n";
        for (const Column& c : t.columns) {
            out += "  " + c.name + " " + type_text(c.type) + (c.nullable ? " NULL" : " NOT NULL");
            if (c.identity) out += " IDENTITY";
            if (c.server_default) out += " DEFAULT " + *c.server_default;
            if (c.collation) out += " COLLATE " + *c.collation;
            out += at(c.location, with_locations) + "\n";
        }
        if (t.primary_key)
            out += "  primary key (" + support::join_with(t.primary_key->columns) + ")\n";
        for (const auto& u : t.uniques)
            out += "  unique " + q(u.name) + " (" + support::join_with(u.columns) + ")\n";
        for (const auto& fk : t.foreign_keys) {
            out += "  foreign key " + q(fk.name) + " (" + support::join_with(fk.columns) + ") -> " +
                   q(fk.ref_table) + " (" + support::join_with(fk.ref_columns) + ")";
            if (fk.on_delete != ReferentialAction::NoAction)
                out += std::string(" on_delete ") + to_string(fk.on_delete);
            if (fk.on_update != ReferentialAction::NoAction)
                out += std::string(" on_update ") + to_string(fk.on_update);
            if (fk.deferrable)
                out += fk.initially_deferred ? " deferrable initially_deferred" : " deferrable";
            out += "\n";
        }
        for (const auto& i : t.indexes) {
            out += std::string("  ") + (i.unique ? "unique index " : "index ") + q(i.name) +
                   (i.method.empty() ? "" : " using " + i.method) + " (" +
                   support::join_with(i.columns) + ")" +
                   (i.where.empty() ? "" : " WHERE " + i.where) + "\n";
        }
        for (const auto& c : t.checks) out += "  check " + q(c.name) + " (" + c.expression + ")\n";
        if (!t.comment.empty()) out += "  comment " + q(t.comment) + "\n";
    }
    return out;
}

ordered_json to_json(const Schema& schema) {
    ordered_json tables = ordered_json::array();
    for (const Table& t : schema.tables) {
        ordered_json columns = ordered_json::array();
        for (const Column& c : t.columns) {
            columns.push_back(
                {{"name", c.name},
                 {"type", type_text(c.type)},
                 {"logical_type", to_string(c.type.logical)},
                 {"nullable", c.nullable},
                 {"default",
                  c.server_default ? ordered_json(*c.server_default) : ordered_json(nullptr)},
                 {"identity", c.identity},
                 {"collation", c.collation ? ordered_json(*c.collation) : ordered_json(nullptr)},
                 {"comment", c.comment},
                 {"renamed_from", c.renamed_from},
                 {"location", location_json(c.location)}});
        }
        ordered_json fks = ordered_json::array();
        for (const auto& fk : t.foreign_keys) {
            fks.push_back({{"name", fk.name},
                           {"columns", fk.columns},
                           {"ref_schema", fk.ref_schema},
                           {"ref_table", fk.ref_table},
                           {"ref_columns", fk.ref_columns},
                           {"on_delete", to_string(fk.on_delete)},
                           {"on_update", to_string(fk.on_update)}});
            // Database-side only: written when set, so model output stays as it was.
            if (fk.deferrable) {
                fks.back()["deferrable"] = true;
                fks.back()["initially_deferred"] = fk.initially_deferred;
            }
        }
        ordered_json uniques = ordered_json::array();
        for (const auto& u : t.uniques)
            uniques.push_back({{"name", u.name}, {"columns", u.columns}});
        ordered_json indexes = ordered_json::array();
        for (const auto& i : t.indexes) {
            indexes.push_back({{"name", i.name},
                               {"columns", i.columns},
                               {"unique", i.unique},
                               {"where", i.where}});
            if (!i.method.empty()) indexes.back()["method"] = i.method;
        }
        ordered_json checks = ordered_json::array();
        for (const auto& c : t.checks)
            checks.push_back({{"name", c.name}, {"expression", c.expression}});
        tables.push_back({{"schema", t.schema},
                          {"name", t.name},
                          {"columns", columns},
                          {"primary_key", t.primary_key ? ordered_json(t.primary_key->columns)
                                                        : ordered_json(nullptr)},
                          {"foreign_keys", fks},
                          {"uniques", uniques},
                          {"indexes", indexes},
                          {"checks", checks},
                          {"comment", t.comment},
                          {"renamed_from", t.renamed_from},
                          {"location", location_json(t.location)}});
    }
    ordered_json enums = ordered_json::array();
    for (const Enum& e : schema.enums) {
        enums.push_back({{"schema", e.schema},
                         {"name", e.name},
                         {"labels", e.labels},
                         {"location", location_json(e.location)}});
    }
    return ordered_json{{"tables", tables}, {"enums", enums}};
}

}  // namespace autogen::schema
