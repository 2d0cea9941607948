// Loading libclang on first use (libclang_loader.hpp).
#include "scan/libclang_loader.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "scan/cache/file_identity.hpp"

namespace autogen::scan {

namespace {

/// The package to install, for the hints.
std::string package() { return "libclang-" + std::to_string(AUTOGEN_LIBCLANG_VERSION) + "-dev"; }

/// dlsym's result as the function pointer type of `slot` (POSIX guarantees the two
/// have the same size and representation; memcpy says so without a cast warning).
template <typename Function>
bool resolve(void* library, const char* name, Function& slot) {
    static_assert(std::is_pointer_v<Function> && sizeof(Function) == sizeof(void*));
    void* address = dlsym(library, name);
    std::memcpy(&slot, &address, sizeof slot);
    return address != nullptr;
}

/// The process's one load: the outcome of the first libclang_path() load.
struct Library {
    LibclangFunctions functions;
    std::optional<support::Diagnostic> problem;
};

const Library& library() {
    // A function-local static: initialised once, thread-safely, on first use.
    static const Library loaded = [] {
        Library l;
        l.problem = detail::load_libclang(libclang_path(), l.functions);
        return l;
    }();
    return loaded;
}

}  // namespace

std::filesystem::path libclang_path() {
    const char* value = std::getenv("AUTOGEN_LIBCLANG");
    if (value && *value) {
        std::error_code ec;
        auto path =
            std::filesystem::absolute(value, ec);  // with a '/', dlopen opens exactly that file
        return ec ? std::filesystem::path(value) : path;
    }
    return AUTOGEN_LIBCLANG_PATH;
}

std::optional<support::Diagnostic> libclang_problem() { return library().problem; }

bool libclang_loaded() {
    void* handle = dlopen(libclang_path().c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
    if (handle) dlclose(handle);  // only drops the reference RTLD_NOLOAD added
    return handle != nullptr;
}

std::string libclang_identity() { return "libclang " + file_identity(libclang_path()); }

const LibclangFunctions& libclang_functions() {
    const Library& l = library();
    if (l.problem) {
        std::fprintf(stderr, "%s\n", support::format(*l.problem).c_str());
        std::exit(2);
    }
    return l.functions;
}

namespace detail {

std::optional<support::Diagnostic> load_libclang(const std::filesystem::path& path,
                                                 LibclangFunctions& functions) {
    support::Diagnostic problem{
        support::Severity::Error, support::Category::Internal, "", {path.string(), 0, 0}, ""};
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = dlerror();
        problem.message = std::string("could not load libclang: ") + (why ? why : "unknown error");
        problem.hint = "install it (apt-get install " + package() +
                       ") or set AUTOGEN_LIBCLANG to the path of a libclang " +
                       std::to_string(AUTOGEN_LIBCLANG_VERSION) + " shared library";
        return problem;
    }
    std::string missing;
#define AUTOGEN_LIBCLANG_RESOLVE(Ret, name, params, args) \
    if (!resolve(library, #name, functions.name))         \
        missing += std::string(missing.empty() ? "" : ", ") + #name;
    AUTOGEN_LIBCLANG_FUNCTIONS(AUTOGEN_LIBCLANG_RESOLVE)
#undef AUTOGEN_LIBCLANG_RESOLVE
    if (missing.empty()) return std::nullopt;
    problem.message = "the library loaded as libclang lacks functions autogen calls: " + missing;
    problem.hint = "point AUTOGEN_LIBCLANG at libclang-" +
                   std::to_string(AUTOGEN_LIBCLANG_VERSION) + " (or unset it), or reinstall " +
                   package();
    return problem;
}

}  // namespace detail

}  // namespace autogen::scan
