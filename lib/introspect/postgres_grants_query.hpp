// The grants' branch of kObjectsQuery (postgres_queries.hpp), in a file of its own: the
// privileges granted on the relations, their columns, the functions, procedures and
// schemas of the user schemas (relacl, attacl, proacl, nspacl through aclexplode), one
// row per object and grantee: schema, target name, 'g', target kind (TABLE, SEQUENCE,
// FUNCTION, PROCEDURE, SCHEMA), column (or NULL), privileges (JSON array, each with
// " WITH GRANT OPTION" where granted so), grantee (PUBLIC for all), a routine's identity
// arguments, 4, the object's oid. The owner's default privileges (acldefault: every
// privilege for the owner, EXECUTE for PUBLIC on a function) and those the database
// started with (pg_init_privs: PUBLIC's USAGE on schema public) are left out: no
// statement of the models grants them. So is every entry of the owner itself: an owner's
// grant options are implicit, and OWNER TO folds the new owner's grants into that entry
// (and hands it on to the next owner), so it says nothing the models declare. Needs
// AUTOGEN_PG_USER_SCHEMA and AUTOGEN_PG_OWN.
#pragma once

#define AUTOGEN_PG_SAME_ACL_ENTRY(d, x)                                              \
    "(" d ".grantee, " d ".privilege_type, " d ".is_grantable) = (" x ".grantee, " x \
    ".privilege_type, " x ".is_grantable)"

#define AUTOGEN_PG_GRANTS_BRANCH \
    "UNION ALL SELECT s.nsp, s.obj, 'g', s.target, s.col, array_to_json(array_agg(DISTINCT " \
    "x.privilege_type || "      \
    "CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END))::text, CASE x.grantee WHEN 0 THEN 'PUBLIC' "   \
    "ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, s.args, 4, s.oid FROM ("                                    \
    "SELECT n.nspname AS nsp, c.relname AS obj, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS target, " \
    "NULL::text AS col, ''::text AS args, c.oid, c.relacl AS acl, pg_catalog.acldefault((CASE c.relkind WHEN 'S' "    \
    "THEN 's' ELSE 'r' END)::\"char\", c.relowner) AS dflt, 'pg_catalog.pg_class'::regclass AS cls, 0 AS sub, c.relowner AS own "                   \
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relacl IS NOT NULL "  \
    "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " AUTOGEN_PG_USER_SCHEMA("n") " AND"                         \
    AUTOGEN_PG_OWN("pg_class", "c.oid")                                                                                \
    "UNION ALL SELECT n.nspname, c.relname, 'TABLE', a.attname::text, '', c.oid, a.attacl, NULL, "                     \
    "'pg_catalog.pg_class'::regclass, a.attnum, c.relowner FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON "          \
    "c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE a.attacl IS NOT NULL AND "      \
    "a.attnum > 0 AND NOT a.attisdropped AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid") \
    "UNION ALL SELECT n.nspname, p.proname, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, NULL, "      \
    "pg_catalog.pg_get_function_identity_arguments(p.oid), p.oid, p.proacl, pg_catalog.acldefault('f', p.proowner), " \
    "'pg_catalog.pg_proc'::regclass, 0, p.proowner FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON "                   \
    "n.oid = p.pronamespace WHERE p.proacl IS NOT NULL AND p.prokind IN ('f', 'p') AND " AUTOGEN_PG_USER_SCHEMA("n")   \
    " AND" AUTOGEN_PG_OWN("pg_proc", "p.oid")                                                                          \
    "UNION ALL SELECT '', n.nspname, 'SCHEMA', NULL, '', n.oid, n.nspacl, pg_catalog.acldefault('n', n.nspowner), "    \
    "'pg_catalog.pg_namespace'::regclass, 0, n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspacl IS NOT NULL AND "            \
    AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_namespace", "n.oid")                                         \
    ") s CROSS JOIN LATERAL pg_catalog.aclexplode(s.acl) x WHERE x.grantee <> s.own AND NOT EXISTS (SELECT 1 FROM "                           \
    "pg_catalog.aclexplode(s.dflt) d WHERE " AUTOGEN_PG_SAME_ACL_ENTRY("d", "x") ") "      \
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_init_privs ip CROSS JOIN LATERAL pg_catalog.aclexplode(ip.initprivs) d " \
    "WHERE ip.objoid = s.oid AND ip.classoid = s.cls AND ip.objsubid = s.sub AND " AUTOGEN_PG_SAME_ACL_ENTRY("d", "x") ") " \
    "GROUP BY s.nsp, s.obj, s.target, s.col, s.args, s.oid, x.grantee "
