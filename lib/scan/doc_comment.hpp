// Doc comments (///, //!, /** */, ///<) as plain text for table and column comments.
#pragma once

#include <string>
#include <string_view>

namespace autogen::scan {

/// Strips comment markers and leading '*', trims each line and joins the non-empty
/// lines with single spaces: "/// People who\n/// sign in." -> "People who sign in."
std::string doc_comment_text(std::string_view raw);

}  // namespace autogen::scan
