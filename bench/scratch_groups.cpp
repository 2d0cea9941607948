// Times pipeline::run_statement_groups creating a schema in a fresh PostgreSQL scratch
// database, in two phases: the tables (TABLES_FILE) and then their foreign keys
// (FKS_FILE, or "-" for none):
//   scratch_groups_bench SERVER_URL TABLES_FILE FKS_FILE CONNECTIONS BATCH PER_GROUP
//   [FK_CONNECTIONS]
// Each line of a file is one group, its statements separated by ';'. The first line of
// TABLES_FILE runs first (types: first_group_first); PER_GROUP consecutive lines of the
// rest are merged into one group (several tables per group, so that BATCH statements
// per transaction can matter). The foreign keys run on FK_CONNECTIONS sessions
// (default CONNECTIONS). Prints "tables_ms=T fks_ms=F total_ms=S" for one run and
// checks that every table and foreign key is there. bench/scratch_groups.sh builds the
// files from bench/pg_bench_schema.sh and runs the matrix; figures in docs/performance.md.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "dialect/postgres_dialect.hpp"
#include "pipeline/run_in_scratch.hpp"

using namespace autogen;

namespace {

using Groups = std::vector<std::vector<codegen::Statement>>;

int fail(const support::Diagnostics& diags) {
    for (const auto& d : diags.items()) std::cerr << support::format(d) << "\n";
    return 3;
}

/// The groups of `path`: one per line, statements separated by ';'; after the first
/// `keep_first` lines, `per_group` lines make one group.
Groups read_groups(const std::string& path, std::size_t keep_first, std::size_t per_group) {
    Groups groups;
    std::ifstream in(path);
    std::string line;
    std::size_t lines = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (lines < keep_first || (lines - keep_first) % per_group == 0) groups.emplace_back();
        ++lines;
        std::size_t start = 0;
        while (start < line.size()) {
            std::size_t end = line.find(';', start);
            if (end == std::string::npos) end = line.size();
            std::string sql = line.substr(start, end - start);
            if (sql.find_first_not_of(' ') != std::string::npos)
                groups.back().push_back({.sql = sql});
            start = end + 1;
        }
    }
    return groups;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

/// The one number `sql` returns.
std::string scalar(db::Connection& conn, const std::string& sql, support::Diagnostics& diags) {
    auto rows = conn.query(sql, {}, diags);
    return rows && !rows->rows.empty() && rows->rows[0][0] ? *rows->rows[0][0] : "?";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 7 && argc != 8) {
        std::cerr << "usage: scratch_groups_bench SERVER_URL TABLES_FILE FKS_FILE CONNECTIONS "
                     "BATCH PER_GROUP [FK_CONNECTIONS]\n";
        return 2;
    }
    const std::size_t per_group = std::stoul(argv[6]);
    const Groups tables = read_groups(argv[2], 1, per_group);
    const Groups fks = std::string(argv[3]) == "-" ? Groups{} : read_groups(argv[3], 0, per_group);
    const pipeline::GroupRun run{.first_group_first = true,
                                 .connections = std::stoul(argv[4]),
                                 .batch = std::stoul(argv[5])};
    support::Diagnostics diags;
    auto url = db::parse_postgres_url(argv[1], diags);
    auto scratch = url ? db::open_postgres_scratch(*url, diags) : nullptr;
    if (!scratch) return fail(diags);
    const dialect::Dialect postgres = dialect::make_postgres_dialect();

    const auto start = std::chrono::steady_clock::now();
    if (!pipeline::run_statement_groups(postgres, *scratch, tables, diags, {}, "tables", run))
        return fail(diags);
    const double tables_ms = ms_since(start);
    const auto fk_start = std::chrono::steady_clock::now();
    if (!pipeline::run_statement_groups(
            postgres, *scratch, fks, diags, {}, "foreign keys",
            {.connections = argc == 8 ? std::stoul(argv[7]) : run.connections, .batch = run.batch}))
        return fail(diags);
    const double fks_ms = ms_since(fk_start);

    std::cout << "tables_ms=" << static_cast<long>(tables_ms)
              << " fks_ms=" << static_cast<long>(fks_ms)
              << " total_ms=" << static_cast<long>(tables_ms + fks_ms) << " tables="
              << scalar(*scratch, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
                        diags)
              << " indexes="
              << scalar(*scratch, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'",
                        diags)
              << " fks="
              << scalar(*scratch, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'", diags)
              << " groups=" << tables.size() << "+" << fks.size() << "\n";
    return diags.has_errors() ? fail(diags) : 0;
}
