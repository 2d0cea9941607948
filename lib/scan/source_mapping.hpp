// Mapping byte offsets inside an annotation's argument text back to file:line:col.
// The annotation string is the macro arguments stringified (whitespace squeezed to
// single spaces, comments dropped), so we re-lex the source from the macro's
// expansion location and walk both texts together (TOOLCHAIN §1.6).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::scan {

/// 1-based line and byte column.
struct LineCol {
    unsigned line = 0;
    unsigned column = 0;
};

/// For each byte offset of `arg_text` (and one past its end), where it is written in
/// `file_text`, given the byte offset of the macro name (`AUTOGEN_COLUMN`) in the file.
/// Empty when the source does not match (e.g. a hand-written __attribute__): callers
/// then point at the annotation itself.
std::vector<LineCol> map_arguments(std::string_view file_text, std::size_t macro_offset,
                                   std::string_view arg_text);

/// The file texts a scan has read, so each file is read once.
class SourceCache {
  public:
    /// The file's content ("" if unreadable).
    const std::string& text(const std::filesystem::path& file);

  private:
    std::map<std::string, std::string> files_;
};

/// Where an annotation is, and where each of its argument bytes is.
struct AnnotationSite {
    support::SourceLocation location;    ///< the macro use (expansion location)
    std::vector<LineCol> arg_positions;  ///< see map_arguments(); may be empty

    /// The location of byte `offset` of the argument text, or the annotation's own location.
    support::SourceLocation at(std::size_t offset) const;
};

}  // namespace autogen::scan
