// Splitting a parse into per-header units and merging units (header_units.hpp).
#include "scan/cache/header_units.hpp"

#include <algorithm>

#include "scan/table_builder.hpp"

namespace autogen::scan {

namespace {

void add_unique(std::vector<std::string>& list, const std::string& key) {
    if (std::find(list.begin(), list.end(), key) == list.end()) list.push_back(key);
}

/// The declarations of one parsed header.
struct OwnDecls {
    std::vector<const EnumDecl*> enums;
    std::vector<const StructDecl*> tables;
    std::vector<std::string> outside_used;  ///< in first-use order
};

}  // namespace

ParsedUnits split_units(const ModelDecls& decls, const std::vector<std::filesystem::path>& files,
                        const std::set<std::size_t>& parsed,
                        const std::map<std::size_t, const HeaderUnit*>& cached,
                        const UnitOf& unit_of, const support::NamingConvention& naming,
                        support::Diagnostics& diags) {
    std::map<std::size_t, OwnDecls> own;
    for (std::size_t u : parsed) own[u];
    std::map<std::string, const EnumDecl*>
        outside;  // key -> declaration outside every model header
    for (const auto& e : decls.enums) {
        auto u = unit_of(e.location.file);
        if (!u)
            outside[e.key] = &e;
        else if (parsed.count(*u))
            own[*u].enums.push_back(&e);
        // else: declared by a header kept from the cache, which built it already
    }
    for (const auto& s : decls.tables) {
        auto u = unit_of(s.location.file);
        if (!u || !parsed.count(*u))
            continue;  // a header kept from the cache, included by a parsed one
        auto& mine = own[*u];
        mine.tables.push_back(&s);
        for (const auto& f : s.fields)
            if (!f.type.enum_key.empty() && outside.count(f.type.enum_key))
                add_unique(mine.outside_used, f.type.enum_key);
    }

    // Each outside enum belongs to its first user in header order, parsed or cached.
    std::map<std::string, std::size_t> owner;
    std::map<std::size_t, std::vector<std::string>> owned;
    for (std::size_t u = 0; u < files.size(); ++u) {
        const std::vector<std::string>* uses = nullptr;
        if (auto it = own.find(u); it != own.end())
            uses = &it->second.outside_used;
        else if (auto c = cached.find(u); c != cached.end())
            uses = &c->second->outside_enums_used;
        if (!uses) continue;
        for (const auto& key : *uses)
            if (owner.emplace(key, u).second) owned[u].push_back(key);
    }

    ParsedUnits out;
    for (const auto& [u, unit] : cached)
        if (unit->outside_enums_owned != owned[u]) out.cached_owners_agree = false;

    auto names = enum_names(decls.enums);
    for (auto& [u, mine] : own) {
        HeaderUnit unit;
        unit.file = files[u];
        unit.outside_enums_used = mine.outside_used;
        unit.outside_enums_owned = owned[u];
        for (const auto& key : unit.outside_enums_owned) {
            auto it = outside.find(key);
            // A cached user owns an enum this parse did not collect: only when that
            // user comes first, so this unit cannot own it. Kept defensive.
            if (it != outside.end()) mine.enums.push_back(it->second);
        }
        support::Diagnostics found;
        unit.fragment = build_schema(mine.enums, mine.tables, names, found, naming);
        unit.diagnostics = found.items();
        for (const auto& d : unit.diagnostics) diags.report(d);
        out.units.emplace(u, std::move(unit));
    }
    return out;
}

schema::Schema merge_units(const std::vector<const HeaderUnit*>& units) {
    schema::Schema out;
    for (const auto* unit : units)
        out.enums.insert(out.enums.end(), unit->fragment.enums.begin(), unit->fragment.enums.end());
    for (const auto* unit : units)
        out.tables.insert(out.tables.end(), unit->fragment.tables.begin(),
                          unit->fragment.tables.end());
    return out;
}

}  // namespace autogen::scan
