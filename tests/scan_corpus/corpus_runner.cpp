// Runs one case of the scanner's golden corpus (tests/scan_corpus/README.md) against
// the built autogen binary: `corpus_runner AUTOGEN CASE_DIR`. The case is copied to a
// fresh temp folder (a default autogen.toml is added if it has none) and scanned there.
//
// good/<case>: `autogen --json inspect models` exits 0, prints nothing on stderr, and
//   its stdout equals <case>/expected.json byte for byte (AUTOGEN_UPDATE_GOLDEN=1
//   rewrites the golden file instead). `autogen -v inspect models` names every file
//   read and every table and enum with the file:line:col of the golden output.
// bad/<case>: every `// expect-error: TEXT` comment in a case file is an error that
//   `autogen inspect models` must report on that comment's line of that file, with TEXT
//   in its message; every error reported must be expected. Exit code 2, nothing on
//   stdout, and `autogen revision -m x` also exits 2 and writes no file.
//
// Exit 0 when the case passes; otherwise prints what differs and exits 1.
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

int failures = 0;

void fail(const std::string& what) {
    std::cerr << "FAIL: " << what << "\n";
    ++failures;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct Run {
    int code = -1;
    std::string out, err;
};

/// Runs `autogen ARGS` in `dir`, capturing stdout and stderr.
Run run(const std::string& autogen, const fs::path& dir, const std::string& args) {
    fs::path err_file = dir / ".corpus-stderr";
    std::string command = "cd " + quote(dir.string()) + " && " + quote(autogen) + " " + args + " 2>" +
                          quote(err_file.string());
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) r.out.append(buf, n);
    int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read(err_file);
    fs::remove(err_file);
    return r;
}

std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(e.path().lexically_relative(dir).string());
    return out;
}

struct Expected {
    std::string file;  // relative to the case folder
    unsigned line;
    std::string text;
    bool seen = false;
};

/// Every `// expect-error: TEXT` of the case's files; several on one line are separated
/// by another `// expect-error:`.
std::vector<Expected> expectations(const fs::path& dir) {
    static const std::string kMarker = "expect-error:";
    std::vector<Expected> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::istringstream in(read(e.path()));
        std::string line;
        unsigned number = 0;
        while (std::getline(in, line)) {
            ++number;
            for (auto at = line.find(kMarker); at != std::string::npos;) {
                auto next = line.find(kMarker, at + kMarker.size());
                std::string text = line.substr(at + kMarker.size(), next == std::string::npos ? std::string::npos
                                                                                              : next - at - kMarker.size());
                if (next != std::string::npos) text = text.substr(0, text.rfind("//"));
                text.erase(0, text.find_first_not_of(" \t"));
                text.erase(text.find_last_not_of(" \t\r") + 1);
                out.push_back({e.path().lexically_relative(dir).string(), number, text});
                at = next;
            }
        }
    }
    return out;
}

