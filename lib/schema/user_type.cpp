// Composite types' in-place changes (user_type.hpp).
#include "schema/user_type.hpp"

#include <algorithm>

namespace autogen::schema {

bool is_composite(const SqlObject& type) {
    return type.kind == ObjectKind::Type && type.definition.rfind("TYPE AS (", 0) == 0;
}

std::string attribute_name(const std::string& attribute) {
    // quote_ident's output: a bare name, or a double-quoted one with "" inside.
    if (!attribute.empty() && attribute.front() == '"') {
        for (std::size_t i = 1; i < attribute.size(); ++i) {
            if (attribute[i] != '"') continue;
            if (i + 1 < attribute.size() && attribute[i + 1] == '"') {
                ++i;
                continue;
            }
            return attribute.substr(0, i + 1);
        }
        return attribute;
    }
    return attribute.substr(0, attribute.find(' '));
}

std::optional<AttributeChanges> attribute_changes(const SqlObject& from, const SqlObject& to) {
    if (!is_composite(from) || !is_composite(to)) return std::nullopt;
    auto named = [](const std::vector<std::string>& attrs, const std::string& name) {
        return std::find_if(attrs.begin(), attrs.end(),
                            [&](const std::string& a) { return attribute_name(a) == name; });
    };
    AttributeChanges out;
    std::vector<std::string> kept;
    for (const auto& a : from.columns) {
        auto now = named(to.columns, attribute_name(a));
        if (now == to.columns.end())
            out.dropped.push_back(attribute_name(a));
        else if (*now != a)
            return std::nullopt;  // a new type or collation: ALTER ATTRIBUTE ... TYPE not made
        else
            kept.push_back(a);
    }
    // `to` = the kept attributes in their order, then the added ones.
    if (to.columns.size() < kept.size() ||
        !std::equal(kept.begin(), kept.end(), to.columns.begin()))
        return std::nullopt;
    out.added.assign(to.columns.begin() + static_cast<std::ptrdiff_t>(kept.size()),
                     to.columns.end());
    return out;
}

}  // namespace autogen::schema
