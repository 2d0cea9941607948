// libFuzzer target for the Jinja engine (lib/jinja): each input is a template
// source, parsed and rendered twice with a small fixed revision-like context, once
// with Jinja's default Environment() settings and once with the revision writer's
// (trim_blocks, lstrip_blocks, strict undefined). The built-in templates/ folder is on
// the search path, so inputs may include, import or extend revision.sql.j2.
//
// The engine must never crash, hang or let an exception out; a failed render must
// leave exactly one located Category::Template diagnostic, and never an "internal
// error" (an exception type the engine did not expect). Any of those aborts here, so
// libFuzzer reports it. Built only with clang (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "jinja/environment.hpp"

namespace jinja = autogen::codegen::jinja;

namespace {

/// The context every input renders with: the shape of the revision template's context.
const jinja::Value& fuzz_context() {
    static const jinja::Value ctx = jinja::Value::parse(R"json({
      "revision": "3f2a9c1b7d4e", "down_revision": "9a8b7c6d5e4f", "down_revisions": ["9a8b7c6d5e4f"],
      "message": "add user phone", "created": "2026-11-21T15:30:00Z",
      "branch_labels": ["main"], "depends_on": [], "operations": ["detected added column \"users\".\"phone\""],
      "dialects": [{"name": "sqlite",
        "upgrade": [{"sql": "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20)", "comment": "a\nb",
                     "comment_lines": ["a", "b"], "destructive": false, "warning": "", "no_transaction": false}],
        "downgrade": [{"sql": "ALTER TABLE \"users\" DROP COLUMN \"phone\"", "comment": "", "comment_lines": [],
                       "destructive": true, "warning": "drops column", "no_transaction": true}],
        "upgrade_no_transaction": false, "downgrade_no_transaction": true,
        "sections": [
          {"kind": "upgrade", "no_transaction": false, "statements": [{"sql": "SELECT 1", "comment": "",
            "comment_lines": [], "destructive": false, "warning": "", "no_transaction": false}]},
          {"kind": "downgrade", "no_transaction": true, "statements": []}]}],
      "n": 3, "f": 2.5, "s": "Text with spaces", "none": null, "d": {"k": 1, "j": [1, {"q": null}]}
    })json");
    return ctx;
}

/// Renders `source` with `env`; aborts on any outcome the engine promises never to give.
void render_one(const jinja::Environment& env, const std::string& source) {
    autogen::support::Diagnostics diags;
    auto out = env.render_string(source, "fuzz.j2", fuzz_context(), diags);
    if (out) {
        if (!diags.items().empty()) {
            std::fprintf(stderr, "jinja_fuzz: a successful render reported %zu diagnostics\n",
                         diags.items().size());
            std::abort();
        }
        return;
    }
    if (diags.items().size() != 1) {
        std::fprintf(stderr, "jinja_fuzz: a failed render reported %zu diagnostics, expected 1\n",
                     diags.items().size());
        std::abort();
    }
    const auto& d = diags.items().front();
    if (d.category != autogen::support::Category::Template || d.location.file.empty() ||
        d.message.rfind("internal error", 0) == 0) {
        std::fprintf(stderr, "jinja_fuzz: unexpected diagnostic: %s: %s\n", d.location.file.c_str(),
                     d.message.c_str());
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const jinja::Environment plain({AUTOGEN_FUZZ_TEMPLATE_DIR}, jinja::Options{});
    static const jinja::Environment revision(
        {AUTOGEN_FUZZ_TEMPLATE_DIR},
        jinja::Options{.trim_blocks = true, .lstrip_blocks = true, .strict_undefined = true});
    std::string source(reinterpret_cast<const char*>(data), size);
    render_one(plain, source);
    render_one(revision, source);
    return 0;
}
