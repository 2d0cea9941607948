// comment_declaration() and attach_comments() (declared_comments.hpp).
#include "declared_comments.hpp"

#include <map>

#include "schema/routine_signature.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

namespace {

using schema::ObjectKind;
using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "write COMMENT ON {VIEW | MATERIALIZED VIEW | FUNCTION | PROCEDURE | ROUTINE | DOMAIN | TYPE "
    "| SEQUENCE | SCHEMA | EXTENSION | TABLE partition} name IS '...', COMMENT ON {TRIGGER | "
    "POLICY} name ON table IS '...', or COMMENT ON COLUMN view.column IS '...' (IS NULL: no "
    "comment)";

constexpr const char* kTableColumn =
    "a table column's comment is `comment = \"...\"` on its AUTOGEN_COLUMN (or the field's doc "
    "comment); COMMENT ON COLUMN names a column of a view or materialized view the files declare";

/// The words after COMMENT ON that name a declared kind, longest first.
struct KindWords {
    std::initializer_list<const char*> words;
    ObjectKind kind;
};
const KindWords kKinds[] = {
    {{"MATERIALIZED", "VIEW"}, ObjectKind::MaterializedView},
    {{"VIEW"}, ObjectKind::View},
    {{"FUNCTION"}, ObjectKind::Function},
    {{"PROCEDURE"}, ObjectKind::Procedure},
    {{"ROUTINE"}, ObjectKind::Function},
    {{"TRIGGER"}, ObjectKind::Trigger},
    {{"POLICY"}, ObjectKind::Policy},
    {{"EXTENSION"}, ObjectKind::Extension},
    {{"DOMAIN"}, ObjectKind::Domain},
    {{"SCHEMA"}, ObjectKind::Schema},
    {{"SEQUENCE"}, ObjectKind::Sequence},
    {{"TYPE"}, ObjectKind::Type},
    {{"TABLE"}, ObjectKind::Partition},
    {{"COLUMN"}, ObjectKind::View},  // a declared view's column (DeclaredComment::column)
};

/// Where the comment of what COMMENT ON `word` names is declared instead, or "" when
/// autogen declares no such object.
std::string declared_elsewhere(const support::Token& word) {
    if (word.is("INDEX") || word.is("CONSTRAINT"))
        return "an index's or constraint's comment is `comment = \"...\"` on its annotation "
               "(AUTOGEN_INDEX, AUTOGEN_UNIQUE, AUTOGEN_CHECK, AUTOGEN_FOREIGN_KEY, "
               "AUTOGEN_PRIMARY_KEY, AUTOGEN_EXCLUDE)";
    return "";
}

/// The schema written and the one an object has are the same: equal, or one unwritten
/// and the other PostgreSQL's default schema.
bool same_schema(const std::string& written, const std::string& declared) {
    if (written == declared) return true;
    return (written.empty() && declared == "public") || (declared.empty() && written == "public");
}

bool names(const DeclaredComment& c, const schema::SqlObject& o) {
    const bool kind = o.kind == c.kind || (c.any_routine && o.kind == ObjectKind::Procedure) ||
                      (!c.column.empty() && o.kind == ObjectKind::MaterializedView);
    if (!kind || o.name != c.name) return false;
    if ((c.kind == ObjectKind::Trigger || c.kind == ObjectKind::Policy) && o.table != c.table)
        return false;
    // Overloads: the argument types written name one (as PostgreSQL reads them).
    if (c.arguments && schema::is_routine(o) &&
        schema::identity_types(*c.arguments) != schema::identity_types(o.arguments))
        return false;
    return o.kind == ObjectKind::Extension || o.kind == ObjectKind::Schema ||
           same_schema(c.schema, o.schema);
}

std::string shown(const DeclaredComment& c) {
    if (!c.column.empty())
        return "column " + (c.schema.empty() ? "" : c.schema + ".") + c.name + "." + c.column;
    std::string kind = c.any_routine                     ? "routine"
                       : c.kind == ObjectKind::Partition ? "table"
                                                         : schema::to_string(c.kind);
    std::string out = kind + " " + (c.schema.empty() ? "" : c.schema + ".") + c.name;
    if (c.arguments) out += "(" + *c.arguments + ")";
    if (!c.table.empty()) out += " on " + c.table;
    return out;
}

}  // namespace

