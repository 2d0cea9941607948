// pipeline_context(), open_project() and apply_dev_url() (project.hpp).
#include "project.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace autogen::cli {

using support::Category;

pipeline::Context pipeline_context(Session& session) {
    pipeline::Context ctx{session.diags, session.dialects};
    ctx.progress = session.progress();
    ctx.detail = [&session](const std::string& line) { session.detail(line); };
    ctx.info = [&session](const std::string& line) { session.info(line); };
    ctx.database_url = session.database_url();
    ctx.read_only = session.read_only;
    return ctx;
}

std::optional<Project> open_project(Session& session) {
    const auto* config = session.config();
    if (!config) return std::nullopt;
    auto graph = pipeline::load_graph(*config, session.diags);
    if (!graph) return std::nullopt;
    return Project{config, std::move(*graph)};
}

bool apply_dev_url(Session& session, support::Config& config, const std::string& flag) {
    if (!flag.empty()) config.database.dev_url = flag;
    const std::string& url = config.database.dev_url;
    const std::string from = flag.empty()
                                 ? "[database] dev_url in " + config.file.filename().string()
                                 : std::string("--dev-url");
    if (url.empty()) return true;
    auto parsed = session.dialects.parse_url(url, config.root, session.diags);
    if (!parsed) return false;
    // A dialect whose scratch database needs no server refuses a dev URL of its own.
    const Dialect* own = session.dialects.find(parsed->scheme);
    if (own && own->refuse_dev_url && own->refuse_dev_url(from, session.diags)) return false;
    const auto& dialects = config.database.dialects;
    if (std::find(dialects.begin(), dialects.end(), parsed->scheme) == dialects.end()) {
        session.diags.warning(
            Category::Config,
            from + " is a " + parsed->scheme + " URL, but [database] dialects (" +
                support::join_with(dialects) + ") has no " + parsed->scheme + "; it is not used",
            {}, "add " + parsed->scheme + " to [database] dialects, or remove " + from);
    }
    session.detail("dev database server: " + parsed->redacted());
    return true;
}

}  // namespace autogen::cli
