// The owners' branch of kObjectsQuery (postgres_queries.hpp), in a file of its own: the
// owner of each table, view, materialized view, standalone sequence, function, procedure,
// schema (not public: the database's), composite, range and enum type and domain of the
// user schemas whose owner is not the connecting role (docs/objects.md "Owners": what
// the role that runs the migrations creates is its own, and is no owner object). One
// row each: schema ('' for a schema), name, 'o', the kind as ALTER spells it, NULL, the
// connecting role (a JSON array of one: what an owner that goes gives the object back
// to), the owner, a routine's identity arguments, 5, the object's oid. Partitions follow
// their parent, a serial's or identity's sequence its table, an extension's members
// their extension: left out. Needs AUTOGEN_PG_USER_SCHEMA and AUTOGEN_PG_OWN.
#pragma once

#define AUTOGEN_PG_OWNERS_BRANCH \
    "UNION ALL SELECT w.nsp, w.obj, 'o', w.kind, NULL, json_build_array(current_user)::text, "              \
    "pg_catalog.pg_get_userbyid(w.owner)::text, w.args, 5, w.oid FROM ("                                      \
    "SELECT n.nspname::text AS nsp, c.relname::text AS obj, CASE c.relkind WHEN 'v' THEN 'VIEW' "              \
    "WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, ''::text AS args, " \
    "c.relowner AS owner, c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "                 \
    "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition AND "        \
    AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")                                     \
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = "                                  \
    "'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) "                        \
    "UNION ALL SELECT n.nspname, p.proname, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, "    \
    "pg_catalog.pg_get_function_identity_arguments(p.oid), p.proowner, p.oid FROM pg_catalog.pg_proc p "       \
    "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND "              \
    AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_proc", "p.oid")                                      \
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = "                                  \
    "'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i') "                                 \
    "UNION ALL SELECT '', n.nspname, 'SCHEMA', '', n.nspowner, n.oid FROM pg_catalog.pg_namespace n "          \
    "WHERE " AUTOGEN_PG_USER_SCHEMA("n") " AND n.nspname <> 'public' AND"                                      \
    AUTOGEN_PG_OWN("pg_namespace", "n.oid")                                                                    \
    "UNION ALL SELECT n.nspname, t.typname, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, '', "        \
    "t.typowner, t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "    \
    "WHERE (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM "                       \
    "pg_catalog.pg_class k WHERE k.oid = t.typrelid AND k.relkind = 'c'))) AND "                               \
    AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_type", "t.oid")                                      \
    ") w WHERE w.owner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) "
