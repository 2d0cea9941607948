// The catalog queries of the PostgreSQL inspector (ARCHITECTURE 8): one named query per
// object kind, each reading that kind for EVERY user table of the database at once, so
// the number of round trips is fixed (five) whatever the number of tables. Lists come
// back as JSON arrays (array_to_json) so that names with commas or quotes survive.
//
// Written for speed on large databases (bench/pg_introspect.sh; docs/performance.md):
// - each query joins pg_class/pg_namespace by hash and filters on the namespace, never
//   `IN (a list of table oids)`, and has no ORDER BY over wide rows (the inspector
//   sorts; only the narrow tables query is ordered);
// - which tables are reported is decided once, by the tables query (partitions and
//   extension-owned tables left out); the other queries read every table of the user
//   schemas and the inspector drops the rows of tables it did not keep. The columns
//   query thereby also reads the tables keys can point at (a partition, an excluded
//   table), which lets key columns come back as attribute numbers (conkey, confkey,
//   indkey) that the inspector names from the columns query's rows, instead of one
//   pg_attribute subquery per key;
// - deparsing functions only where nothing else says it: a column default is deparsed
//   without its relation (pg_get_expr(adbin, 0): a DEFAULT cannot refer to a column, and
//   naming the relation makes PostgreSQL open it, which on a new session builds its
//   relation cache entry: ~70 us per table); checks, index expressions and partial
//   predicates do refer to columns, so they are deparsed with their table.
// The inspector also switches JIT compilation off around these queries: their cost
// estimates on thousands of tables pass jit_above_cost, and compiling took ~1 s of the
// 1.2 s a 1,000-table database needed.
#pragma once

#include "introspect/postgres_default_privileges_query.hpp"
#include "introspect/postgres_grants_query.hpp"
#include "introspect/postgres_owners_query.hpp"

