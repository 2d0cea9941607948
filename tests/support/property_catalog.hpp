// The PostgreSQL property test's own reading of the catalog (header-only, for tests only):
// what the declared default privileges and comments leave in a database, read with plain
// catalog queries and no autogen code, so the runner (property_runner.hpp) checks them
// apart from autogen's inspector: the database after a revision must read as the scratch
// database the models were created in, and after a downgrade as before the revision.
#pragma once

#include <string>

#include "codegen/sql_builder.hpp"

namespace autogen::testing::property {

/// One line per pg_default_acl entry (role, schema or "(global)", object type, its ACL
/// items sorted) and per comment on an object of a kind `[models] sql` declares: views,
/// materialized views, sequences, partitions, composite types (pg_class), routines,
/// types and domains, schemas, triggers, policies, extensions. Objects an extension made
/// are left out (their comments come with it), and so are tables, columns, indexes and
/// constraints: their comments are the models', and names the database makes up (a
/// renamed table's `_pkey`) differ between a database and a scratch one.
/// And one line per object owned by a role other than the connecting one (what it
/// creates is its own: the running role is the one owner that is no line): tables
/// (partitions too), views, materialized views, sequences, routines, schemas, composite,
/// range and enum types and domains. Left out: what follows another object's owner under
/// a name the database makes up (indexes, an identity's or serial's sequence, a table's
/// row type, a range's multirange, array types) and an extension's members.
inline constexpr const char* kCatalogLines = R"SQL(
SELECT line FROM (
  SELECT 'default privileges for ' || d.defaclrole::regrole::text || ' in ' ||
         coalesce(quote_ident(n.nspname), '(global)') || ' on '|| d.defaclobjtype::text || ': ' ||
         coalesce((SELECT string_agg(item, ', ' ORDER BY item) FROM (
             SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END ||
                    ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION'
                    ELSE '' END AS item
             FROM aclexplode(d.defaclacl) a) items), '(nothing)') AS line
  FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
  UNION ALL
  SELECT 'comment on ' || pg_describe_object(c.classoid, c.objoid, c.objsubid) || ': ' ||
         c.description
  FROM pg_description c
  WHERE c.objoid >= 16384 AND c.objsubid = 0
    AND (c.classoid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_namespace'::regclass,
                        'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_extension'::regclass)
         OR (c.classoid = 'pg_class'::regclass AND EXISTS (
               SELECT FROM pg_class r WHERE r.oid = c.objoid
               AND (r.relkind IN ('v', 'm', 'S', 'c') OR r.relispartition))))
    AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = c.classoid
                    AND e.objid = c.objoid AND e.deptype = 'e')
  UNION ALL
  SELECT 'owner of ' || pg_describe_object(o.classid, o.objid, 0) || ': ' || o.owner::regrole::text
  FROM (SELECT 'pg_class'::regclass AS classid, r.oid AS objid, r.relowner AS owner
        FROM pg_class r WHERE r.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND NOT EXISTS (SELECT FROM pg_depend a WHERE a.classid = 'pg_class'::regclass
                          AND a.objid = r.oid AND a.deptype IN ('a', 'i'))
        UNION ALL SELECT 'pg_proc'::regclass, p.oid, p.proowner FROM pg_proc p
        UNION ALL SELECT 'pg_namespace'::regclass, n.oid, n.nspowner FROM pg_namespace n
        UNION ALL SELECT 'pg_type'::regclass, t.oid, t.typowner FROM pg_type t
        WHERE t.typtype IN ('d', 'e', 'r')
           OR (t.typtype = 'c' AND EXISTS (SELECT FROM pg_class k WHERE k.oid = t.typrelid
                                           AND k.relkind = 'c'))) o
  WHERE o.objid >= 16384 AND o.owner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
    AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = o.classid
                    AND e.objid = o.objid AND e.deptype = 'e')
) lines
)SQL";

/// The privileges table `name` (of the default schema) holds, sorted ("default" while it
/// has the built-in ones): a table created after a default privilege gets its items.
inline std::string table_privileges_query(const std::string& name) {
    return "SELECT coalesce((SELECT string_agg(item, ', ' ORDER BY item) FROM (SELECT CASE WHEN "
           "a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END || ' ' || "
           "a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END "
           "AS item FROM aclexplode(c.relacl) a) items), 'default') FROM pg_class c WHERE c.oid "
           "= to_regclass(" +
           codegen::string_literal(codegen::quote_identifier(name)) + ")";
}

/// Resets every global pg_default_acl entry to the built-in default (PostgreSQL removes
/// an entry once it holds just that): a scratch database keeps them across schema drops
/// (an entry IN SCHEMA goes with its schema).
inline constexpr const char* kResetGlobalDefaultPrivileges = R"SQL(
DO $$DECLARE r record; k text; BEGIN
  FOR r IN SELECT DISTINCT d.defaclrole::regrole::text AS owner, d.defaclobjtype AS t, a.grantee
           FROM pg_default_acl d CROSS JOIN aclexplode(d.defaclacl) a
           WHERE d.defaclnamespace = 0 LOOP
    k := CASE r.t WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                  WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s REVOKE ALL ON %s FROM %s', r.owner, k,
                   CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE r.grantee::regrole::text END);
  END LOOP;
  FOR r IN SELECT d.defaclrole::regrole::text AS owner, d.defaclobjtype AS t
           FROM pg_default_acl d WHERE d.defaclnamespace = 0 LOOP
    k := CASE r.t WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                  WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s GRANT ALL ON %s TO %s', r.owner, k,
                   r.owner);
    IF r.t IN ('f', 'T') THEN
      EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s GRANT %s ON %s TO PUBLIC', r.owner,
                     CASE r.t WHEN 'f' THEN 'EXECUTE' ELSE 'USAGE' END, k);
    END IF;
  END LOOP;
END$$;
)SQL";

}  // namespace autogen::testing::property
