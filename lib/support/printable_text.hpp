// Text that came from files (revision messages, file names, doc comments, SQL of a
// revision) made safe to print on a terminal or to write into a one-line SQL comment:
// a carriage return must not end a `-- ` comment for psql, a line feed must not start a
// new line of SQL or a fake line of output, and escape sequences must not drive the
// terminal. Valid UTF-8 text is kept as it is.
#pragma once

#include <string>
#include <string_view>

namespace autogen::support {

/// `text` on one line: every control character (C0 including CR, LF, NUL and ESC; DEL;
/// C1 such as U+0085 NEL), the Unicode line and paragraph separators (U+2028, U+2029)
/// and the bidirectional embedding/override/isolate characters (U+202A-U+202E,
/// U+2066-U+2069) are written as visible escapes (`\r`, `\n`, else `\uXXXX`, which are
/// also JSON's escapes), each byte that is not part of valid UTF-8 as `\xNN`. Tabs and
/// every other character are kept. Safe inside a `-- ` SQL comment and on a terminal.
std::string one_line_text(std::string_view text);

/// The same, except that line feeds and tabs are kept: for multi-line blocks printed on
/// a terminal (a line feed cannot drive a terminal; a carriage return can overwrite a line).
std::string terminal_text(std::string_view text);

}  // namespace autogen::support
