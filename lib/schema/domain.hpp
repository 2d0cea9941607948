// A PostgreSQL domain's facts (CREATE DOMAIN, docs/objects.md): a domain is a declared
// object (SqlObject of kind Domain) whose facts are kept one per entry of
// SqlObject::columns, so that the differ can change each in place with ALTER DOMAIN
// (default, NOT NULL, each named check) and tell a change of base type or collation,
// which no ALTER DOMAIN makes. Pure data, like schema.hpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// A named CHECK of a domain, as the database deparses it: "CHECK ((VALUE > 0))".
struct DomainCheck {
    std::string name;
    std::string definition;
    bool operator==(const DomainCheck&) const = default;
};

struct DomainFacts {
    std::string
        type;  ///< the base type, as format_type spells it ("integer", "character varying(20)")
    std::string collation;  ///< COLLATE name as SQL spells it; empty = the base type's own
    std::optional<std::string> default_value;  ///< the DEFAULT expression, as deparsed
    bool not_null = false;
    std::vector<DomainCheck> checks;  ///< sorted by name
    bool operator==(const DomainFacts&) const = default;
};

/// The facts of `o` (kind Domain, read back from a database); nullopt when `o` holds no
/// facts (a domain only as its file writes it, before a scratch database read it back).
std::optional<DomainFacts> domain_facts(const SqlObject& o);

/// Sets `o`'s facts (SqlObject::columns) and its definition, which the differ compares.
void set_domain_facts(SqlObject& o, DomainFacts facts);

/// How a domain's checks change from `from` to `to`: those gone (or whose definition
/// changes: dropped and added again), those renamed (the same definition under a new name)
/// and those added, each in name order.
struct DomainCheckChanges {
    std::vector<DomainCheck> dropped;
    std::vector<std::pair<std::string, std::string>> renamed;  ///< old name, new name
    std::vector<DomainCheck> added;
};
DomainCheckChanges check_changes(const DomainFacts& from, const DomainFacts& to);

/// Does a domain's change from `from` to `to` keep its base type and collation, so that
/// ALTER DOMAIN can make it? False when either side holds no facts.
bool alters_in_place(const SqlObject& from, const SqlObject& to);

/// Does `column` (read back from a database) have the type `domain` names: "year", or
/// app.year for a domain of another schema than the default one, or an array of it? Any
/// named type declared in SQL is matched the same way (a composite or range type too).
bool column_uses_domain(const Column& column, const SqlObject& domain);

}  // namespace autogen::schema
