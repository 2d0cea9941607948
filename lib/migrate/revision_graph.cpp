// The revision graph: validation (duplicates, dangling parents, cycles), a
// deterministic topological order, target resolution and upgrade/downgrade paths.
#include "migrate/revision_graph.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "support/text.hpp"

namespace autogen::migrate {

namespace fs = std::filesystem;
using support::Category;

namespace {

GraphError make_error(GraphError::Kind kind, std::string_view target,
                      std::vector<std::string> candidates = {}, std::string detail = {}) {
    return GraphError{kind, std::string(target), std::move(candidates), std::move(detail)};
}

/// "+3" -> 3, "-2" -> 2; nullopt unless a sign followed by a positive number.
std::optional<int> relative_steps(std::string_view target) {
    if (target.size() < 2 || (target[0] != '+' && target[0] != '-')) return std::nullopt;
    int n = 0;
    auto [end, ec] = std::from_chars(target.data() + 1, target.data() + target.size(), n);
    if (ec != std::errc() || end != target.data() + target.size() || n <= 0) return std::nullopt;
    return n;
}

}  // namespace

std::string GraphError::message() const {
    std::string t = "\"" + target + "\"";
    std::string out;
    switch (kind) {
        case Kind::MultipleHeads:
            out = t + " is ambiguous: there are several heads (" + support::join_with(candidates) +
                  "); name one of them, use \"heads\", or join them with `autogen merge`";
            break;
        case Kind::AmbiguousPrefix:
            out = "revision prefix " + t + " matches " + std::to_string(candidates.size()) +
                  " revisions (" + support::join_with(candidates) +
                  "); write more characters of the id";
            break;
        case Kind::Unknown:
            out = "no revision " + t + " in the migrations folder; `autogen history` lists them";
            break;
        case Kind::Cycle:
            out = "the revisions form a cycle (" + support::join_with(candidates) +
                  "); fix their down_revision lines";
            break;
        case Kind::OutOfRange:
            out = t + " goes past the end of the revision chain";
            break;
        case Kind::WrongDirection:
            out = t + " is not reachable in this direction";
            break;
        case Kind::BadTarget:
            out = t +
                  " is not a target; use head, heads, base, a revision id or prefix, +N, -N or "
                  "label@head";
            break;
    }
    if (!detail.empty()) out += " (" + detail + ")";
    return out;
}

std::optional<RevisionGraph> RevisionGraph::load(const fs::path& dir,
                                                 const std::vector<std::string>& dialects,
                                                 support::Diagnostics& diags) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error(Category::Config, "migrations folder does not exist", {dir.string()},
                    "run `autogen init`, or fix [migrations] dir in autogen.toml");
        return std::nullopt;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".sql")
            files.push_back(entry.path());
    }
    if (ec) {
        diags.error(Category::Io, "cannot list the migrations folder: " + ec.message(),
                    {dir.string()}, "check its permissions");
        return std::nullopt;
    }
    std::sort(files.begin(), files.end());
    std::vector<Revision> revisions;
    bool ok = true;
    for (const auto& file : files) {
        if (auto rev = read_revision_file(file, dialects, diags)) {
            revisions.push_back(std::move(*rev));
        } else {
            ok = false;  // keep going: report every bad file at once
        }
    }
    if (!ok) return std::nullopt;
    return build(std::move(revisions), diags);
}

