// [models] naming written into autogen.toml: everything else in the file stays as it was.
#include "support/naming_toml.hpp"

#include <doctest/doctest.h>

using namespace autogen::support;

namespace {

NamingConvention sqlalchemy() {
    NamingConvention n;
    n.patterns[NameKind::PrimaryKey] = "pk_%(table)s";
    n.patterns[NameKind::Unique] = "uq_%(table)s_%(column_0_name)s";
    return n;
}

std::string edit(std::string_view text, const NamingConvention& n = sqlalchemy()) {
    std::string why;
    auto out = with_naming(text, n, why);
    INFO(why);
    REQUIRE(out);
    return *out;
}

}  // namespace

TEST_CASE("naming toml: the inline table") {
    CHECK(naming_inline_table(sqlalchemy()) ==
          R"({ pk = "pk_%(table)s", uq = "uq_%(table)s_%(column_0_name)s" })");
    CHECK(naming_inline_table({}) == "{}");
}

TEST_CASE("naming toml: added at the end of [models], comments and other tables kept") {
    std::string text =
        "# my project\n[database]\nurl = \"sqlite:///a.db\"  # dev\n\n[models]\n"
        "headers = [\"models/*.hpp\"]\n# a note\n\n[migrations]\ndir = \"m\"\n";
    CHECK(edit(text) ==
          "# my project\n[database]\nurl = \"sqlite:///a.db\"  # dev\n\n[models]\n"
          "headers = [\"models/*.hpp\"]\n"
          "naming = { pk = \"pk_%(table)s\", uq = \"uq_%(table)s_%(column_0_name)s\" }\n"
          "# a note\n\n[migrations]\ndir = \"m\"\n");
}

TEST_CASE("naming toml: an existing naming line is replaced, its comment kept") {
    std::string text =
        "[models]\nheaders = [\"m/*.hpp\"]\nnaming = { ix = \"i_%(table)s\" }  # ours\n"
        "exclude_tables = [\"x\"]\n";
    CHECK(edit(text) ==
          "[models]\nheaders = [\"m/*.hpp\"]\n"
          "naming = { pk = \"pk_%(table)s\", uq = "
          "\"uq_%(table)s_%(column_0_name)s\" }  # ours\nexclude_tables = [\"x\"]\n");
}

TEST_CASE("naming toml: a [models.naming] table gets its keys replaced") {
    std::string text =
        "[models]\nheaders = [\"m/*.hpp\"]\n\n[models.naming]\n# why\nix = \"i_%(table)s\"\n"
        "\n[database]\nurl = \"x\"\n";
    CHECK(edit(text) ==
          "[models]\nheaders = [\"m/*.hpp\"]\n\n[models.naming]\n"
          "pk = \"pk_%(table)s\"\nuq = \"uq_%(table)s_%(column_0_name)s\"\n# why\n"
          "\n[database]\nurl = \"x\"\n");
}

TEST_CASE("naming toml: dotted keys, no [models], CRLF, no trailing newline") {
    CHECK(edit("[models]\nnaming.ix = \"a_%(table)s\"\nnaming.ck = \"c_%(table)s\"\n") ==
          "[models]\nnaming = { pk = \"pk_%(table)s\", uq = "
          "\"uq_%(table)s_%(column_0_name)s\" }\n");
    CHECK(edit("[database]\r\nurl = \"x\"") ==
          "[database]\r\nurl = \"x\"\r\n\r\n[models]\r\nnaming = { pk = \"pk_%(table)s\", uq = "
          "\"uq_%(table)s_%(column_0_name)s\" }\r\n");
}

TEST_CASE("naming toml: a shape the edit cannot handle is refused, not mangled") {
    std::string why;
    CHECK_FALSE(with_naming("models.naming = { pk = \"p_%(table)s\" }\n", sqlalchemy(), why));
    CHECK(why.find("would not parse") != std::string::npos);
    CHECK_FALSE(with_naming("[models\n", sqlalchemy(), why));
    CHECK(why.find("not valid TOML") != std::string::npos);
}
