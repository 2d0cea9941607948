// The cursor walk (decl_collector.hpp). Namespaces are entered only where they are
// written in a model file, so the standard library's declarations are never walked.
#include "scan/decl_collector.hpp"

#include <functional>
#include <map>
#include <vector>

#include "scan/clang_raii.hpp"
#include "scan/doc_comment.hpp"
#include "scan/type_mapping.hpp"

namespace autogen::scan {

namespace {

using support::Category;

/// Calls `f` on each direct child of `parent`.
void for_each_child(CXCursor parent, const std::function<void(CXCursor)>& f) {
    clang_visitChildren(
        parent,
        [](CXCursor c, CXCursor, CXClientData data) {
            (*static_cast<const std::function<void(CXCursor)>*>(data))(c);
            return CXChildVisit_Continue;
        },
        const_cast<std::function<void(CXCursor)>*>(&f));
}

std::string spelling(CXCursor c) { return clang::str(clang_getCursorSpelling(c)); }

std::string doc_of(CXCursor c) {
    return doc_comment_text(clang::str(clang_Cursor_getRawCommentText(c)));
}

class Collector {
  public:
    Collector(const std::set<std::string>& files, SourceCache& sources, support::Diagnostics& diags)
        : files_(files), sources_(sources), diags_(diags) {}

    ModelDecls run(CXTranslationUnit tu) {
        visit_scope(clang_getTranslationUnitCursor(tu));
        return std::move(out_);
    }

  private:
    bool in_model_file(CXCursor c) const { return files_.count(clang::expansion(c).file) > 0; }

    /// The dispatch: what each kind of cursor in a scope means.
    void visit_scope(CXCursor scope) {
        for_each_child(scope, [&](CXCursor c) {
            switch (c.kind) {
                case CXCursor_Namespace:
                case CXCursor_LinkageSpec:
                    if (in_model_file(c)) visit_scope(c);
                    break;
                case CXCursor_StructDecl:
                case CXCursor_ClassDecl:
                    if (in_model_file(c) && clang_isCursorDefinition(c)) visit_struct(c);
                    break;
                case CXCursor_EnumDecl:
                    if (in_model_file(c) && clang_isCursorDefinition(c)) visit_enum(c);
                    break;
                default:
                    break;
            }
        });
    }

    /// The parsed `autogen:` annotations directly on `c` (errors reported).
    std::vector<LocatedAnnotation> annotations_of(CXCursor c, bool* had_errors = nullptr) {
        std::vector<LocatedAnnotation> out;
        for_each_child(c, [&](CXCursor child) {
            if (child.kind != CXCursor_AnnotateAttr) return;
            std::string text = spelling(child);
            if (!is_autogen_annotation(text)) return;
            AnnotationParse parsed = parse_annotation(text);
            clang::Expansion e = clang::expansion(child);
            AnnotationSite site{e.location(),
                                map_arguments(sources_.text(e.file), e.offset, parsed.arg_text)};
            auto kind = parse_kind(parsed.kind);
            if (!kind) {
                diags_.error(Category::Model, "unknown annotation kind '" + parsed.kind + "'",
                             site.location,
                             "use the macros of <autogen/model.hpp>: AUTOGEN_TABLE, "
                             "AUTOGEN_COLUMN, AUTOGEN_INDEX, "
                             "AUTOGEN_UNIQUE, AUTOGEN_CHECK, AUTOGEN_EXCLUDE, AUTOGEN_PRIMARY_KEY, "
                             "AUTOGEN_FOREIGN_KEY, AUTOGEN_ENUM, "
                             "AUTOGEN_LABEL, AUTOGEN_TRANSIENT");
                if (had_errors) *had_errors = true;
                return;
            }
            if (parsed.error) {
                diags_.error(
                    Category::Model,
                    "malformed " + std::string(macro_name(*kind)) + ": " + parsed.error->message,
                    site.at(parsed.error->offset), parsed.error->hint);
                if (had_errors) *had_errors = true;
                return;
            }
            out.push_back(LocatedAnnotation{*kind, std::move(*parsed.annotation), std::move(site)});
        });
        return out;
    }

    /// True if `c` carries an annotate attribute starting with `prefix`, parsable or not.
    static bool has_raw_annotation(CXCursor c, const std::string& prefix) {
        bool found = false;
        for_each_child(c, [&](CXCursor child) {
            if (child.kind == CXCursor_AnnotateAttr && spelling(child).rfind(prefix, 0) == 0)
                found = true;
        });
        return found;
    }

    void visit_struct(CXCursor c) {
        auto annotations = annotations_of(c);
        // A malformed AUTOGEN_TABLE (reported above) still makes it a table: no follow-on errors.
        if (has_raw_annotation(c, "autogen:table")) {
            collect_table(c, std::move(annotations));
        } else if (!annotations.empty()) {
            diags_.error(Category::Model,
                         std::string(macro_name(annotations.front().kind)) + " on struct '" +
                             qualified_name(c) + "', which is not a table",
                         annotations.front().site.location,
                         "add AUTOGEN_TABLE(...) to the struct, or remove the annotation");
        }
        visit_scope(c);  // nested structs and enums
    }

