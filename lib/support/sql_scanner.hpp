// The one quote-aware SQL scanner: splits SQL text into code and the runs that code
// must not look into (strings, quoted identifiers, comments, dollar-quoted bodies), so
// that a search for ';', '(' or a keyword never stops inside one of them; and the way
// back: quoted(), which writes a name or a literal in quotes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace autogen::support {

/// Which quoting forms a scan recognises; each dialect (or each caller, when it must keep
/// an older, narrower reading) picks its own.
struct SqlQuoting {
    bool single_quotes = true;  ///< '...' strings
    bool double_quotes = true;  ///< "..." identifiers
    bool backticks = false;     ///< `...` identifiers (SQLite, MySQL)
    bool brackets = false;      ///< [...] identifiers (SQLite); never escaped by doubling
    bool doubled_quotes =
        true;  ///< 'it''s' is one string; false: the doubled quote ends it and starts another
    bool e_strings = false;        ///< E'...' (PostgreSQL): a backslash escapes the next character
    bool dollar_quotes = false;    ///< $tag$...$tag$ bodies (PostgreSQL)
    bool comments = true;          ///< -- line and /* block */ comments
    bool nested_comments = false;  ///< /* a /* b */ c */ is one comment (PostgreSQL)

    /// SQLite: '...', "...", `...`, [...], doubled quotes, comments.
    static SqlQuoting sqlite();
    /// PostgreSQL: '...', E'...', "...", $tag$...$tag$, doubled quotes, nesting comments.
    static SqlQuoting postgresql();
    /// Text written for any dialect, read before one is chosen (the .sql files of
    /// [models] sql): every form above but SQLite's [brackets], which PostgreSQL reads
    /// as array subscripts.
    static SqlQuoting portable();
    /// Only the two standard quotes, no comments: for text a server printed back
    /// (pg_get_expr, stored expressions), where "--" can only be two minus signs.
    static SqlQuoting quotes_only();
};

/// What a span of SQL text is.
enum class SqlSpanKind {
    Code,              ///< anything else: words, numbers, operators, punctuation, blanks
    String,            ///< '...' or E'...' (the E belongs to the code before it)
    QuotedIdentifier,  ///< "...", `...` or [...]
    LineComment,       ///< -- up to, not including, the end of the line
    BlockComment,      ///< /* ... */
    DollarQuoted,      ///< $tag$ ... $tag$ with both tags
};

/// One span of the text: [begin, end) with its kind.
struct SqlSpan {
    SqlSpanKind kind = SqlSpanKind::Code;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view text;   ///< the span's characters, delimiters included
    bool terminated = true;  ///< false when the text ends before the closing quote or "*/"
};

/// The string, quoted identifier, comment or dollar-quoted body that starts at `sql[at]`,
/// or nothing when `at` is in plain code. An E'...' string is recognised at its quote:
/// the backslash rule applies when the quote follows a lone E or e.
std::optional<SqlSpan> quoted_span_at(std::string_view sql, std::size_t at,
                                      const SqlQuoting& quoting);

/// The inside of a String or QuotedIdentifier span: the delimiters off (the closing one
/// only when the span is terminated) and doubled closing quotes undone ('it''s' -> it's).
/// Backslash escapes of E'...' are kept as written.
std::string unquoted(const SqlSpan& span);

/// `text` between two `quote`s, each `quote` inside doubled: quoted("it's", '\'') ==
/// "'it''s'", quoted("a\"b", '"') == "\"a\"\"b\"". The inverse of unquoted (not for [...]).
std::string quoted(std::string_view text, char quote);

/// Walks SQL text span by span: `while (auto span = scanner.next()) ...`. Code spans are
/// the longest runs between the other kinds; no span is empty.
class SqlScanner {
  public:
    SqlScanner(std::string_view sql, SqlQuoting quoting) : sql_(sql), quoting_(quoting) {}

    /// The next span, or nothing at the end of the text.
    std::optional<SqlSpan> next();

  private:
    std::string_view sql_;
    SqlQuoting quoting_;
    std::size_t pos_ = 0;
};

}  // namespace autogen::support
