// The blog application's start-up: before it serves anything, it brings its database to
// the newest revision compiled into it (autogen_embed_migrations in ../CMakeLists.txt),
// under autogen's migration lock, so two instances starting together apply each
// revision once. Then it would open its own connection and work with the models.
// usage: blog_app [DATABASE_URL]   (default: $DATABASE_URL, else sqlite:///blog.sqlite3)
#include <autogen/migrate.hpp>
#include <cstdlib>
#include <iostream>
#include <string>

#include "models/post.hpp"
#include "models/user.hpp"

int main(int argc, char** argv) {
    namespace am = autogen::migrate;
    std::string url = "sqlite:///blog.sqlite3";
    if (argc > 1) {
        url = argv[1];
    } else if (const char* env = std::getenv("DATABASE_URL")) {
        url = env;
    }
    am::Options options;
    options.logger = [](am::LogLevel level, const std::string& line) {
        std::clog << (level == am::LogLevel::Warning ? "warning: " : "") << line << "\n";
    };
    auto migrated = am::upgrade(url, am::embedded(), "head", options);
    if (!migrated) {
        std::cerr << "blog_app: cannot bring the database up to date:\n"
                  << migrated.error().message;
        return 1;
    }
    std::cout << (migrated->nothing_to_do() ? "database already at" : "database migrated to");
    for (const auto& id : migrated->after) std::cout << " " << id;
    std::cout << "\n";
    // From here on the schema is the one the models describe.
    User ada{};
    ada.email = "ada@example.com";
    Post post{};
    post.title = "Hello";
    std::cout << ada.email << " may now write \"" << post.title << "\"\n";
    return 0;
}