std::optional<RevisionGraph> RevisionGraph::build(std::vector<Revision> revisions,
                                                  support::Diagnostics& diags) {
    std::size_t errors_before = diags.error_count();
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        auto [it, fresh] = by_id.emplace(revisions[i].id, i);
        if (!fresh) {
            diags.error(Category::MigrationFile,
                        "revision id " + revisions[i].id + " is also the id of " +
                            revisions[it->second].path.string(),
                        {revisions[i].path.string(), 1},
                        "give one of them a new id (and fix the down_revision of its children)");
        }
    }
    for (const auto& rev : revisions) {
        for (const auto* list : {&rev.down_revisions, &rev.depends_on}) {
            for (const auto& parent : *list) {
                if (!by_id.count(parent)) {
                    diags.error(Category::MigrationFile,
                                "revision " + rev.id + " names " + parent + " as its " +
                                    (list == &rev.depends_on ? "depends_on" : "down_revision") +
                                    ", but no revision file has that id",
                                {rev.path.string(), 1},
                                "restore the missing revision file, or point the header at an "
                                "existing revision");
                }
            }
        }
    }
    if (diags.error_count() != errors_before) return std::nullopt;

    // Kahn's algorithm; the ready set is ordered by id so the order is deterministic.
    std::map<std::string, int> pending;  // id -> parents not yet placed
    std::map<std::string, std::vector<std::string>> dependents;
    for (const auto& rev : revisions) {
        pending[rev.id] = 0;
        for (const auto* list : {&rev.down_revisions, &rev.depends_on}) {
            for (const auto& parent : *list) {
                ++pending[rev.id];
                dependents[parent].push_back(rev.id);
            }
        }
    }
    std::set<std::string> ready;
    for (const auto& [id, n] : pending) {
        if (n == 0) ready.insert(id);
    }
    RevisionGraph graph;
    while (!ready.empty()) {
        std::string id = *ready.begin();
        ready.erase(ready.begin());
        graph.index_[id] = graph.revisions_.size();
        graph.revisions_.push_back(std::move(revisions[by_id[id]]));
        for (const auto& child : dependents[id]) {
            if (--pending[child] == 0) ready.insert(child);
        }
    }
    if (graph.revisions_.size() != revisions.size()) {
        std::vector<std::string> stuck;
        for (const auto& [id, n] : pending) {
            if (n > 0) stuck.push_back(id);
        }
        for (const auto& id : stuck) {
            diags.error(Category::MigrationFile,
                        make_error(GraphError::Kind::Cycle, id, stuck).message(),
                        {revisions[by_id[id]].path.string(), 1},
                        "each revision's down_revision must point to an older revision");
        }
        return std::nullopt;
    }
    return graph;
}

const Revision* RevisionGraph::find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    return it == index_.end() ? nullptr : &revisions_[it->second];
}

std::vector<std::string> RevisionGraph::heads() const {
    std::set<std::string> parents;
    for (const auto& rev : revisions_)
        parents.insert(rev.down_revisions.begin(), rev.down_revisions.end());
    std::vector<std::string> out;
    for (const auto& [id, i] : index_) {
        if (!parents.count(id)) out.push_back(id);
    }
    return out;
}

std::vector<std::string> RevisionGraph::bases() const {
    std::vector<std::string> out;
    for (const auto& [id, i] : index_) {
        if (revisions_[i].down_revisions.empty()) out.push_back(id);
    }
    return out;
}

std::vector<std::string> RevisionGraph::children(std::string_view id) const {
    std::vector<std::string> out;
    for (const auto& [child, i] : index_) {
        const auto& downs = revisions_[i].down_revisions;
        if (std::find(downs.begin(), downs.end(), id) != downs.end()) out.push_back(child);
    }
    return out;
}

std::set<std::string> RevisionGraph::ancestors_or_self(const std::vector<std::string>& ids) const {
    std::set<std::string> seen;
    std::vector<std::string> todo(ids.begin(), ids.end());
    while (!todo.empty()) {
        std::string id = std::move(todo.back());
        todo.pop_back();
        if (!seen.insert(id).second) continue;
        if (const Revision* rev = find(id)) {
            todo.insert(todo.end(), rev->down_revisions.begin(), rev->down_revisions.end());
            todo.insert(todo.end(), rev->depends_on.begin(), rev->depends_on.end());
        }
    }
    return seen;
}

