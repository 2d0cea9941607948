// A compact binary form of a cached scan outcome (ScanResult + diagnostics), for the
// scan-result cache's hot path: an unchanged 500-table tree must load in a few
// milliseconds, which a JSON document of the same data (1.3 MB, a DOM of ~100 k
// nodes) does not. Same content as scan_result_json.hpp (which stays the readable,
// comparable form for tests); lengths are varints, file names of locations are
// interned (each path written once, then referred to by number).
// The format carries no version of its own: the cache entry's format tag does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scan/cache/scan_result_json.hpp"

namespace autogen::scan {

/// The binary form of `outcome`.
std::string encode_outcome(const CachedOutcome& outcome);

/// The same binary form of a schema alone (its tables and enum types, source locations
/// included): what a cache key over a whole schema hashes, and what a cache of one
/// schema stores, without copying it into an outcome first.
std::string encode_schema(const schema::Schema& schema);

/// Reads back encode_outcome's form; nullopt if `bytes` is not exactly one (truncated,
/// corrupt, trailing bytes, an enum value out of range). Never throws, never reads
/// past `bytes`.
std::optional<CachedOutcome> decode_outcome(std::string_view bytes);

/// Reads back encode_schema's form, as decode_outcome reads encode_outcome's.
std::optional<schema::Schema> decode_schema(std::string_view bytes);

}  // namespace autogen::scan
