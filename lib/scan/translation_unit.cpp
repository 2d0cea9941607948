// The umbrella TU (translation_unit.hpp).
#include "scan/translation_unit.hpp"

#include <cstdio>
#include <memory>
#include <string_view>

#include "scan/libclang_loader.hpp"

namespace autogen::scan {

namespace {

const char* error_name(CXErrorCode e) {
    switch (e) {
        case CXError_Success:
            return "success";
        case CXError_Failure:
            return "failure";
        case CXError_Crashed:
            return "libclang crashed";
        case CXError_InvalidArguments:
            return "invalid arguments";
        case CXError_ASTReadError:
            return "AST read error";
    }
    return "unknown error";
}

std::string quoted_path(const std::filesystem::path& p) {
    std::string out;
    for (char c : p.string()) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string umbrella_source(const std::vector<std::filesystem::path>& headers) {
    std::string src = "// autogen scan: every model header, one translation unit\n";
    for (const auto& h : headers) src += "#include \"" + quoted_path(h) + "\"\n";
    return src;
}

std::optional<ParsedUnit> parse_unit(const UnitRequest& request, support::Diagnostics& diags,
                                     CXErrorCode* failure) {
    // libclang is loaded here, on the first parse (libclang_loader.hpp): if it cannot
    // be, that is an error like any other, not a crash in the first clang_* call.
    if (auto problem = libclang_problem()) {
        if (failure)
            *failure = CXError_Failure;
        else
            diags.report(std::move(*problem));
        return std::nullopt;
    }
    ParsedUnit unit;
    // Declarations from the PCH (the standard library) need not be walked.
    int exclude_pch = request.pch.empty() ? 0 : 1;
    unit.index = clang::Index(clang_createIndex(exclude_pch, /*displayDiagnostics=*/0));
    if (!unit.index) {
        diags.error(support::Category::Internal, "libclang could not create an index", {},
                    "check the libclang installation (libclang-" +
                        std::to_string(AUTOGEN_LIBCLANG_VERSION) + "-dev)");
        return std::nullopt;
    }
    std::string main_file = request.main_file.string();
    std::string source = umbrella_source(request.headers);
    CXUnsavedFile unsaved{main_file.c_str(), source.c_str(),
                          static_cast<unsigned long>(source.size())};
    std::vector<const char*> argv;
    argv.reserve(request.args.size() + 2);
    for (const auto& a : request.args) argv.push_back(a.c_str());
    std::string pch = request.pch.string();
    if (!pch.empty()) {
        argv.push_back("-include-pch");
        argv.push_back(pch.c_str());
    }
    // Incomplete: no end-of-unit semantic pass (pending template instantiations, unused
    // and undefined-inline checks). The scan reads declarations only, and function
    // bodies are skipped anyway; over the std PCH that pass was most of the parse
    // (valgrind: one changed header over the PCH took 355 M instructions, 233 M without that pass;
    // docs/performance.md "Scanner").
    unsigned options = CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_KeepGoing |
                       CXTranslationUnit_Incomplete;
    CXTranslationUnit tu = nullptr;
    CXErrorCode rc =
        clang_parseTranslationUnit2(unit.index.get(), main_file.c_str(), argv.data(),
                                    static_cast<int>(argv.size()), &unsaved, 1, options, &tu);
    if (rc != CXError_Success || !tu) {
        if (failure) {
            *failure = rc == CXError_Success ? CXError_Failure : rc;
            return std::nullopt;
        }
        std::string flags;
        for (const auto& a : request.args) flags += " " + a;
        diags.error(
            support::Category::Model,
            std::string("libclang could not parse the model headers (") + error_name(rc) + ")", {},
            "check [models] extra_args and include_dirs; clang was called with:" + flags);
        return std::nullopt;
    }
    unit.tu = clang::TranslationUnit(tu);
    return unit;
}

std::size_t report_clang_errors(CXTranslationUnit tu, support::Diagnostics& diags) {
    std::size_t count = 0;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
        clang::Diagnostic d(clang_getDiagnostic(tu, i));
        CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d.get());
        if (sev < CXDiagnostic_Error) continue;
        std::string message = clang::str(clang_getDiagnosticSpelling(d.get()));
        auto where = clang::expansion(clang_getDiagnosticLocation(d.get())).location();
        std::string hint = "the model header must compile as C++20; fix the error above";
        if (message.find("file not found") != std::string::npos)
            hint = "add the header's folder to [models] include_dirs (or pass flags in extra_args)";
        else if (message.find("unknown type name") != std::string::npos ||
                 message.find("no type named") != std::string::npos)
            hint = "include the header that declares the type in the model header";
        diags.error(support::Category::Model, "C++ error: " + message, where, hint);
        ++count;
    }
    return count;
}

bool misses_standard_header(CXTranslationUnit tu) {
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
        clang::Diagnostic d(clang_getDiagnostic(tu, i));
        if (clang_getDiagnosticSeverity(d.get()) < CXDiagnostic_Error) continue;
        std::string m = clang::str(clang_getDiagnosticSpelling(d.get()));
        // "'string' file not found": a standard header has no extension and no folder.
        auto end = m.find("' file not found");
        if (m.size() > 1 && m.front() == '\'' && end != std::string::npos) {
            std::string header = m.substr(1, end - 1);
            if (header.find_first_of("./") == std::string::npos) return true;
        }
    }
    return false;
}

