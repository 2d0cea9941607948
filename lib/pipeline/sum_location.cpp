// sum_path() and sum_display() (sum_location.hpp).
#include "sum_location.hpp"

#include "migrate/sum_file.hpp"

namespace autogen::pipeline {

namespace fs = std::filesystem;

fs::path sum_path(const support::Config& config) {
    return config.migrations_dir() / std::string(migrate::kSumFileName);
}

std::string sum_display(const support::Config& config) {
    return (fs::path(config.migrations.dir) / std::string(migrate::kSumFileName)).string();
}

}  // namespace autogen::pipeline
