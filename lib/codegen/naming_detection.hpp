// `autogen pull`'s guess at the naming convention a database follows (issue 16): for
// each kind (pk, uq, fk, ix, ck), the candidate pattern that names the most of the
// database's constraints of that kind, when it names a clear majority of them. With it
// in [models] naming, the pulled models leave out every name the convention gives and
// keep only the names that deviate from it.
//
// The rule, per kind:
//  - the candidates are the project's own pattern (configured, or autogen's default),
//    then autogen's defaults (which are SQLAlchemy's recommended convention), the same
//    with every column (%(column_0_N_name)s), SQLAlchemy's pk ("pk_%(table)s") and
//    PostgreSQL's own names (<table>_pkey, <table>_<columns>_key / _fkey / _idx,
//    <table>_<column>_check);
//  - a constraint matches a candidate when the candidate gives exactly its name; a check's
//    %(constraint_name)s (and %(column_0_name)s) stands for any non-empty text, since a
//    check's name carries a part the user chose; a primary key without a name (SQLite)
//    matches every candidate; other constraints without a name count for none;
//  - the candidate matching the most wins, ties going to the earlier candidate (so the
//    project's own pattern wins every tie); it is adopted when it matches more than half
//    of the kind's constraints and at least one of them by name. Else the kind keeps the
//    project's pattern.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "support/naming.hpp"

namespace autogen::codegen {

struct KindDetection {
    support::NameKind kind;
    std::string pattern;      ///< the winner ("" = the database's own pk name)
    std::size_t matched = 0;  ///< constraints it names
    std::size_t total = 0;    ///< constraints of this kind that count
    bool adopted = false;     ///< a clear majority: the convention takes `pattern`
};

struct NamingDetection {
    std::vector<KindDetection> kinds;  ///< pk, uq, fk, ix, ck
    /// The project's convention with every adopted pattern in (a pk pattern "" removes
    /// the project's pk pattern: the database's own names are the default).
    support::NamingConvention convention;
};

/// The candidates of `kind` after the project's own pattern, in order of preference.
std::vector<std::string> candidate_patterns(support::NameKind kind);

/// Does `pattern` give `name` to a constraint of `kind` with `fields`? For a check,
/// %(constraint_name)s and %(column_0_name)s match any non-empty text. `max_length`: as
/// NamingConvention::max_length (a longer name is compared cut, as the models cut it).
bool pattern_names(support::NameKind kind, const std::string& pattern, const std::string& name,
                   const support::NameFields& fields, std::size_t max_length = 0);

/// The convention `schema`'s constraint names follow, starting from `project`'s.
/// `default_primary_key_name` is the dialect's name for an unnamed primary key (null or
/// "" where the database keeps it unnamed).
NamingDetection detect_naming(
    const schema::Schema& schema, const support::NamingConvention& project,
    const std::function<std::string(const std::string& table)>& default_primary_key_name);

}  // namespace autogen::codegen
