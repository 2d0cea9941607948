// PostgreSQL's side of impact.hpp: which type changes refuse or alter stored values
// (codegen/postgres_casts.hpp), the counting queries, and estimates from the planner's
// statistics (pg_class.reltuples, pg_stats.null_frac) for tables too large to count.
#pragma once

#include <cstdint>
#include <memory>

#include "introspect/impact.hpp"

namespace autogen::introspect {

/// Tables the statistics put at `exact_limit` rows or more get estimates for the
/// questions statistics can answer (all rows, rows with or without a value); the
/// others are counted. Questions that decide a refusal (duplicates, orphans, values
/// that do not fit) are always counted.
constexpr std::uint64_t kExactCountLimit = 1'000'000;

/// The PostgreSQL dialect's ImpactCounter.
std::unique_ptr<ImpactCounter> make_postgres_impact_counter(
    std::uint64_t exact_limit = kExactCountLimit);

}  // namespace autogen::introspect