namespace autogen::introspect::postgres {

/// A catalog query and the name failures are reported under.
struct NamedQuery {
    const char* name;
    const char* sql;
};

// Schemas that hold user objects: not the system ones, not TOAST or temporary ones.
#define AUTOGEN_PG_USER_SCHEMA(nsp)                                         \
    "(" nsp ".nspname NOT IN ('pg_catalog', 'information_schema') AND " nsp \
    ".nspname !~ '^pg_(toast|temp_)')"

// FROM/WHERE fragments: `c` ranges over the ordinary and partitioned tables (partitions
// included) of user schemas, `n` is its schema.
#define AUTOGEN_PG_USER_RELATION(on)             \
    " JOIN pg_catalog.pg_class c ON c.oid = " on \
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
#define AUTOGEN_PG_USER_RELATION_FILTER " c.relkind IN ('r', 'p') AND " AUTOGEN_PG_USER_SCHEMA("n")

/// oid, schema, name, comment, UNLOGGED ('t' or 'f'), storage parameters (a JSON array
/// of "name=value", or NULL), ROW LEVEL SECURITY and FORCE ROW LEVEL SECURITY ('t' or 'f'),
/// PARTITION BY (pg_get_partkeydef: "RANGE (created_at)", NULL when not partitioned)
/// of the tables to report: ordinary and partitioned tables
/// of user schemas, without partitions (they follow their parent) and without tables
/// an extension created. In schema, name order.
constexpr NamedQuery kTablesQuery{
    "tables",
    "SELECT c.oid, n.nspname, c.relname, d.description, c.relpersistence = 'u', "
    "array_to_json(c.reloptions), c.relrowsecurity, c.relforcerowsecurity, "
    "pg_catalog.pg_get_partkeydef(c.oid) "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = "
    "'pg_catalog.pg_class'::regclass "
    "AND d.objsubid = 0 "
    "WHERE" AUTOGEN_PG_USER_RELATION_FILTER
    " AND NOT c.relispartition "
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = "
    "'pg_catalog.pg_class'::regclass "
    "AND e.objid = c.oid AND e.deptype = 'e') "
    "ORDER BY n.nspname, c.relname"};

/// table oid, attnum, name, type (format_type), not null, default expression (not for
/// generated columns), identity ('a', 'd' or ''), generated ('s' or ''), collation when
/// not the type's, comment, enum type name (when the type is an enum), owns a sequence
/// (serial), the generation expression of a generated column (deparsed with its table:
/// it names columns; only generated columns pay for opening the relation). Every table
/// of the user schemas, partitions included; in no order.
constexpr NamedQuery kColumnsQuery{
    "columns",
    "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
    "CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END, a.attidentity, a.attgenerated, "
    "co.collname, d.description, CASE WHEN t.typtype = 'e' THEN t.typname END, ser.refobjid IS NOT NULL, "
    "CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END, "
    "idn.seqstart, idn.seqincrement, idn.seqmin, idn.seqmax, idn.seqcache, idn.seqcycle "
    "FROM pg_catalog.pg_attribute a" AUTOGEN_PG_USER_RELATION("a.attrelid")
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation "
    "LEFT JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass "
    "AND d.objoid = a.attrelid AND d.objsubid = a.attnum "
    // Columns owning a sequence (serial): one pass over the sequences' dependencies.
    "LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid FROM pg_catalog.pg_class s "
    "JOIN pg_catalog.pg_depend dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = s.oid "
    "WHERE s.relkind = 'S' AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'a') ser "
    "ON ser.refobjid = a.attrelid AND ser.refobjsubid = a.attnum "
    // An identity column's sequence options: the sequence depends on it internally ('i').
    "LEFT JOIN (SELECT dep.refobjid, dep.refobjsubid, sq.seqstart, sq.seqincrement, sq.seqmin, "
    "sq.seqmax, sq.seqcache, sq.seqcycle FROM pg_catalog.pg_sequence sq "
    "JOIN pg_catalog.pg_depend dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = sq.seqrelid "
    "WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i') idn "
    "ON idn.refobjid = a.attrelid AND idn.refobjsubid = a.attnum "
    "WHERE" AUTOGEN_PG_USER_RELATION_FILTER " AND a.attnum > 0 AND NOT a.attisdropped"};

/// table oid, name, kind ('p', 'f', 'u', 'c'), column numbers (int2[] text, key order),
/// referenced schema, referenced table, referenced table oid, referenced column numbers,
/// ON UPDATE and ON DELETE codes, deferrable, initially deferred, check expression,
/// NO INHERIT, validated, match type ('f' FULL, 's' SIMPLE), an exclusion constraint's
/// definition, comment (COMMENT ON CONSTRAINT). In no order.
constexpr NamedQuery kConstraintsQuery{
    "constraints",
    "SELECT con.conrelid, con.conname, con.contype, con.conkey, rn.nspname, rc.relname, con.confrelid, "
    "con.confkey, con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred, "
    "CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END, "
    "con.connoinherit, con.convalidated, con.confmatchtype, "
    "CASE WHEN con.contype = 'x' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END, "
    "pg_catalog.obj_description(con.oid, 'pg_constraint') "
    "FROM pg_catalog.pg_constraint con" AUTOGEN_PG_USER_RELATION("con.conrelid")
    "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
    "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
    // conparentid <> 0: a clone PostgreSQL keeps per partition of a referenced
    // partitioned table (or of a partitioned table's constraint), not the user's own.
    "WHERE con.contype IN ('p', 'f', 'u', 'c', 'x') AND con.conparentid = 0 AND" AUTOGEN_PG_USER_RELATION_FILTER};

/// table oid, index name, unique, number of key columns, column numbers (int2vector
/// text: 0 for an expression; the key columns, then the INCLUDE ones), the expression
/// keys (JSON, in key order; NULL when there are none), partial predicate, access method,
/// the keys' options (JSON, one [indoption, collation, operator class] per key, the
/// collation only where it is not the key's own, the class only where it is not the
/// default; NULL when no key has any), NULLS NOT DISTINCT (read through to_jsonb, so
/// servers before 15, which lack the column, answer NULL), storage parameters (JSON,
/// "name=value"; NULL when none), comment (COMMENT ON INDEX). Indexes that back a primary key,
/// unique or exclusion constraint are left out: they are reported as that constraint. In no order.
constexpr NamedQuery kIndexesQuery{
    "indexes",
    "SELECT i.indrelid, ic.relname, i.indisunique, i.indnkeyatts, i.indkey, "
    "CASE WHEN i.indexprs IS NOT NULL THEN array_to_json(ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, "
    "k.pos::int, true) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, pos) "
    "WHERE k.num = 0 AND k.pos <= i.indnkeyatts ORDER BY k.pos)) END, "
    "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), am.amname, "
    // The keys' options come from one pass over every index key (the join `o` below),
    // present only for an index with a key that is not plain.
    "o.options, "
    // NULLS NOT DISTINCT (PostgreSQL 15) through to_jsonb, so older servers read too;
    // only unique indexes can have it, and the row's JSON is costly (its node trees).
    "CASE WHEN i.indisunique THEN pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct' END, "
    "array_to_json(ic.reloptions), pg_catalog.obj_description(i.indexrelid, 'pg_class') "
    "FROM pg_catalog.pg_index i" AUTOGEN_PG_USER_RELATION("i.indrelid")
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
    "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
    // Per key: [indoption, its collation's name when it is not the key's own (the
    // column's, for an expression key its type's), its operator class's name when it is
    // not the type's default]. Joined by hash in one pass: as a subquery per index it was
    // most of the query (10,000 tables: 1 s of 1.6).
    "LEFT JOIN (SELECT k.indexrelid, array_to_json(array_agg(json_build_array(k.opt, k.collname, "
    "k.opcname) ORDER BY k.pos)) AS options FROM (SELECT u.indexrelid, u.pos, u.opt, "
    "CASE WHEN u.coll <> 0 AND u.coll IS DISTINCT FROM (CASE WHEN u.num <> 0 THEN ta.attcollation "
    "ELSE ty.typcollation END) THEN co.collname END AS collname, "
    "CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opcname "
    "FROM (SELECT x.indexrelid, x.indrelid, kk.num, kk.opt, kk.coll, kk.cls, kk.pos "
    "FROM pg_catalog.pg_index x, unnest(x.indkey::int2[], x.indoption::int2[], "
    "x.indcollation::oid[], x.indclass::oid[]) WITH ORDINALITY kk(num, opt, coll, cls, pos) "
    "WHERE kk.pos <= x.indnkeyatts) u "
    "LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = u.indrelid AND ta.attnum = u.num "
    "AND u.num <> 0 AND u.coll <> 0 "
    "LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = u.indexrelid AND ia.attnum = u.pos "
    "AND u.num = 0 AND u.coll <> 0 "
    "LEFT JOIN pg_catalog.pg_type ty ON ty.oid = ia.atttypid "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = u.coll "
    "LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = u.cls) k GROUP BY k.indexrelid "
    "HAVING bool_or(k.opt <> 0 OR k.collname IS NOT NULL OR k.opcname IS NOT NULL)) o "
    "ON o.indexrelid = i.indexrelid "
    "WHERE" AUTOGEN_PG_USER_RELATION_FILTER " AND i.indexrelid NOT IN (SELECT con.conindid "
    "FROM pg_catalog.pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))"};

/// schema, name, labels (JSON, in enumsortorder), comment (COMMENT ON TYPE) of every enum
/// type in user schemas.
constexpr NamedQuery kEnumsQuery{
    "enums",
    "SELECT n.nspname, t.typname, array_to_json(ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e "
    "WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)), pg_catalog.obj_description(t.oid, 'pg_type') "
    "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
    "WHERE t.typtype = 'e' AND " AUTOGEN_PG_USER_SCHEMA("n") " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
    "WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') "
    "ORDER BY n.nspname, t.typname"};

// `NOT` an extension's member: objects CREATE EXTENSION made are the extension's, listed
// once as the extension itself.
#define AUTOGEN_PG_OWN(catalog, oid)                                                           \
    " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog." catalog \
    "'::regclass AND e.objid = " oid " AND e.deptype = 'e') "

/// The objects declared in SQL (docs/objects.md) of the user schemas that no extension
/// made, in creation order: the schemas but public, functions and procedures (oid
/// order), views and materialized views (oid: a view is created after those it reads),
/// triggers, policies; standalone sequences with the schemas. Columns: schema (a trigger's
/// or policy's table's; '' for a schema), name, kind ('s' schema, 'S' sequence (its facts in
/// the JSON array), 'f' function, 'p' procedure, 'v' view, 'm' materialized view, 't'
/// trigger, 'y' policy, 'g' grant, 'C' composite type, 'R' range type, 'd' default
/// privileges), the definition as
/// PostgreSQL deparses it (pg_get_functiondef, pg_get_viewdef pretty, pg_get_triggerdef pretty), a
/// view's options (reloptions as text, or NULL; a type's body, "(a integer, ...)" or "RANGE
/// (SUBTYPE =
/// ...)"), a JSON array (a view's result columns "name type"; a routine's [arguments,
/// result]; a policy's facts; a composite type's attributes "name type [COLLATE c]"), a trigger's
/// or policy's table, a routine's identity arguments, the rank that orders the kinds, the
/// oid, the comment (obj_description; NULL for none), a view's column comments (JSON), a
/// view's or policy's calls of user routines (JSON, schema/view_calls.hpp).
constexpr NamedQuery kObjectsQuery{
    "declared objects",
    // The comment (obj_description in the catalog of the row's kind; none for a grant, a
    // default privilege or an owner), then a view's column comments as a JSON object, name -> comment.
    "SELECT q.*, pg_catalog.obj_description(q.oid, CASE q.code WHEN 's' THEN 'pg_namespace' "
    "WHEN 'C' THEN 'pg_type' WHEN 'R' THEN 'pg_type' WHEN 'f' THEN 'pg_proc' WHEN 'p' THEN 'pg_proc' "
    "WHEN 't' THEN 'pg_trigger' WHEN 'y' THEN 'pg_policy' WHEN 'g' THEN NULL WHEN 'd' THEN NULL "
    "WHEN 'o' THEN NULL "
    "ELSE 'pg_class' END), CASE WHEN q.code IN ('v', 'm') THEN (SELECT "
    "pg_catalog.json_object_agg(a.attname, d.description ORDER BY a.attnum) "
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid "
    "AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum "
    "WHERE a.attrelid = q.oid AND a.attnum > 0 AND NOT a.attisdropped)::text END, "
    // A view's or policy's calls as pg_depend records them (the overload each resolved
    // to; a view's through its rewrite rule), as a JSON array of [schema, name, identity
    // arguments], the built-in functions left out.
    "CASE WHEN q.code IN ('v', 'm', 'y') THEN (SELECT coalesce(pg_catalog.json_agg("
    "pg_catalog.json_build_array(pn.nspname, p.proname, "
    "pg_catalog.pg_get_function_identity_arguments(p.oid)) ORDER BY p.oid), '[]') "
    "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace "
    "WHERE " AUTOGEN_PG_USER_SCHEMA("pn") " AND p.oid IN (SELECT dp.refobjid "
    "FROM pg_catalog.pg_depend dp WHERE dp.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
    "AND CASE WHEN q.code = 'y' THEN dp.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass "
    "AND dp.objid = q.oid ELSE dp.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND "
    "dp.objid IN (SELECT rw.oid FROM pg_catalog.pg_rewrite rw WHERE rw.ev_class = q.oid) END))::text "
    "END "
    "FROM (SELECT '', n.nspname, 's' AS code, '', NULL, '[]', '', '', 0 AS rank, n.oid FROM pg_catalog.pg_namespace n "
    "WHERE " AUTOGEN_PG_USER_SCHEMA("n") " AND n.nspname <> 'public' AND" AUTOGEN_PG_OWN("pg_namespace", "n.oid")
    // Standalone sequences: not a serial's or an identity's (pg_depend 'a' / 'i'), which are
    // their column's. Their facts as schema/sequence.hpp keeps them.
    "UNION ALL SELECT n.nspname, c.relname, 'S', NULL, NULL, json_build_array("
    "'type ' || pg_catalog.format_type(sq.seqtypid, NULL), 'increment ' || sq.seqincrement, "
    "'minvalue ' || sq.seqmin, 'maxvalue ' || sq.seqmax, 'start ' || sq.seqstart, "
    "'cache ' || sq.seqcache, 'cycle ' || sq.seqcycle)::text, '', '', 0, c.oid "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = c.oid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind = 'S' AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = "
    "'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) "
    // Composite types (a pg_class row of relkind 'c'; a table's or view's row type is not
    // one) and range types (their multirange type and constructor functions are theirs).
    "UNION ALL SELECT n.nspname, t.typname, 'C', NULL, '(' || coalesce(string_agg(x.attr, ', ' "
    "ORDER BY x.attnum), '') || ')', coalesce(json_agg(x.attr ORDER BY x.attnum), '[]')::text, '', '', 0, t.oid "
    "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
    "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
    "LEFT JOIN LATERAL (SELECT a.attnum, pg_catalog.quote_ident(a.attname) || ' ' || "
    "pg_catalog.format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attcollation <> 0 AND "
    "a.attcollation <> at.typcollation THEN ' COLLATE ' || pg_catalog.quote_ident(co.collname) ELSE '' END "
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
    "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) x(attnum, attr) ON true "
    "WHERE " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_type", "t.oid")
    "GROUP BY n.nspname, t.typname, t.oid "
    "UNION ALL SELECT n.nspname, t.typname, 'R', NULL, 'RANGE (SUBTYPE = ' || "
    "pg_catalog.format_type(rg.rngsubtype, NULL) || CASE WHEN opc.opcdefault THEN '' ELSE "
    "', SUBTYPE_OPCLASS = ' || pg_catalog.quote_ident(opc.opcname) END || CASE WHEN rg.rngcollation <> 0 "
    "AND rg.rngcollation <> st.typcollation THEN ', COLLATION = ' || pg_catalog.quote_ident(co.collname) "
    "ELSE '' END || CASE WHEN rg.rngcanonical::oid <> 0 THEN ', CANONICAL = ' || rg.rngcanonical::text "
    "ELSE '' END || CASE WHEN rg.rngsubdiff::oid <> 0 THEN ', SUBTYPE_DIFF = ' || rg.rngsubdiff::text "
    "ELSE '' END || coalesce(', MULTIRANGE_TYPE_NAME = ' || "
    "((pg_catalog.to_jsonb(rg) ->> 'rngmultitypid')::oid)::regtype::text, '') || ')', '[]', '', '', 0, t.oid "
    "FROM pg_catalog.pg_range rg JOIN pg_catalog.pg_type t ON t.oid = rg.rngtypid "
    "JOIN pg_catalog.pg_type st ON st.oid = rg.rngsubtype "
    "JOIN pg_catalog.pg_opclass opc ON opc.oid = rg.rngsubopc "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = rg.rngcollation "
    "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
    "WHERE " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_type", "t.oid")
    "UNION ALL SELECT n.nspname, p.proname, CASE p.prokind WHEN 'p' THEN 'p' ELSE 'f' END, "
    "pg_catalog.pg_get_functiondef(p.oid), NULL, json_build_array("
    "pg_catalog.pg_get_function_arguments(p.oid), coalesce(pg_catalog.pg_get_function_result(p.oid), "
    "''))::text, '', pg_catalog.pg_get_function_identity_arguments(p.oid), 1, p.oid "
    "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('f', 'p') AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_proc", "p.oid")
    // Not a range type's constructors (pg_depend 'i'): the type's, created with it.
    "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = "
    "'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i') "
    "UNION ALL SELECT n.nspname, c.relname, c.relkind::text, pg_catalog.pg_get_viewdef(c.oid, true), "
    "c.reloptions::text, array_to_json(ARRAY(SELECT pg_catalog.quote_ident(a.attname) || ' ' || "
    "pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a "
    "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum))::text, '', '', 2, c.oid "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('v', 'm') AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    "UNION ALL SELECT n.nspname, tg.tgname, 't', pg_catalog.pg_get_triggerdef(tg.oid, true), NULL, '[]', "
    "c.relname, '', 3, tg.oid FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal AND "
    AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    // Partitions (docs/objects.md "Partitions"): the bound (with a sub-partitioned one's own
    // PARTITION BY) is the definition; the parent's name is the table. Rank 2, in oid order
    // with the views: a partition after the partition it is one of.
    "UNION ALL SELECT n.nspname, c.relname, 'r', pg_catalog.pg_get_expr(c.relpartbound, c.oid) "
    "|| coalesce(' PARTITION BY ' || pg_catalog.pg_get_partkeydef(c.oid), ''), NULL, '[]', "
    "pa.relname, '', 2, c.oid FROM pg_catalog.pg_class c "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_catalog.pg_inherits inh ON inh.inhrelid = c.oid "
    "JOIN pg_catalog.pg_class pa ON pa.oid = inh.inhparent "
    "WHERE c.relispartition AND c.relkind IN ('r', 'p') AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    AUTOGEN_PG_GRANTS_BRANCH
    AUTOGEN_PG_DEFAULT_PRIVILEGES_BRANCH
    AUTOGEN_PG_OWNERS_BRANCH
    // Policies: the CREATE POLICY the catalog rebuilds (every clause written, roles sorted,
    // expressions deparsed) is both statement and definition; the facts (policy.hpp) are
    // command, PERMISSIVE / RESTRICTIVE, roles, USING, WITH CHECK.
    "UNION ALL SELECT n.nspname, pol.polname, 'y', 'CREATE POLICY ' || pg_catalog.quote_ident(pol.polname) "
    "|| ' ON ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) "
    "|| ' AS ' || x.perm || ' FOR ' || x.cmd || ' TO ' || x.roles "
    "|| coalesce(' USING (' || x.qual || ')', '') || coalesce(' WITH CHECK (' || x.chk || ')', ''), NULL, "
    "json_build_array(x.cmd, x.perm, x.roles, coalesce(x.qual, ''), coalesce(x.chk, ''))::text, "
    "c.relname, '', 4, pol.oid FROM pg_catalog.pg_policy pol "
    "JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "CROSS JOIN LATERAL (SELECT CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' "
    "WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END, "
    "CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END, "
    "(SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM (SELECT CASE WHEN u.id = 0 THEN 'PUBLIC' "
    "ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(u.id)) END FROM unnest(pol.polroles) u(id)) r(name)), "
    "pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid)) "
    "x(cmd, perm, roles, qual, chk) "
    "WHERE " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    ") q ORDER BY rank, oid, 7, 5"};

/// name, schema, installed version, comment, the comment its control file gives it (what
/// CREATE EXTENSION sets; NULL for none) of every extension but plpgsql (which every
/// database has), in creation order. Their member objects (pg_depend deptype 'e': types,
/// functions, tables, views) are left out of every other query: they are the extension's.
constexpr NamedQuery kExtensionsQuery{
    "extensions",
    "SELECT x.extname, n.nspname, x.extversion, pg_catalog.obj_description(x.oid, 'pg_extension'), "
    "(SELECT a.comment FROM pg_catalog.pg_available_extensions a WHERE a.name = x.extname) "
    "FROM pg_catalog.pg_extension x "
    "JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql' "
    "ORDER BY x.oid"};

/// schema, name, base type (format_type), NOT NULL, default (deparsed), collation (its
/// name, when not the base type's own), check names and their definitions
/// (pg_get_constraintdef) as two JSON arrays in name order, the comment: the domains of the user
/// schemas that no extension made, in creation order (a domain over a domain comes
/// after it).
constexpr NamedQuery kDomainsQuery{
    "domains",
    "SELECT n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod), "
    "t.typnotnull, "
    "pg_catalog.pg_get_expr(t.typdefaultbin, 0), co.collname, "
    "array_to_json(ARRAY(SELECT k.conname::text FROM pg_catalog.pg_constraint k "
    "WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)), "
    "array_to_json(ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM "
    "pg_catalog.pg_constraint k "
    "WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)), "
    "pg_catalog.obj_description(t.oid, 'pg_type') "
    "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
    "JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype "
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation AND t.typcollation <> "
    "b.typcollation "
    "WHERE t.typtype = 'd' AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN(
        "pg_type", "t.oid") "ORDER BY t.oid"};

