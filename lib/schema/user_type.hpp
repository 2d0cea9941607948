// Composite and range types declared in SQL (ObjectKind::Type, docs/objects.md "Composite
// and range types"): what changes in place. A composite type's `columns` are its
// attributes as a catalog reads them ("name type [COLLATE c]", in order); a range type
// has none (its definition is compared whole).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// Is `type` a composite type (CREATE TYPE ... AS (...)), as a catalog reads it back?
bool is_composite(const SqlObject& type);

/// The attributes ALTER TYPE drops and adds to turn composite `from` into `to`.
struct AttributeChanges {
    std::vector<std::string> dropped;  ///< names
    std::vector<std::string> added;    ///< "name type [COLLATE c]", appended in this order
};

/// The changes that make `to` out of `from` in place, or nullopt when ALTER TYPE cannot:
/// both must be composite, the attributes both keep must keep their type and order, and
/// the new ones must come after them (ADD ATTRIBUTE appends). A retyped attribute is a
/// drop + create of the type.
std::optional<AttributeChanges> attribute_changes(const SqlObject& from, const SqlObject& to);

/// The attribute's name ("a" of "a integer", "\"A b\"" of "\"A b\" text").
std::string attribute_name(const std::string& attribute);

}  // namespace autogen::schema
