// The data-loss gate of `autogen revision` (data_loss_gate.hpp).
#include "data_loss_gate.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <iostream>

namespace autogen::cli {

namespace {

using introspect::Impact;
using introspect::ImpactKind;
using support::Category;

/// Can we ask? Only at a terminal (the answer from stdin, the question on stderr) and
/// never under CI, where nobody answers.
bool can_prompt() {
    const char* ci = std::getenv("CI");
    if (ci && *ci) return false;
    return isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
}

/// Asks on stderr, reads one line of stdin: only "y" or "yes" is a yes.
bool confirmed() {
    std::cerr << "Write this revision anyway? [y/N] " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return false;
    std::string answer;
    for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c)))
            answer += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return answer == "y" || answer == "yes";
}

std::string counted_where(const ModelChanges& changes) {
    return changes.live ? " in " + changes.live->url.redacted()
                        : std::string(" (no live database to count them in)");
}

}  // namespace

bool pass_data_loss_gate(Session& session, ModelChanges& changes, bool allow_data_loss) {
    const PlannedChange& primary = changes.primary();
    auto impacts = introspect::assess(primary.operations, *primary.from, *primary.to,
                                      *primary.dialect->impact);
    if (impacts.empty()) return true;
    if (changes.live)
        introspect::count_impacts(impacts, *primary.dialect->impact, *changes.live->conn,
                                  session.diags);

    std::size_t refused = 0;
    for (const auto& i : impacts) {
        if (!introspect::blocks(i)) continue;
        ++refused;
        session.diags.error(Category::Usage,
                            "cannot run on the stored rows: " + i.what + ": " +
                                introspect::describe_count(i) + counted_where(changes),
                            {}, i.fix);
    }
    if (refused) {
        session.diags.error(Category::Usage,
                            "nothing written: " + std::to_string(refused) +
                                " change(s) above cannot run on the rows stored now",
                            {}, "fix each as its hint says, then run 'autogen revision' again");
        return false;
    }

    std::vector<const Impact*> losses;
    for (const auto& i : impacts) {
        if (i.kind == ImpactKind::Destructive)
            losses.push_back(&i);
        else if (!i.count)
            session.info("not checked against stored rows: " + i.what + counted_where(changes));
    }
    if (losses.empty()) return true;

    session.info(
        {{"data loss:", Tone::Danger},
         {" this revision has " + std::to_string(losses.size()) + " destructive operation(s):"}},
        /*always=*/true);
    std::vector<std::string> lines;
    for (const auto* i : losses) {
        session.info({{"  "}, {i->what + ": " + introspect::describe_count(*i), Tone::Danger}},
                     /*always=*/true);
        lines.push_back("WARNING: data loss: " + i->what + ": " + introspect::describe_count(*i) +
                        (changes.live ? " in the live database when this revision was written"
                                      : " (no live database when this revision was written)"));
    }
    if (!changes.live)
        session.info({{"  (no live database: the rows cannot be counted)"}}, /*always=*/true);

    if (allow_data_loss) {
        session.info("--allow-data-loss: writing it anyway");
    } else if (!can_prompt()) {
        session.diags.error(
            Category::Usage,
            "refusing to write a revision that loses data (" + std::to_string(losses.size()) +
                " destructive operation(s) listed above); nothing written",
            {},
            "review them, then pass --allow-data-loss, or run 'autogen revision' at a terminal and "
            "confirm");
        return false;
    } else if (!confirmed()) {
        session.diags.error(
            Category::Usage, "data loss not confirmed: nothing written", {},
            "change the models to keep the data, or answer y (or pass --allow-data-loss)");
        return false;
    }

    std::vector<codegen::Statement> notes;
    for (const auto& line : lines) notes.push_back({.comment = line});
    for (auto& p : changes.per_dialect)
        p.statements.upgrade.insert(p.statements.upgrade.begin(), notes.begin(), notes.end());
    return true;
}

std::vector<bool> destructive_flags(const PlannedChange& change) {
    return introspect::destructive_operations(change.operations, *change.from, *change.to,
                                              *change.dialect->impact);
}

std::string marked(const std::string& phrase, bool destructive) {
    return destructive ? phrase + " [data loss]" : phrase;
}

}  // namespace autogen::cli
