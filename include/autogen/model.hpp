// include/autogen/model.hpp — the annotations autogen's scanner reads from C++ models.
//
// Each macro becomes __attribute__((annotate("autogen:<kind> <arguments as written>")))
// where the compiler has that attribute (clang++, clangd, the libclang scan) and
// nothing elsewhere (g++), so model headers compile warning-free everywhere.
// The arguments are stringified unexpanded, so flags need no quotes:
//     AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
// The scanner parses the string with its own grammar (docs/models.md).
#pragma once

// The macro table is aligned by hand, for the users who read it.
// clang-format off

#if defined(__has_attribute)
#  if __has_attribute(annotate)
#    define AUTOGEN_DETAIL_ANNOTATE(s) __attribute__((annotate(s)))
#  endif
#endif
#ifndef AUTOGEN_DETAIL_ANNOTATE
#  define AUTOGEN_DETAIL_ANNOTATE(s) /* g++: nothing, so -Wattributes stays quiet */
#endif

/// On a struct: it is a table. `AUTOGEN_TABLE("users", schema = "app", renamed_from = "old", comment = "...")`.
#define AUTOGEN_TABLE(...)       AUTOGEN_DETAIL_ANNOTATE("autogen:table " #__VA_ARGS__)
/// On a field: column options. `AUTOGEN_COLUMN(primary_key, identity, length = 255, ...)`.
#define AUTOGEN_COLUMN(...)      AUTOGEN_DETAIL_ANNOTATE("autogen:column " #__VA_ARGS__)
/// On a table struct: `AUTOGEN_INDEX("ix_name", "col1, (lower(col2))", unique, where = "...")`.
#define AUTOGEN_INDEX(...)       AUTOGEN_DETAIL_ANNOTATE("autogen:index " #__VA_ARGS__)
/// On a table struct: `AUTOGEN_UNIQUE("uq_name", "col1, col2")`.
#define AUTOGEN_UNIQUE(...)      AUTOGEN_DETAIL_ANNOTATE("autogen:unique " #__VA_ARGS__)
/// On a table struct: `AUTOGEN_CHECK("ck_name", "SQL expression")`.
#define AUTOGEN_CHECK(...)       AUTOGEN_DETAIL_ANNOTATE("autogen:check " #__VA_ARGS__)
/// On a table struct (PostgreSQL): `AUTOGEN_EXCLUDE("ex_name", "USING gist (during WITH &&)", where = "...")`.
#define AUTOGEN_EXCLUDE(...)     AUTOGEN_DETAIL_ANNOTATE("autogen:exclude " #__VA_ARGS__)
/// On a table struct: composite primary key `AUTOGEN_PRIMARY_KEY("a, b")`.
#define AUTOGEN_PRIMARY_KEY(...) AUTOGEN_DETAIL_ANNOTATE("autogen:primary_key " #__VA_ARGS__)
/// On a table struct: `AUTOGEN_FOREIGN_KEY("fk_name", "a, b", "table(x, y)", on_delete = cascade)`.
#define AUTOGEN_FOREIGN_KEY(...) AUTOGEN_DETAIL_ANNOTATE("autogen:foreign_key " #__VA_ARGS__)
/// On an enum class: a database enum type `AUTOGEN_ENUM("order_status")`.
#define AUTOGEN_ENUM(...)        AUTOGEN_DETAIL_ANNOTATE("autogen:enum " #__VA_ARGS__)
/// On an enumerator: its label in the database `AUTOGEN_LABEL("PAID")`.
#define AUTOGEN_LABEL(...)       AUTOGEN_DETAIL_ANNOTATE("autogen:label " #__VA_ARGS__)
/// On a field: not a column.
#define AUTOGEN_TRANSIENT        AUTOGEN_DETAIL_ANNOTATE("autogen:transient")
// clang-format on