void good_case(const std::string& autogen, const fs::path& case_dir, const fs::path& work) {
    Run r = run(autogen, work, "--json inspect models");
    if (r.code != 0) fail("exit code " + std::to_string(r.code) + ", expected 0");
    if (!r.err.empty()) fail("stderr is not empty:\n" + r.err);
    // The golden file holds the document's "result" (docs/json.md), as inspect printed it
    // before every command's output became one document.
    auto document = nlohmann::ordered_json::parse(r.out, nullptr, false);
    if (document.is_discarded() || !document.contains("result")) return fail("stdout is not a --json document");
    if (!document["diagnostics"].empty()) fail("the document has diagnostics:\n" + r.out);
    r.out = document["result"].dump(2) + "\n";
    fs::path golden = case_dir / "expected.json";
    if (const char* update = std::getenv("AUTOGEN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(golden, std::ios::binary) << r.out;
        std::cerr << "updated " << golden << "\n";
    } else if (read(golden) != r.out) {
        fail("stdout differs from " + golden.string() + " (AUTOGEN_UPDATE_GOLDEN=1 rewrites it):\n" + r.out);
    }

    // -v names every file read and every model with its location.
    Run v = run(autogen, work, "-v --json inspect models");
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (json.is_discarded()) return fail("stdout is not JSON");
    auto has_line = [&](const std::string& start, const std::string& name, const nlohmann::json& location) {
        std::string at;
        if (location.is_object())
            at = location["file"].get<std::string>() + ":" + std::to_string(location["line"].get<unsigned>()) + ":" +
                 std::to_string(location["column"].get<unsigned>());
        std::istringstream lines(v.err);
        std::string line;
        while (std::getline(lines, line))
            if (line.rfind(start, 0) == 0 && line.find(name) != std::string::npos && line.find(at) != std::string::npos)
                return;
        fail("-v prints no line '" + start + "... " + name + " ... " + at + "':\n" + v.err);
    };
    for (const auto& f : json["files"]) has_line("read ", f.get<std::string>(), nullptr);
    for (const auto& t : json["schema"]["tables"]) has_line("model table ", t["name"].get<std::string>(), t["location"]);
    for (const auto& e : json["schema"]["enums"]) has_line("model enum ", e["name"].get<std::string>(), e["location"]);
}

void bad_case(const std::string& autogen, const fs::path& work) {
    auto expected = expectations(work);
    if (expected.empty()) fail("no '// expect-error: TEXT' comment in the case");
    auto before = listing(work);
    Run r = run(autogen, work, "inspect models");
    if (r.code != 2) fail("exit code " + std::to_string(r.code) + ", expected 2");
    if (!r.out.empty()) fail("stdout is not empty:\n" + r.out);
    static const std::regex kError(R"(^(.*?):(\d+)(?::\d+)?: error: (.*)$)");
    std::istringstream lines(r.err);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, kError)) {
            if (line.find("error:") != std::string::npos && line.rfind("  hint:", 0) != 0)
                fail("an error without file:line: " + line);
            continue;
        }
        fs::path file = m[1].str();
        std::string rel = file.is_absolute() ? fs::path(file).lexically_relative(work).string() : file.string();
        unsigned number = static_cast<unsigned>(std::stoul(m[2].str()));
        bool matched = false;
        for (auto& e : expected) {
            if (e.file == rel && e.line == number && m[3].str().find(e.text) != std::string::npos) {
                e.seen = matched = true;
            }
        }
        if (!matched) fail("unexpected error: " + line);
    }
    for (const auto& e : expected)
        if (!e.seen) fail("expected error not reported: " + e.file + ":" + std::to_string(e.line) + ": " + e.text);
    if (failures) std::cerr << "stderr was:\n" << r.err;

    Run rev = run(autogen, work, "revision -m should_not_be_written");
    if (rev.code != 2) fail("revision: exit code " + std::to_string(rev.code) + ", expected 2\n" + rev.err);
    if (listing(work) != before) fail("revision wrote files although the models have errors");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: corpus_runner AUTOGEN CASE_DIR\n";
        return 2;
    }
    std::string autogen = fs::absolute(argv[1]).string();
    fs::path case_dir = fs::absolute(argv[2]).lexically_normal();
    if (case_dir.filename().empty()) case_dir = case_dir.parent_path();
    std::string kind = case_dir.parent_path().filename().string();

    char pattern[] = "/tmp/autogen-corpus.XXXXXX";
    if (!mkdtemp(pattern)) return 2;
    fs::path work = pattern;
    fs::copy(case_dir, work, fs::copy_options::recursive);
    fs::remove(work / "expected.json");
    if (!fs::exists(work / "autogen.toml"))
        std::ofstream(work / "autogen.toml") << "[database]\nurl = \"sqlite:///db.sqlite3\"\n\n[models]\n"
                                                "headers = [\"**/*.hpp\"]\n";
    if (kind == "good")
        good_case(autogen, case_dir, work);
    else if (kind == "bad")
        bad_case(autogen, work);
    else
        fail("the case folder must be under good/ or bad/: " + case_dir.string());
    fs::remove_all(work);
    return failures ? 1 : 0;
}
