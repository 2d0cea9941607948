// Times autogen's PostgreSQL inspector on a live database:
//   pg_introspect_bench URL [RUNS] [--json FILE]
// prints "tables=N cold_ms=C median_ms=M min_ms=M": cold is the first run on a new
// connection (what one autogen command pays: the server's catalog caches start empty
// for every session), median and min over the RUNS that follow on the same connection.
// --json FILE writes the inspected schema (schema_view's JSON), so that two versions
// of the inspector can be checked to read a database identically.
// bench/pg_introspect.sh builds the database and compares with Alembic; figures in
// docs/performance.md.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "introspect/postgres_inspector.hpp"
#include "schema/schema_view.hpp"

using namespace autogen;

namespace {

int fail(const support::Diagnostics& diags) {
    for (const auto& d : diags.items()) std::cerr << support::format(d) << "\n";
    return 3;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string json_file;
    if (auto it = std::find(args.begin(), args.end(), "--json");
        it != args.end() && it + 1 != args.end()) {
        json_file = *(it + 1);
        args.erase(it, it + 2);
    }
    if (args.empty()) {
        std::cerr << "usage: pg_introspect_bench URL [RUNS] [--json FILE]\n";
        return 2;
    }
    int runs = args.size() > 1 ? std::max(1, std::stoi(args[1])) : 5;
    support::Diagnostics diags;
    auto url = db::parse_postgres_url(args[0], diags);
    auto conn = url ? db::open_postgres(*url, diags) : nullptr;
    if (!conn) return fail(diags);
    auto inspector = introspect::make_postgres_inspector();
    std::vector<double> ms;
    std::optional<schema::Schema> schema;
    for (int i = 0; i <= runs; ++i) {  // run 0 is the cold one
        auto start = std::chrono::steady_clock::now();
        schema = inspector->inspect(*conn, {}, diags);
        auto end = std::chrono::steady_clock::now();
        if (!schema) return fail(diags);
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    double cold = ms.front();
    ms.erase(ms.begin());
    std::sort(ms.begin(), ms.end());
    std::cout << "tables=" << schema->tables.size() << " cold_ms=" << cold
              << " median_ms=" << ms[ms.size() / 2] << " min_ms=" << ms.front() << "\n";
    if (!json_file.empty()) std::ofstream(json_file) << schema::to_json(*schema).dump(1) << "\n";
    return 0;
}
