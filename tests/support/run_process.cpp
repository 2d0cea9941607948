// run_process: fork + execvp with stdout and stderr captured in temporary files (files,
// not pipes: a child that fills one pipe while the parent reads the other would block).
#include "tests/support/run_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "tests/support/temp_dir.hpp"

namespace autogen::testing {

namespace fs = std::filesystem;

std::string ProcessResult::transcript() const {
    return "`" + command + "` exited " + std::to_string(code) + "\n--- stdout\n" + out +
           "--- stderr\n" + err;
}

ProcessResult run_process(const std::vector<std::string>& argv, const fs::path& cwd,
                          const std::map<std::string, std::string>& env) {
    TempDir scratch;
    const fs::path out_file = scratch.path() / "stdout", err_file = scratch.path() / "stderr";
    ProcessResult r;
    for (const auto& word : argv) r.command += (r.command.empty() ? "" : " ") + word;
    pid_t pid = fork();
    if (pid < 0) return r;
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || chdir(cwd.c_str()) != 0) _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        setenv("CI", "true", 1);
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_file);
    r.err = read_file(err_file);
    return r;
}

}  // namespace autogen::testing
