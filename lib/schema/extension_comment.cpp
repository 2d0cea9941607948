// set_shipped_comment() and shipped_comment() (extension_comment.hpp).
#include "schema/extension_comment.hpp"

namespace autogen::schema {

namespace {

/// The mark before the comment in `columns`: no column of a view or routine starts so.
constexpr const char* kMark = "\x1eshipped ";

}  // namespace

void set_shipped_comment(SqlObject& o, const std::string& comment) {
    o.columns = {kMark + comment};
}

std::optional<std::string> shipped_comment(const SqlObject& o) {
    const std::string mark = kMark;
    if (o.kind != ObjectKind::Extension || o.columns.size() != 1 ||
        o.columns[0].rfind(mark, 0) != 0)
        return std::nullopt;
    return o.columns[0].substr(mark.size());
}

}  // namespace autogen::schema
