// What the libclang pass extracts from model headers, before any annotation is
// interpreted: structs, their fields (bases first), enums, each with its parsed
// annotations and locations. Plain data, so the annotation semantics
// (table_builder.hpp) are testable without libclang. Split per model header, they
// become the units of incremental scans (header_units.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scan/annotation_parser.hpp"
#include "scan/source_mapping.hpp"
#include "scan/vocabulary.hpp"
#include "schema/schema.hpp"

namespace autogen::scan {

/// One `autogen:` annotation on a declaration, parsed, with where it is written.
struct LocatedAnnotation {
    AnnotationKind kind = AnnotationKind::Column;
    Annotation annotation;
    AnnotationSite site;
};

/// The result of the default type mapping for a field's C++ type.
struct MappedType {
    std::optional<schema::ColumnType> type;  ///< nullopt: no default mapping (needs `type = "..."`)
    bool nullable = false;                   ///< std::optional<T>
    std::string spelling;                    ///< the C++ type as written, for messages
    std::string enum_key;                    ///< for Logical::Enum: EnumDecl::key of the enum
    std::string hint;                        ///< when unmapped and a specific fix is known
};

struct FieldDecl {
    std::string name;
    support::SourceLocation location;  ///< the field's name
    std::vector<LocatedAnnotation> annotations;
    MappedType type;
    std::string doc;                 ///< doc comment, markers stripped
    bool annotation_errors = false;  ///< an annotation failed to parse (already reported)
};

struct StructDecl {
    std::string name;            ///< the C++ name (unqualified)
    std::string qualified_name;  ///< for messages: app::User
    support::SourceLocation location;
    std::vector<LocatedAnnotation> annotations;
    std::vector<FieldDecl>
        fields;  ///< fields of base structs first, then its own, in declaration order
    std::string doc;
};

struct EnumeratorDecl {
    std::string name;
    support::SourceLocation location;
    std::vector<LocatedAnnotation> annotations;
};

struct EnumDecl {
    std::string key;  ///< stable identity (clang USR): fields refer to enums by it
    std::string name;
    std::string qualified_name;
    support::SourceLocation location;
    std::vector<LocatedAnnotation> annotations;  ///< the AUTOGEN_ENUM is among them
    std::vector<EnumeratorDecl> enumerators;
    std::string doc;  ///< doc comment, markers stripped: the type's comment
};

/// Everything one scan found, in source order.
struct ModelDecls {
    std::vector<StructDecl> tables;  ///< structs carrying AUTOGEN_TABLE
    std::vector<EnumDecl> enums;     ///< enums carrying AUTOGEN_ENUM
};

}  // namespace autogen::scan