    void collect_table(CXCursor c, std::vector<LocatedAnnotation> annotations) {
        StructDecl s;
        s.name = spelling(c);
        s.qualified_name = qualified_name(c);
        s.location = clang::expansion(c).location();
        s.annotations = std::move(annotations);
        s.doc = doc_of(c);
        if (clang_isInvalidDeclaration(c))
            diags_.error(
                Category::Model, "struct '" + s.qualified_name + "' does not compile", s.location,
                "fix the C++ errors reported for it; autogen reads only models that compile");
        std::set<std::string> visiting;
        collect_fields(c, s.fields, visiting);
        out_.tables.push_back(std::move(s));
    }

    /// Fields of `record`'s bases (recursively, in base order), then its own.
    void collect_fields(CXCursor record, std::vector<FieldDecl>& fields,
                        std::set<std::string>& visiting) {
        std::string usr = clang::str(clang_getCursorUSR(record));
        if (!visiting.insert(usr).second) return;  // a cycle cannot compile, but never loop
        for_each_child(record, [&](CXCursor child) {
            if (child.kind != CXCursor_CXXBaseSpecifier) return;
            // Resolve through the type, never the spelling ("struct Base" in 14, "Base" in 19).
            CXCursor base = clang_getTypeDeclaration(clang_getCursorType(child));
            CXCursor def = clang_getCursorDefinition(base);
            if (!clang_Cursor_isNull(def)) collect_fields(def, fields, visiting);
        });
        for_each_child(record, [&](CXCursor child) {
            if (child.kind == CXCursor_FieldDecl) fields.push_back(collect_field(child));
        });
    }

    FieldDecl collect_field(CXCursor c) {
        FieldDecl f;
        f.name = spelling(c);
        f.location = clang::expansion(c).location();
        f.annotations = annotations_of(c, &f.annotation_errors);
        f.doc = doc_of(c);
        f.type = map_type(clang_getCursorType(c), [this](CXCursor e) { return resolve_enum(e); });
        if (clang_isInvalidDeclaration(c)) {
            diags_.error(
                Category::Model, "field '" + f.name + "' does not compile", f.location,
                "fix the C++ error reported for it (an unknown type? a missing #include?)");
            f.annotation_errors =
                true;  // no follow-on "no mapping" error for a type clang could not read
        }
        return f;
    }

    void visit_enum(CXCursor c) {
        std::string key = clang::str(clang_getCursorUSR(c));
        if (enum_index_.count(key)) return;
        auto annotations = annotations_of(c);
        // A malformed AUTOGEN_ENUM (reported above) still makes it an enum: no follow-on errors.
        if (!has_raw_annotation(c, "autogen:enum")) {
            // Enumerator labels without AUTOGEN_ENUM are a forgotten annotation too.
            for_each_child(c, [&](CXCursor child) {
                if (child.kind != CXCursor_EnumConstantDecl) return;
                for (auto& a : annotations_of(child)) annotations.push_back(std::move(a));
            });
            if (!annotations.empty())
                diags_.error(Category::Model,
                             std::string(macro_name(annotations.front().kind)) + " on enum '" +
                                 qualified_name(c) + "', which has no AUTOGEN_ENUM",
                             annotations.front().site.location,
                             "add AUTOGEN_ENUM(\"name\") after 'enum class'");
            return;
        }
        add_enum(c, key, std::move(annotations));
    }

    void add_enum(CXCursor c, const std::string& key, std::vector<LocatedAnnotation> annotations) {
        EnumDecl e;
        e.key = key;
        e.name = spelling(c);
        e.qualified_name = qualified_name(c);
        e.location = clang::expansion(c).location();
        e.annotations = std::move(annotations);
        e.doc = doc_of(c);
        for_each_child(c, [&](CXCursor child) {
            if (child.kind != CXCursor_EnumConstantDecl) return;
            e.enumerators.push_back(
                {spelling(child), clang::expansion(child).location(), annotations_of(child)});
        });
        enum_index_[key] = out_.enums.size();
        out_.enums.push_back(std::move(e));
    }

    /// For the type mapper: the key of an AUTOGEN_ENUM enum, collected on first use
    /// even when declared outside the model files.
    std::string resolve_enum(CXCursor decl) {
        CXCursor def = clang_getCursorDefinition(decl);
        if (!clang_Cursor_isNull(def)) decl = def;
        std::string key = clang::str(clang_getCursorUSR(decl));
        if (enum_index_.count(key)) return key;
        if (!has_raw_annotation(decl, "autogen:enum")) return {};
        add_enum(decl, key, annotations_of(decl));
        return key;
    }

    const std::set<std::string>& files_;
    SourceCache& sources_;
    support::Diagnostics& diags_;
    ModelDecls out_;
    std::map<std::string, std::size_t> enum_index_;  // USR -> index in out_.enums
};

}  // namespace

ModelDecls collect_models(CXTranslationUnit tu, const std::set<std::string>& model_files,
                          SourceCache& sources, support::Diagnostics& diags) {
    return Collector(model_files, sources, diags).run(tu);
}

}  // namespace autogen::scan
