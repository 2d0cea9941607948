// The comments on a declared view's or materialized view's columns (COMMENT ON COLUMN
// view.col, docs/objects.md "Comments"): SqlObject::column_comments, compared apart
// from the definition, as the object's own comment is.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::schema {

/// Can objects of `kind` have column comments declared (a view, a materialized view)?
bool takes_column_comments(ObjectKind kind);

/// The SetObjectComment that changes the comment of column `column` of view `o`.
SetObjectComment view_column_comment(const SqlObject& o, const std::string& column,
                                     std::string from, std::string to);

/// One SetObjectComment per column of `to` whose comment differs from `from`'s (a comment
/// added, changed or removed), in column-name order; none for other kinds.
std::vector<SetObjectComment> column_comment_changes(const SqlObject& from, const SqlObject& to);

/// `comments` as one list, column then comment for each (how the snapshot and the scan
/// caches store them), and back (an odd last item is dropped).
std::vector<std::string> flat_column_comments(const std::map<std::string, std::string>& comments);
std::map<std::string, std::string> column_comments_from(const std::vector<std::string>& flat);

}  // namespace autogen::schema
