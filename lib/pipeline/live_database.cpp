// open_live() and inspect_live() (live_database.hpp).
#include "live_database.hpp"

#include "compared_tables.hpp"
#include "live_cache.hpp"
#include "require_dialect.hpp"

namespace autogen::pipeline {

std::optional<LiveDatabase> open_live(const Context& ctx, const support::Config& config,
                                      bool required) {
    const std::string& url = ctx.database_url;
    if (url.empty()) {
        if (required) {
            ctx.diags.error(support::Category::Config, "no database configured", {},
                            "set [database] url in autogen.toml, DATABASE_URL, or pass --url");
        }
        return std::nullopt;
    }
    auto parsed = ctx.dialects.parse_url(url, config.root, ctx.diags);
    if (!parsed) return std::nullopt;
    LiveDatabase live;
    live.url = *parsed;
    live.dialect = require_dialect(ctx.dialects, parsed->scheme, ctx.diags);
    if (!live.dialect) return std::nullopt;
    live.conn = live.dialect->connect(
        live.url, ctx.read_only ? db::Access::ReadOnly : db::Access::ReadWrite, ctx.diags);
    if (!live.conn) return std::nullopt;
    ctx.say_detail("database: " + live.url.redacted());
    return live;
}

std::optional<schema::Schema> inspect_live(LiveDatabase& live, const support::Config& config,
                                           support::Diagnostics& diags,
                                           const support::ProgressCallback& progress,
                                           LiveRead how) {
    const auto options = inspect_options(config);
    std::optional<LiveCacheEntry> cached;
    if (how == LiveRead::Cached) {
        cached.emplace(config, live, options);
        if (auto schema = cached->lookup()) return schema;
    }
    support::report(progress, {"inspecting the database", 0, 0, live.url.redacted()});
    const std::size_t said_before = diags.items().size();
    auto inspected = live.dialect->inspector->inspect(*live.conn, options, diags);
    support::report_finished(progress, "inspecting the database");
    if (cached && inspected && diags.items().size() == said_before) cached->store(*inspected);
    return inspected;
}

}  // namespace autogen::pipeline
