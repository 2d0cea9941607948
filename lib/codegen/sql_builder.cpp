// Quoting and small SQL fragments shared by every dialect's planner.
#include "codegen/sql_builder.hpp"

#include "schema/index_keys.hpp"
#include "support/sql_scanner.hpp"

namespace autogen::codegen {

std::string quote_identifier(std::string_view name) { return support::quoted(name, '"'); }

std::string qualified_name(std::string_view schema, std::string_view name) {
    if (schema.empty()) return quote_identifier(name);
    return quote_identifier(schema) + "." + quote_identifier(name);
}

std::string string_literal(std::string_view text) { return support::quoted(text, '\''); }

std::string column_list(const std::vector<std::string>& columns) {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ", ";
        out += quote_identifier(columns[i]);
    }
    return out;
}

bool is_expression_item(std::string_view item) {
    return !item.empty() && item.front() == '(' && item.back() == ')';
}

std::string index_item_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        // An expression is SQL the user wrote on purpose (AUTOGEN_INDEX "(lower(x))");
        // everything else is a column name and gets quoted.
        out += is_expression_item(items[i]) ? items[i] : quote_identifier(items[i]);
    }
    return out;
}

std::string index_key_list(const schema::Index& index) {
    std::string out;
    for (std::size_t i = 0; i < index.columns.size(); ++i) {
        const std::string& item = index.columns[i];
        const schema::IndexKeyOptions& o = schema::key_options(index, i);
        out += (i ? ", " : "") + (is_expression_item(item) ? item : quote_identifier(item));
        if (!o.collation.empty()) out += " COLLATE " + quote_identifier(o.collation);
        if (!o.opclass.empty()) {
            // A schema-qualified class ("public.my_ops") is quoted part by part.
            std::size_t dot = o.opclass.find('.');
            out += " " + (dot == std::string::npos ? quote_identifier(o.opclass)
                                                   : qualified_name(o.opclass.substr(0, dot),
                                                                    o.opclass.substr(dot + 1)));
        }
        if (o.descending) out += " DESC";
        if (o.nulls_first) out += *o.nulls_first ? " NULLS FIRST" : " NULLS LAST";
    }
    return out;
}

std::string referential_action_sql(schema::ReferentialAction action) {
    switch (action) {
        case schema::ReferentialAction::NoAction:
            return "NO ACTION";
        case schema::ReferentialAction::Restrict:
            return "RESTRICT";
        case schema::ReferentialAction::Cascade:
            return "CASCADE";
        case schema::ReferentialAction::SetNull:
            return "SET NULL";
        case schema::ReferentialAction::SetDefault:
            return "SET DEFAULT";
    }
    return "NO ACTION";
}

std::string referential_actions_clause(const schema::ForeignKey& key) {
    std::string out;
    if (key.on_delete != schema::ReferentialAction::NoAction)
        out += " ON DELETE " + referential_action_sql(key.on_delete);
    if (key.on_update != schema::ReferentialAction::NoAction)
        out += " ON UPDATE " + referential_action_sql(key.on_update);
    if (key.deferrable)
        out += key.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    return out;
}

bool is_self_contained_sql(std::string_view sql) {
    // SQLite's quoting is the widest: a `...` or [...] that PostgreSQL would reject is
    // still read as closed here, and the database says what is wrong with it.
    int depth = 0;
    support::SqlScanner scanner(sql, support::SqlQuoting::sqlite());
    while (auto span = scanner.next()) {
        if (span->kind == support::SqlSpanKind::LineComment ||
            span->kind == support::SqlSpanKind::BlockComment)
            return false;
        if (!span->terminated) return false;  // unterminated quote
        if (span->kind != support::SqlSpanKind::Code) continue;
        for (char c : span->text) {
            if (c == '(') {
                ++depth;
            } else if (c == ')') {
                if (--depth < 0) return false;
            } else if (c == ';') {
                return false;
            }
        }
    }
    return depth == 0;
}

}  // namespace autogen::codegen
