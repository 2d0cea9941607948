// Look-ups and names on the schema model.
#include "schema/schema.hpp"

#include <algorithm>

#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"
#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"

namespace autogen::schema {

namespace {
template <class T>
T* find_by_name(std::vector<T>& items, const std::string& name, const std::string& schema_name) {
    auto it = std::find_if(items.begin(), items.end(),
                           [&](const T& t) { return t.name == name && t.schema == schema_name; });
    return it == items.end() ? nullptr : &*it;
}
/// "schema"."name", or "name" in the default schema.
std::string quoted_qualified(const std::string& schema_name, const std::string& name) {
    return schema_name.empty() ? "\"" + name + "\"" : "\"" + schema_name + "\".\"" + name + "\"";
}
}  // namespace

const Column* Table::find_column(const std::string& column) const {
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& c) { return c.name == column; });
    return it == columns.end() ? nullptr : &*it;
}

Column* Table::find_column(const std::string& column) {
    return const_cast<Column*>(static_cast<const Table*>(this)->find_column(column));
}

std::string Table::qualified_name() const { return quoted_qualified(schema, name); }

const Table* Schema::find_table(const std::string& name, const std::string& schema_name) const {
    return find_by_name(const_cast<std::vector<Table>&>(tables), name, schema_name);
}

Table* Schema::find_table(const std::string& name, const std::string& schema_name) {
    return find_by_name(tables, name, schema_name);
}

const Enum* Schema::find_enum(const std::string& name, const std::string& schema_name) const {
    return find_by_name(const_cast<std::vector<Enum>&>(enums), name, schema_name);
}

const SqlObject* Schema::find_object(ObjectKind kind, const std::string& name,
                                     const std::string& schema_name) const {
    auto it = std::find_if(objects.begin(), objects.end(), [&](const SqlObject& o) {
        return o.kind == kind && o.name == name &&
               (o.schema == schema_name || kind == ObjectKind::Extension);
    });
    return it == objects.end() ? nullptr : &*it;
}

const SqlObject* Schema::find_object(const SqlObject& o) const {
    const std::string id = o.identity();
    auto it = std::find_if(objects.begin(), objects.end(), [&](const SqlObject& x) {
        return x.kind == o.kind && x.identity() == id;
    });
    return it == objects.end() ? nullptr : &*it;
}

std::string SqlObject::qualified_name() const {
    return kind == ObjectKind::Extension ? quoted_qualified({}, name)
                                         : quoted_qualified(schema, name);
}

const std::string& holds_schema(const SqlObject& o) {
    return o.kind == ObjectKind::Schema ? o.name : o.schema;
}

bool implies_schema(const Schema& s, const std::string& name) {
    auto in = [&](const auto& items) {
        return std::any_of(items.begin(), items.end(),
                           [&](const auto& x) { return x.schema == name; });
    };
    return in(s.tables) || in(s.enums) ||
           std::any_of(s.objects.begin(), s.objects.end(), [&](const SqlObject& o) {
               return o.kind != ObjectKind::Schema && o.schema == name;
           });
}

bool takes_comment(ObjectKind kind) {
    return kind != ObjectKind::Grant && kind != ObjectKind::DefaultPrivilege &&
           kind != ObjectKind::Owner;
}

std::string routine_signature(const SqlObject& o) {
    return is_routine(o) ? "(" + o.arguments + ")" : "";
}

std::string SqlObject::identity() const {
    if (kind == ObjectKind::Grant) return grant_identity(*this);
    if (kind == ObjectKind::DefaultPrivilege) return default_privilege_identity(*this);
    if (kind == ObjectKind::Owner) return owner_identity(*this);
    // Overloads share a name: their input types tell them apart, as in PostgreSQL.
    if (is_routine(*this)) return routine_identity(schema, name, arguments);
    if (table.empty()) return qualified_name();
    return qualified_name() + " on " + quoted_qualified(schema, table);
}

const char* to_string(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::View:
            return "view";
        case ObjectKind::MaterializedView:
            return "materialized view";
        case ObjectKind::Function:
            return "function";
        case ObjectKind::Procedure:
            return "procedure";
        case ObjectKind::Trigger:
            return "trigger";
        case ObjectKind::Extension:
            return "extension";
        case ObjectKind::Domain:
            return "domain";
        case ObjectKind::Schema:
            return "schema";
        case ObjectKind::Sequence:
            return "sequence";
        case ObjectKind::Grant:
            return "grant";
        case ObjectKind::Policy:
            return "policy";
        case ObjectKind::Partition:
            return "partition";
        case ObjectKind::Type:
            return "type";
        case ObjectKind::DefaultPrivilege:
            return "default privileges";
        case ObjectKind::Owner:
            return "owner";
    }
    return "view";
}

std::string to_upper_kind(ObjectKind kind) {
    std::string out = to_string(kind);
    for (char& c : out) c = static_cast<char>(c - ('a' <= c && c <= 'z' ? 'a' - 'A' : 0));
    return out;
}

const char* to_string(ReferentialAction a) {
    switch (a) {
        case ReferentialAction::NoAction:
            return "no_action";
        case ReferentialAction::Restrict:
            return "restrict";
        case ReferentialAction::Cascade:
            return "cascade";
        case ReferentialAction::SetNull:
            return "set_null";
        case ReferentialAction::SetDefault:
            return "set_default";
    }
    return "no_action";
}

const char* to_string(Logical l) {
    switch (l) {
        case Logical::None:
            return "none";
        case Logical::Boolean:
            return "boolean";
        case Logical::SmallInt:
            return "smallint";
        case Logical::Integer:
            return "integer";
        case Logical::BigInt:
            return "bigint";
        case Logical::Real:
            return "real";
        case Logical::Double:
            return "double";
        case Logical::Text:
            return "text";
        case Logical::Blob:
            return "blob";
        case Logical::TimestampTz:
            return "timestamptz";
        case Logical::Date:
            return "date";
        case Logical::Enum:
            return "enum";
    }
    return "none";
}

std::optional<ReferentialAction> parse_referential_action(const std::string& s) {
    std::string k;
    for (char c : s)
        k += (c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (k == "no_action") return ReferentialAction::NoAction;
    if (k == "restrict") return ReferentialAction::Restrict;
    if (k == "cascade") return ReferentialAction::Cascade;
    if (k == "set_null") return ReferentialAction::SetNull;
    if (k == "set_default") return ReferentialAction::SetDefault;
    return std::nullopt;
}

}  // namespace autogen::schema