bool pch_rejected(CXTranslationUnit tu) {
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
        clang::Diagnostic d(clang_getDiagnostic(tu, i));
        if (clang_getDiagnosticSeverity(d.get()) < CXDiagnostic_Error) continue;
        std::string m = clang::str(clang_getDiagnosticSpelling(d.get()));
        if (m.find("precompiled header") != std::string::npos ||
            m.find("PCH file") != std::string::npos || m.find("AST file") != std::string::npos)
            return true;
    }
    return false;
}

namespace {

struct InclusionWalk {
    CXTranslationUnit tu;
    std::string skip;
    std::vector<FileHash> files;
    bool complete = true;
};

void visit_inclusion(CXFile file, CXSourceLocation*, unsigned, CXClientData data) {
    auto& walk = *static_cast<InclusionWalk*>(data);
    std::string name = clang::str(clang_getFileName(file));
    if (name.empty() || name == walk.skip) return;
    std::size_t size = 0;
    const char* bytes = clang_getFileContents(walk.tu, file, &size);
    if (!bytes) {
        walk.complete = false;
        return;
    }
    std::error_code ec;
    std::filesystem::path path = std::filesystem::absolute(name, ec);
    walk.files.push_back(
        {ec ? std::filesystem::path(name) : path, hash_bytes(std::string_view(bytes, size))});
}

}  // namespace

std::optional<std::vector<FileHash>> files_read(CXTranslationUnit tu,
                                                const std::filesystem::path& skip) {
    InclusionWalk walk{tu, skip.string(), {}};
    clang_getInclusions(tu, visit_inclusion, &walk);
    if (!walk.complete || walk.files.empty()) return std::nullopt;
    return std::move(walk.files);
}

std::vector<std::string> libstdcxx_include_dirs() {
    std::vector<std::string> dirs;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen("c++ -xc++ -E -v /dev/null 2>&1 >/dev/null", "r"), pclose);
    if (!pipe) return dirs;
    char buf[4096];
    bool in_list = false;
    while (fgets(buf, sizeof buf, pipe.get())) {
        std::string line(buf);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        if (line.find("#include <...> search starts here") != std::string::npos) {
            in_list = true;
            continue;
        }
        if (line.find("End of search list") != std::string::npos) break;
        if (!in_list) continue;
        auto start = line.find_first_not_of(' ');
        if (start == std::string::npos) continue;
        line.erase(0, start);
        if (line.find("/c++/") != std::string::npos) dirs.push_back(line);
    }
    return dirs;
}

}  // namespace autogen::scan
