// The grammar of autogen's annotation strings, without libclang:
//     autogen:<kind> <arg>, <arg>, ...
//     arg   := value | flag | key = value
//     value := C string literal (adjacent literals concatenate) | identifier | integer
// Every argument keeps the byte offset of its text so a caller can point at the
// column of a bad key (see source_mapping.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace autogen::scan {

/// A value as written: a string literal (unescaped), an identifier or an integer.
struct AnnotationValue {
    enum class Kind { String, Identifier, Integer };
    Kind kind = Kind::String;
    std::string text;        ///< unescaped string contents, the identifier, or the integer's digits
    long long integer = 0;   ///< for Kind::Integer
    std::size_t offset = 0;  ///< byte offset in the argument text
};

/// One argument: a positional value (`key` empty), a flag (`value` empty) or `key = value`.
struct AnnotationArg {
    std::string key;
    std::optional<AnnotationValue> value;
    std::size_t offset = 0;  ///< byte offset of the argument's first character in the argument text

    bool is_positional() const { return key.empty(); }
    bool is_flag() const { return !key.empty() && !value; }
};

/// A parsed `autogen:<kind> <args>` string.
struct Annotation {
    std::string kind;      ///< "column", "table", ...
    std::string arg_text;  ///< everything after "autogen:<kind> " (the macro arguments as written)
    std::vector<AnnotationArg> args;  ///< in source order
};

/// Why an annotation string could not be parsed.
struct AnnotationError {
    std::string message;
    std::size_t offset = 0;  ///< byte offset in the argument text
    std::string hint;
};

/// Either an annotation or the first syntax error in it.
struct AnnotationParse {
    std::optional<Annotation> annotation;
    std::optional<AnnotationError> error;
    std::string kind;      ///< the kind, known even when the arguments failed to parse
    std::string arg_text;  ///< likewise the argument text (error offsets point into it)
};

/// True if `text` starts with "autogen:" (other tools' annotations are ignored).
bool is_autogen_annotation(std::string_view text);

/// Parses one annotation string. `text` must satisfy is_autogen_annotation().
/// The kind is not checked against the vocabulary here (see vocabulary.hpp).
AnnotationParse parse_annotation(std::string_view text);

/// Human spelling of a value kind: "a string", "an identifier", "an integer".
const char* describe(AnnotationValue::Kind kind);

}  // namespace autogen::scan
