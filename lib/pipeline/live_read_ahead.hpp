// Reading the live schema while the caller does its own work. Opening the live
// database and running its inspector's catalog queries is mostly waiting for the server
// (on 1,000 PostgreSQL tables about a quarter of a second), which check can spend
// loading its scan cache, the revision files and autogen.sum instead: the read starts on
// a thread of its own and is taken where the schema is first needed.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "introspect/inspector.hpp"
#include "live_database.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

class LiveReadAhead {
  public:
    /// Starts opening ctx.database_url (as open_live, not required) and reading its schema
    /// under `config`. The thread keeps its own copies and diagnostics: nothing of `ctx`
    /// but the dialect registry (immutable) is used after this returns.
    LiveReadAhead(const Context& ctx, const support::Config& config);
    /// Waits for the thread (a read nobody took is dropped).
    ~LiveReadAhead();
    LiveReadAhead(const LiveReadAhead&) = delete;
    LiveReadAhead& operator=(const LiveReadAhead&) = delete;

    /// The live database (nullopt when none is configured or it failed: see ctx.diags)
    /// and, in `schema`, its schema as read under `config`: the read-ahead's when it
    /// was read with the same inspect options, else read again now (the scan may have
    /// kept more tables out of the comparison since). What was said on the way goes to
    /// `ctx` as open_live and inspect_live would have said it. Once only.
    std::optional<LiveDatabase> take(const Context& ctx, const support::Config& config,
                                     std::shared_ptr<const schema::Schema>& schema);

    /// What the read found, for work on another thread that needs it before take():
    /// the live database's dialect and schema, both null when it failed or said an
    /// error. Waits for the read; says nothing. Any number of times, from any thread.
    struct Found {
        const dialect::Dialect* dialect = nullptr;
        std::shared_ptr<const schema::Schema> schema;  ///< read under the constructor's config
    };
    Found peek() const;

  private:
    struct Read {
        std::optional<LiveDatabase> live;
        std::shared_ptr<const schema::Schema> schema;
        support::Diagnostics diags;
        std::vector<std::string> details;  ///< ctx.detail lines, in order
        introspect::InspectOptions options;
    };
    std::future<Read> reading_;
    std::shared_future<Found> found_;
};

}  // namespace autogen::pipeline
