// migrations/autogen.sum (like Atlas' atlas.sum): the committed record that lets
// `autogen check` run with no database at all. It holds the SHA-256 of every revision
// file, the chain's heads, and the snapshot of the model schema those heads stand for
// (schema_snapshot.hpp); its first line carries a SHA-256 of the rest of the file, so a
// hand edit or a botched git merge of the file itself is detected. Format:
//
//   autogen.sum 1 sha256:<hex of every byte after this line>
//   # comment lines (ignored, but covered by the checksum)
//   heads 3f2a9c1b7d4e
//   file <sha256 hex> 20261121_1530_3f2a9c1b7d4e_add_user_phone.sql
//   normalized postgresql PostgreSQL 15.20 on x86_64-pc-linux-gnu ...
//   table <key> <digest>
//   snapshot
//   table {"name":"users"}
//     column {"name":"id","type":"bigint","identity":true}
//
// Files sorted by name, one per line; everything after `snapshot` is snapshot lines.
// `normalized` sections (optional, one per dialect) say what each snapshot table reads
// back to on the server named (lib/pipeline/table_memo.hpp: the key of the statements
// that create the table, the digest of its read-back form), so that a fresh clone
// compares a live database with the snapshot without creating every table again.
// Written by `revision`, `merge` and `hash` atomically (atomic_file.hpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// The file's name inside the migrations folder.
inline constexpr std::string_view kSumFileName = "autogen.sum";

/// One dialect's `normalized` section: table key -> digest of its read-back form.
struct NormalizedTables {
    std::string server;  ///< the server version they were read back on (for readers)
    std::map<std::string, std::string> digests;
};

/// The contents of an autogen.sum.
struct SumFile {
    std::vector<std::string> heads;            ///< the chain's heads when it was written, sorted
    std::map<std::string, std::string> files;  ///< revision file name -> sha256 hex of its bytes
    std::map<std::string, NormalizedTables> normalized;  ///< by dialect name
    std::string snapshot;                                ///< snapshot lines (schema_snapshot.hpp)
    unsigned snapshot_line = 0;  ///< 1-based line of the first snapshot line (when read)
};

/// The file text of `sum`, its checksum line first.
std::string render_sum(const SumFile& sum);

/// What reading an autogen.sum found.
struct SumRead {
    enum class State { Missing, Invalid, Ok };
    State state = State::Missing;
    SumFile sum;          ///< when Ok
    std::string problem;  ///< when Invalid: what is wrong
    unsigned line = 0;    ///< when Invalid: the 1-based line it is on (0 = the whole file)
};

/// Parses the text of an autogen.sum, verifying its own checksum first.
SumRead parse_sum(std::string_view text);

/// Reads and parses the file at `path` (Missing when it does not exist).
SumRead read_sum(const std::filesystem::path& path);

/// Writes `sum` to `path` atomically (write_file_atomically: nothing half-written, no
/// temporary file left). false after reporting an Io error naming the file.
bool write_sum(const std::filesystem::path& path, const SumFile& sum, support::Diagnostics& diags);

/// The sha256 of every *.sql file directly in `dir` (the files RevisionGraph::load
/// reads), by file name. Empty when `dir` does not exist.
std::map<std::string, std::string> revision_file_checksums(const std::filesystem::path& dir);

/// A difference between the checksums a sum records and the files on disk.
struct FileDrift {
    enum class Kind {
        Changed,   ///< the file's bytes differ from the recorded checksum
        Unlisted,  ///< a revision file the sum does not list
        Missing,   ///< listed in the sum, but no such file
    };
    Kind kind = Kind::Changed;
    std::string file;  ///< file name inside the migrations folder
};

/// Every difference between `recorded` and `actual` (both name -> sha256), by file name.
std::vector<FileDrift> compare_files(const std::map<std::string, std::string>& recorded,
                                     const std::map<std::string, std::string>& actual);

}  // namespace autogen::migrate
