// The timing loop both inspector benchmarks share (bench/pg_introspect.cpp,
// bench/sqlite_introspect.cpp): "TARGET [RUNS] [--json FILE]" on the command line,
// "tables=N cold_ms=C median_ms=M min_ms=M" on stdout. Cold is the first run on a new
// connection (what one autogen command pays), median and min over the RUNS that follow
// on the same connection. --json FILE writes the inspected schema (schema_view's JSON),
// so that two versions of an inspector can be checked to read a database identically.
#pragma once

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "introspect/inspector.hpp"
#include "schema/schema_view.hpp"

namespace autogen::bench {

/// Opens the connection TARGET names, or nullptr with diagnostics.
using OpenConnection =
    std::function<std::unique_ptr<db::Connection>(const std::string&, support::Diagnostics&)>;

/// The benchmark's main(): exit code 2 on usage errors, 3 when the database fails.
inline int run_inspector_bench(int argc, char** argv, const std::string& usage,
                               const OpenConnection& open, const introspect::Inspector& inspector) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string json_file;
    if (auto it = std::find(args.begin(), args.end(), "--json");
        it != args.end() && it + 1 != args.end()) {
        json_file = *(it + 1);
        args.erase(it, it + 2);
    }
    if (args.empty()) {
        std::cerr << "usage: " << usage << "\n";
        return 2;
    }
    const int runs = args.size() > 1 ? std::max(1, std::stoi(args[1])) : 5;
    support::Diagnostics diags;
    auto conn = open(args[0], diags);
    std::vector<double> ms;
    std::optional<schema::Schema> schema;
    for (int i = 0; conn && i <= runs; ++i) {  // run 0 is the cold one
        const auto start = std::chrono::steady_clock::now();
        schema = inspector.inspect(*conn, {}, diags);
        const auto end = std::chrono::steady_clock::now();
        if (!schema) break;
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    if (!schema) {
        for (const auto& d : diags.items()) std::cerr << support::format(d) << "\n";
        return 3;
    }
    const double cold = ms.front();
    ms.erase(ms.begin());
    std::sort(ms.begin(), ms.end());
    std::cout << "tables=" << schema->tables.size() << " cold_ms=" << cold
              << " median_ms=" << ms[ms.size() / 2] << " min_ms=" << ms.front() << "\n";
    if (!json_file.empty()) std::ofstream(json_file) << schema::to_json(*schema).dump(1) << "\n";
    return 0;
}

}  // namespace autogen::bench
