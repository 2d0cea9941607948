// A light, preprocessor-free walk over #include directives, for deciding *what* to
// parse before libclang runs: which standard headers the model headers reach (the
// precompiled header's contents, std_pch.hpp) and which project headers a source of
// compile_commands.json includes (compile_commands.hpp). It reads directives
// textually: #if/#ifdef are not evaluated and macro includes (#include FOO) are
// skipped, so it can over-approximate; libclang's parse stays the authority.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace autogen::scan {

/// One `#include "x"` or `#include <x>` line.
struct IncludeDirective {
    std::string name;     ///< as written between the delimiters
    bool angled = false;  ///< <x> rather than "x"
    bool conditional =
        false;  ///< inside #if/#ifdef/#ifndef (a leading include guard does not count)
};

/// The #include directives of a source text, in order. Lines inside /* */ comments
/// and raw text after // are ignored; #include_next, #import and macro includes are skipped.
/// Conditions are not evaluated, only noted (IncludeDirective::conditional).
/// `opaque`, if given, is set when the text has a directive that reads a file this
/// walk cannot follow (#include MACRO, #include_next, #import).
std::vector<IncludeDirective> include_directives(std::string_view text, bool* opaque = nullptr);

/// Where clang looks for included files, taken from clang arguments.
struct IncludeSearch {
    std::vector<std::filesystem::path> quote_dirs;  ///< -iquote (for "x" only)
    std::vector<std::filesystem::path> dirs;  ///< -I, then -isystem, then -idirafter, in that order
};

/// The search folders of `args` (-I DIR, -IDIR, -isystem, -iquote, -idirafter);
/// relative folders are made absolute against `working_dir`.
IncludeSearch include_search(const std::vector<std::string>& args,
                             const std::filesystem::path& working_dir);

/// What a walk reached.
struct IncludeWalk {
    /// Every file under the project root reached from the starts (the starts
    /// included), in first-reached order, absolute and normalised.
    std::vector<std::filesystem::path> project_files;
    /// The include names that lead outside the project root (the standard library,
    /// autogen/model.hpp, third-party headers), as <name>, first-seen order, deduplicated;
    /// only unconditional ones (a header behind #ifdef _WIN32 might not even exist).
    std::vector<std::string> outside_headers;
    /// Project files with an include the walk cannot follow (include_directives'
    /// `opaque`): what they read is unknown to the walk.
    std::vector<std::filesystem::path> opaque_files;
};

/// Follows #include directives from `starts` through every file under `root`.
/// "x" is looked up beside the including file, then in quote_dirs, then dirs; <x> in
/// dirs. A name that resolves under `root` is followed; one that resolves elsewhere
/// through the search folders, or an <x> that resolves nowhere (a standard header
/// found through clang's built-in paths), goes to outside_headers.
IncludeWalk walk_includes(const std::vector<std::filesystem::path>& starts,
                          const IncludeSearch& search, const std::filesystem::path& root);

/// True if `path` is `root` or below it (both absolute, normalised).
bool is_under(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace autogen::scan
