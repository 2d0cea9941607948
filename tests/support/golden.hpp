// Golden-file comparison for tests: the actual text against a file under tests/golden,
// byte for byte, with a unified diff on mismatch; AUTOGEN_UPDATE_GOLDEN=1 rewrites the
// file instead (review the git diff before committing it).
#pragma once

#include <filesystem>
#include <string>

namespace autogen::testing {

/// Checks `actual` against the file `golden` (FAIL_CHECK with a diff -u when they
/// differ), or writes it there when AUTOGEN_UPDATE_GOLDEN is set.
void check_golden(const std::string& actual, const std::filesystem::path& golden);

}  // namespace autogen::testing