GraphResult<std::vector<std::string>> RevisionGraph::resolve(
    std::string_view target, const std::vector<std::string>& current) const {
    using Kind = GraphError::Kind;
    GraphResult<std::vector<std::string>> r;
    if (target == "base") return r;
    if (target == "heads") {
        r.value = heads();
        return r;
    }
    if (target == "head") {
        auto hs = heads();
        if (hs.size() > 1)
            r.error = make_error(Kind::MultipleHeads, target, hs);
        else
            r.value = hs;
        return r;
    }
    if (target.empty()) {
        r.error = make_error(Kind::BadTarget, target);
        return r;
    }
    if (target[0] == '+' || target[0] == '-') {
        auto steps = relative_steps(target);
        if (!steps) {
            r.error = make_error(Kind::BadTarget, target);
            return r;
        }
        if (current.size() > 1) {
            r.error = make_error(Kind::MultipleHeads, target, current,
                                 "the database is at several heads");
            return r;
        }
        std::optional<std::string> start;
        if (!current.empty()) start = current.front();
        return walk(start, target[0] == '+', *steps, target);
    }
    if (auto at = target.find('@'); at != std::string_view::npos) {
        std::string label(target.substr(0, at));
        const std::string_view what = target.substr(at + 1);
        const auto steps = relative_steps(what);
        if (what != "head" && !steps) {
            r.error = make_error(Kind::BadTarget, target);
            return r;
        }
        const Revision* labelled = nullptr;
        for (const auto& rev : revisions_) {
            if (std::find(rev.branch_labels.begin(), rev.branch_labels.end(), label) !=
                rev.branch_labels.end())
                labelled = &rev;
        }
        if (!labelled) {
            r.error = make_error(Kind::Unknown, target, {},
                                 "no revision carries the branch label " + label);
            return r;
        }
        std::vector<std::string> branch_heads;
        for (const auto& h : heads()) {
            if (ancestors_or_self({h}).count(labelled->id)) branch_heads.push_back(h);
        }
        if (branch_heads.size() > 1) {
            r.error = make_error(Kind::MultipleHeads, target, branch_heads);
            return r;
        }
        if (!steps) {
            r.value = branch_heads;
            return r;
        }
        // "label@+N" / "label@-N" (Alembic): N steps from the database's revision on that
        // branch, moving up only towards the branch's head.
        const auto branch = ancestors_or_self(branch_heads);
        std::vector<std::string> on_branch;
        for (const auto& c : current) {
            if (branch.count(c)) on_branch.push_back(c);
        }
        if (on_branch.size() > 1) {
            r.error = make_error(Kind::MultipleHeads, target, on_branch,
                                 "the database is at several revisions of branch " + label);
            return r;
        }
        std::optional<std::string> start;
        if (!on_branch.empty()) start = on_branch.front();
        return walk(start, what[0] == '+', *steps, target, &branch);
    }
    if (find(target)) {
        r.value = {std::string(target)};
        return r;
    }
    std::vector<std::string> matches;
    for (const auto& [id, i] : index_) {
        if (id.compare(0, target.size(), target) == 0) matches.push_back(id);
    }
    if (matches.size() == 1) {
        r.value = matches;
        return r;
    }
    if (matches.size() > 1) {
        r.error = make_error(Kind::AmbiguousPrefix, target, matches);
        return r;
    }
    for (const auto& rev : revisions_) {  // a bare branch label names its revision
        if (std::find(rev.branch_labels.begin(), rev.branch_labels.end(), target) !=
            rev.branch_labels.end()) {
            r.value = {rev.id};
            return r;
        }
    }
    // "3f2a+2", "feature-1": relative to a named revision (tried last, since ids may contain '-').
    if (auto sign = target.find_last_of("+-"); sign != std::string_view::npos && sign > 0) {
        if (auto steps = relative_steps(target.substr(sign))) {
            auto base = resolve(target.substr(0, sign), current);
            if (base && base.value.size() == 1)
                return walk(base.value.front(), target[sign] == '+', *steps, target);
        }
    }
    r.error = make_error(Kind::Unknown, target);
    return r;
}

