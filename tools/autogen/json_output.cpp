// The shared objects of the `--json` documents (docs/json.md, docs/json-schema/).
#include "json_output.hpp"

#include <algorithm>
#include <array>
#include <variant>

#include "db/url.hpp"
#include "diff/phrases.hpp"
#include "pipeline/plan_change.hpp"
#include "support/display_path.hpp"
#include "support/printable_text.hpp"

namespace autogen::cli {

namespace fs = std::filesystem;

namespace {

using support::relative_inside;

std::string severity_name(support::Severity s) {
    switch (s) {
        case support::Severity::Note:
            return "note";
        case support::Severity::Warning:
            return "warning";
        case support::Severity::Error:
            return "error";
    }
    return "error";
}

std::string category_name(support::Category c) {
    switch (c) {
        case support::Category::Usage:
            return "usage";
        case support::Category::Config:
            return "config";
        case support::Category::Model:
            return "model";
        case support::Category::MigrationFile:
            return "migration-file";
        case support::Category::Template:
            return "template";
        case support::Category::Database:
            return "database";
        case support::Category::Io:
            return "io";
        case support::Category::Internal:
            return "internal";
    }
    return "internal";
}

Json null_if_empty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string table_name(const schema::TableRef& t) {
    return t.schema.empty() ? t.name : t.schema + "." + t.name;
}

/// The column an operation is on, or "" when it is not on one column.
std::string column_of(const schema::Operation& op) {
    if (const auto* o = std::get_if<schema::AddColumn>(&op)) return o->column.name;
    if (const auto* o = std::get_if<schema::DropColumn>(&op)) return o->column.name;
    if (const auto* o = std::get_if<schema::AlterColumn>(&op)) return o->from.name;
    if (const auto* o = std::get_if<schema::RenameColumn>(&op)) return o->from;
    return {};
}

/// The enum an operation is on, or "".
std::string enum_of(const schema::Operation& op) {
    if (const auto* o = std::get_if<schema::CreateEnum>(&op)) return o->type.name;
    if (const auto* o = std::get_if<schema::DropEnum>(&op)) return o->type.name;
    if (const auto* o = std::get_if<schema::AlterEnum>(&op)) return o->from.name;
    return {};
}

/// The declared object (view ...) an operation is on, as "view \"name\"", or "".
std::string object_of(const schema::Operation& op) {
    const schema::SqlObject* o = nullptr;
    if (const auto* c = std::get_if<schema::CreateObject>(&op)) o = &c->object;
    if (const auto* d = std::get_if<schema::DropObject>(&op)) o = &d->object;
    if (const auto* r = std::get_if<schema::ReplaceObject>(&op)) o = &r->to;
    if (const auto* c = std::get_if<schema::SetObjectComment>(&op);
        c && c->target == schema::CommentTarget::Object) {
        const schema::SqlObject commented = schema::commented_object(*c);
        return std::string(schema::to_string(commented.kind)) + " " + commented.identity();
    }
    return o ? std::string(schema::to_string(o->kind)) + " " + o->identity() : "";
}

/// The pieces of a document made safe for a terminal with passwords hidden
/// (terminal_text, redact_password: what stdout gets), printed one at a time where that
/// gives the same bytes (db::may_hold_password_keyword), else joined first.
void print_safe(std::ostream& out, const std::vector<std::string>& pieces) {
    if (std::any_of(pieces.begin(), pieces.end(), [](const std::string& piece) {
            return db::may_hold_password_keyword(piece);
        })) {
        std::string text;
        for (const auto& piece : pieces) text += piece;
        out << support::terminal_text(db::redact_password(text));
        return;
    }
    for (const auto& piece : pieces) out << support::terminal_text(db::redact_password(piece));
}

}  // namespace

std::string operation_kind(const schema::Operation& op) {
    // In the variant's order (schema/operation.hpp); the assert catches a new kind.
    static constexpr std::array<const char*, 29> kKinds = {
        "create_table",      "drop_table",          "rename_table",       "add_column",
        "drop_column",       "rename_column",       "alter_column",       "alter_primary_key",
        "add_foreign_key",   "drop_foreign_key",    "add_unique",         "drop_unique",
        "add_check",         "drop_check",          "create_index",       "drop_index",
        "set_table_comment", "create_enum",         "drop_enum",          "alter_enum",
        "rename_constraint", "alter_table_options", "set_check_validity", "create_object",
        "drop_object",       "replace_object",      "add_exclusion",      "drop_exclusion",
        "set_object_comment"};
    static_assert(kKinds.size() == std::variant_size_v<schema::Operation>,
                  "name the new operation kind");
    return kKinds[op.index()];
}

Json diagnostic_json(const support::Diagnostic& d) {
    const auto& at = d.location;
    std::error_code ec;
    const auto here = fs::current_path(ec);
    return Json{
        {"severity", severity_name(d.severity)},
        {"category", category_name(d.category)},
        {"message", d.message},
        {"file", at.known() ? Json(ec ? at.file : relative_inside(at.file, here)) : Json(nullptr)},
        {"line", at.known() && at.line ? Json(at.line) : Json(nullptr)},
        {"column", at.known() && at.column ? Json(at.column) : Json(nullptr)},
        {"hint", null_if_empty(d.hint)}};
}

void print_json_document(std::ostream& out, const std::string& command, int exit_code,
                         const ResultWriter& result,
                         const std::vector<support::Diagnostic>& diagnostics) {
    // Written in pieces of 64 KiB (a schema of thousands of tables is megabytes), and
    // printed only once whole: a failure prints nothing.
    std::vector<std::string> pieces;
    std::string text;
    support::JsonWriter w(text, [&](std::string& piece) { pieces.push_back(std::move(piece)); });
    w.begin_object();
    w.member("version", kJsonVersion);
    w.member("command", command);
    w.member("ok", exit_code == 0);
    w.member("exit_code", exit_code);
    w.key("result");
    result(w);
    w.key("diagnostics").begin_array();
    for (const auto& d : diagnostics) w.value(diagnostic_json(d));
    w.end_array();
    w.end_object();
    pieces.push_back(std::move(text));
    print_safe(out, pieces);
    out << '\n';
}

void print_json_document(std::ostream& out, const std::string& command, int exit_code,
                         const Json& result, const std::vector<support::Diagnostic>& diagnostics) {
    print_json_document(
        out, command, exit_code,
        [&](support::JsonWriter& w) { w.value(result.is_null() ? Json::object() : result); },
        diagnostics);
}

Json ids_json(const std::vector<std::string>& ids) {
    auto out = Json::array();
    for (const auto& id : ids) out.push_back(id);
    return out;
}

Json revision_json(const migrate::RevisionGraph& graph, const migrate::Revision& rev,
                   const fs::path& root) {
    const auto heads = graph.heads();
    return Json{{"id", rev.id},
                {"down_revisions", ids_json(rev.down_revisions)},
                {"message", rev.message},
                {"created", rev.created},
                {"branch_labels", ids_json(rev.branch_labels)},
                {"depends_on", ids_json(rev.depends_on)},
                {"path", relative_inside(rev.path, root)},
                {"head", std::find(heads.begin(), heads.end(), rev.id) != heads.end()},
                {"branchpoint", graph.children(rev.id).size() > 1},
                {"mergepoint", rev.is_merge()}};
}

Json operation_json(const schema::Operation& op, bool destructive,
                    const std::vector<const PlannedChange*>& per_dialect) {
    const auto table = schema::target_table(op);
    const std::string phrase = diff::describe(op);
    Json statements = Json::object();
    for (const auto* pointer : per_dialect) {
        const auto& change = *pointer;
        // The same operation in this dialect's change: the one with the same phrase.
        auto same =
            std::find_if(change.operations.begin(), change.operations.end(),
                         [&](const schema::Operation& o) { return diff::describe(o) == phrase; });
        if (same == change.operations.end() || !change.dialect) continue;
        support::Diagnostics
            ignored;  // the whole change was planned already; its errors were reported
        auto sql = Json::array();
        for (const auto& s : change.dialect->planner->plan({*same}, *change.from, *change.to,
                                                           change.options, ignored))
            if (!s.sql.empty()) sql.push_back(s.sql);
        statements[change.dialect->name] = sql;
    }
    return Json{{"kind", operation_kind(op)},
                {"table", table.name.empty() ? Json(nullptr) : Json(table_name(table))},
                {"column", null_if_empty(column_of(op))},
                {"enum", null_if_empty(enum_of(op))},
                {"object", null_if_empty(object_of(op))},
                {"destructive", destructive},
                {"phrase", phrase},
                {"statements", statements}};
}

}  // namespace autogen::cli
