// Writing a file in the migrations folder so that no reader ever sees it half-written
// and no temporary file is left there: the bytes go to an unnamed file in the same
// folder (Linux O_TMPFILE), fsynced, then linked in under the final name. Where the
// file system has no unnamed files, a hidden ".autogen-tmp-*" name stands in, removed
// on every failure; a process killed in that window leaves it behind, and the next
// writing command (revision, merge, hash) removes it (remove_stale_temporaries).
#pragma once

#include <filesystem>
#include <string_view>

namespace autogen::migrate {

/// Writes `text` to `target`: with `replace`, atomically over an existing file (rename);
/// without, failing with EEXIST if `target` exists (link). The folder is fsynced after.
/// Returns 0, or the errno of the first failure (nothing is left behind then).
/// With `durable` false, neither the file nor the folder is fsynced: the caller writing
/// many files calls sync_file_system once after the last (`autogen pull`: one fsync per
/// header cost ~10 ms each, 10 s for 1,000 tables). Readers still never see half a file.
int write_file_atomically(const std::filesystem::path& target, std::string_view text, bool replace,
                          bool durable = true);

/// Flushes the file system holding `dir` to disk (syncfs), after non-durable writes.
/// Returns 0 or the errno.
int sync_file_system(const std::filesystem::path& dir);

/// Removes the temporary files a killed writer left in `dir`: ".autogen-tmp-*", and the
/// ".<name>.tmp-<12 hex>" names of earlier autogen versions. Returns how many.
int remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace autogen::migrate
