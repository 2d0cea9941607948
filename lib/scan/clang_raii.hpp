// Move-only owners of libclang's C handles (CXIndex, CXTranslationUnit, CXString)
// and small conversions to std types, so no clang_dispose* call is ever missed.
// Only lib/scan includes <clang-c/Index.h>; this header is internal to the stage.
#pragma once

#include <clang-c/Index.h>

#include <string>
#include <utility>

#include "support/diagnostics.hpp"

namespace autogen::scan::clang {

/// Owns a handle and disposes it with `Dispose` on destruction; move-only.
template <typename Handle, void (*Dispose)(Handle)>
class Owned {
  public:
    Owned() = default;
    explicit Owned(Handle h) : h_(h) {}
    ~Owned() { reset(); }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    Owned(Owned&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
    Owned& operator=(Owned&& o) noexcept {
        if (this != &o) {
            reset();
            h_ = std::exchange(o.h_, nullptr);
        }
        return *this;
    }

    Handle get() const { return h_; }
    explicit operator bool() const { return h_ != nullptr; }
    void reset() {
        if (h_) Dispose(h_);
        h_ = nullptr;
    }

  private:
    Handle h_ = nullptr;
};

/// A CXIndex (one per scan, or per worker thread: TOOLCHAIN §3.3).
using Index = Owned<CXIndex, clang_disposeIndex>;
/// A parsed translation unit.
using TranslationUnit = Owned<CXTranslationUnit, clang_disposeTranslationUnit>;
/// A diagnostic of a translation unit.
using Diagnostic = Owned<CXDiagnostic, clang_disposeDiagnostic>;

/// A CXString, disposed on destruction; move-only.
class String {
  public:
    explicit String(CXString s) : s_(s) {}
    ~String() { clang_disposeString(s_); }
    String(const String&) = delete;
    String& operator=(const String&) = delete;
    String(String&& o) noexcept : s_(o.s_) { o.s_ = CXString{nullptr, 0}; }
    String& operator=(String&&) = delete;

    /// The text ("" for a null string).
    std::string str() const {
        const char* c = clang_getCString(s_);
        return c ? std::string(c) : std::string();
    }

  private:
    CXString s_;
};

/// Converts and disposes a CXString in one go.
inline std::string str(CXString s) { return String(s).str(); }

/// The real path of a file (symlinks resolved where libclang can), or its name.
inline std::string file_path(CXFile file) {
    if (!file) return {};
    std::string real = str(clang_File_tryGetRealPathName(file));
    return real.empty() ? str(clang_getFileName(file)) : real;
}

/// Where a location expands to (the macro use site for macro-made attributes).
struct Expansion {
    std::string file;
    unsigned line = 0, column = 0, offset = 0;

    support::SourceLocation location() const { return {file, line, column}; }
};

inline Expansion expansion(CXSourceLocation loc) {
    CXFile file = nullptr;
    Expansion e;
    clang_getExpansionLocation(loc, &file, &e.line, &e.column, &e.offset);
    e.file = file_path(file);
    return e;
}

inline Expansion expansion(CXCursor c) { return expansion(clang_getCursorLocation(c)); }

}  // namespace autogen::scan::clang
