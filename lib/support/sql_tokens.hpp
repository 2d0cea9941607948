// A statement of a revision file as tokens, for the lint rules and the runner's resume
// check: words, quoted names, strings, numbers and punctuation, each with its line and
// column in the file; comments dropped. Built on SqlScanner, so quoting and comments are
// read the one way the splitter and the runner read them.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/sql_scanner.hpp"

namespace autogen::support {

/// What a token is.
enum class TokenKind {
    Word,    ///< a keyword or an unquoted name (`text` upper-cased in `upper`)
    Name,    ///< a quoted identifier ("users"): `text` is its inside, unquoted
    String,  ///< a string literal or a dollar-quoted body, delimiters included
    Number,  ///< 42, 3.5
    Punct,   ///< one character: ( ) , ; . = ::, operators one character at a time
};

struct Token {
    TokenKind kind = TokenKind::Punct;
    std::string text;     ///< as written (a Name: unquoted)
    std::string upper;    ///< `text` upper-cased, for keyword comparisons
    unsigned line = 0;    ///< 1-based line in the file
    unsigned column = 0;  ///< 1-based column (bytes) in that line

    /// A Word spelled `keyword` (upper case), ignoring case.
    bool is(std::string_view keyword) const { return kind == TokenKind::Word && upper == keyword; }
    /// Punctuation `c`.
    bool is(char c) const { return kind == TokenKind::Punct && text.size() == 1 && text[0] == c; }
    /// A Word or a Name: something that can name a table or a column.
    bool is_name() const { return kind == TokenKind::Word || kind == TokenKind::Name; }
};

/// The tokens of `sql`, whose first character is at `line`:`column` of its file.
std::vector<Token> tokenize(std::string_view sql, const support::SqlQuoting& quoting,
                            unsigned line = 1, unsigned column = 1);

/// `sql` as its tokens one space apart, comments dropped, words (keywords and unquoted
/// names) in lower case, a quoted name that an unquoted one would equal ("users") without
/// its quotes and any other in double quotes: two spellings of a statement that differ
/// only in layout, comments, quoting and the case of unquoted words give the same text.
/// `fold_quoted_names`: every quoted name is an unquoted one (SQLite ignores their case).
std::string canonical_sql(std::string_view sql, const SqlQuoting& quoting,
                          bool fold_quoted_names = false);

/// A half-open run of tokens [begin, end) of one statement.
struct TokenRange {
    const Token* begin = nullptr;
    const Token* end = nullptr;
    std::size_t size() const { return static_cast<std::size_t>(end - begin); }
    bool empty() const { return begin == end; }
    const Token& operator[](std::size_t i) const { return begin[i]; }
    /// Whether any token at parenthesis depth 0 is the word `keyword`.
    bool has_word(std::string_view keyword) const;
    /// The index of the first word `keyword` at depth 0, or size().
    std::size_t find_word(std::string_view keyword, std::size_t from = 0) const;
    /// The tokens from `from` on.
    TokenRange from(std::size_t i) const { return {begin + (i < size() ? i : size()), end}; }
    /// The parts between the commas at depth 0.
    std::vector<TokenRange> split_commas() const;
    /// The tokens as SQL text again, one space between tokens ("ADD COLUMN x INT").
    std::string text() const;
};

/// A possibly qualified name at `r[i]` ("s"."t", users): each part as the database
/// stores it (unquoted words folded to lower case; quoted names as written). Moves `i`
/// past it; empty when `r[i]` is no name.
std::vector<std::string> read_name_parts(const TokenRange& r, std::size_t& i);

/// read_name_parts joined by '.' ("s.t").
std::string read_name(const TokenRange& r, std::size_t& i);

/// Skips the words `words` (in order) at `r[i]` when all are there; true if skipped.
bool skip_words(const TokenRange& r, std::size_t& i, std::initializer_list<const char*> words);

/// The text a string constant stands for: 'it''s' -> it's, $$x$$ and $tag$x$tag$ -> x;
/// nullopt for any other token (an E'' or U&'' string among them: its escapes are not
/// decoded here).
std::optional<std::string> string_constant(const Token& t);

}  // namespace autogen::support
