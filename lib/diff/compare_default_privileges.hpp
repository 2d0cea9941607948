// The default privileges' part of compare_objects (docs/objects.md "Default privileges"):
// an entry's lost items are taken back and its new ones given, by ALTER DEFAULT
// PRIVILEGES, before the table changes (so that the tables this revision creates get
// them); the downgrade's reverse runs after its drops.
#pragma once

#include "diff/table_changes.hpp"

namespace autogen::diff {

/// Appends to `out.before_tables` a DropObject per entry of `from` holding the items it
/// loses (an entry no longer declared loses them all: back to the built-in default), then
/// a CreateObject per entry of `to` holding those it gains.
void compare_default_privileges(const schema::Schema& from, const schema::Schema& to,
                                ObjectChanges& out);

}  // namespace autogen::diff
