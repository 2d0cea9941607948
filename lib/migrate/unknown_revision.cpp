// The unknown-revision wording (unknown_revision.hpp).
#include "migrate/unknown_revision.hpp"

namespace autogen::migrate {

std::string unknown_revision_message(std::string_view id, std::string_view migrations_dir) {
    std::string dir(migrations_dir.empty() ? "migrations" : migrations_dir);
    if (dir.back() != '/') dir += '/';
    return "the database is at revision " + std::string(id) + ", which no file in " + dir + " has";
}

std::string unknown_revision_hint() {
    return "is this another project's database (check --url, DATABASE_URL and [database] url), or "
           "a branch "
           "not checked out? Check out the branch that has the revision, or set the version with "
           "'autogen stamp' if you know where the database is";
}

}  // namespace autogen::migrate
