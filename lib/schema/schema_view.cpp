// Text and JSON views of a schema.
#include "schema/schema_view.hpp"

#include "schema/index_keys.hpp"
#include "support/text.hpp"

namespace autogen::schema {

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

void write_location(support::JsonWriter& w, const SourceLocation& loc) {
    if (!loc.known()) {
        w.value(nullptr);
        return;
    }
    w.begin_object();
    w.member("file", loc.file).member("line", loc.line).member("column", loc.column);
    w.end_object();
}

void write_column(support::JsonWriter& w, const Column& c) {
    w.begin_object();
    w.member("name", c.name);
    w.member("type", type_text(c.type));
    w.member("logical_type", to_string(c.type.logical));
    w.member("nullable", c.nullable);
    w.member("default", c.server_default);
    w.member("identity", c.identity);
    if (c.identity && c.identity_always) w.member("identity_always", true);
    if (c.identity && !c.identity_options.empty())
        w.member("identity_options", identity_options_sql(c.identity_options));
    if (c.generated) {
        w.member("generated", *c.generated);
        w.member("generated_kind", std::string(c.generated_virtual ? "virtual" : "stored"));
    }
    w.member("collation", c.collation);
    w.member("comment", c.comment);
    w.member("renamed_from", c.renamed_from);
    w.key("location");
    write_location(w, c.location);
    w.end_object();
}

void write_foreign_key(support::JsonWriter& w, const ForeignKey& fk) {
    w.begin_object();
    w.member("name", fk.name);
    w.member("columns", fk.columns);
    w.member("ref_schema", fk.ref_schema);
    w.member("ref_table", fk.ref_table);
    w.member("ref_columns", fk.ref_columns);
    w.member("on_delete", to_string(fk.on_delete));
    w.member("on_update", to_string(fk.on_update));
    // Database-side only: written when set, so model output stays as it was.
    if (fk.deferrable) {
        w.member("deferrable", true);
        w.member("initially_deferred", fk.initially_deferred);
    }
    if (fk.match_full) w.member("match", "full");
    if (!fk.comment.empty()) w.member("comment", fk.comment);
    w.end_object();
}

void write_index(support::JsonWriter& w, const Index& i) {
    w.begin_object();
    w.member("name", i.name);
    w.member("columns", i.columns);
    w.member("unique", i.unique);
    w.member("where", i.where);
    if (!i.method.empty()) w.member("method", i.method);
    // Written when set, so the output for plain indexes stays as it was.
    if (!i.key_options.empty()) {
        std::vector<std::string> keys;
        for (std::size_t k = 0; k < i.columns.size(); ++k) keys.push_back(index_key_text(i, k));
        w.member("keys", keys);
    }
    if (!i.include.empty()) w.member("include", i.include);
    if (i.nulls_not_distinct) w.member("nulls_not_distinct", true);
    if (!i.storage_parameters.empty()) w.member("with", i.storage_parameters);
    if (!i.comment.empty()) w.member("comment", i.comment);
    w.end_object();
}

/// Writes `f(w, item)` for each item, as an array.
template <class Items, class Write>
void write_array(support::JsonWriter& w, const Items& items, Write f) {
    w.begin_array();
    for (const auto& item : items) f(w, item);
    w.end_array();
}

void write_table(support::JsonWriter& w, const Table& t) {
    w.begin_object();
    w.member("schema", t.schema);
    w.member("name", t.name);
    w.key("columns");
    write_array(w, t.columns, write_column);
    w.key("primary_key");
    if (t.primary_key)
        w.value(t.primary_key->columns);
    else
        w.value(nullptr);
    w.key("foreign_keys");
    write_array(w, t.foreign_keys, write_foreign_key);
    w.key("uniques");
    write_array(w, t.uniques, [](support::JsonWriter& out, const auto& u) {
        out.begin_object().member("name", u.name).member("columns", u.columns);
        if (!u.comment.empty()) out.member("comment", u.comment);
        out.end_object();
    });
    w.key("indexes");
    write_array(w, t.indexes, write_index);
    w.key("checks");
    write_array(w, t.checks, [](support::JsonWriter& out, const auto& c) {
        out.begin_object().member("name", c.name).member("expression", c.expression);
        // PostgreSQL-only states: written when set, so other output stays as it was.
        if (c.no_inherit) out.member("no_inherit", true);
        if (c.not_valid) out.member("not_valid", true);
        if (!c.comment.empty()) out.member("comment", c.comment);
        out.end_object();
    });
    // Comments on the key and the exclusion constraints, only when set (the key is
    // written as its columns, the exclusions not at all).
    if (t.primary_key && !t.primary_key->comment.empty())
        w.member("primary_key_comment", t.primary_key->comment);
    for (const auto& x : t.exclusions)
        if (!x.comment.empty()) w.member("exclusion_comment " + x.name, x.comment);
    w.member("comment", t.comment);
    // Table options only when set, so tables without any read as before.
    if (t.options.strict) w.member("strict", true);
    if (t.options.without_rowid) w.member("without_rowid", true);
    if (t.options.autoincrement) w.member("autoincrement", true);
    if (t.options.unlogged) w.member("unlogged", true);
    if (!t.options.storage_parameters.empty()) w.member("with", t.options.storage_parameters);
    if (t.options.row_level_security) w.member("row_level_security", true);
    if (t.options.force_row_level_security) w.member("force_row_level_security", true);
    if (!t.options.partition_by.empty()) w.member("partition_by", t.options.partition_by);
    w.member("renamed_from", t.renamed_from);
    w.key("location");
    write_location(w, t.location);
    w.end_object();
}

void write_enum(support::JsonWriter& w, const Enum& e) {
    w.begin_object();
    w.member("schema", e.schema).member("name", e.name).member("labels", e.labels);
    if (!e.comment.empty()) w.member("comment", e.comment);
    w.key("location");
    write_location(w, e.location);
    w.end_object();
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
            if (c.identity) out += c.identity_always ? " IDENTITY ALWAYS" : " IDENTITY";
            if (c.identity && !c.identity_options.empty())
                out += " (" + identity_options_sql(c.identity_options) + ")";
            if (c.server_default) out += " DEFAULT " + *c.server_default;
            if (c.generated)
                out += " GENERATED AS (" + *c.generated +
                       (c.generated_virtual ? ") VIRTUAL" : ") STORED");
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
            if (fk.match_full) out += " match full";
            out += "\n";
        }
        for (const auto& i : t.indexes) {
            out += std::string("  ") + (i.unique ? "unique index " : "index ") + q(i.name) +
                   (i.method.empty() ? "" : " using " + i.method) + " (" + index_keys_text(i) +
                   ")" +
                   (i.include.empty() ? "" : " INCLUDE (" + support::join_with(i.include) + ")") +
                   (i.nulls_not_distinct ? " NULLS NOT DISTINCT" : "") +
                   (i.storage_parameters.empty()
                        ? ""
                        : " WITH (" + storage_parameters_sql(i.storage_parameters) + ")") +
                   (i.where.empty() ? "" : " WHERE " + i.where) + "\n";
        }
        for (const auto& c : t.checks)
            out += "  check " + q(c.name) + " (" + c.expression + ")" +
                   (c.no_inherit ? " no_inherit" : "") + (c.not_valid ? " not_valid" : "") + "\n";
        for (const auto& x : t.exclusions)
            out += "  exclude " + q(x.name) + " " + x.definition +
                   (x.where.empty() ? "" : " WHERE (" + x.where + ")") + "\n";
        if (!t.comment.empty()) out += "  comment " + q(t.comment) + "\n";
        if (t.options != TableOptions{}) out += "  options " + table_options_text(t.options) + "\n";
    }
    return out;
}

