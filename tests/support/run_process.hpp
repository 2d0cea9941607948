// Test helper: runs a program to completion (stdin /dev/null, CI=true so that nothing
// prompts) and returns its exit code and what it printed, for the tests that drive the
// built autogen or a compiler from C++.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace autogen::testing {

struct ProcessResult {
    std::string command;  ///< the words run, joined by blanks
    int code = -1;        ///< the exit code; 128 + N when signal N ended it
    std::string out, err;

    /// "`command` exited N" with both outputs, for failure messages.
    std::string transcript() const;
};

/// Runs `argv` (argv[0] a path) in `cwd` with `env` added to this process's environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                          const std::map<std::string, std::string>& env = {});

}  // namespace autogen::testing
