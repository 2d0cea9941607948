// The comments on a declared view's columns (view_column_comments.hpp).
#include "schema/view_column_comments.hpp"

#include <set>

namespace autogen::schema {

bool takes_column_comments(ObjectKind kind) {
    return kind == ObjectKind::View || kind == ObjectKind::MaterializedView;
}

SetObjectComment view_column_comment(const SqlObject& o, const std::string& column,
                                     std::string from, std::string to) {
    SetObjectComment c = object_comment(o, std::move(from), std::move(to));
    c.column = column;
    return c;
}

std::vector<SetObjectComment> column_comment_changes(const SqlObject& from, const SqlObject& to) {
    std::vector<SetObjectComment> out;
    if (!takes_column_comments(to.kind)) return out;
    std::set<std::string> columns;
    for (const auto& [column, text] : from.column_comments) columns.insert(column);
    for (const auto& [column, text] : to.column_comments) columns.insert(column);
    for (const auto& column : columns) {
        auto a = from.column_comments.find(column), b = to.column_comments.find(column);
        const std::string before = a == from.column_comments.end() ? "" : a->second;
        const std::string after = b == to.column_comments.end() ? "" : b->second;
        if (before != after) out.push_back(view_column_comment(to, column, before, after));
    }
    return out;
}

std::vector<std::string> flat_column_comments(const std::map<std::string, std::string>& comments) {
    std::vector<std::string> out;
    for (const auto& [column, text] : comments) {
        out.push_back(column);
        out.push_back(text);
    }
    return out;
}

std::map<std::string, std::string> column_comments_from(const std::vector<std::string>& flat) {
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) out[flat[i]] = flat[i + 1];
    return out;
}

}  // namespace autogen::schema
