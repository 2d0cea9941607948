// An application that migrates its database at start-up with autogen's runtime
// (<autogen/migrate.hpp>), from a migrations folder on disk, or (built with
// CONSUMER_EMBEDDED) from the folder autogen_embed_migrations compiled into it. Built
// against the installed package by tests/consumer_test.sh.
// usage: consumer URL MIGRATIONS_DIR | consumer_embedded URL
//   -> "applied ID MESSAGE" lines, then "current IDS"
#include <autogen/migrate.hpp>
#include <autogen/model.hpp>  // autogen::model: the annotations compile in an application
#include <cstdint>
#include <iostream>

namespace {

struct AUTOGEN_TABLE("consumer_notes") Note {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};

}  // namespace

int main(int argc, char** argv) {
#ifdef CONSUMER_EMBEDDED
    if (argc != 2) {
        std::cerr << "usage: consumer_embedded URL\n";
        return 2;
    }
    const auto source = autogen::migrate::embedded();
#else
    if (argc != 3) {
        std::cerr << "usage: consumer URL MIGRATIONS_DIR\n";
        return 2;
    }
    const auto source = autogen::migrate::folder(argv[2]);
#endif
    auto result = autogen::migrate::upgrade(argv[1], source, "head");
    if (!result) {
        std::cerr << result.error().message;
        return 1;
    }
    for (const auto& step : result->steps)
        std::cout << "applied " << step.id << " " << step.message << "\n";
    auto checked = autogen::migrate::check_applied(argv[1], source);
    if (!checked) {
        std::cerr << checked.error().message;
        return 1;
    }
    std::cout << "current";
    for (const auto& id : *checked) std::cout << " " << id;
    std::cout << "\n";
    return Note{}.id == 0 ? 0 : 1;
}
