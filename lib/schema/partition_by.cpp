// normalised_partition_by() (partition_by.hpp).
#include "schema/partition_by.hpp"

#include <cctype>

namespace autogen::schema {

std::string normalised_partition_by(const std::string& text, std::string& error) {
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string strategy;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
        strategy += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i++])));
    if (strategy != "RANGE" && strategy != "LIST" && strategy != "HASH") {
        error = "partition_by starts with RANGE, LIST or HASH, not \"" + text + "\"";
        return {};
    }
    std::string key;  // the rest, its whitespace collapsed
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!key.empty() && key.back() != ' ') key += ' ';
            continue;
        }
        key += c;
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    if (key.size() < 3 || key.front() != '(' || key.back() != ')') {
        error = "partition_by is " + strategy + " followed by its key in parentheses";
        return {};
    }
    // As pg_get_partkeydef spaces it: "(a, b)", no space inside the outer parentheses.
    std::string out;
    for (std::size_t k = 0; k < key.size(); ++k) {
        const char c = key[k];
        if (c == ' ' && (out.empty() || out.back() == '(' ||
                         (k + 1 < key.size() && (key[k + 1] == ')' || key[k + 1] == ','))))
            continue;
        out += c;
        if (c == ',' && (k + 1 >= key.size() || key[k + 1] != ' ')) out += ' ';
    }
    return strategy + " " + out;
}

}  // namespace autogen::schema
