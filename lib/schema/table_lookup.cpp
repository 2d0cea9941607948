// TableLookup (table_lookup.hpp).
#include "table_lookup.hpp"

namespace autogen::schema {

namespace {

// The schema's length first: unambiguous whatever characters the names hold.
std::string key(const std::string& schema_name, const std::string& name) {
    return std::to_string(schema_name.size()) + ':' + schema_name + name;
}

}  // namespace

TableLookup::TableLookup(const Schema& schema) : schema_(&schema) {
    by_name_.reserve(schema.tables.size());
    for (std::size_t i = 0; i < schema.tables.size(); ++i)
        by_name_.emplace(key(schema.tables[i].schema, schema.tables[i].name), i);
}

std::optional<std::size_t> TableLookup::position(const std::string& name,
                                                 const std::string& schema_name) const {
    auto it = by_name_.find(key(schema_name, name));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
}

const Table* TableLookup::find(const std::string& name, const std::string& schema_name) const {
    auto at = position(name, schema_name);
    return at ? &schema_->tables[*at] : nullptr;
}

}  // namespace autogen::schema
