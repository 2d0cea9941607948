// A scan's result, one model header at a time: each header's "unit" holds the tables
// and enums it declares, already built, so a later scan that re-parses only the
// headers that changed can put the unchanged ones' units back beside the new ones
// (incremental scans, docs/models.md "How autogen reads the headers").
//
// Both kinds of scan assemble their result through this file, so they cannot
// differ: the schema lists each header's enums and tables in the order of
// ScanResult::files (the sorted model headers), each in declaration order.
// An AUTOGEN_ENUM enum declared outside every model header (a shared header the
// globs do not match) belongs to the first header, in that order, whose tables use it.
// Pure: no libclang, no I/O.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scan/cache/content_hash.hpp"
#include "scan/model_decls.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/naming.hpp"

namespace autogen::scan {

/// One model header's share of a scan.
struct HeaderUnit {
    std::filesystem::path file;  ///< the model header, as ScanResult::files names it
    schema::Schema fragment;     ///< its enums and tables (and the outside enums it owns), built
    /// What building them reported (warnings and notes; a unit with errors is never cached).
    std::vector<support::Diagnostic> diagnostics;
    /// Keys (EnumDecl::key) of the outside enums its tables use, and of those it owns (builds).
    std::vector<std::string> outside_enums_used;
    std::vector<std::string> outside_enums_owned;
    /// The project files its result depends on (itself and what it includes), with the
    /// content hashes they had; filled by the scanner (unit_store.hpp).
    std::vector<FileHash> depends_on;
};

/// Maps a declaration's file (as libclang names it) to the index of its model header
/// in the scan's header list; nullopt for a file that is not a model header.
using UnitOf = std::function<std::optional<std::size_t>(const std::string& file)>;

/// What one parse collected, split per model header.
struct ParsedUnits {
    std::map<std::size_t, HeaderUnit>
        units;  ///< one per parsed header (index into the header list)
    /// Whether the units kept from an earlier scan still own exactly the outside enums
    /// they built: false when this parse moved an outside enum's first user, and the
    /// whole scan must be re-parsed (rare: only shared, unglobbed enum headers).
    bool cached_owners_agree = true;
};

/// Splits `decls` (one parse covering the headers `parsed`, indexes into `files`) into
/// units. `cached` are the units of the other headers, kept from an earlier scan
/// (only their outside_enums_used/owned are read). Building reports into each
/// unit's diagnostics and into `diags`, in unit order.
ParsedUnits split_units(const ModelDecls& decls, const std::vector<std::filesystem::path>& files,
                        const std::set<std::size_t>& parsed,
                        const std::map<std::size_t, const HeaderUnit*>& cached,
                        const UnitOf& unit_of, const support::NamingConvention& naming,
                        support::Diagnostics& diags);

/// The scan's schema: every unit's enums, then every unit's tables, in `units` order.
schema::Schema merge_units(const std::vector<const HeaderUnit*>& units);

}  // namespace autogen::scan
