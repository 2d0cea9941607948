// The declared objects of a model as a scratch database reads them back, for the tests that
// materialise models themselves (header-only, for tests only): the CLI keeps the read-back
// of each declared object only (pipeline/materialize_objects.cpp), so a privilege the
// declared default privileges gave a table the scratch database created is no grant of the
// models unless the files grant on that table to that role too.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::testing {

/// Removes from `read` (a scratch database's objects) the grants `model` does not declare
/// (by target and grantee).
inline void keep_declared_grants(const std::vector<schema::SqlObject>& model,
                                 std::vector<schema::SqlObject>& read) {
    std::set<std::string> declared;
    for (const auto& o : model)
        if (o.kind == schema::ObjectKind::Grant) declared.insert(o.identity());
    std::erase_if(read, [&](const schema::SqlObject& o) {
        return o.kind == schema::ObjectKind::Grant && !declared.count(o.identity());
    });
}

}  // namespace autogen::testing
