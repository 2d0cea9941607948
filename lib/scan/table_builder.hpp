// Annotation semantics (SPEC §1): turns the extracted declarations (model_decls.hpp)
// into schema::Table and schema::Enum objects, applying every key, the naming
// conventions and the per-table checks. Pure: no libclang, no I/O.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scan/model_decls.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/naming.hpp"

namespace autogen::scan {

/// Builds every enum and table of `decls` into a schema, in source order. Reports
/// each malformed annotation into `diags` (Category::Model) and keeps going.
/// `naming` names the constraints and indexes the annotations leave unnamed.
schema::Schema build_schema(const ModelDecls& decls, support::Diagnostics& diags,
                            const support::NamingConvention& naming = {});

/// Builds `enums`, then `tables`, in that order; `names` (enum_names()) resolves the
/// enums the tables' columns use, which need not be among `enums` (one model header's
/// share of a scan uses enums other headers declare: header_units.hpp).
schema::Schema build_schema(const std::vector<const EnumDecl*>& enums,
                            const std::vector<const StructDecl*>& tables,
                            const std::map<std::string, std::string>& names,
                            support::Diagnostics& diags,
                            const support::NamingConvention& naming = {});

/// EnumDecl::key -> the enum's database name, as build_schema names it.
std::map<std::string, std::string> enum_names(const std::vector<EnumDecl>& enums);

/// "OrderItem" -> "order_item", "HTTPRequest" -> "http_request".
std::string snake_case(std::string_view name);

/// "a, (lower(b)), c" -> {"a", "(lower(b))", "c"}: splits at top-level commas, trims.
std::vector<std::string> split_columns(std::string_view list);

}  // namespace autogen::scan
