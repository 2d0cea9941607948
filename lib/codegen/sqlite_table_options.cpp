// SQLite's table options in schema::Table::dialect_options (sqlite_table_options.hpp).
#include "codegen/sqlite_table_options.hpp"

namespace autogen::codegen::sqlite {

namespace {

// The keys SQLite owns in Table::dialect_options; a flag's value is "1".
constexpr const char* kWithoutRowid = "sqlite.without_rowid";
constexpr const char* kStrict = "sqlite.strict";
constexpr const char* kAutoincrement = "sqlite.autoincrement";

bool flag(const schema::Table& table, const char* key) {
    return table.dialect_options.count(key) != 0;
}

void set_flag(schema::Table& table, const char* key, bool on) {
    if (on)
        table.dialect_options.emplace(key, "1");  // a flag: present or not
    else
        table.dialect_options.erase(key);
}

}  // namespace

TableOptions table_options(const schema::Table& table) {
    return {.without_rowid = flag(table, kWithoutRowid),
            .strict = flag(table, kStrict),
            .autoincrement = flag(table, kAutoincrement)};
}

void set_table_options(schema::Table& table, const TableOptions& options) {
    set_flag(table, kWithoutRowid, options.without_rowid);
    set_flag(table, kStrict, options.strict);
    set_flag(table, kAutoincrement, options.autoincrement);
}

}  // namespace autogen::codegen::sqlite
