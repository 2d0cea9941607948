// Default type mapping (type_mapping.hpp). Names are looked up at every step of a
// typedef chain, by the declaration's qualified name and by the written spelling,
// so user aliases (`using UserId = std::int64_t;`) map like what they alias.
#include "scan/type_mapping.hpp"

#include <map>
#include <vector>

#include "scan/clang_raii.hpp"

namespace autogen::scan {

namespace {

using schema::Logical;

const std::map<std::string, Logical>& named_types() {
    static const std::map<std::string, Logical> table = {
        {"int16_t", Logical::SmallInt},
        {"std::int16_t", Logical::SmallInt},
        {"int32_t", Logical::Integer},
        {"std::int32_t", Logical::Integer},
        {"int64_t", Logical::BigInt},
        {"std::int64_t", Logical::BigInt},
        {"std::string", Logical::Text},
        {"std::chrono::system_clock::time_point", Logical::TimestampTz},
        {"std::chrono::year_month_day", Logical::Date},
    };
    return table;
}

bool is_byte_type(CXType t);

CXType peel(CXType t) {
    // libclang 19 wraps every written type in Elaborated; 14 only qualified ones.
    for (int i = 0; i < 8 && t.kind == CXType_Elaborated; ++i) t = clang_Type_getNamedType(t);
    return t;
}

/// The written spelling without cv-qualifiers and elaborated-type keywords.
std::string bare_spelling(CXType t) {
    std::string s = clang::str(clang_getTypeSpelling(t));
    for (const char* prefix : {"const ", "volatile ", "struct ", "class ", "enum "}) {
        std::string p(prefix);
        while (s.compare(0, p.size(), p) == 0) s.erase(0, p.size());
    }
    if (s.size() > 2 && s.compare(0, 2, "::") == 0) s.erase(0, 2);
    return s;
}

std::string template_name(CXType t) {
    CXCursor decl = clang_getTypeDeclaration(t);
    if (clang_Cursor_isNull(decl) || decl.kind == CXCursor_NoDeclFound) return {};
    return qualified_name(decl);
}

CXType template_arg(CXType t, unsigned i) {
    int n = clang_Type_getNumTemplateArguments(t);
    if (n > static_cast<int>(i)) return clang_Type_getTemplateArgumentAsType(t, i);
    // Sugar may hide the arguments; the canonical type always has them.
    CXType c = clang_getCanonicalType(t);
    if (clang_Type_getNumTemplateArguments(c) > static_cast<int>(i))
        return clang_Type_getTemplateArgumentAsType(c, i);
    return CXType{CXType_Invalid, {nullptr, nullptr}};
}

/// Maps a type that is not std::optional. Returns false when unmapped.
bool map_plain(CXType t, const EnumResolver& enums, MappedType& out) {
    for (int depth = 0; depth < 32; ++depth) {
        t = peel(t);
        switch (t.kind) {
            case CXType_Bool:
                out.type = schema::ColumnType{Logical::Boolean};
                return true;
            case CXType_Int:
                out.type = schema::ColumnType{Logical::Integer};
                return true;
            case CXType_Float:
                out.type = schema::ColumnType{Logical::Real};
                return true;
            case CXType_Double:
                out.type = schema::ColumnType{Logical::Double};
                return true;
            case CXType_Invalid:
                return false;
            default:
                break;
        }
        if (auto it = named_types().find(bare_spelling(t)); it != named_types().end()) {
            out.type = schema::ColumnType{it->second};
            return true;
        }
        CXCursor decl = clang_getTypeDeclaration(t);
        bool has_decl = !clang_Cursor_isNull(decl) && decl.kind != CXCursor_NoDeclFound;
        if (!has_decl) {
            CXType canonical = clang_getCanonicalType(t);
            if (clang_equalTypes(canonical, t)) return false;
            t = canonical;
            continue;
        }
        std::string name = qualified_name(decl);
        if (auto it = named_types().find(name); it != named_types().end()) {
            out.type = schema::ColumnType{it->second};
            return true;
        }
        switch (decl.kind) {
            case CXCursor_TypedefDecl:
            case CXCursor_TypeAliasDecl:
                t = clang_getTypedefDeclUnderlyingType(decl);
                continue;
            case CXCursor_EnumDecl: {
                std::string key = enums(decl);
                if (key.empty()) {
                    out.hint = "annotate enum '" + name +
                               "' with AUTOGEN_ENUM(\"...\"), give the column type = \"...\", or "
                               "mark the field AUTOGEN_TRANSIENT";
                    return false;
                }
                out.type = schema::ColumnType{Logical::Enum};
                out.enum_key = key;
                return true;
            }
            default:
                break;
        }
        if (name == "std::vector" && is_byte_type(template_arg(t, 0))) {
            out.type = schema::ColumnType{Logical::Blob};
            return true;
        }
        if (name == "std::chrono::time_point" &&
            template_name(peel(template_arg(t, 0))) == "std::chrono::system_clock") {
            out.type = schema::ColumnType{Logical::TimestampTz};
            return true;
        }
        if (name == "std::optional")
            out.hint = "std::optional cannot nest; use one std::optional<T>";
        return false;
    }
    return false;
}

bool is_byte_type(CXType t) {
    for (int depth = 0; depth < 16; ++depth) {
        t = peel(t);
        if (t.kind == CXType_UChar) return true;
        std::string s = bare_spelling(t);
        if (s == "uint8_t" || s == "std::uint8_t" || s == "std::byte" || s == "byte") return true;
        CXCursor decl = clang_getTypeDeclaration(t);
        if (clang_Cursor_isNull(decl) || decl.kind == CXCursor_NoDeclFound) return false;
        if (qualified_name(decl) == "std::byte") return true;
        if (decl.kind != CXCursor_TypedefDecl && decl.kind != CXCursor_TypeAliasDecl) return false;
        t = clang_getTypedefDeclUnderlyingType(decl);
    }
    return false;
}

/// If `t` is std::optional<T> (possibly behind aliases), T; else Invalid.
CXType optional_argument(CXType t) {
    for (int depth = 0; depth < 32; ++depth) {
        t = peel(t);
        CXCursor decl = clang_getTypeDeclaration(t);
        if (clang_Cursor_isNull(decl) || decl.kind == CXCursor_NoDeclFound) break;
        if (decl.kind == CXCursor_TypedefDecl || decl.kind == CXCursor_TypeAliasDecl) {
            t = clang_getTypedefDeclUnderlyingType(decl);
            continue;
        }
        if (qualified_name(decl) == "std::optional") return template_arg(t, 0);
        break;
    }
    return CXType{CXType_Invalid, {nullptr, nullptr}};
}

}  // namespace

std::string qualified_name(CXCursor decl) {
    std::vector<std::string> parts;
    for (CXCursor c = decl;
         !clang_Cursor_isNull(c) && !clang_isTranslationUnit(c.kind) && parts.size() < 64;
         c = clang_getCursorSemanticParent(c)) {
        if (c.kind == CXCursor_Namespace &&
            (clang_Cursor_isInlineNamespace(c) || clang_Cursor_isAnonymous(c)))
            continue;
        if (c.kind == CXCursor_LinkageSpec) continue;
        std::string name = clang::str(clang_getCursorSpelling(c));
        if (auto lt = name.find('<'); lt != std::string::npos) name.erase(lt);
        if (name.empty()) continue;
        parts.push_back(std::move(name));
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty()) out += "::";
        out += *it;
    }
    return out;
}

MappedType map_type(CXType type, const EnumResolver& enums) {
    MappedType out;
    out.spelling = clang::str(clang_getTypeSpelling(type));
    CXType inner = optional_argument(type);
    if (inner.kind != CXType_Invalid) {
        out.nullable = true;
        type = inner;
    }
    map_plain(type, enums, out);
    return out;
}

}  // namespace autogen::scan