GraphResult<std::vector<std::string>> RevisionGraph::walk(
    std::optional<std::string> at, bool up, int steps, std::string_view target,
    const std::set<std::string>* within) const {
    using Kind = GraphError::Kind;
    GraphResult<std::vector<std::string>> r;
    for (int i = 0; i < steps; ++i) {
        if (up) {
            auto next = at ? children(*at) : bases();
            if (within) {
                next.erase(
                    std::remove_if(next.begin(), next.end(),
                                   [&](const std::string& id) { return !within->count(id); }),
                    next.end());
            }
            if (next.empty()) {
                r.error = make_error(Kind::OutOfRange, target, {},
                                     "only " + std::to_string(i) + " revision(s) above");
                return r;
            }
            if (next.size() > 1) {
                r.error = make_error(Kind::MultipleHeads, target, next,
                                     "the chain branches at " + (at ? *at : std::string("base")));
                return r;
            }
            at = next.front();
        } else {
            if (!at) {
                r.error = make_error(Kind::OutOfRange, target, {},
                                     "only " + std::to_string(i) + " revision(s) below");
                return r;
            }
            const auto& downs = find(*at)->down_revisions;
            if (downs.size() > 1) {
                // One step below a merge is both of its parents (as in Alembic); further
                // steps would have to choose a branch.
                if (i + 1 == steps) {
                    r.value = downs;
                    return r;
                }
                r.error = make_error(Kind::MultipleHeads, target, downs,
                                     *at + " is a merge; name the revision to go to");
                return r;
            }
            at = downs.empty() ? std::nullopt : std::optional<std::string>(downs.front());
        }
    }
    if (at) r.value = {*at};
    return r;
}

GraphResult<std::vector<const Revision*>> RevisionGraph::upgrade_path(
    const std::vector<std::string>& current, const std::vector<std::string>& target) const {
    GraphResult<std::vector<const Revision*>> r;
    auto applied = ancestors_or_self(current);
    auto wanted = ancestors_or_self(target);
    for (const auto& rev : revisions_) {
        if (wanted.count(rev.id) && !applied.count(rev.id)) r.value.push_back(&rev);
    }
    if (r.value.empty()) {
        // Nothing to apply: fine when the database is at the target, an error when the
        // target lies below the current revision (that is a downgrade).
        auto in_current = [&](const std::string& t) {
            return std::find(current.begin(), current.end(), t) != current.end();
        };
        bool below = (target.empty() && !current.empty()) ||
                     !std::all_of(target.begin(), target.end(), in_current);
        if (below) {
            r.error = make_error(GraphError::Kind::WrongDirection,
                                 target.empty() ? "base" : support::join_with(target), current,
                                 "it is below the current revision " + support::join_with(current) +
                                     "; use downgrade");
        }
    }
    return r;
}

GraphResult<std::vector<const Revision*>> RevisionGraph::downgrade_path(
    const std::vector<std::string>& current, const std::vector<std::string>& target) const {
    GraphResult<std::vector<const Revision*>> r;
    auto applied = ancestors_or_self(current);
    for (const auto& t : target) {
        if (!applied.count(t)) {
            r.error =
                make_error(GraphError::Kind::WrongDirection, support::join_with(target), current,
                           "it is not below the current revision" +
                               (current.empty() ? std::string(" (none applied)")
                                                : " " + support::join_with(current)) +
                               "; use upgrade");
            return r;
        }
    }
    auto keep = ancestors_or_self(target);
    for (auto it = revisions_.rbegin(); it != revisions_.rend(); ++it) {
        if (applied.count(it->id) && !keep.count(it->id)) r.value.push_back(&*it);
    }
    return r;
}

HeadChange RevisionGraph::head_change(const Revision& rev, Direction direction,
                                      const std::vector<std::string>& heads) const {
    HeadChange change;
    if (direction == Direction::Upgrade) {
        for (const auto& down : rev.down_revisions) {
            if (std::find(heads.begin(), heads.end(), down) != heads.end())
                change.remove.push_back(down);
        }
        change.add.push_back(rev.id);
        return change;
    }
    std::vector<std::string> remaining;
    for (const auto& h : heads) {
        if (h != rev.id) remaining.push_back(h);
    }
    auto covered = ancestors_or_self(remaining);
    change.remove.push_back(rev.id);
    for (const auto& down : rev.down_revisions) {
        if (!covered.count(down)) change.add.push_back(down);
    }
    return change;
}

std::vector<const Revision*> RevisionGraph::history() const {
    std::vector<const Revision*> out;
    for (auto it = revisions_.rbegin(); it != revisions_.rend(); ++it) out.push_back(&*it);
    return out;
}

}  // namespace autogen::migrate
