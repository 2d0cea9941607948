// CREATE INDEX and DROP INDEX read from tokens (sql_tokens.hpp): what the lint rules
// ask of them (concurrently? which table?) and what the runner's resume check asks (which
// index, in which schema).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/sql_tokens.hpp"

namespace autogen::support {

/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...`.
struct CreateIndex {
    std::string name;    ///< "" when the statement lets the database name it
    std::string table;   ///< "s.t" or "t"
    std::string schema;  ///< the table's schema, which is the index's; "" when unqualified
    bool concurrently = false;
};
std::optional<CreateIndex> read_create_index(const TokenRange& r);

/// `DROP INDEX [CONCURRENTLY] [IF EXISTS] name, ...`.
struct DropIndex {
    std::vector<std::vector<std::string>> names;  ///< each name's parts: {"s", "i"} or {"i"}
    bool concurrently = false;
};
std::optional<DropIndex> read_drop_index(const TokenRange& r);

}  // namespace autogen::support
