// rename_hints(): pairs the drops and adds of one diff that have the same definition.
#include "diff/rename_hints.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

bool same_definition(const Column& a, const Column& b, const DiffRules& rules) {
    return rules.same_type(a, b) && a.nullable == b.nullable &&
           rules.same_default(a.server_default, b.server_default) && a.identity == b.identity &&
           a.generated.has_value() == b.generated.has_value() && a.collation == b.collation;
}

bool same_columns(const Table& a, const Table& b, const DiffRules& rules) {
    if (a.columns.size() != b.columns.size()) return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
        if (a.columns[i].name != b.columns[i].name ||
            !same_definition(a.columns[i], b.columns[i], rules))
            return false;
    return true;
}

}  // namespace

std::vector<RenameHint> rename_hints(const std::vector<Operation>& ops, const DiffRules& rules) {
    std::vector<RenameHint> out;
    std::vector<bool> used(ops.size(), false);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (const auto* drop = std::get_if<DropColumn>(&ops[i])) {
            for (std::size_t j = 0; j < ops.size(); ++j) {
                const auto* add = std::get_if<AddColumn>(&ops[j]);
                if (!add || used[j] || !(add->table == drop->table) ||
                    !same_definition(drop->column, add->column, rules))
                    continue;
                used[j] = true;
                out.push_back(
                    {RenameHint::Kind::Column, drop->table, drop->column.name, add->column.name});
                break;
            }
        } else if (const auto* drop_table = std::get_if<DropTable>(&ops[i])) {
            for (std::size_t j = 0; j < ops.size(); ++j) {
                const auto* create = std::get_if<CreateTable>(&ops[j]);
                if (!create || used[j] || create->table.schema != drop_table->table.schema ||
                    !same_columns(drop_table->table, create->table, rules))
                    continue;
                used[j] = true;
                out.push_back({RenameHint::Kind::Table, ref(create->table), drop_table->table.name,
                               create->table.name});
                break;
            }
        }
    }
    return out;
}

std::vector<IgnoredRename> ignored_renames(const Schema& from, const Schema& to) {
    std::vector<IgnoredRename> out;
    for (const Table& t : to.tables) {
        const Table* live = from.find_table(t.name, t.schema);
        if (!t.renamed_from.empty() && live && from.find_table(t.renamed_from, t.schema))
            out.push_back({&t, nullptr});
        if (!live) continue;
        for (const Column& c : t.columns)
            if (!c.renamed_from.empty() && c.renamed_from != c.name && live->find_column(c.name) &&
                live->find_column(c.renamed_from))
                out.push_back({&t, &c});
    }
    return out;
}

}  // namespace autogen::diff
