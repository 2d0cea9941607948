// The runner's options for the commands that change the version table.
#include "run_options.hpp"

#include <cstdlib>
#include <iostream>

#include "db/url.hpp"
#include "project.hpp"

namespace autogen::cli {

void add_lock_timeout_option(CLI::App& app, std::optional<double>& seconds) {
    app.add_option("--lock-timeout", seconds,
                   "seconds to wait for another migrator's lock before giving up with exit 3 "
                   "(default: [migrations] lock_timeout, 60)")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                char* end = nullptr;
                double value = std::strtod(text.c_str(), &end);
                bool number = !text.empty() && end && *end == '\0';
                return number && value >= 0
                           ? ""
                           : "'" + text + "' is not a number of seconds (0 or more)";
            },
            "SECONDS"));
}

migrate::RunOptions run_options(const support::Config& config, const LiveDatabase& live,
                                std::optional<double> lock_timeout) {
    migrate::RunOptions options;
    options.dialect = live.dialect->name;
    options.version_table = config.migrations.version_table;
    options.migrations_dir = config.migrations.dir;
    options.sums = migrate::RecordedSums{migrate::read_sum(sum_path(config)), sum_display(config)};
    options.lock_wait.timeout_seconds = lock_timeout.value_or(config.migrations.lock_timeout);
    options.lock_retries = config.migrations.lock_timeout_retries;
    options.lock_retry_delay_seconds = config.migrations.lock_timeout_retry_delay;
    // Shown even with -q: a silent wait is what it exists to end.
    options.lock_wait.on_wait = [](const std::string& line) {
        std::cerr << db::redact_password(line) << std::endl;
    };
    return options;
}

}  // namespace autogen::cli
