// type_declaration() (type_declaration.hpp).
#include "pipeline/type_declaration.hpp"

namespace autogen::pipeline {

namespace {

constexpr const char* kForm =
    "CREATE TYPE [schema.]name AS (attribute type [COLLATE collation], ...), or CREATE TYPE "
    "[schema.]name AS RANGE (SUBTYPE = type [, SUBTYPE_OPCLASS = ...] [, COLLATION = ...] [, "
    "CANONICAL = ...] [, SUBTYPE_DIFF = ...] [, MULTIRANGE_TYPE_NAME = ...])";

}  // namespace

std::optional<schema::SqlObject> type_declaration(const support::TokenRange& r, std::size_t i,
                                                  const std::string& sql,
                                                  const support::SourceLocation& at,
                                                  support::Diagnostics& diags) {
    using support::Category;
    const auto parts = support::read_name_parts(r, i);
    if (parts.empty() || parts.size() > 2) {
        diags.error(Category::Model, "type name expected after \"CREATE TYPE\"", at,
                    std::string("write ") + kForm);
        return std::nullopt;
    }
    schema::SqlObject o{.kind = schema::ObjectKind::Type};
    o.name = parts.back();
    if (parts.size() == 2) o.schema = parts.front();
    const std::string shown = parts.size() == 2 ? parts[0] + "." + parts[1] : parts[0];
    if (i + 1 < r.size() && r[i].is("AS") && r[i + 1].is("ENUM")) {
        diags.error(
            Category::Model,
            "enum type " + shown + " in a [models] sql file: enums are declared by the models", at,
            "declare it with AUTOGEN_ENUM on a C++ enum (its labels are then checked "
            "against the columns that use it), and remove this statement");
        return std::nullopt;
    }
    const bool composite = i + 1 < r.size() && r[i].is("AS") && r[i + 1].is('(');
    const bool range =
        i + 2 < r.size() && r[i].is("AS") && r[i + 1].is("RANGE") && r[i + 2].is('(');
    if (!composite && !range) {
        diags.error(Category::Model,
                    "type " + shown +
                        ": only composite (AS (...)) and range (AS RANGE (...)) types are "
                        "declared; a base or shell type needs functions written in C",
                    at,
                    std::string("write ") + kForm +
                        ", or create a base type by hand in an --empty revision");
        return std::nullopt;
    }
    o.sql = sql;
    o.definition = support::canonical_sql(o.sql, support::SqlQuoting::portable());
    o.location = at;
    return o;
}

}  // namespace autogen::pipeline
