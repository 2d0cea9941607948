// Times autogen's SQLite inspector on a database file (opened read-only):
//   sqlite_introspect_bench FILE [RUNS] [--json OUT]
// Output and options: bench/inspector_bench.hpp. Figures in docs/performance.md ("Large
// schemas", SQLite).
#include "db/sqlite_connection.hpp"
#include "inspector_bench.hpp"
#include "introspect/sqlite_inspector.hpp"

using namespace autogen;

int main(int argc, char** argv) {
    return bench::run_inspector_bench(
        argc, argv, "sqlite_introspect_bench FILE [RUNS] [--json OUT]",
        [](const std::string& file, support::Diagnostics& diags) {
            return db::open_sqlite(file, diags, {.access = db::Access::ReadOnly});
        },
        *introspect::make_sqlite_inspector());
}
