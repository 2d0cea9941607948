// error_from(), error_of() and log_warnings() (error_value.hpp).
#include "runtime/error_value.hpp"

#include <algorithm>

#include "db/url.hpp"

namespace autogen::runtime {

namespace {

migrate::ErrorKind kind_of(support::Category category) {
    switch (category) {
        case support::Category::Usage:
            return migrate::ErrorKind::Usage;
        case support::Category::Config:
        case support::Category::Io:
            return migrate::ErrorKind::Config;
        case support::Category::Model:
        case support::Category::MigrationFile:
        case support::Category::Template:
            return migrate::ErrorKind::MigrationFile;
        case support::Category::Database:
            return migrate::ErrorKind::Database;
        case support::Category::Internal:
            break;
    }
    return migrate::ErrorKind::Internal;
}

/// The revision whose file `location` is, or whose id the message names first.
std::string revision_of(const support::Diagnostic& d, const migrate::RevisionGraph* graph) {
    if (!graph) return {};
    std::string found;
    std::size_t at = std::string::npos;
    for (const auto* rev : graph->history()) {
        if (d.location.known() && rev->path.string() == d.location.file) return rev->id;
        // Messages name revisions by id ("revision 1a2b ... was edited"): the earliest wins.
        if (auto pos = d.message.find(rev->id); pos < at) {
            at = pos;
            found = rev->id;
        }
    }
    return found;
}

}  // namespace

migrate::Error error_from(const support::Diagnostics& diags, const migrate::RevisionGraph* graph) {
    migrate::Error error;
    bool first = true;
    for (const auto& d : diags.items()) {
        if (d.severity != support::Severity::Error) continue;
        // A message about a database URL never carries its password.
        error.message += db::redact_password(support::format(d)) + "\n";
        if (!first) continue;
        first = false;
        error.kind = kind_of(d.category);
        error.what = db::redact_password(d.message);
        error.location = d.location.str();
        error.hint = d.hint;
        error.revision = revision_of(d, graph);
    }
    if (first)
        error = error_of(migrate::ErrorKind::Internal, "failed without saying why",
                         "this is a bug in autogen; please report it");
    return error;
}

migrate::Error error_of(migrate::ErrorKind kind, std::string what, std::string hint,
                        std::string revision) {
    migrate::Error error;
    error.kind = kind;
    error.message = "error: " + what + (hint.empty() ? "" : "\n  hint: " + hint) + "\n";
    error.what = std::move(what);
    error.hint = std::move(hint);
    error.revision = std::move(revision);
    return error;
}

void log_warnings(const support::Diagnostics& diags, const migrate::Logger& logger) {
    if (!logger) return;
    for (const auto& d : diags.items()) {
        if (d.severity == support::Severity::Warning)
            logger(migrate::LogLevel::Warning, db::redact_password(support::format(d)));
    }
}

}  // namespace autogen::runtime
