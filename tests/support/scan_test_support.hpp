// Test helpers for the scanner tests: the SPEC §1 example header and a one-call
// scan of headers written into a temporary project.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "scan/scanner.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::scan::testing {

/// The SPEC §1 model example, verbatim.
inline const char* spec_example() {
    return R"hpp(#include <autogen/model.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

enum class AUTOGEN_ENUM("order_status") OrderStatus { pending, paid, shipped };

struct Timestamps {                       // a plain base: its fields become columns of each table that derives from it
    AUTOGEN_COLUMN(server_default = "CURRENT_TIMESTAMP")
    std::chrono::system_clock::time_point created_at;
};

/// People who can sign in.
struct AUTOGEN_TABLE("users") User : Timestamps {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(unique, length = 255) std::string email;
    std::optional<std::string> full_name;  // optional => NULL allowed; every other column is NOT NULL
};

struct AUTOGEN_TABLE("orders")
       AUTOGEN_INDEX("ix_orders_user_created", "user_id, created_at")
       AUTOGEN_CHECK("ck_orders_total", "total_cents >= 0")
       Order : Timestamps {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    AUTOGEN_COLUMN(references = "users.id", on_delete = "cascade", index) std::int64_t user_id;
    std::int64_t total_cents;
    OrderStatus status;
    AUTOGEN_COLUMN(type = "NUMERIC(12,2)") double amount;
    AUTOGEN_TRANSIENT int cached_rank;    // not a column
};
)hpp";
}

/// One cache folder for every Project of a test process: the precompiled standard
/// headers are built once instead of once per test (results are keyed by the
/// project's folder, which is fresh for each Project, so they never mix).
inline const CacheSettings& shared_test_cache() {
    static autogen::testing::TempDir dir;
    static const CacheSettings settings{dir.path()};
    return settings;
}

/// A temporary project: write headers into it, then scan "models/**/*.hpp".
struct Project {
    autogen::testing::TempDir dir;
    ScanOptions options;
    support::Diagnostics diags;

    Project() {
        options.project_root = dir.path();
        options.header_globs = {"models/**/*.hpp"};
    }
    /// Writes a file relative to the project; returns its absolute path as a string.
    std::string write(const std::string& relative, const std::string& text) {
        return dir.write(relative, text).string();
    }
    /// Scans with shared_test_cache().
    std::optional<ScanResult> run() { return scan(options, shared_test_cache(), diags); }
    /// All diagnostics, formatted, for failure messages.
    std::string messages() const {
        std::string out;
        for (const auto& d : diags.items()) out += support::format(d) + "\n";
        return out;
    }
    /// The first error whose message contains `needle`, or nullptr.
    const support::Diagnostic* find_error(const std::string& needle) const {
        for (const auto& d : diags.items())
            if (d.severity == support::Severity::Error &&
                d.message.find(needle) != std::string::npos)
                return &d;
        return nullptr;
    }
};

/// A project scanned with its own cache in <project>/.autogen/cache, with a trace.
struct CachedProject : Project {
    CacheSettings cache{dir.path() / ".autogen" / "cache"};
    CacheTrace trace;

    std::optional<ScanResult> scan_cached() {
        trace = {};
        diags.clear();
        return scan(options, cache, diags, &trace);
    }
    std::optional<ScanResult> scan_uncached() {
        diags.clear();
        return scan(options, CacheSettings{}, diags, nullptr);
    }
    /// The files with `extension` in the cache folder (or its `sub` folder); by default the
    /// scan-result entries.
    std::vector<std::filesystem::path> entries(const std::string& extension = ".bin",
                                               const std::string& sub = "") const {
        std::vector<std::filesystem::path> out;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(cache.dir / sub, ec))
            if (e.path().extension() == extension) out.push_back(e.path());
        return out;
    }
};

}  // namespace autogen::scan::testing
