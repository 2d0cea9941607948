// Every libclang function autogen calls, with its exact signature, as one list
// (an "X macro"): libclang_forwarders.cpp defines each as an extern "C" function of
// ours that calls into the lazily loaded library, and libclang_loader.cpp resolves
// each with dlsym when it loads it. A clang_* call in lib/scan that is not listed
// here fails to link (undefined reference): add its line, copied from
// <clang-c/Index.h>; the compiler then checks the copy against the header.
#pragma once

#include <clang-c/Index.h>

// X(return type, name, (parameters), (arguments))
#define AUTOGEN_LIBCLANG_FUNCTIONS(X)                                                             \
    X(CXIndex, clang_createIndex, (int exclude_pch, int display_diagnostics),                     \
      (exclude_pch, display_diagnostics))                                                         \
    X(void, clang_disposeIndex, (CXIndex index), (index))                                         \
    X(CXErrorCode, clang_parseTranslationUnit2,                                                   \
      (CXIndex index, const char* source, const char* const* args, int num_args,                  \
       CXUnsavedFile* unsaved, unsigned num_unsaved, unsigned options, CXTranslationUnit* out),   \
      (index, source, args, num_args, unsaved, num_unsaved, options, out))                        \
    X(void, clang_disposeTranslationUnit, (CXTranslationUnit tu), (tu))                           \
    X(unsigned, clang_defaultSaveOptions, (CXTranslationUnit tu), (tu))                           \
    X(int, clang_saveTranslationUnit, (CXTranslationUnit tu, const char* file, unsigned options), \
      (tu, file, options))                                                                        \
    X(CXCursor, clang_getTranslationUnitCursor, (CXTranslationUnit tu), (tu))                     \
    X(void, clang_getInclusions,                                                                  \
      (CXTranslationUnit tu, CXInclusionVisitor visitor, CXClientData data), (tu, visitor, data)) \
    X(const char*, clang_getFileContents, (CXTranslationUnit tu, CXFile file, size_t * size),     \
      (tu, file, size))                                                                           \
    X(CXString, clang_getFileName, (CXFile file), (file))                                         \
    X(CXString, clang_File_tryGetRealPathName, (CXFile file), (file))                             \
    /* diagnostics */                                                                             \
    X(unsigned, clang_getNumDiagnostics, (CXTranslationUnit tu), (tu))                            \
    X(CXDiagnostic, clang_getDiagnostic, (CXTranslationUnit tu, unsigned index), (tu, index))     \
    X(void, clang_disposeDiagnostic, (CXDiagnostic d), (d))                                       \
    X(CXDiagnosticSeverity, clang_getDiagnosticSeverity, (CXDiagnostic d), (d))                   \
    X(CXString, clang_getDiagnosticSpelling, (CXDiagnostic d), (d))                               \
    X(CXSourceLocation, clang_getDiagnosticLocation, (CXDiagnostic d), (d))                       \
    /* strings and locations */                                                                   \
    X(const char*, clang_getCString, (CXString s), (s))                                           \
    X(void, clang_disposeString, (CXString s), (s))                                               \
    X(void, clang_getExpansionLocation,                                                           \
      (CXSourceLocation location, CXFile * file, unsigned* line, unsigned* column,                \
       unsigned* offset),                                                                         \
      (location, file, line, column, offset))                                                     \
    /* cursors */                                                                                 \
    X(unsigned, clang_visitChildren,                                                              \
      (CXCursor parent, CXCursorVisitor visitor, CXClientData data), (parent, visitor, data))     \
    X(int, clang_Cursor_isNull, (CXCursor c), (c))                                                \
    X(unsigned, clang_Cursor_isAnonymous, (CXCursor c), (c))                                      \
    X(unsigned, clang_Cursor_isInlineNamespace, (CXCursor c), (c))                                \
    X(CXString, clang_Cursor_getRawCommentText, (CXCursor c), (c))                                \
    X(unsigned, clang_isCursorDefinition, (CXCursor c), (c))                                      \
    X(unsigned, clang_isInvalidDeclaration, (CXCursor c), (c))                                    \
    X(unsigned, clang_isTranslationUnit, (CXCursorKind kind), (kind))                             \
    X(CXCursor, clang_getCursorDefinition, (CXCursor c), (c))                                     \
    X(CXCursor, clang_getCursorSemanticParent, (CXCursor c), (c))                                 \
    X(CXSourceLocation, clang_getCursorLocation, (CXCursor c), (c))                               \
    X(CXString, clang_getCursorSpelling, (CXCursor c), (c))                                       \
    X(CXString, clang_getCursorUSR, (CXCursor c), (c))                                            \
    X(CXType, clang_getCursorType, (CXCursor c), (c))                                             \
    X(CXType, clang_getTypedefDeclUnderlyingType, (CXCursor c), (c))                              \
    /* types */                                                                                   \
    X(unsigned, clang_equalTypes, (CXType a, CXType b), (a, b))                                   \
    X(CXType, clang_getCanonicalType, (CXType t), (t))                                            \
    X(CXCursor, clang_getTypeDeclaration, (CXType t), (t))                                        \
    X(CXString, clang_getTypeSpelling, (CXType t), (t))                                           \
    X(CXType, clang_Type_getNamedType, (CXType t), (t))                                           \
    X(int, clang_Type_getNumTemplateArguments, (CXType t), (t))                                   \
    X(CXType, clang_Type_getTemplateArgumentAsType, (CXType t, unsigned i), (t, i))

namespace autogen::scan {

/// A pointer to each listed function, as resolved in the loaded library.
struct LibclangFunctions {
#define AUTOGEN_LIBCLANG_POINTER(Ret, name, params, args) decltype(&::name) name = nullptr;
    AUTOGEN_LIBCLANG_FUNCTIONS(AUTOGEN_LIBCLANG_POINTER)
#undef AUTOGEN_LIBCLANG_POINTER
};

}  // namespace autogen::scan
