// Writes a naming convention into an autogen.toml's [models] naming without touching
// anything else in the file (comments, other keys, their order and layout): `autogen
// pull` records the convention it detected there (issue 16). The edit is line based and
// then proven: the result is parsed and must equal the original except for
// [models] naming, else nothing is written and the caller shows the line to add by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "support/naming.hpp"

namespace autogen::support {

/// `{ pk = "pk_%(table)s", uq = "..." }`: the configured patterns as a TOML inline table,
/// kinds in the order pk, uq, fk, ix, ck.
std::string naming_inline_table(const NamingConvention& naming);

/// `toml` (the text of an autogen.toml) with [models] naming set to exactly `naming`'s
/// patterns: an existing `naming = {...}` line is replaced (its trailing comment kept),
/// a [models.naming] table gets its keys replaced, else a `naming = ...` line goes at the
/// end of [models] (a [models] table is appended when there is none). nullopt, with the
/// reason in `why`, when the text does not parse or the edit would change anything else.
std::optional<std::string> with_naming(std::string_view toml, const NamingConvention& naming,
                                       std::string& why);

}  // namespace autogen::support
