// Times autogen's PostgreSQL inspector on a live database:
//   pg_introspect_bench URL [RUNS] [--json FILE]
// Output and options: bench/inspector_bench.hpp (cold: the server's catalog caches start
// empty for every session). bench/pg_introspect.sh builds the database and compares with
// Alembic; figures in docs/performance.md.
#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "inspector_bench.hpp"
#include "introspect/postgres_inspector.hpp"

using namespace autogen;

int main(int argc, char** argv) {
    return bench::run_inspector_bench(
        argc, argv, "pg_introspect_bench URL [RUNS] [--json FILE]",
        [](const std::string& url, support::Diagnostics& diags) -> std::unique_ptr<db::Connection> {
            auto parsed = db::parse_postgres_url(url, diags);
            return parsed ? db::open_postgres(*parsed, diags) : nullptr;
        },
        *introspect::make_postgres_inspector());
}