std::optional<DeclaredComment> comment_declaration(const support::TokenRange& r,
                                                   const SourceLocation& at,
                                                   support::Diagnostics& diags) {
    auto fail = [&](std::size_t i, const std::string& message, const std::string& hint) {
        const SourceLocation where =
            i < r.size() ? SourceLocation{at.file, r[i].line, r[i].column} : at;
        diags.error(Category::Model, message, where, hint);
        return std::nullopt;
    };
    std::size_t i = 0;
    if (!support::skip_words(r, i, {"COMMENT", "ON"})) return fail(0, "COMMENT ON expected", kForm);
    DeclaredComment c;
    c.location = at;
    bool known = false, is_column = false;
    std::size_t column_word = 0;
    for (const auto& k : kKinds) {
        if (!support::skip_words(r, i, k.words)) continue;
        c.kind = k.kind;
        c.any_routine = r[i - 1].is("ROUTINE");
        is_column = r[i - 1].is("COLUMN");
        if (is_column) {
            column_word = i - 1;
            c.column_location = {at.file, r[i - 1].line, r[i - 1].column};
        }
        known = true;
        break;
    }
    if (!known) {
        const std::string word = i < r.size() ? r[i].text : "";
        const std::string elsewhere = i < r.size() ? declared_elsewhere(r[i]) : "";
        return fail(i,
                    "COMMENT ON " + word +
                        (elsewhere.empty() ? " in a [models] sql file: the files declare no such "
                                             "object, so they cannot comment on one"
                                           : " in a [models] sql file: that comment is declared "
                                             "in the models"),
                    elsewhere.empty() ? std::string(kForm) : elsewhere);
    }
    auto parts = support::read_name_parts(r, i);
    if (is_column) {  // [schema.]view.column
        if (parts.size() < 2 || parts.size() > 3)
            return fail(column_word,
                        "COMMENT ON COLUMN names a column of a table or view: "
                        "[schema.]view.column expected",
                        kTableColumn);
        c.column = parts.back();
        parts.pop_back();
    }
    const bool one_part = c.kind == ObjectKind::Extension || c.kind == ObjectKind::Schema ||
                          c.kind == ObjectKind::Trigger || c.kind == ObjectKind::Policy;
    if (parts.empty() || parts.size() > (one_part ? 1u : 2u))
        return fail(i,
                    std::string(schema::to_string(c.kind)) + " name expected after \"" +
                        r.from(0).text().substr(0, 40) + "\"",
                    kForm);
    c.name = parts.back();
    if (parts.size() == 2) c.schema = parts.front();
    if (c.kind == ObjectKind::Function || c.kind == ObjectKind::Procedure) {
        if (i < r.size() && r[i].is('(')) {
            const std::size_t open = ++i;
            for (int depth = 1; i < r.size(); ++i) {
                if (r[i].is('(')) ++depth;
                if (r[i].is(')') && --depth == 0) break;
            }
            if (i >= r.size()) return fail(open - 1, "unbalanced parentheses", kForm);
            c.arguments = support::TokenRange{r.begin + open, r.begin + i}.text();
            ++i;
        }
    }
    if (c.kind == ObjectKind::Trigger || c.kind == ObjectKind::Policy) {
        if (!support::skip_words(r, i, {"ON"}))
            return fail(i,
                        "COMMENT ON " + std::string(schema::to_upper_kind(c.kind)) + " " + c.name +
                            " names no table: ON table expected",
                        kForm);
        const auto table = support::read_name_parts(r, i);
        if (table.empty() || table.size() > 2)
            return fail(i, "table name expected after ON", kForm);
        c.table = table.back();
        if (table.size() == 2) c.schema = table.front();
    }
    if (!support::skip_words(r, i, {"IS"})) return fail(i, "IS expected before the comment", kForm);
    if (i < r.size() && r[i].is("NULL")) {
        ++i;
    } else if (auto text = i < r.size() ? support::string_constant(r[i]) : std::nullopt) {
        c.text = std::move(*text);
        ++i;
    } else {
        return fail(i, "the comment must be a string constant ('...' or $$...$$) or NULL",
                    "write the comment between single quotes, doubling a quote inside it "
                    "('it''s'); an E'' string's escapes are not read");
    }
    if (i < r.size())
        return fail(i, "\"" + r[i].text + "\" after the comment: one COMMENT ON names one object",
                    kForm);
    return c;
}

void attach_comments(const std::vector<DeclaredComment>& comments,
                     std::vector<schema::SqlObject>& objects, support::Diagnostics& diags) {
    // The first COMMENT ON of each object, and of each view column (object, column).
    std::map<std::pair<const schema::SqlObject*, std::string>, SourceLocation> commented;
    for (const auto& c : comments) {
        std::vector<schema::SqlObject*> named;
        for (auto& o : objects)
            if (names(c, o)) named.push_back(&o);
        if (named.empty() && !c.column.empty()) {
            // No such view: a model table's column most likely, whose comment is the models'.
            diags.error(Category::Model,
                        "COMMENT ON COLUMN in a [models] sql file: that comment is declared in "
                        "the models, unless " +
                            shown(c) + " is a view's column (no view of the files is named " +
                            c.name + ")",
                        c.column_location, kTableColumn);
            continue;
        }
        if (named.empty()) {
            const bool table = c.kind == ObjectKind::Partition;
            diags.error(
                Category::Model,
                "COMMENT ON " + shown(c) + ": no statement of the [models] sql files declares it",
                c.location,
                table ? "a table's comment is `comment = \"...\"` on its AUTOGEN_TABLE "
                        "(or the struct's doc comment); COMMENT ON TABLE names a "
                        "declared partition (CREATE TABLE ... PARTITION OF)"
                : c.kind == ObjectKind::Type
                    ? "declare the type with CREATE TYPE in a [models] sql file; an "
                      "enum's comment is `comment = \"...\"` on its AUTOGEN_ENUM"
                    : "check the name (and its schema), or declare the object in a "
                      "[models] sql file");
            continue;
        }
        if (named.size() > 1) {
            diags.error(Category::Model,
                        "COMMENT ON " + shown(c) + " names " + std::to_string(named.size()) +
                            " declared objects",
                        c.location, "name the argument types of the one meant: f(integer, text)");
            continue;
        }
        auto [it, first] = commented.emplace(std::pair{named[0], c.column}, c.location);
        if (!first) {
            diags.error(
                Category::Model,
                "a second COMMENT ON " + shown(c) + " (the first at " + it->second.str() + ")",
                c.location,
                c.column.empty() ? "keep one: the object has one comment"
                                 : "keep one: the column has one comment");
            continue;
        }
        if (c.column.empty())
            named[0]->comment = c.text;
        else if (!c.text.empty())  // a view's column (IS NULL: none)
            named[0]->column_comments[c.column] = c.text;
    }
}

}  // namespace autogen::pipeline
