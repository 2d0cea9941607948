// The annotation vocabulary of SPEC §1: which kinds exist, which positional
// arguments and keys each kind takes, and what values they accept. Checking an
// annotation against it is pure (no libclang), so it is unit-tested on strings.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "scan/annotation_parser.hpp"

namespace autogen::scan {

/// The kinds of annotation, one per macro of <autogen/model.hpp>.
enum class AnnotationKind {
    Table,
    Column,
    Index,
    Unique,
    Check,
    Exclude,
    PrimaryKey,
    ForeignKey,
    Enum,
    Label,
    Transient
};

/// "column" -> Column; nullopt for an unknown kind.
std::optional<AnnotationKind> parse_kind(std::string_view kind);
/// The macro that writes a kind: AnnotationKind::Column -> "AUTOGEN_COLUMN".
const char* macro_name(AnnotationKind kind);

/// Checks every argument of `a` (positional count and kinds, known keys, value kinds,
/// duplicate keys, referential actions, positive lengths). Returns all problems found.
std::vector<AnnotationError> validate(AnnotationKind kind, const Annotation& a);

/// The value of `identity = ...`: true for ALWAYS, false for BY DEFAULT (`by_default`,
/// `"by default"`), nullopt for anything else. The one place these spellings are known.
std::optional<bool> parse_identity_always(std::string_view value);

/// The value of `match = ...` on a foreign key: true for FULL, false for SIMPLE (the
/// default), nullopt for anything else (PARTIAL, which PostgreSQL does not implement).
std::optional<bool> parse_match_full(std::string_view value);

/// The argument with this key, or nullptr.
const AnnotationArg* find_arg(const Annotation& a, std::string_view key);
/// True if the flag (or key) is present.
bool has_arg(const Annotation& a, std::string_view key);
/// The i-th positional argument's value, or nullptr.
const AnnotationValue* positional(const Annotation& a, std::size_t i);

}  // namespace autogen::scan
