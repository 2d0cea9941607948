// A schema's tables by schema and name in constant time. Schema::find_table walks the
// list, which is what one lookup wants; looking up every table of one schema in another
// that way is quadratic (10,000 tables: a third of a warm `autogen check` went to it,
// docs/performance.md). Build one of these instead, once per pass.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "schema/schema.hpp"

namespace autogen::schema {

class TableLookup {
  public:
    /// Indexes `schema`'s tables; with two of one name (never in a checked schema), the
    /// first wins, as with Schema::find_table. `schema` must outlive the lookup and keep
    /// its table list unchanged.
    explicit TableLookup(const Schema& schema);

    /// The position of the table in Schema::tables; nullopt if there is none.
    std::optional<std::size_t> position(const std::string& name,
                                        const std::string& schema_name) const;
    /// The table; null if there is none.
    const Table* find(const std::string& name, const std::string& schema_name) const;

  private:
    const Schema* schema_;
    std::unordered_map<std::string, std::size_t> by_name_;
};

}  // namespace autogen::schema
