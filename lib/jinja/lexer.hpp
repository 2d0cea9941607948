// The lexer: template source -> tokens, with Jinja's exact whitespace rules
// (`-` and `+` markers, trim_blocks, lstrip_blocks, the eaten final newline, newline
// normalisation). Comments disappear here and raw blocks become plain data.
#pragma once

#include <string>
#include <vector>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"

namespace autogen::codegen::jinja {

/// What a token is.
enum class Tok { Data, VarBegin, VarEnd, BlockBegin, BlockEnd, Name, String, Int, Float, Op, Eof };

/// One token; `text` is the data, the name, the operator, the decoded string value or
/// the number's spelling.
struct Token {
    Tok type = Tok::Eof;
    std::string text;
    Pos pos;
};

/// Splits `source` into tokens; throws TemplateError (with `name`) on a lexing error.
/// The last token is always Tok::Eof.
std::vector<Token> tokenize(const std::string& source, const std::string& name,
                            const Options& options);

/// Jinja's preprocessing: all newlines become "\n"; one final newline goes unless
/// keep_trailing_newline.
std::string normalize_source(const std::string& source, bool keep_trailing_newline);

}  // namespace autogen::codegen::jinja
