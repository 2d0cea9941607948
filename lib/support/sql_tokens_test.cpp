// Tokens of a statement: kinds, positions, quoting forms, and the range helpers.
#include "support/sql_tokens.hpp"

#include <doctest/doctest.h>

using namespace autogen;
using support::TokenKind;

namespace {

support::TokenRange all(const std::vector<support::Token>& tokens) {
    return {tokens.data(), tokens.data() + tokens.size()};
}

}  // namespace

TEST_CASE("tokens carry their kind, their text and their line and column in the file") {
    auto t = support::tokenize("ALTER TABLE \"My \"\"T\"\"\"\n  ADD c int DEFAULT 'a;b' -- x\n;",
                               support::SqlQuoting::postgresql(), 10, 5);
    REQUIRE(t.size() == 9);
    CHECK(t[0].is("ALTER"));
    CHECK(t[0].line == 10);
    CHECK(t[0].column == 5);
    CHECK(t[2].kind == TokenKind::Name);
    CHECK(t[2].text == "My \"T\"");
    CHECK(t[3].is("ADD"));
    CHECK(t[3].line == 11);
    CHECK(t[3].column == 3);
    CHECK(t[5].is("INT"));
    CHECK(t[5].text == "int");
    CHECK(t[7].kind == TokenKind::String);
    CHECK(t[7].text == "'a;b'");
    CHECK(t[8].is(';'));  // the comment is gone
}

TEST_CASE("E-strings and dollar-quoted bodies are one string token each") {
    auto t = support::tokenize("SELECT E'it\\'s', $f$ DROP TABLE x; $f$, 42",
                               support::SqlQuoting::postgresql());
    REQUIRE(t.size() == 6);
    CHECK(t[1].kind == TokenKind::String);
    CHECK(t[1].text == "E'it\\'s'");  // the E is kept: its escapes are not a '...' string's
    CHECK(t[1].column == 8);
    CHECK_FALSE(support::string_constant(t[1]));
    CHECK(t[3].kind == TokenKind::String);
    CHECK(support::string_constant(t[3]) == " DROP TABLE x; ");
    CHECK(t[5].kind == TokenKind::Number);
}

TEST_CASE("string constants: quotes doubled inside, dollar tags, anything else none") {
    auto t = support::tokenize("'it''s' $$a'b$$ $x$ $ $x$ x \"n\" 42",
                               support::SqlQuoting::postgresql());
    REQUIRE(t.size() == 6);
    CHECK(support::string_constant(t[0]) == "it's");
    CHECK(support::string_constant(t[1]) == "a'b");
    CHECK(support::string_constant(t[2]) == " $ ");
    CHECK_FALSE(support::string_constant(t[3]));  // a word
    CHECK_FALSE(support::string_constant(t[4]));  // a quoted name
    CHECK_FALSE(support::string_constant(t[5]));
}

TEST_CASE("ranges: words at depth 0, commas at depth 0, text") {
    auto t =
        support::tokenize("ADD a NUMERIC(10, 2) NOT NULL, DROP b", support::SqlQuoting::sqlite());
    auto r = all(t);
    CHECK(r.has_word("NOT"));
    CHECK_FALSE(r.has_word("10"));
    auto parts = r.split_commas();
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].text() == "ADD a NUMERIC(10, 2) NOT NULL");
    CHECK(parts[1].text() == "DROP b");
    CHECK(r.find_word("DROP") == 11);
}
