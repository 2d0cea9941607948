// read_declared_objects() (declared_objects.hpp).
#include "declared_objects.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "migrate/file_bytes.hpp"
#include "migrate/sql_splitter.hpp"
#include "scan/blind_spots.hpp"
#include "scan/glob.hpp"
#include "support/display_path.hpp"
#include "support/sql_tokens.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kKnownDeclarations =
    "a [models] sql file declares views, materialized views and domains: CREATE [OR REPLACE] "
    "VIEW, CREATE MATERIALIZED VIEW and CREATE DOMAIN";
constexpr const char* kElsewhereHint =
    "keep other statements in a hand-written revision (functions, triggers, policies, grants "
    "and the other kinds are not declared yet: docs/objects.md), or move the file out of "
    "[models] sql";

/// The statement's first words, for a message ("CREATE FUNCTION add").
std::string opening(const support::TokenRange& r) {
    std::string out;
    for (std::size_t i = 0; i < r.size() && i < 4 && r[i].is_name(); ++i)
        out += (i ? " " : "") + r[i].text;
    return out;
}

/// One statement as a declared object, or an error at its location (nullopt).
std::optional<schema::SqlObject> declaration(const migrate::SqlStatement& statement,
                                             const SourceLocation& at,
                                             support::Diagnostics& diags) {
    const auto tokens =
        support::tokenize(statement.sql, support::SqlQuoting::portable(), statement.line);
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    auto fail = [&](const std::string& message, const std::string& hint) {
        diags.error(Category::Model, message, at, hint);
        return std::nullopt;
    };
    std::size_t i = 0;
    if (!support::skip_words(r, i, {"CREATE"}))
        return fail("\"" + opening(r) + "\" is not a declaration: " + kKnownDeclarations,
                    kElsewhereHint);
    support::skip_words(r, i, {"OR", "REPLACE"});
    if (i < r.size() && (r[i].is("TEMP") || r[i].is("TEMPORARY")))
        return fail("a temporary view lasts one session and is not part of the schema",
                    "drop TEMP, or create it in the application's session instead");
    schema::SqlObject o;
    support::skip_words(r, i, {"RECURSIVE"});
    if (support::skip_words(r, i, {"DOMAIN"})) {
        o.kind = schema::ObjectKind::Domain;
    } else if (support::skip_words(r, i, {"MATERIALIZED", "VIEW"})) {
        o.kind = schema::ObjectKind::MaterializedView;
    } else if (!support::skip_words(r, i, {"VIEW"})) {
        return fail(
            "\"" + opening(r) + "\" is not a declaration autogen reads yet: " + kKnownDeclarations,
            kElsewhereHint);
    }
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    const auto parts = support::read_name_parts(r, i);
    // A view's name is followed by its column list, its options or AS; a domain's by AS
    // or its base type.
    const bool followed =
        i < r.size() &&
        (r[i].is("AS") || r[i].is('(') || r[i].is("WITH") || r[i].is("USING") ||
         r[i].is("TABLESPACE") || (o.kind == schema::ObjectKind::Domain && r[i].is_name()));
    if (parts.empty() || parts.size() > 2 || !followed)
        return fail(
            std::string(schema::to_string(o.kind)) + " name expected after \"" + opening(r) + "\"",
            "write the name unquoted or in double quotes, optionally schema.name");
    o.name = parts.back();
    if (parts.size() == 2) o.schema = parts.front();
    o.sql = statement.sql;
    // Until a scratch database reads it back (materialize_objects.hpp), the statement is
    // its own definition: two snapshots of the models compare their text.
    o.definition = support::canonical_sql(o.sql, support::SqlQuoting::portable());
    o.location = at;
    return o;
}

/// `objects` in an order where each comes after the others it reads, else in the order
/// given; a cycle is an error at one of its objects.
std::optional<std::vector<schema::SqlObject>> in_dependency_order(
    std::vector<schema::SqlObject> objects, support::Diagnostics& diags) {
    std::vector<schema::SqlObject> out;
    std::vector<int> state(objects.size(), 0);  // 0 new, 1 visiting, 2 done
    bool cycle = false;
    auto visit = [&](auto&& self, std::size_t k) -> void {
        if (state[k] == 2 || cycle) return;
        if (state[k] == 1) {
            cycle = true;
            diags.error(Category::Model,
                        std::string(schema::to_string(objects[k].kind)) + " " +
                            objects[k].qualified_name() + " reads itself through other objects",
                        objects[k].location,
                        "break the cycle: a view cannot read a view that reads it");
            return;
        }
        state[k] = 1;
        for (std::size_t j = 0; j < objects.size(); ++j)
            if (j != k && support::mentions_identifier(objects[k].sql, objects[j].name))
                self(self, j);
        state[k] = 2;
        if (!cycle) out.push_back(objects[k]);
    };
    for (std::size_t k = 0; k < objects.size() && !cycle; ++k) visit(visit, k);
    if (cycle) return std::nullopt;
    return out;
}

