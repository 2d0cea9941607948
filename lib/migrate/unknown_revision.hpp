// The one wording for a database whose version table names a revision that no file in
// the migrations folder has (another project's database, or a branch not checked out):
// upgrade, downgrade, stamp, revision, check and current all say it the same way.
#pragma once

#include <string>
#include <string_view>

namespace autogen::migrate {

/// "the database is at revision X, which no file in DIR has".
std::string unknown_revision_message(std::string_view id, std::string_view migrations_dir);

/// What to do about it: which database, which branch, or stamp.
std::string unknown_revision_hint();

}  // namespace autogen::migrate
