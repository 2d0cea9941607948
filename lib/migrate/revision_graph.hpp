// The revision graph: pure data over parsed revision files (no database). Knows the
// heads and bases, resolves user targets (head, heads, base, id or prefix, +N, -N,
// label@head) into revision ids, and computes the ordered paths that upgrade and
// downgrade walk. Edges: down_revisions (parents) and depends_on (ordering only).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/revision_file.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// Why a target or a path could not be resolved; the CLI turns it into a message
/// (GraphError::message() is a ready one) and exit code 2.
struct GraphError {
    enum class Kind {
        MultipleHeads,    ///< `head` (or +N / -N) but the graph or the database has several heads
        AmbiguousPrefix,  ///< a prefix matching several revisions (see candidates)
        Unknown,          ///< no revision has that id, prefix or label
        Cycle,            ///< the revisions form a cycle (see candidates)
        OutOfRange,       ///< +N / -N walks past the head or the base
        WrongDirection,   ///< upgrade to a revision below the current one, or downgrade above
        BadTarget,        ///< not a target at all ("+x", "-0" ...)
    };
    Kind kind = Kind::Unknown;
    std::string target;                   ///< as the user wrote it
    std::vector<std::string> candidates;  ///< revision ids involved (heads, matches, cycle members)
    std::string detail;                   ///< extra words for message()

    /// One line: what is wrong with the target and what to do.
    std::string message() const;
};

/// How the version table's heads change when one revision is applied or undone.
struct HeadChange {
    std::vector<std::string> remove;  ///< ids that stop being heads
    std::vector<std::string> add;     ///< ids that become heads
};

/// A value or a GraphError.
template <class T>
struct GraphResult {
    T value{};
    std::optional<GraphError> error;
    explicit operator bool() const { return !error.has_value(); }
};

class RevisionGraph {
  public:
    RevisionGraph() = default;

    /// Reads every *.sql file of `dir` (not recursive) as a revision file and builds
    /// the graph. Reports every bad file, duplicated id, unknown down_revision /
    /// depends_on and cycle (naming the files) as MigrationFile errors -> nullopt.
    static std::optional<RevisionGraph> load(const std::filesystem::path& dir,
                                             const std::vector<std::string>& dialects,
                                             support::Diagnostics& diags);

    /// The same checks over revisions already parsed.
    static std::optional<RevisionGraph> build(std::vector<Revision> revisions,
                                              support::Diagnostics& diags);

    bool empty() const { return revisions_.empty(); }
    std::size_t size() const { return revisions_.size(); }

    /// The revision with exactly this id, or nullptr.
    const Revision* find(std::string_view id) const;

    /// Revisions that no other revision names as a down_revision, sorted by id.
    std::vector<std::string> heads() const;
    /// Revisions with no down_revision, sorted by id.
    std::vector<std::string> bases() const;
    /// Revisions naming `id` as a down_revision, sorted by id.
    std::vector<std::string> children(std::string_view id) const;

    /// `ids` and everything below them (down_revisions and depends_on, transitively).
    std::set<std::string> ancestors_or_self(const std::vector<std::string>& ids) const;

    /// Resolves a target against the `current` heads (those in the database; used by
    /// +N and -N). Result: the revision ids the database should be at afterwards;
    /// empty means base. Targets: "head" (the single head), "heads", "base", a full
    /// id or unique prefix, "+N" / "-N" (N revisions up / down from the single current
    /// revision; -1 from a merge gives both parents), "label@head" (the head of the
    /// branch carrying that label), "label@+N" / "label@-N" (relative to the database's
    /// revision on that branch), a branch label, "<id, prefix or label>+N" / "-N"
    /// (relative to that revision).
    GraphResult<std::vector<std::string>> resolve(std::string_view target,
                                                  const std::vector<std::string>& current) const;

    /// The revisions to apply to move from `current` heads up to `target` (a resolve()
    /// result), parents before children, deterministic. Empty when already there.
    GraphResult<std::vector<const Revision*>> upgrade_path(
        const std::vector<std::string>& current, const std::vector<std::string>& target) const;

    /// The revisions to undo to move from `current` heads down to `target`, children
    /// before parents, deterministic. Empty when already there.
    GraphResult<std::vector<const Revision*>> downgrade_path(
        const std::vector<std::string>& current, const std::vector<std::string>& target) const;

    /// The head change of applying (Upgrade) or undoing (Downgrade) `rev` while the
    /// database is at `heads` (Alembic's HeadMaintainer rules): upgrade replaces those of
    /// its down_revisions that are heads by it (adds it when none is: a base or a new
    /// branch); downgrade replaces it by those of its down_revisions that no other head
    /// already covers (removes it when none is left).
    HeadChange head_change(const Revision& rev, Direction direction,
                           const std::vector<std::string>& heads) const;

    /// Every revision, newest first (reverse topological order; ties by id).
    std::vector<const Revision*> history() const;

  private:
    /// N steps up (children) or down (down_revisions) from `at` (nullopt = base); going
    /// up, only through revisions in `within` when given (a branch). One step down from a
    /// merge gives all its parents.
    GraphResult<std::vector<std::string>> walk(std::optional<std::string> at, bool up, int steps,
                                               std::string_view target,
                                               const std::set<std::string>* within = nullptr) const;

    std::vector<Revision> revisions_;           ///< in topological order (parents first)
    std::map<std::string, std::size_t> index_;  ///< id -> position in revisions_
};

}  // namespace autogen::migrate
