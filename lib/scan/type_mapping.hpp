// The default C++ type -> column type mapping of SPEC §1, on libclang types.
// Types are matched by their sugared names through typedef chains (std::int64_t
// must not become `long`), peeling Elaborated wrappers first (TOOLCHAIN §1.4).
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>

#include "scan/model_decls.hpp"

namespace autogen::scan {

/// Asked for each enum a field's type names: returns the enum's EnumDecl::key if it
/// carries AUTOGEN_ENUM (and records it), or "" if it is a plain enum.
using EnumResolver = std::function<std::string(CXCursor enum_decl)>;

/// Maps a field's type. `type.type` stays empty when there is no default mapping;
/// `hint` then says what to do if something more specific than the generic fix is known.
MappedType map_type(CXType type, const EnumResolver& enums);

/// "std::chrono::system_clock" for a declaration: its semantic parents joined by
/// "::", inline (std::__cxx11, _V2) and anonymous namespaces skipped, template
/// arguments dropped.
std::string qualified_name(CXCursor decl);

}  // namespace autogen::scan
