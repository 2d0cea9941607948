// Owners as SqlObjects (owners.hpp).
#include "schema/owners.hpp"

#include "schema/routine_signature.hpp"

namespace autogen::schema {

namespace {
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}
}  // namespace

SqlObject make_owner(const std::string& owned_kind, const std::string& schema,
                     const std::string& name, const std::string& arguments, const std::string& role,
                     const std::string& runner) {
    SqlObject o{.kind = ObjectKind::Owner, .schema = schema, .name = name};
    o.version = owned_kind;
    o.arguments = arguments;
    o.table = role;
    o.columns = {runner};
    o.definition = role;
    return o;
}

const std::string& owned_kind(const SqlObject& owner) { return owner.version; }

std::string owner_runner(const SqlObject& owner) {
    return owner.columns.empty() ? std::string() : owner.columns.front();
}

std::string owner_identity(const SqlObject& owner) {
    const std::string& kind = owned_kind(owner);
    if (kind == "SCHEMA") return "SCHEMA " + quoted(owner.name);
    // Overloads share a name: their input types tell them apart, as in PostgreSQL.
    if (kind == "FUNCTION" || kind == "PROCEDURE")
        return kind + " " + routine_identity(owner.schema, owner.name, owner.arguments);
    return kind + " " + (owner.schema.empty() ? "" : quoted(owner.schema) + ".") +
           quoted(owner.name);
}

std::optional<ObjectKind> owned_object_kind(const std::string& owned_kind) {
    for (const ObjectKind k : {ObjectKind::View, ObjectKind::MaterializedView, ObjectKind::Function,
                               ObjectKind::Procedure, ObjectKind::Schema, ObjectKind::Sequence,
                               ObjectKind::Type, ObjectKind::Domain})
        if (to_upper_kind(k) == owned_kind) return k;
    return std::nullopt;
}

bool owner_is_of(const SqlObject& owner, const SqlObject& o) {
    if (owner.kind != ObjectKind::Owner) return false;
    const auto kind = owned_object_kind(owned_kind(owner));
    if (!kind || *kind != o.kind || owner.name != o.name) return false;
    if (o.kind == ObjectKind::Schema) return true;
    if (is_routine(o) && identity_types(o.arguments) != identity_types(owner.arguments))
        return false;
    return owner.schema == o.schema;
}

}  // namespace autogen::schema
