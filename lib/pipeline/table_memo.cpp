// The per-table memo (table_memo.hpp). File layout, after a format line: the counts of
// table and enum-set entries, one key per line (tables, then enum sets, each followed
// by its number of enums), then the entries as one schema in the scan cache's binary
// codec, in the same order (the enum sets concatenated).
#include "table_memo.hpp"

#include <algorithm>
#include <charconv>

#include "creation_plan.hpp"
#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/scan_cache.hpp"
#include "scan/cache/scan_result_codec.hpp"

namespace autogen::pipeline {

namespace {

constexpr std::string_view kFormat = "autogen-tables-1";
constexpr const char* kKeyFormat = "autogen-table-key-1";

/// The enum types `table`'s columns name, from `lowered` (any schema: a spare one only
/// makes the key stricter).
std::vector<schema::Enum> named_enums(const schema::Schema& lowered, const schema::Table& table) {
    std::vector<schema::Enum> out;
    for (const auto& e : lowered.enums) {
        const bool named =
            std::any_of(table.columns.begin(), table.columns.end(), [&](const schema::Column& c) {
                return !c.type.enum_name.empty() && c.type.enum_name == e.name;
            });
        if (named) out.push_back(e);
    }
    return out;
}

/// `t` without what a database never stores: source locations and rename declarations.
schema::Table without_model_facts(schema::Table t) {
    t.location = {};
    t.renamed_from.clear();
    for (auto& c : t.columns) {
        c.location = {};
        c.renamed_from.clear();
    }
    return t;
}

std::optional<std::size_t> parse_count(std::string_view text) {
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return n;
}

/// Splits off the next '\n'-terminated line of `rest`; nullopt when there is none.
std::optional<std::string_view> next_line(std::string_view& rest) {
    auto end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    auto line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
}

}  // namespace

std::string table_key(const dialect::Dialect& dialect, const std::string& server,
                      const schema::Schema& lowered, const schema::Table& table,
                      support::Diagnostics& diags) {
    schema::Schema alone;
    alone.tables.push_back(table);
    alone.enums = named_enums(lowered, table);
    auto statements = creation_statements(dialect, alone, diags);
    if (diags.has_errors()) return {};
    scan::KeyHasher h;
    h.add(kKeyFormat).add(dialect.name).add(server).add(std::to_string(statements.size()));
    for (const auto& s : statements) h.add(s.sql);
    return h.hex();
}

std::string enums_key(const std::string& dialect, const std::string& server,
                      const std::vector<schema::Enum>& lowered) {
    scan::KeyHasher h;
    h.add(kKeyFormat).add("enums").add(dialect).add(server).add(std::to_string(lowered.size()));
    for (const auto& e : lowered) {
        h.add(e.schema).add(e.name).add(std::to_string(e.labels.size()));
        for (const auto& label : e.labels) h.add(label);
    }
    return h.hex();
}

std::string table_digest(const schema::Table& table) {
    scan::CachedOutcome one;
    one.result.schema.tables.push_back(without_model_facts(table));
    scan::KeyHasher h;
    h.add(scan::encode_outcome(one));
    return h.hex();
}

std::string enums_digest(const std::vector<schema::Enum>& enums) {
    scan::CachedOutcome set;
    set.result.schema.enums = enums;
    for (auto& e : set.result.schema.enums) e.location = {};
    scan::KeyHasher h;
    h.add(scan::encode_outcome(set));
    return h.hex();
}

TableMemo TableMemo::load(const support::Config& config, const std::string& dialect,
                          const std::string& server) {
    TableMemo memo;
    auto cache = scan::CacheSettings::from_env(config.root.lexically_normal());
    if (!cache.enabled() || server.empty()) return memo;
    scan::KeyHasher h;
    h.add(kFormat).add(scan::this_build()).add(dialect).add(server);
    h.add(config.migrations.version_table).add(std::to_string(config.models.exclude_tables.size()));
    for (const auto& pattern : config.models.exclude_tables) h.add(pattern);
    memo.path_ = cache.dir / ("tables-" + h.hex() + ".bin");

    auto bytes = scan::read_whole_file(memo.path_);
    if (!bytes) return memo;
    std::string_view rest = *bytes;
    auto format = next_line(rest);
    auto counts = next_line(rest);
    if (!format || *format != kFormat || !counts) return memo;
    auto space = counts->find(' ');
    if (space == std::string_view::npos) return memo;
    auto n_tables = parse_count(counts->substr(0, space));
    auto n_sets = parse_count(counts->substr(space + 1));
    if (!n_tables || !n_sets) return memo;
    std::vector<std::string_view> table_keys;
    std::vector<std::pair<std::string_view, std::size_t>> set_keys;
    std::size_t n_enums = 0;
    for (std::size_t i = 0; i < *n_tables; ++i) {
        auto key = next_line(rest);
        if (!key) return memo;
        table_keys.push_back(*key);
    }
    for (std::size_t i = 0; i < *n_sets; ++i) {
        auto line = next_line(rest);
        if (!line) return memo;
        auto gap = line->find(' ');
        auto size =
            gap == std::string_view::npos ? std::nullopt : parse_count(line->substr(gap + 1));
        if (!size) return memo;
        set_keys.emplace_back(line->substr(0, gap), *size);
        n_enums += *size;
    }
    auto outcome = scan::decode_outcome(rest);
    if (!outcome || outcome->result.schema.tables.size() != *n_tables ||
        outcome->result.schema.enums.size() != n_enums) {
        return memo;  // corrupt: start afresh
    }
    memo.tables_ = std::move(outcome->result.schema.tables);
    for (std::size_t i = 0; i < *n_tables; ++i) memo.table_at_[std::string(table_keys[i])] = {i};
    auto next_enum = outcome->result.schema.enums.begin();
    for (const auto& [key, size] : set_keys) {
        memo.enums_at_[std::string(key)] = {memo.enum_sets_.size()};
        memo.enum_sets_.emplace_back(std::make_move_iterator(next_enum),
                                     std::make_move_iterator(next_enum + static_cast<long>(size)));
        next_enum += static_cast<long>(size);
    }
    return memo;
}

const schema::Table* TableMemo::find_table(const std::string& key) const {
    auto it = table_at_.find(key);
    if (it == table_at_.end()) return nullptr;
    it->second.used = true;
    return &tables_[it->second.index];
}

const std::vector<schema::Enum>* TableMemo::find_enums(const std::string& key) const {
    auto it = enums_at_.find(key);
    if (it == enums_at_.end()) return nullptr;
    it->second.used = true;
    return &enum_sets_[it->second.index];
}

void TableMemo::add_table(const std::string& key, schema::Table table) {
    if (auto it = table_at_.find(key); it != table_at_.end()) {
        tables_[it->second.index] = std::move(table);
        it->second.used = true;
    } else {
        table_at_[key] = {tables_.size(), true};
        tables_.push_back(std::move(table));
    }
    changed_ = true;
}

void TableMemo::add_enums(const std::string& key, std::vector<schema::Enum> enums) {
    if (auto it = enums_at_.find(key); it != enums_at_.end()) {
        enum_sets_[it->second.index] = std::move(enums);
        it->second.used = true;
    } else {
        enums_at_[key] = {enum_sets_.size(), true};
        enum_sets_.push_back(std::move(enums));
    }
    changed_ = true;
}

void TableMemo::save(std::size_t keep) const {
    if (!changed_ || path_.empty()) return;
    // The entries of this process first, then older ones up to `keep`.
    auto pick = [&](const auto& at, std::vector<std::string>& keys) {
        std::vector<std::pair<std::string, std::size_t>> used, unused;
        for (const auto& [key, entry] : at)
            (entry.used ? used : unused).emplace_back(key, entry.index);
        std::sort(unused.begin(), unused.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second; });  // newest
        if (unused.size() > keep) unused.resize(keep);
        used.insert(used.end(), unused.begin(), unused.end());
        std::sort(used.begin(), used.end(),
                  [](const auto& a, const auto& b) { return a.second < b.second; });
        std::vector<std::size_t> indexes;
        for (auto& [key, index] : used) {
            keys.push_back(key);
            indexes.push_back(index);
        }
        return indexes;
    };
    std::vector<std::string> table_keys, set_keys;
    const auto table_indexes = pick(table_at_, table_keys);
    const auto set_indexes = pick(enums_at_, set_keys);
    scan::CachedOutcome out;
    for (auto i : table_indexes) out.result.schema.tables.push_back(tables_[i]);
    std::string text(kFormat);
    text += "\n" + std::to_string(table_keys.size()) + " " + std::to_string(set_keys.size()) + "\n";
    for (const auto& k : table_keys) text += k + "\n";
    for (std::size_t i = 0; i < set_keys.size(); ++i) {
        const auto& set = enum_sets_[set_indexes[i]];
        text += set_keys[i] + " " + std::to_string(set.size()) + "\n";
        out.result.schema.enums.insert(out.result.schema.enums.end(), set.begin(), set.end());
    }
    text += scan::encode_outcome(out);
    std::error_code ignored;
    std::filesystem::create_directories(path_.parent_path(), ignored);
    scan::write_atomically(path_, text);
}

}  // namespace autogen::pipeline