/// kind, schema, name, table (or ''): every object of the user schemas the schema model
/// cannot hold (Inspector::unmodelled_objects), for `autogen pull` to list. Objects on a
/// table are read for the tables kTablesQuery reports (user schemas, not partitions,
/// not an extension's); the caller drops those of excluded tables. One round trip; run
/// only by pull, so clarity wins over speed here. In no order.
constexpr NamedQuery kUnmodelledQuery{
    "objects the models cannot hold",
    "WITH tbl AS (SELECT c.oid, c.relname, n.nspname, c.relkind, c.relpersistence, c.reloptions "
    "FROM pg_catalog.pg_class c "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE" AUTOGEN_PG_USER_RELATION_FILTER " AND NOT c.relispartition AND" AUTOGEN_PG_OWN("pg_class", "c.oid") ") "
    // Relations that are not tables, views, materialized views or sequences (read by
    // kObjectsQuery, declared in SQL): foreign tables.
    "SELECT 'foreign table', n.nspname, c.relname, '' "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind = 'f' AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_class", "c.oid")
    // Table properties the models have no field for.
    "UNION ALL SELECT x.k, t.nspname, t.relname, t.relname FROM tbl t CROSS JOIN LATERAL (VALUES "
    "('inheritance', t.relkind = 'r' AND EXISTS (SELECT 1 FROM "
    "pg_catalog.pg_inherits i WHERE i.inhrelid = t.oid))) x(k, present) WHERE x.present "
    // Constraints the models cannot state (or not in that state).
    "UNION ALL SELECT 'NOT VALID foreign key', t.nspname, con.conname, t.relname "
    "FROM pg_catalog.pg_constraint con JOIN tbl t ON t.oid = con.conrelid WHERE con.conparentid = 0 AND "
    "con.contype = 'f' AND NOT con.convalidated "
    "UNION ALL SELECT 'rule', t.nspname, r.rulename, t.relname FROM pg_catalog.pg_rewrite r "
    "JOIN tbl t ON t.oid = r.ev_class WHERE r.rulename <> '_RETURN' "
    "UNION ALL SELECT 'statistics object', t.nspname, st.stxname, t.relname FROM pg_catalog.pg_statistic_ext st "
    "JOIN tbl t ON t.oid = st.stxrelid "
    // Schema-level objects: aggregates, collations, text search configurations (composite
    // and range types are read by kObjectsQuery, declared in SQL).
    "UNION ALL SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END, n.nspname, "
    "p.proname || '(' || coalesce((SELECT string_agg(pg_catalog.format_type(a.t, NULL), ', ' ORDER BY a.i) "
    "FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, i)), '') || ')', '' "
    "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('a', 'w') AND " AUTOGEN_PG_USER_SCHEMA("n") " AND" AUTOGEN_PG_OWN("pg_proc", "p.oid")
    "UNION ALL SELECT 'collation', n.nspname, co.collname, '' FROM pg_catalog.pg_collation co "
    "JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace WHERE " AUTOGEN_PG_USER_SCHEMA("n")
    " AND" AUTOGEN_PG_OWN("pg_collation", "co.oid")
    "UNION ALL SELECT 'text search configuration', n.nspname, ts.cfgname, '' FROM pg_catalog.pg_ts_config ts "
    "JOIN pg_catalog.pg_namespace n ON n.oid = ts.cfgnamespace WHERE " AUTOGEN_PG_USER_SCHEMA("n")
    " AND" AUTOGEN_PG_OWN("pg_ts_config", "ts.oid")
    // Database-wide: event triggers. Extensions are read by kExtensionsQuery, schemas
    // (declared in SQL too) by kObjectsQuery.
    "UNION ALL SELECT 'event trigger', '', ev.evtname, '' FROM pg_catalog.pg_event_trigger ev "};

