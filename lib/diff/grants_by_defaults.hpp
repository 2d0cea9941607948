// What the declared default privileges give, written as grants (docs/objects.md "Default
// privileges"): the privileges an object holds in a fresh database built from the models
// are its GRANTs and what the default privileges in force gave it when the role that runs
// the migrations created it. Part of compare_grants.
#pragma once

#include <set>
#include <string>

#include "diff/table_changes.hpp"

namespace autogen::diff {

/// Appends to `out`:
/// - when `to` declares its objects (the models) and `from` is a database: a GRANT (in
///   `out.last`) of what the defaults of `to` give a table, view, materialized view,
///   sequence or schema that both sides have under one name and the plan leaves standing,
///   and that `from` lacks (its downgrade revokes it). A GRANT the files declare is
///   compare_grants' own.
/// - for each table, view, materialized view, sequence or schema the plan drops: what the
///   defaults in force when the downgrade creates it again give it that `from` does not
///   record, as a CreateObject with kRevokedWhenCreatedAgain in `out.first` (nothing now;
///   the downgrade revokes it after that CREATE). A table, sequence or schema comes back
///   before the downgrade takes back the revision's default privileges: `to`'s are in
///   force; a view comes back last: `from`'s.
/// `gone`: the object keys (compare_objects) of the objects of `from` the plan drops,
/// `again`: those of them it creates again.
void grants_by_defaults(const schema::Schema& from, const schema::Schema& to,
                        const std::vector<schema::Operation>& table_ops,
                        const std::set<std::string>& gone, const std::set<std::string>& again,
                        ObjectChanges& out);

}  // namespace autogen::diff