/// The objects `text` (a whole .sql file) declares, as `read_declared_objects` would read
/// them (errors dropped).
std::vector<schema::SqlObject> declarations_in(const std::string& text, const std::string& shown) {
    std::vector<schema::SqlObject> out;
    support::Diagnostics ignored;
    for (const auto& statement : migrate::split_statements(text, 1))
        if (auto o = declaration(statement, SourceLocation{shown, statement.line, 1}, ignored))
            out.push_back(std::move(*o));
    return out;
}

/// The blind spots of [models] sql: a .sql file of the project outside its globs (and
/// outside the migrations folder and [models] ignore) that declares a view would have
/// that view dropped by the next revision, as a header outside [models] headers would
/// have its tables dropped (blind_spot_guard.hpp). An error each.
void report_unscanned_object_files(const support::Config& config,
                                   const std::vector<std::filesystem::path>& scanned,
                                   support::Diagnostics& diags) {
    const std::set<std::filesystem::path> read(scanned.begin(), scanned.end());
    const auto migrations = config.migrations_dir().lexically_normal();
    for (const auto& file : scan::project_files(config.root)) {
        if (file.extension() != ".sql") continue;
        const auto normal = std::filesystem::absolute(file).lexically_normal();
        if (read.count(normal)) continue;
        const auto inside = normal.lexically_relative(migrations);
        if (!inside.empty() && *inside.begin() != "..") continue;
        const std::string shown = support::relative_inside(normal, config.root);
        if (std::any_of(config.models.ignore.begin(), config.models.ignore.end(),
                        [&](const std::string& g) { return scan::glob_match(g, shown); }))
            continue;
        auto text = migrate::read_file_bytes(normal);
        if (!text || (!support::mentions_identifier(*text, "VIEW") &&
                      !support::mentions_identifier(*text, "DOMAIN")))
            continue;  // fast path
        const auto objects = declarations_in(*text, shown);
        if (objects.empty()) continue;
        diags.error(Category::Model,
                    "this file declares " + std::string(schema::to_string(objects[0].kind)) + " " +
                        objects[0].qualified_name() +
                        " but is not in [models] sql: the next revision would drop it",
                    objects[0].location,
                    "add \"" + shown +
                        "\" to [models] sql, or to [models] ignore if it is not "
                        "part of the schema");
    }
}

}  // namespace

std::optional<std::vector<schema::SqlObject>> read_declared_objects(const support::Config& config,
                                                                    support::Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    std::vector<schema::SqlObject> objects;
    std::map<std::string, SourceLocation> declared;  // kind + qualified name -> where
    const auto files = scan::expand_globs(config.root, config.models.sql);
    report_unscanned_object_files(config, files, diags);
    for (const auto& file : files) {
        const std::string shown = support::relative_inside(file, config.root);
        auto text = migrate::read_file_bytes(file);
        if (!text) {
            diags.error(Category::Model, "cannot read " + shown, SourceLocation{shown},
                        "check the file's permissions, or the [models] sql globs");
            continue;
        }
        for (const auto& statement : migrate::split_statements(*text, 1)) {
            const SourceLocation at{shown, statement.line, 1};
            auto o = declaration(statement, at, diags);
            if (!o) continue;
            const std::string key =
                std::string(schema::to_string(o->kind)) + " " + o->qualified_name();
            if (auto [it, added] = declared.emplace(key, at); !added) {
                diags.error(Category::Model,
                            key + " is declared twice (first at " + it->second.str() + ")", at,
                            "keep one of the two declarations");
                continue;
            }
            objects.push_back(std::move(*o));
        }
    }
    if (diags.error_count() != errors_before) return std::nullopt;
    return in_dependency_order(std::move(objects), diags);
}

}  // namespace autogen::pipeline
