// An environment variable set for one scope of a test and put back as it was after it
// (AUTOGEN_NO_CACHE, AUTOGEN_CACHE_DIR ... steer the library from the environment).
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

namespace autogen::testing {

class ScopedEnv {
  public:
    ScopedEnv(std::string name, const char* value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) saved_ = old;
        ::setenv(name_.c_str(), value, 1);
    }
    ~ScopedEnv() {
        if (saved_)
            ::setenv(name_.c_str(), saved_->c_str(), 1);
        else
            ::unsetenv(name_.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::string name_;
    std::optional<std::string> saved_;
};

}  // namespace autogen::testing
