// Loading libclang lazily: a path that is not there or not libclang gives a
// diagnostic (what, where, how to fix) instead of a crash, and a scan answered by the
// result cache never loads libclang while a parse does.
#include "scan/libclang_loader.hpp"

#include <dlfcn.h>
#include <doctest/doctest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <exception>

#include "tests/support/scan_test_support.hpp"

extern char** environ;

namespace autogen::scan {

namespace {

/// The file of the loaded shared object that defines `symbol`.
std::string library_of(const void* symbol) {
    Dl_info info{};
    return dladdr(symbol, &info) && info.dli_fname ? info.dli_fname : "";
}

/// Runs this test binary again with `args`; its exit status (-1 if it did not run).
int run_self(std::vector<std::string> args) {
    args.insert(args.begin(), "/proc/self/exe");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("libclang: a path where there is no library gives what, where and how to fix") {
    LibclangFunctions functions;
    auto problem = detail::load_libclang("/nonexistent/libclang-14.so.13", functions);
    REQUIRE(problem);
    CHECK(problem->severity == support::Severity::Error);
    CHECK(problem->message.rfind("could not load libclang: ", 0) == 0);
    CHECK(problem->message.find("No such file") != std::string::npos);
    CHECK(problem->location.file == "/nonexistent/libclang-14.so.13");
    CHECK(problem->hint.find("apt-get install libclang-") != std::string::npos);
    CHECK(problem->hint.find("AUTOGEN_LIBCLANG") != std::string::npos);
    CHECK((functions.clang_createIndex == nullptr));
}

TEST_CASE("libclang: a library that is not libclang names the missing functions") {
    std::string libstdcxx = library_of(reinterpret_cast<const void*>(&std::terminate));
    REQUIRE_FALSE(libstdcxx.empty());
    LibclangFunctions functions;
    auto problem = detail::load_libclang(libstdcxx, functions);
    REQUIRE(problem);
    CHECK(problem->message.find(
              "lacks functions autogen calls: clang_createIndex, clang_disposeIndex") !=
          std::string::npos);
    CHECK(problem->location.file == libstdcxx);
}

TEST_CASE("libclang: the real library loads with every function") {
    LibclangFunctions functions;
    auto problem = detail::load_libclang(libclang_path(), functions);
    CHECK_FALSE(problem);
    CHECK((functions.clang_parseTranslationUnit2 != nullptr));
    CHECK_FALSE(libclang_problem());
    CHECK(libclang_loaded());
}

// The child half runs in a fresh process (run_self), where nothing has loaded
// libclang yet: the parent's own warming parse has, and a process cannot unload it.
TEST_CASE("libclang: a scan answered by the result cache does not load it and a parse does") {
    testing::CachedProject p;
    const char* warm = std::getenv("AUTOGEN_TEST_WARM_PROJECT");
    if (warm) {  // the child: the project and its warm cache are the parent's
        p.options.project_root = warm;
        p.cache.dir = std::filesystem::path(warm) / ".autogen" / "cache";
        REQUIRE_FALSE(libclang_loaded());
        auto hit = p.scan_cached();
        INFO(p.messages());
        REQUIRE(hit);
        CHECK(p.trace.result_hit);
        CHECK_FALSE(libclang_loaded());
        REQUIRE(p.scan_uncached());
        CHECK(libclang_loaded());  // so the check above can see a load
        return;
    }
    p.write("models/user.hpp", R"(#include <autogen/model.hpp>
#include <cstdint>
struct AUTOGEN_TABLE("users") User { AUTOGEN_COLUMN(primary_key) std::int64_t id; };
)");
    auto cold = p.scan_cached();
    INFO(p.messages());
    REQUIRE(cold);
    REQUIRE(p.trace.result_stored);
    CHECK(libclang_loaded());
    ::setenv("AUTOGEN_TEST_WARM_PROJECT", p.dir.path().c_str(), 1);
    int status = run_self({"--test-case=libclang: a scan answered by the result cache*"});
    ::unsetenv("AUTOGEN_TEST_WARM_PROJECT");
    CHECK(status == 0);
}

}  // namespace autogen::scan
