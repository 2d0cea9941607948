// ALTER DEFAULT PRIVILEGES as declared objects (ObjectKind::DefaultPrivilege,
// docs/objects.md "Default privileges"): one SqlObject per role, schema (or none) and kind
// of object, holding how the privileges objects of that kind get when that role creates
// them differ from PostgreSQL's built-in defaults (pg_default_acl against acldefault). The
// fields it uses, so that every codec of SqlObject carries it unchanged:
//   table    FOR ROLE: the role whose new objects get the privileges ("" on the models'
//            side before the scratch database read it back: whoever runs the revisions)
//   version  IN SCHEMA: the schema the entry is limited to ("" = every schema). Not in
//            `schema`, where "public" and none are one (an entry IN SCHEMA public is not
//            the global one)
//   name     the kind of object as the statement spells it: TABLES, SEQUENCES,
//            FUNCTIONS (ROUTINES is FUNCTIONS), TYPES, SCHEMAS
//   columns  the items, each what one statement of that role gives or takes back:
//            "GRANT SELECT TO reader", "GRANT INSERT WITH GRANT OPTION TO writer",
//            "REVOKE EXECUTE FROM PUBLIC", "REVOKE GRANT OPTION FOR USAGE FROM owner".
//            Read back: sorted, an entry IN SCHEMA only GRANTs (it only adds); as declared
//            (before the scratch database), in the order written.
//   definition  the items joined: what the differ compares
//   arguments   the role that runs the migrations, as the side was read with ("" unknown,
//               or before the scratch database read it back): whose new objects the entry
//               gives its items to when it names that role (applies_to_runners_objects)
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// One item of a default privilege (see above), taken apart.
struct DefaultPrivilegeItem {
    bool grant = true;          ///< GRANT (else REVOKE)
    bool grant_option = false;  ///< WITH GRANT OPTION / REVOKE GRANT OPTION FOR
    std::string privilege;      ///< SELECT, ALL ...
    std::string grantee;        ///< a role's name, or PUBLIC
};

/// The item as the object keeps it ("GRANT SELECT TO reader").
std::string default_privilege_item_text(const DefaultPrivilegeItem& item);
/// `text` taken apart, or nullopt when it is no item.
std::optional<DefaultPrivilegeItem> parse_default_privilege_item(const std::string& text);
/// What undoes `item` back to the built-in default: GRANT p TO r <-> REVOKE p FROM r,
/// REVOKE GRANT OPTION FOR p <-> GRANT p WITH GRANT OPTION.
DefaultPrivilegeItem reversed(const DefaultPrivilegeItem& item);
/// What undoes `item` of the default privilege `entry`: reversed(item), save for the grant
/// option a global entry gives its own role (FOR ROLE r ... TO r WITH GRANT OPTION). The
/// built-in default gives the owner every privilege already, so only the option goes back:
/// REVOKE GRANT OPTION FOR (REVOKE p would take the owner's own privilege from new objects).
DefaultPrivilegeItem reversed_in(const SqlObject& entry, const DefaultPrivilegeItem& item);

/// A default privilege of `role` IN SCHEMA `in_schema` ("" = none) on `object_kind`
/// (TABLES ...) holding `items` (kept in their order; its definition joins them).
SqlObject make_default_privilege(const std::string& role, const std::string& in_schema,
                                 const std::string& object_kind, std::vector<std::string> items);
/// `ON TABLES IN SCHEMA "s" FOR ROLE "r"`: what names it among its kind.
std::string default_privilege_identity(const SqlObject& o);
/// The items of `a` that `b` does not hold, in `a`'s order.
std::vector<std::string> items_only_in(const SqlObject& a, const SqlObject& b);

/// Does the entry `entry` give its items to the objects the revisions create? PostgreSQL
/// gives a new object the entries of the role that creates it, and the revisions create
/// every object as the role that runs them (a declared owner gets it by OWNER TO after):
/// so only an entry FOR ROLE that role (FOR ROLE left out, or naming it) does. A side read
/// without its runner (`arguments` empty): assumed.
bool applies_to_runners_objects(const SqlObject& entry);

/// What the entries of `defaults` that apply to the runner's objects give a new object of
/// `target_kind` (TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA) in schema `in_schema` ("" =
/// the default one): the global entry and the one IN SCHEMA `in_schema` add up. Pairs of
/// grantee and privilege as a grant object spells it ("SELECT", "SELECT WITH GRANT OPTION").
std::vector<std::pair<std::string, std::string>> default_privileges_given(
    const std::vector<SqlObject>& defaults, const std::string& target_kind,
    const std::string& in_schema);

/// Does one of `defaults` (the declared default privileges) that applies to the runner's
/// objects give `privilege` (as a grant object spells it: "SELECT", "SELECT WITH GRANT
/// OPTION") to `grantee` on objects of `target_kind` (TABLE, SEQUENCE, FUNCTION, PROCEDURE,
/// SCHEMA) in schema `in_schema` ("" = the default one)? A privilege a table got from them
/// when it was created is no undeclared grant to revoke.
bool default_privileges_give(const std::vector<SqlObject>& defaults, const std::string& target_kind,
                             const std::string& in_schema, const std::string& grantee,
                             const std::string& privilege);

}  // namespace autogen::schema
