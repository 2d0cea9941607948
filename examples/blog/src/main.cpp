// The blog's models used from ordinary code: autogen's annotations cost nothing at
// run time and compile warning-free with g++ and clang++ (-Wall -Wextra -Wpedantic).
#include <iostream>

#include "models/comment.hpp"
#include "models/post.hpp"
#include "models/tag.hpp"
#include "models/user.hpp"

int main() {
    User ada{};
    ada.id = 1;
    ada.email = "ada@example.com";
    Post post{};
    post.author_id = ada.id;
    post.title = "Hello";
    std::cout << ada.email << " wrote \"" << post.title << "\"\n";
    return 0;
}
