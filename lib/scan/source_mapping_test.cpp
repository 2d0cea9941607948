// Mapping annotation argument offsets back to file positions.
#include "scan/source_mapping.hpp"

#include <doctest/doctest.h>

namespace autogen::scan {

TEST_CASE("source_mapping: arguments on one line") {
    std::string file = "struct X {\n    AUTOGEN_COLUMN(primary_key,  uniq) int id;\n};\n";
    auto macro = file.find("AUTOGEN_COLUMN");
    auto map = map_arguments(file, macro, "primary_key, uniq");
    REQUIRE(map.size() == 18);
    CHECK(map[0].line == 2);
    CHECK(map[0].column == 20);
    CHECK(map[13].line == 2);  // "uniq" after two spaces in the source
    CHECK(map[13].column == 34);
}

TEST_CASE("source_mapping: arguments across lines, comments and strings") {
    std::string file =
        "AUTOGEN_COLUMN( /* c */ references = \"a  b\",\n"
        "               on_delete = explode) int x;\n";
    std::string args = "references = \"a  b\", on_delete = explode";
    auto map = map_arguments(file, 0, args);
    REQUIRE(map.size() == args.size() + 1);
    CHECK(map[0].column == 25);
    auto at = args.find("explode");
    CHECK(map[at].line == 2);
    CHECK(map[at].column == 28);
}

TEST_CASE("source_mapping: mismatch gives an empty map and the site falls back") {
    std::string file = "__attribute__((annotate(\"autogen:column x\"))) int x;";
    CHECK(map_arguments(file, 0, "x").empty());
    AnnotationSite site{{"f.hpp", 3, 4}, {}};
    CHECK(site.at(5).str() == "f.hpp:3:4");
}

}  // namespace autogen::scan
