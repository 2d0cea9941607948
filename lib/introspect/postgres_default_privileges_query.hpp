// The default privileges' branch of kObjectsQuery (postgres_queries.hpp), in a file of its
// own: one row per pg_default_acl entry (ALTER DEFAULT PRIVILEGES; docs/objects.md
// "Default privileges"): '', the kind of object (TABLES, SEQUENCES, FUNCTIONS, TYPES,
// SCHEMAS), 'd', the schema of an IN SCHEMA entry ('' for a global one), NULL, the items
// (JSON array, schema/default_privileges.hpp), the role whose new objects get them
// (defaclrole), the connecting role (current_user: whose new objects the entries naming it
// give their items to), 0, the entry's oid. A global entry holds the whole ACL, so it is read
// against the built-in default (acldefault: pg_default_acl stores 'S' for sequences where
// acldefault takes 's'): what it holds more is a GRANT item, what it lacks a REVOKE one
// (REVOKE GRANT OPTION FOR when the privilege stays). An IN SCHEMA entry only adds.
#pragma once

#define AUTOGEN_PG_DEFAULT_ACL_GRANTEE(x)                                        \
    "CASE " x ".grantee WHEN 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(" x \
    ".grantee)::text END"

#define AUTOGEN_PG_DEFAULT_PRIVILEGES_BRANCH \
    "UNION ALL SELECT '', CASE da.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' "     \
    "WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END, 'd', "                        \
    "coalesce(dn.nspname::text, ''), NULL, coalesce((SELECT json_agg(i.item ORDER BY i.grantee, "      \
    "i.verb, i.item) FROM (SELECT 'GRANT ' || x.privilege_type || CASE WHEN x.is_grantable THEN "      \
    "' WITH GRANT OPTION' ELSE '' END || ' TO ' || " AUTOGEN_PG_DEFAULT_ACL_GRANTEE("x") " AS item, "  \
    AUTOGEN_PG_DEFAULT_ACL_GRANTEE("x") " AS grantee, 0 AS verb "                                      \
    "FROM pg_catalog.aclexplode(da.defaclacl) x WHERE NOT EXISTS (SELECT 1 FROM "                      \
    "pg_catalog.aclexplode(dd.acl) d WHERE d.grantee = x.grantee AND d.privilege_type = "             \
    "x.privilege_type AND (d.is_grantable OR NOT x.is_grantable)) "                                    \
    "UNION ALL SELECT 'REVOKE ' || CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.aclexplode(da.defaclacl) x " \
    "WHERE x.grantee = d.grantee AND x.privilege_type = d.privilege_type) THEN 'GRANT OPTION FOR ' "   \
    "ELSE '' END || d.privilege_type || ' FROM ' || " AUTOGEN_PG_DEFAULT_ACL_GRANTEE("d") ", "         \
    AUTOGEN_PG_DEFAULT_ACL_GRANTEE("d") ", 1 FROM pg_catalog.aclexplode(dd.acl) d WHERE NOT EXISTS "   \
    "(SELECT 1 FROM pg_catalog.aclexplode(da.defaclacl) x WHERE x.grantee = d.grantee AND "           \
    "x.privilege_type = d.privilege_type AND (x.is_grantable OR NOT d.is_grantable))) i), "           \
    "'[]')::text, pg_catalog.pg_get_userbyid(da.defaclrole)::text, current_user::text, 0, da.oid "     \
    "FROM pg_catalog.pg_default_acl da LEFT JOIN pg_catalog.pg_namespace dn ON dn.oid = "              \
    "da.defaclnamespace CROSS JOIN LATERAL (SELECT CASE WHEN da.defaclnamespace = 0 THEN "             \
    "pg_catalog.acldefault((CASE da.defaclobjtype WHEN 'S' THEN 's' ELSE da.defaclobjtype END)::\"char\", " \
    "da.defaclrole) END) dd(acl) "
