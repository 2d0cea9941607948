// lint_chain (lint_chain.hpp).
#include "lint_chain.hpp"

#include <fstream>
#include <sstream>

#include "lint/linter.hpp"

namespace autogen::cli {

LiveSizes live_sizes(const std::string& dialect,
                     const std::vector<introspect::RelationSize>& relations) {
    LiveSizes out{dialect, {}};
    for (const auto& r : relations)
        for (const auto& name : r.names) out.sizes[name] = {r.rows, r.bytes};
    return out;
}

std::vector<const dialect::Dialect*> linting_dialects(const dialect::DialectRegistry& registry,
                                                      const support::Config& config) {
    std::vector<const dialect::Dialect*> out;
    for (const auto& name : config.database.dialects)
        if (const auto* d = registry.find(name); d && d->lint) out.push_back(d);
    return out;
}

ChainFindings lint_chain(const migrate::RevisionGraph& graph,
                         const std::vector<const dialect::Dialect*>& dialects,
                         const std::set<std::string>& chosen, const LiveSizes* sizes) {
    ChainFindings out;
    std::vector<lint::LintState> states(dialects.size());
    const auto newest_first = graph.history();
    std::size_t left = chosen.size();  // revisions newer than the last chosen one need no read
    // Parents first, so that each revision sees the column types the chain gave.
    for (auto it = newest_first.rbegin(); it != newest_first.rend() && left > 0; ++it) {
        const auto* rev = *it;
        if (chosen.count(rev->id)) --left;
        std::ifstream in(rev->path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        for (std::size_t d = 0; d < dialects.size(); ++d) {
            auto result = lint::lint_revision(*rev, text.str(), dialects[d]->name,
                                              *dialects[d]->lint, states[d]);
            if (!chosen.count(rev->id)) continue;
            if (sizes && sizes->dialect == dialects[d]->name)
                lint::weigh_by_size(result.findings, sizes->sizes);
            out.suppressed += result.suppressed.size();
            for (auto& f : result.findings) {
                ++out.counts[static_cast<int>(f.severity)];
                out.findings.emplace_back(rev->id, std::move(f));
            }
        }
    }
    return out;
}

}  // namespace autogen::cli