/// Switches JIT compilation off for the session and returns the setting it had (NULL
/// where the server has no such setting), for kRestoreJit.
constexpr const char* kJitOffSql =
    "SELECT pg_catalog.current_setting('jit', true), "
    "CASE WHEN pg_catalog.current_setting('jit', true) IS NOT NULL THEN "
    "pg_catalog.set_config('jit', 'off', false) END";
/// Puts the setting kJitOffSql returned back ($1).
constexpr const char* kRestoreJitSql = "SELECT pg_catalog.set_config('jit', $1, false)";

/// A text that changes whenever anything the inspector reads may have changed, so that
/// a schema read earlier can stand for reading again (pipeline/live_cache.hpp): per
/// catalog the queries above read, or that the deparsed expressions name (functions,
/// operators), its row count and the sum of a 64-bit hash of each row's xmin. Every
/// insert, update or delete of a catalog row writes a row version with the new
/// transaction's id, so the sum moves (a collision needs 64-bit hashes to cancel out);
/// pg_index's flags, which CREATE INDEX CONCURRENTLY sets in place (no new row version),
/// are summed besides. Also the session settings deparsing depends on (search_path,
/// quote_all_identifiers), the server version, the database and the user. One scan of
/// each catalog: ~150 ms at 10,000 tables, against ~2.4 s for the queries above.
/// schema, name, estimated rows (reltuples: -1 never counted), bytes on disk with
/// indexes and TOAST, of every user table. From statistics and file sizes: no table is read.
constexpr NamedQuery kTableSizesQuery{
    "table sizes",
    "SELECT n.nspname, c.relname, c.reltuples::bigint, pg_catalog.pg_total_relation_size(c.oid) "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE" AUTOGEN_PG_USER_RELATION_FILTER};

// A catalog's row count and the sum of its rows' xmin hashes.
#define AUTOGEN_PG_ROWS_DIGEST(catalog)                                                        \
    "(SELECT count(*) || '.' || coalesce(sum(pg_catalog.hashint8extended(xmin::text::bigint, " \
    "0)), "                                                                                    \
    "0) FROM pg_catalog." catalog ")"
constexpr NamedQuery kFingerprintQuery{
    "fingerprint",
    "SELECT concat_ws(' ', pg_catalog.current_setting('server_version_num'), "
    "pg_catalog.current_database(), (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = "
    "pg_catalog.current_database()), current_user, pg_catalog.current_setting('search_path'), "
    "pg_catalog.current_setting('quote_all_identifiers'), "
    AUTOGEN_PG_ROWS_DIGEST("pg_class") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_namespace") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_attribute") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_attrdef") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_type") ", "  /* enums, domains (ALTER DOMAIN SET DEFAULT ...) */
    AUTOGEN_PG_ROWS_DIGEST("pg_collation") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_description") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_depend") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_constraint") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_am") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_opclass") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_enum") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_inherits") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_proc") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_operator") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_extension") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_sequence") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_rewrite") ", "  /* a view's query (CREATE OR REPLACE VIEW) */
    AUTOGEN_PG_ROWS_DIGEST("pg_trigger") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_policy") ", "
    AUTOGEN_PG_ROWS_DIGEST("pg_default_acl") ", "  /* ALTER DEFAULT PRIVILEGES */
    "(SELECT count(*) || '.' || coalesce(sum(pg_catalog.hashint8extended(xmin::text::bigint, 0)), 0) "
    "|| '.' || sum(i.indisvalid::int) || '.' || sum(i.indisready::int) || '.' || sum(i.indislive::int) "
    "FROM pg_catalog.pg_index i))"};

#undef AUTOGEN_PG_ROWS_DIGEST
#undef AUTOGEN_PG_GRANTS_BRANCH
#undef AUTOGEN_PG_DEFAULT_PRIVILEGES_BRANCH
#undef AUTOGEN_PG_DEFAULT_ACL_GRANTEE
#undef AUTOGEN_PG_SAME_ACL_ENTRY
#undef AUTOGEN_PG_OWN
#undef AUTOGEN_PG_USER_RELATION_FILTER
#undef AUTOGEN_PG_USER_RELATION
#undef AUTOGEN_PG_USER_SCHEMA

}  // namespace autogen::introspect::postgres
