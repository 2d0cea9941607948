// The catalog queries of the PostgreSQL inspector (ARCHITECTURE 8): one named query per
// object kind, each reading that kind for EVERY user table of the database at once, so
// the number of round trips is fixed (five) whatever the number of tables. Lists come
// back as JSON arrays (array_to_json) so that names with commas or quotes survive.
#pragma once

namespace autogen::introspect::postgres {

/// A catalog query and the name failures are reported under.
struct NamedQuery {
    const char* name;
    const char* sql;
};

// Schemas that hold user objects: not the system ones, not TOAST or temporary ones.
#define AUTOGEN_PG_USER_SCHEMA(nsp) \
    "(" nsp ".nspname NOT IN ('pg_catalog', 'information_schema') AND " nsp ".nspname !~ '^pg_(toast|temp_)')"

// Ordinary and partitioned tables of user schemas, without partitions (they follow
// their parent) and without tables an extension created.
#define AUTOGEN_PG_USER_TABLES                                                                   \
    "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
    "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " AUTOGEN_PG_USER_SCHEMA("n")          \
    " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass" \
    " AND d.objid = c.oid AND d.deptype = 'e')"

/// oid, schema, name, comment.
constexpr NamedQuery kTablesQuery{
    "tables",
    "SELECT c.oid, n.nspname, c.relname, d.description "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass "
    "AND d.objsubid = 0 "
    "WHERE c.oid IN (" AUTOGEN_PG_USER_TABLES ") ORDER BY n.nspname, c.relname"};

/// table oid, attnum, name, type (format_type), not null, default expression,
/// identity ('a', 'd' or ''), generated ('s' or ''), collation when not the type's,
/// comment, enum type name (when the type is an enum), owns a sequence (serial).
constexpr NamedQuery kColumnsQuery{
    "columns",
    "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
    "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, "
    "CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END, "
    "d.description, CASE WHEN t.typtype = 'e' THEN t.typname END, "
    "EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
    "WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass "
    "AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a') "
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
    "LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid "
    "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum "
    "WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (" AUTOGEN_PG_USER_TABLES ") "
    "ORDER BY a.attrelid, a.attnum"};

/// table oid, name, kind ('p', 'f', 'u', 'c'), columns (JSON), referenced schema,
/// referenced table, referenced columns (JSON), ON UPDATE and ON DELETE codes,
/// deferrable, initially deferred, check expression.
constexpr NamedQuery kConstraintsQuery{
    "constraints",
    "SELECT con.conrelid, con.conname, con.contype, "
    "array_to_json(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos) "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos)), "
    "rn.nspname, rc.relname, "
    "array_to_json(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos) "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)), "
    "con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred, "
    "CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END "
    "FROM pg_catalog.pg_constraint con "
    "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
    "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
    "WHERE con.contype IN ('p', 'f', 'u', 'c') AND con.conrelid IN (" AUTOGEN_PG_USER_TABLES ") "
    "ORDER BY con.conrelid, con.conname"};

/// table oid, index name, unique, access method, key items (JSON: a column name, or
/// an expression in parentheses), partial predicate, full definition (pg_get_indexdef).
/// Indexes that back a primary key, unique or exclusion constraint are left out:
/// they are reported as that constraint.
constexpr NamedQuery kIndexesQuery{
    "indexes",
    "SELECT i.indrelid, ic.relname, i.indisunique, am.amname, "
    "array_to_json(ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 "
    "THEN '(' || pg_catalog.pg_get_indexdef(i.indexrelid, k, true) || ')' "
    "ELSE (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END "
    "FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)), "
    "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), pg_catalog.pg_get_indexdef(i.indexrelid) "
    "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
    "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
    "WHERE i.indrelid IN (" AUTOGEN_PG_USER_TABLES ") AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
    "WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')) "
    "ORDER BY i.indrelid, ic.relname"};

/// schema, name, labels (JSON, in enumsortorder) of every enum type in user schemas.
constexpr NamedQuery kEnumsQuery{
    "enums",
    "SELECT n.nspname, t.typname, array_to_json(ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e "
    "WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)) "
    "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
    "WHERE t.typtype = 'e' AND " AUTOGEN_PG_USER_SCHEMA("n") " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
    "WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') "
    "ORDER BY n.nspname, t.typname"};

#undef AUTOGEN_PG_USER_TABLES
#undef AUTOGEN_PG_USER_SCHEMA

}  // namespace autogen::introspect::postgres
