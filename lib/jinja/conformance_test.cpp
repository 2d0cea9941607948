// Conformance: renders every case in tests/jinja/cases with our engine and compares
// byte for byte with the .expected that python3-jinja2 produced (make_cases.py); an
// .error case must fail with a located Category::Template diagnostic. On a mismatch
// it prints a line diff. JINJA_CASE=name runs one case; JINJA_SHOW_ERRORS=1 prints
// our message beside Jinja's for every error case.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "jinja/environment.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using autogen::codegen::jinja::Environment;
using autogen::codegen::jinja::Options;
using autogen::codegen::jinja::Value;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        cur += c;
        if (c == '\n') {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string visible(const std::string& line) {
    std::string out;
    for (char c : line) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

/// A unified-ish diff: common prefix/suffix lines skipped, the differing middle shown.
std::string diff(const std::string& want, const std::string& got) {
    auto a = lines_of(want), b = lines_of(got);
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    std::ostringstream out;
    out << "@@ line " << pre + 1 << " @@\n";
    if (pre > 0) out << "  " << visible(a[pre - 1]) << "\n";
    for (std::size_t i = pre; i < a.size() - suf; ++i) out << "- " << visible(a[i]) << "\n";
    for (std::size_t i = pre; i < b.size() - suf; ++i) out << "+ " << visible(b[i]) << "\n";
    if (suf > 0) out << "  " << visible(a[a.size() - suf]) << "\n";
    return out.str();
}

struct CaseResult {
    bool ok = true;
    std::string report;
};

CaseResult run_case(const fs::path& dir, const std::string& name) {
    CaseResult r;
    std::string source = autogen::testing::read_file(dir / (name + ".j2"));
    Value data = Value::parse(autogen::testing::read_file(dir / (name + ".json")));
    Options opt;
    if (data.contains("__options__")) {
        const Value& o = data["__options__"];
        opt.trim_blocks = o.value("trim_blocks", false);
        opt.lstrip_blocks = o.value("lstrip_blocks", false);
        opt.keep_trailing_newline = o.value("keep_trailing_newline", false);
        opt.strict_undefined = o.value("strict_undefined", false);
        data.erase("__options__");
    }
    autogen::testing::TempDir tmp;
    if (data.contains("__templates__")) {
        for (const auto& [tname, tsource] : data["__templates__"].items())
            tmp.write(tname, tsource.get<std::string>());
        data.erase("__templates__");
    }
    tmp.write(name + ".j2", source);
    Environment env({tmp.path()}, opt);
    autogen::support::Diagnostics diags;
    auto out = env.render(name + ".j2", data, diags);
    bool want_error = fs::exists(dir / (name + ".error"));
    if (want_error) {
        if (out) {
            r.ok = false;
            r.report = name + ": expected an error, rendered:\n" + *out;
        } else if (diags.items().empty() ||
                   diags.items()[0].category != autogen::support::Category::Template ||
                   diags.items()[0].location.file.empty()) {
            r.ok = false;
            r.report = name + ": failed without a located Template diagnostic";
        } else if (std::getenv("JINJA_SHOW_ERRORS") != nullptr) {
            // side by side with Jinja's message, for reviewing wording
            r.report = name + ":\n  ours:   " + format(diags.items()[0]) +
                       "\n  jinja2: " + autogen::testing::read_file(dir / (name + ".error"));
        }
        return r;
    }
    std::string expected = autogen::testing::read_file(dir / (name + ".expected"));
    if (!out) {
        r.ok = false;
        r.report =
            name + ": render failed: " + (diags.items().empty() ? "?" : format(diags.items()[0]));
    } else if (*out != expected) {
        r.ok = false;
        r.report =
            name + ": output differs from jinja2 (- jinja2, + ours)\n" + diff(expected, *out);
    }
    return r;
}

}  // namespace

TEST_CASE("every conformance case renders as python3-jinja2 does") {
    fs::path dir = autogen::testing::source_dir() / "tests" / "jinja" / "cases";
    REQUIRE(fs::is_directory(dir));
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".j2") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    const char* only = std::getenv("JINJA_CASE");
    CHECK(names.size() >= 150);
    std::size_t failed = 0;
    for (const auto& name : names) {
        if (only != nullptr && name != only) continue;
        CaseResult r = run_case(dir, name);
        if (!r.ok) ++failed;
        if (!r.report.empty()) MESSAGE(r.report);
    }
    INFO(failed << " of " << names.size() << " cases differ");
    CHECK(failed == 0);
}
