// config_without_file() and use_migrations_option() (migrations_option.hpp).
#include "migrations_option.hpp"

namespace autogen::cli {

namespace fs = std::filesystem;
using support::Category;

support::Config config_without_file(const fs::path& root, std::vector<std::string> dialects) {
    support::Config config;
    config.root = root;
    config.database.dialects = std::move(dialects);
    config.database.dialects_given = true;
    return config;
}

bool use_migrations_option(support::Config& config, const std::string& dir,
                           support::Diagnostics& diags) {
    std::error_code ec;
    const fs::path folder = fs::absolute(dir, ec);
    if (ec || !fs::exists(folder, ec)) {
        diags.error(Category::Config, "migrations folder does not exist", {folder.string()},
                    "--migrations names the folder that holds the revision files (*.sql)");
        return false;
    }
    if (!fs::is_directory(folder, ec)) {
        diags.error(Category::Config, "--migrations names a file, not a folder", {folder.string()},
                    "pass the folder that holds the revision files (*.sql)");
        return false;
    }
    // An absolute dir: Config::migrations_dir() (root / dir) is then the folder itself.
    config.migrations.dir = folder.string();
    return true;
}

}  // namespace autogen::cli
