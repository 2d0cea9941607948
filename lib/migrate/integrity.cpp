// Applied revisions against the database's log, pending ones against autogen.sum.
#include "migrate/integrity.hpp"

namespace autogen::migrate {

using support::Category;

bool applied_unedited(const RevisionGraph& graph,
                      const std::vector<std::pair<std::string, std::string>>& logged,
                      const std::string& command, support::Diagnostics& diags) {
    bool ok = true;
    for (const auto& [id, checksum] : logged) {
        const Revision* rev = graph.find(id);
        if (!rev || checksum.empty() || checksum == rev->checksum) continue;
        ok = false;
        diags.error(Category::MigrationFile,
                    "revision " + id +
                        " was edited after it was applied to this database "
                        "(its checksum differs from the one recorded then)",
                    {rev->path.string()},
                    "restore the file as it was applied (e.g. from version control) and put "
                    "further changes "
                    "in a new revision, or pass --allow-edited to " +
                        command + " anyway");
    }
    return ok;
}

bool pending_as_recorded(const std::vector<const Revision*>& revisions, const RecordedSums& sums,
                         support::Diagnostics& diags) {
    if (revisions.empty()) return true;
    const std::string& name = sums.display;
    switch (sums.read.state) {
        case SumRead::State::Missing:
            diags.warning(
                Category::MigrationFile,
                name +
                    " is missing: the revisions about to run cannot be checked against their "
                    "recorded checksums",
                {name},
                "review the revision files, then run 'autogen hash' and commit " + name +
                    " (revision and merge keep it up to date from then on)");
            return true;
        case SumRead::State::Invalid:
            diags.error(Category::MigrationFile,
                        name + " cannot be read: " + sums.read.problem +
                            "; the revisions about to run cannot be checked against it",
                        {name, sums.read.line, 0},
                        "review the revision files, then rewrite it with 'autogen hash' (or "
                        "'autogen merge -m MSG "
                        "heads' after merging two branches)");
            return false;
        case SumRead::State::Ok:
            break;
    }
    bool ok = true;
    for (const Revision* rev : revisions) {
        const std::string file = rev->path.filename().string();
        auto found = sums.read.sum.files.find(file);
        if (found == sums.read.sum.files.end()) {
            ok = false;
            diags.error(
                Category::MigrationFile,
                "revision " + rev->id + " is not listed in " + name +
                    " (written by hand, or merged from another branch), so nothing vouches for its "
                    "contents",
                {rev->path.string()},
                "review the file, then run 'autogen hash' (or 'autogen merge -m MSG heads' to join "
                "two "
                "heads) and run the command again");
        } else if (found->second != rev->checksum) {
            ok = false;
            diags.error(
                Category::MigrationFile,
                "revision " + rev->id + " differs from its checksum in " + name +
                    ": the file changed since it was written (a hand edit, or a file cut short)",
                {rev->path.string()},
                "review the file; if the change is intended, record it with 'autogen hash' and run "
                "the "
                "command again (restore it from version control otherwise)");
        }
    }
    return ok;
}

}  // namespace autogen::migrate
