// The libclang walk: finds the annotated structs and enums declared in the model
// files of a parsed unit and extracts them as ModelDecls (model_decls.hpp).
// A dispatch on cursor kind; each kind has its own small function.
#pragma once

#include <clang-c/Index.h>

#include <set>
#include <string>

#include "scan/model_decls.hpp"
#include "scan/source_mapping.hpp"
#include "support/diagnostics.hpp"

namespace autogen::scan {

/// Collects every table struct and AUTOGEN_ENUM enum whose declaration expands in
/// one of `model_files` (real paths), plus enums they use from elsewhere. Reports
/// malformed annotations and invalid declarations into `diags`.
ModelDecls collect_models(CXTranslationUnit tu, const std::set<std::string>& model_files,
                          SourceCache& sources, support::Diagnostics& diags);

}  // namespace autogen::scan
