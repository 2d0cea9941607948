// CREATE / DROP INDEX read from tokens (sql_index_statements.hpp).
#include "support/sql_index_statements.hpp"

#include "support/text.hpp"

namespace autogen::support {

std::optional<CreateIndex> read_create_index(const TokenRange& r) {
    std::size_t i = 0;
    if (!skip_words(r, i, {"CREATE"})) return std::nullopt;
    skip_words(r, i, {"UNIQUE"});
    if (!skip_words(r, i, {"INDEX"})) return std::nullopt;
    CreateIndex index;
    index.concurrently = skip_words(r, i, {"CONCURRENTLY"});
    skip_words(r, i, {"IF", "NOT", "EXISTS"});
    if (i < r.size() && !r[i].is("ON")) index.name = read_name(r, i);
    if (!skip_words(r, i, {"ON"})) return std::nullopt;
    skip_words(r, i, {"ONLY"});
    auto table = read_name_parts(r, i);
    if (table.size() > 1) index.schema = table[table.size() - 2];
    index.table = join_with(table, ".");
    return index;
}

std::optional<DropIndex> read_drop_index(const TokenRange& r) {
    std::size_t i = 0;
    if (!skip_words(r, i, {"DROP", "INDEX"})) return std::nullopt;
    DropIndex drop;
    drop.concurrently = skip_words(r, i, {"CONCURRENTLY"});
    skip_words(r, i, {"IF", "EXISTS"});
    for (const auto& part : r.from(i).split_commas()) {
        std::size_t j = 0;
        auto name = read_name_parts(part, j);
        if (!name.empty()) drop.names.push_back(std::move(name));
    }
    return drop;
}

}  // namespace autogen::support