std::string table_options_text(const TableOptions& options) {
    std::vector<std::string> out;
    if (options.strict) out.emplace_back("STRICT");
    if (options.without_rowid) out.emplace_back("WITHOUT ROWID");
    if (options.autoincrement) out.emplace_back("AUTOINCREMENT");
    if (options.unlogged) out.emplace_back("UNLOGGED");
    if (!options.storage_parameters.empty())
        out.push_back("WITH (" + storage_parameters_sql(options.storage_parameters) + ")");
    if (options.row_level_security) out.emplace_back("ROW LEVEL SECURITY");
    if (options.force_row_level_security) out.emplace_back("FORCE ROW LEVEL SECURITY");
    if (!options.partition_by.empty()) out.push_back("PARTITION BY " + options.partition_by);
    return support::join_with(out);
}

void write_json(support::JsonWriter& w, const Schema& schema) {
    w.begin_object();
    w.key("tables");
    write_array(w, schema.tables, write_table);
    w.key("enums");
    write_array(w, schema.enums, write_enum);
    w.end_object();
}

nlohmann::ordered_json to_json(const Schema& schema) {
    // Read back from write_json's text: one list of fields for both forms.
    std::string text;
    support::JsonWriter w(text);
    write_json(w, schema);
    return nlohmann::ordered_json::parse(text);
}

}  // namespace autogen::schema
