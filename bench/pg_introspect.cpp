// Times autogen's PostgreSQL inspector on a live database: pg_introspect URL [RUNS]
// prints "tables=N queries=5 median_ms=M min_ms=M" (bench/pg_introspect.sh builds the
// database and compares with Alembic; figures in docs/performance.md).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "db/postgres_connection.hpp"
#include "introspect/postgres_inspector.hpp"

using namespace autogen;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pg_introspect URL [RUNS]\n";
        return 2;
    }
    int runs = argc > 2 ? std::max(1, std::stoi(argv[2])) : 5;
    support::Diagnostics diags;
    auto url = db::parse_url(argv[1], {}, diags);
    auto conn = url ? db::open_postgres(*url, diags) : nullptr;
    if (!conn) {
        for (const auto& d : diags.items()) std::cerr << support::format(d) << "\n";
        return 3;
    }
    auto inspector = introspect::make_postgres_inspector();
    std::vector<double> ms;
    std::size_t tables = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto schema = inspector->inspect(*conn, {}, diags);
        auto end = std::chrono::steady_clock::now();
        if (!schema) {
            for (const auto& d : diags.items()) std::cerr << support::format(d) << "\n";
            return 3;
        }
        tables = schema->tables.size();
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::cout << "tables=" << tables << " median_ms=" << ms[ms.size() / 2] << " min_ms=" << ms.front() << "\n";
    return 0;
}
