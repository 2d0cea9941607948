// LiveReadAhead (live_read_ahead.hpp).
#include "live_read_ahead.hpp"

#include "compared_tables.hpp"

namespace autogen::pipeline {

LiveReadAhead::LiveReadAhead(const Context& ctx, const support::Config& config) {
    const dialect::DialectRegistry* dialects = &ctx.dialects;
    std::promise<Found> found;
    found_ = found.get_future().share();
    reading_ = std::async(
        std::launch::async, [dialects, config, url = ctx.database_url, read_only = ctx.read_only,
                             found = std::move(found)]() mutable {
            Read read;
            read.options = inspect_options(config);
            const Context own{
                .diags = read.diags,
                .dialects = *dialects,
                .progress = {},
                .detail = [&read](const std::string& line) { read.details.push_back(line); },
                .info = {},
                .database_url = url,
                .read_only = read_only};
            read.live = open_live(own, config, /*required=*/false);
            if (read.live && !read.diags.has_errors()) {
                if (auto schema = inspect_live(*read.live, config, read.diags))
                    read.schema = std::make_shared<const schema::Schema>(std::move(*schema));
            }
            const bool usable = read.live && read.schema && !read.diags.has_errors();
            found.set_value(usable ? Found{read.live->dialect, read.schema} : Found{});
            return read;
        });
}

LiveReadAhead::~LiveReadAhead() {
    if (!reading_.valid()) return;
    try {
        reading_.get();
    } catch (...) {  // nobody asked for it: nothing to report
    }
}

std::optional<LiveDatabase> LiveReadAhead::take(const Context& ctx, const support::Config& config,
                                                std::shared_ptr<const schema::Schema>& schema) {
    schema.reset();
    Read read = reading_.get();
    for (const auto& line : read.details) ctx.say_detail(line);
    ctx.diags.absorb(std::move(read.diags));
    if (!read.live || ctx.diags.has_errors()) return std::move(read.live);
    if (read.schema && read.options == inspect_options(config)) {
        schema = std::move(read.schema);
    } else if (auto again = inspect_live(*read.live, config, ctx.diags, ctx.progress)) {
        schema = std::make_shared<const schema::Schema>(std::move(*again));
    }
    return std::move(read.live);
}

LiveReadAhead::Found LiveReadAhead::peek() const { return found_.get(); }

}  // namespace autogen::pipeline
