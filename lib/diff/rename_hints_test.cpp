// Rename hints on in-memory schemas: which drop+add pairs are reported, and the phrase.
#include "diff/rename_hints.hpp"

#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/sqlite_rules.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

Column col(std::string name, std::string type, bool nullable = false) {
    return Column{.name = std::move(name), .type = {.sql = std::move(type)}, .nullable = nullable};
}

Schema users(std::vector<Column> columns, std::string name = "users") {
    Table t{.name = std::move(name), .columns = std::move(columns)};
    return Schema{{t}, {}};
}

std::vector<std::string> hints(const Schema& from, const Schema& to) {
    auto rules = diff::make_sqlite_rules();
    std::vector<std::string> out;
    for (const auto& h : diff::rename_hints(diff::diff(from, to, *rules), *rules))
        out.push_back(diff::describe(h));
    return out;
}

}  // namespace

TEST_CASE("rename hints: a dropped and an added column of the same definition") {
    Schema before = users({col("id", "INTEGER"), col("fullname", "TEXT", true)});
    Schema after = users({col("id", "INTEGER"), col("display_name", "TEXT", true)});
    CHECK(hints(before, after) ==
          std::vector<std::string>{
              "\"users\".\"fullname\" dropped and \"users\".\"display_name\" added with the same "
              "type: if it is a rename, annotate the field with AUTOGEN_COLUMN(renamed_from = "
              "\"fullname\")"});
}

TEST_CASE(
    "rename hints: none when the definitions differ, when renamed_from declares it, or for a lone "
    "drop") {
    Schema before = users({col("id", "INTEGER"), col("fullname", "TEXT", true)});
    CHECK(hints(before, users({col("id", "INTEGER"), col("display_name", "TEXT", false)}))
              .empty());  // nullability
    CHECK(hints(before, users({col("id", "INTEGER"), col("display_name", "BLOB", true)}))
              .empty());  // type
    CHECK(hints(before, users({col("id", "INTEGER")})).empty());
    Schema declared = users({col("id", "INTEGER"), col("display_name", "TEXT", true)});
    declared.tables[0].columns[1].renamed_from = "fullname";
    CHECK(hints(before, declared).empty());
}

TEST_CASE("rename hints: two drops and two adds pair one to one, in order") {
    Schema before = users({col("id", "INTEGER"), col("a", "TEXT"), col("b", "TEXT")});
    Schema after = users({col("id", "INTEGER"), col("x", "TEXT"), col("y", "TEXT")});
    auto h = hints(before, after);
    REQUIRE(h.size() == 2);
    CHECK(h[0].find("\"a\" dropped and \"users\".\"x\"") != std::string::npos);
    CHECK(h[1].find("\"b\" dropped and \"users\".\"y\"") != std::string::npos);
}

TEST_CASE("rename hints: a dropped and an added table with the same columns") {
    Schema before = users({col("id", "INTEGER"), col("email", "TEXT")});
    Schema after = users({col("id", "INTEGER"), col("email", "TEXT")}, "people");
    CHECK(hints(before, after) ==
          std::vector<std::string>{
              "table \"users\" dropped and \"people\" added with the same columns: if it is a "
              "rename, annotate the struct with AUTOGEN_TABLE(\"people\", renamed_from = "
              "\"users\")"});
    CHECK(hints(before, users({col("id", "INTEGER"), col("mail", "TEXT")}, "people")).empty());
}
