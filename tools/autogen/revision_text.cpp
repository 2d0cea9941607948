// Text forms of revisions for the graph-reading commands. What comes from the file
// (message, labels, path) is escaped to one line: a revision file cannot forge output
// lines or send escape sequences to the terminal.
#include "revision_text.hpp"

#include <algorithm>

#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

std::string tags(const migrate::RevisionGraph& graph, const migrate::Revision& rev) {
    std::string out;
    auto heads = graph.heads();
    if (std::find(heads.begin(), heads.end(), rev.id) != heads.end()) out += " (head)";
    if (graph.children(rev.id).size() > 1) out += " (branchpoint)";
    if (rev.is_merge()) out += " (mergepoint)";
    if (!rev.branch_labels.empty())
        out += " (" + support::one_line_text(support::join_with(rev.branch_labels, ", ")) + ")";
    return out;
}

}  // namespace

std::string revision_line(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                          bool current) {
    std::string parents = rev.is_base() ? "<base>" : support::join_with(rev.down_revisions, ", ");
    if (rev.is_merge()) parents = "(" + parents + ")";
    return parents + " -> " + rev.id + tags(graph, rev) + (current ? " (current)" : "") + ", " +
           support::one_line_text(rev.message);
}

std::string revision_short(const migrate::RevisionGraph& graph, const migrate::Revision& rev) {
    return rev.id + tags(graph, rev) + ", " + support::one_line_text(rev.message);
}

std::string revision_block(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                           bool current) {
    std::string out = "Rev: " + rev.id + tags(graph, rev) + (current ? " (current)" : "") + "\n";
    out += "Parent: " +
           (rev.is_base() ? std::string("<base>") : support::join_with(rev.down_revisions, ", ")) +
           "\n";
    if (!rev.depends_on.empty())
        out += "Also depends on: " + support::join_with(rev.depends_on, ", ") + "\n";
    if (!rev.branch_labels.empty())
        out +=
            "Branch names: " + support::one_line_text(support::join_with(rev.branch_labels, ", ")) +
            "\n";
    out += "Path: " + support::one_line_text(rev.path.string()) + "\n";
    out += "Created: " + support::one_line_text(rev.created) + "\n\n";
    out += "    " + support::one_line_text(rev.message) + "\n";
    return out;
}

}  // namespace autogen::cli
