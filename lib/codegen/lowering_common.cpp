// Shared lowering helpers (lowering_common.hpp).
#include "codegen/lowering_common.hpp"

#include "codegen/sql_builder.hpp"

namespace autogen::codegen {

const schema::Enum* find_column_enum(const schema::Schema& model, const schema::Table& t,
                                     const schema::Column& c, support::Diagnostics& diags) {
    const schema::Enum* e = model.find_enum(c.type.enum_name, t.schema);
    if (!e) e = model.find_enum(c.type.enum_name);
    if (!e) {
        // Declared in a schema of its own (`AUTOGEN_ENUM("state", schema = "inventory")`
        // used by a table elsewhere): the column names the enum alone, so the name must
        // say which.
        std::vector<const schema::Enum*> named;
        for (const auto& candidate : model.enums)
            if (candidate.name == c.type.enum_name) named.push_back(&candidate);
        if (named.size() == 1) return named.front();
        if (named.size() > 1) {
            std::string schemas;
            for (const auto* candidate : named)
                schemas += (schemas.empty() ? "\"" : ", \"") + candidate->schema + "\"";
            diags.error(support::Category::Model,
                        "column \"" + t.name + "\".\"" + c.name + "\" uses enum \"" +
                            c.type.enum_name + "\", which is declared in several schemas (" +
                            schemas + ") and in none of them is the table's",
                        c.location,
                        "give the enums different names, or declare the table in the schema of "
                        "the enum it uses");
            return nullptr;
        }

        diags.error(support::Category::Model,
                    "column \"" + t.name + "\".\"" + c.name + "\" uses unknown enum \"" +
                        c.type.enum_name + "\"",
                    c.location, "declare the enum with AUTOGEN_ENUM(\"" + c.type.enum_name + "\")");
    }
    return e;
}

bool validate_table_sql(const schema::Table& table, support::Diagnostics& diags) {
    bool ok = true;
    auto check = [&](const std::string& sql, const std::string& what,
                     const support::SourceLocation& where) {
        if (is_self_contained_sql(sql)) return;
        ok = false;
        diags.error(support::Category::Model,
                    what + " of table \"" + table.name +
                        "\" is not a self-contained SQL expression: " + sql,
                    where,
                    "balance its parentheses and quotes, and remove any ';' or comment from it");
    };
    for (const auto& c : table.columns) {
        check(c.type.sql, "the type of column \"" + c.name + "\"", c.location);
        if (c.server_default)
            check(*c.server_default, "the default of column \"" + c.name + "\"", c.location);
        if (c.generated)
            check(*c.generated, "the generation expression of column \"" + c.name + "\"",
                  c.location);
    }
    for (const auto& ck : table.checks)
        check(ck.expression, "check \"" + ck.name + "\"", ck.location);
    for (const auto& ix : table.indexes) {
        check(ix.where, "the WHERE of index \"" + ix.name + "\"", ix.location);
        for (const auto& item : ix.columns)
            if (is_expression_item(item))
                check(item, "an expression of index \"" + ix.name + "\"", ix.location);
    }
    return ok;
}

}  // namespace autogen::codegen
