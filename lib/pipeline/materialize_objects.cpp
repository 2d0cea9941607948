// materialize_objects() (materialize_objects.hpp).
#include "materialize_objects.hpp"

#include <algorithm>

#include "codegen/sql_builder.hpp"
#include "compared_tables.hpp"
#include "creation_plan.hpp"
#include "schema/extension_comment.hpp"
#include "schema/grants.hpp"
#include "schema/owners.hpp"
#include "support/text.hpp"

namespace autogen::pipeline {

using support::Category;

namespace {

bool is_extension(const schema::SqlObject& o) { return o.kind == schema::ObjectKind::Extension; }

/// The first error among `said`, or "".
std::string first_error(const support::Diagnostics& said) {
    for (const auto& d : said.items())
        if (d.severity == support::Severity::Error) return d.message;
    return {};
}

/// The tables of `lowered` some object names, without foreign keys, and every enum type.
schema::Schema tables_read_by(const schema::Schema& lowered,
                              const std::vector<schema::SqlObject>& objects) {
    schema::Schema subset;
    subset.enums = lowered.enums;
    for (const auto& t : lowered.tables) {
        const bool read = std::any_of(objects.begin(), objects.end(), [&](const auto& o) {
            // An owner of a schema no file creates: the tables that make it.
            return (!is_extension(o) && support::mentions_identifier(o.sql, t.name)) ||
                   (o.kind == schema::ObjectKind::Owner && schema::owned_kind(o) == "SCHEMA" &&
                    o.name == t.schema);
        });
        if (!read) continue;
        schema::Table copy = t;
        copy.foreign_keys.clear();
        subset.tables.push_back(std::move(copy));
    }
    return subset;
}

/// Are two grants of one grantee on one object on the same target? A relation granted
/// ON TABLE reads back ON SEQUENCE when it is a sequence.
bool same_grant_target(const schema::SqlObject& a, const schema::SqlObject& b) {
    auto family = [](const std::string& kind) { return kind == "SEQUENCE" ? "TABLE" : kind; };
    return family(schema::grant_target_kind(a)) == family(schema::grant_target_kind(b)) &&
           schema::grant_column(a) == schema::grant_column(b);
}

/// The read-back of `model` in `read`: same kind and name, and the same schema or, for a
/// read-back without one, any (SQLite has no schemas; PostgreSQL reads its default
/// schema back as none). Overloads share a name: the one of the same input types
/// (routine_signature.hpp) when the statement's spelling gives the catalog's, else the
/// first not `taken` by another model object (the catalog reads them in creation order).
/// Its index in `read`, or read.size().
std::size_t read_back_of(const schema::SqlObject& model, const std::vector<schema::SqlObject>& read,
                         const std::vector<bool>& taken) {
    std::size_t unqualified = read.size(), any = read.size();
    for (std::size_t i = 0; i < read.size(); ++i) {
        const auto& o = read[i];
        if (taken[i] || o.kind != model.kind || o.name != model.name || o.table != model.table)
            continue;
        if (o.kind == schema::ObjectKind::Grant && !same_grant_target(o, model)) continue;
        if ((o.kind == schema::ObjectKind::DefaultPrivilege ||
             o.kind == schema::ObjectKind::Owner) &&
            o.version != model.version)
            continue;
        if (o.schema != model.schema && !o.schema.empty()) continue;
        const bool same = o.identity() == model.identity() ||
                          (o.schema.empty() && o.arguments == model.arguments);
        if (same && o.schema == model.schema) return i;
        if (same && unqualified == read.size()) unqualified = i;
        if (any == read.size()) any = i;
    }
    return unqualified != read.size() ? unqualified : any;
}

/// read_back_of each of `model`, none read back twice: the exact matches claimed first.
std::vector<std::size_t> read_backs_of(const std::vector<schema::SqlObject>& model,
                                       const std::vector<schema::SqlObject>& read) {
    std::vector<bool> taken(read.size(), false);
    std::vector<std::size_t> out(model.size(), read.size());
    for (int exact = 1; exact >= 0; --exact)
        for (std::size_t m = 0; m < model.size(); ++m) {
            if (out[m] != read.size()) continue;
            const std::size_t i = read_back_of(model[m], read, taken);
            if (i == read.size()) continue;
            const bool is_exact =
                read[i].identity() == model[m].identity() ||
                (read[i].schema.empty() && read[i].arguments == model[m].arguments);
            if (exact && !is_exact) continue;
            out[m] = i;
            taken[i] = true;
        }
    return out;
}

/// read_backs_of `declared`, matched in the order create_objects made them (what the tables
/// need first): an overload the statement's text does not name as the catalog does
/// (`t.col%TYPE`, which PostgreSQL resolves at CREATE) is the first of its name not
/// claimed, and the catalog reads routines in creation order.
std::vector<std::size_t> read_backs_in_creation_order(
    const std::vector<schema::SqlObject>& declared, const std::vector<schema::SqlObject>& read,
    const schema::Schema& lowered) {
    std::vector<std::size_t> order;
    for (int first = 1; first >= 0; --first)
        for (std::size_t m = 0; m < declared.size(); ++m)
            if (schema::precedes_tables(declared[m], lowered) == (first == 1)) order.push_back(m);
    std::vector<schema::SqlObject> created;
    for (std::size_t m : order) created.push_back(declared[m]);
    const auto backs = read_backs_of(created, read);
    std::vector<std::size_t> out(declared.size(), read.size());
    for (std::size_t k = 0; k < order.size(); ++k) out[order[k]] = backs[k];
    return out;
}

/// Runs `o`, a CREATE EXTENSION, on `conn` (after CREATE SCHEMA IF NOT EXISTS for a
/// declared SCHEMA). An extension the server refuses (not installed: a package to
/// install) is a Model error at its statement; false then.
bool create_extension(const dialect::Dialect& dialect, db::Connection& conn,
                      const schema::SqlObject& o, support::Diagnostics& diags) {
    support::Diagnostics refused;
    if ((o.schema.empty() ||
         conn.execute("CREATE SCHEMA IF NOT EXISTS " + codegen::quote_identifier(o.schema),
                      refused)) &&
        conn.execute(o.sql, refused))
        return true;
    const std::string why = first_error(refused);
    const bool missing = why.find("control file") != std::string::npos ||
                         why.find("not available") != std::string::npos;
    diags.error(Category::Model,
                "extension \"" + o.name + "\" cannot be created on the " + dialect.name +
                    " server of the scratch databases: " + why,
                o.location,
                missing ? "install the extension on that server ([database] dev_url, else url): "
                          "btree_gist, citext, hstore and the other contrib extensions "
                          "come with the server's own Debian package (a contrib package "
                          "elsewhere); others, such as PostGIS, have a package of their own"
                        : "correct the statement: CREATE EXTENSION [IF NOT EXISTS] name "
                          "[WITH] [SCHEMA s] [VERSION v] [CASCADE]");
    return false;
}

/// The role `conn` runs as ("" when it cannot be read).
std::string current_user(db::Connection& conn, support::Diagnostics& diags) {
    const auto r = conn.query("SELECT current_user", {}, diags);
    return r && !r->rows.empty() && !r->rows[0].empty() && r->rows[0][0] ? *r->rows[0][0] : "";
}

}  // namespace

bool create_objects(const dialect::Dialect& dialect, db::Connection& conn,
                    const std::vector<schema::SqlObject>& objects, support::Diagnostics& diags) {
    for (const auto& o : objects) {
        if (is_extension(o)) {
            if (!create_extension(dialect, conn, o, diags)) return false;
            continue;
        }
        // A query that cannot run fails at its CREATE on PostgreSQL; SQLite checks a
        // view's tables and columns only when it is read, so it is read once here. The
        // database's refusal is the model's error, told at the statement's location.
        // As a revision creates it: the planner's statements (a schema the object is the
        // first of, then its own statement).
        support::Diagnostics refused;
        const schema::Schema none;
        bool created = true;
        for (const auto& s :
             dialect.planner->plan({schema::CreateObject{o, ""}}, none, none, refused))
            created = created && conn.execute(s.sql, refused);
        if (created && !refused.has_errors() &&
            (!schema::reads_as_relation(o.kind) ||
             conn.query("SELECT * FROM " + o.qualified_name() + " LIMIT 0", {}, refused)))
            continue;
        const std::string why = first_error(refused);
        // Roles are the cluster's, not the schema's: autogen never creates one (a GRANT's
        // grantee, a policy's TO list).
        const bool missing_role = why.find("role \"") != std::string::npos &&
                                  why.find("does not exist") != std::string::npos;
        // An owner of what is neither declared nor a model's (ALTER TABLE of no table).
        const bool unknown_target = o.kind == schema::ObjectKind::Owner && !missing_role &&
                                    why.find("does not exist") != std::string::npos;
        const bool after_tables =
            schema::reads_as_relation(o.kind) || o.kind == schema::ObjectKind::Grant ||
            o.kind == schema::ObjectKind::Owner || o.kind == schema::ObjectKind::Policy ||
            o.kind == schema::ObjectKind::Partition;
        diags.error(
            Category::Model,
            std::string(schema::to_string(o.kind)) + " " + o.identity() +
                (o.kind == schema::ObjectKind::Grant ||
                         o.kind == schema::ObjectKind::DefaultPrivilege ||
                         o.kind == schema::ObjectKind::Owner
                     ? " cannot be made: "
                     : " is not valid on " + dialect.name + ": ") +
                why,
            o.location,
            missing_role     ? "create the role on the server (CREATE ROLE, by its administrators: "
                               "roles are cluster-wide and not part of the models), or remove it "
                               "from the statement's TO list"
            : unknown_target ? "name a model table (its SQL name) or an object a [models] sql file "
                               "declares, of the kind ALTER names"
            : after_tables   ? "correct the statement: it runs after the models' tables exist, and "
                               "after the declared objects it names"
                             : "correct the statement: it runs before the models' tables are "
                               "created, after the declared objects it names");
        return false;
    }
    return true;
}

void carry_object_facts(const std::vector<schema::SqlObject>& model,
                        std::vector<schema::SqlObject>& read_back) {
    const auto backs = read_backs_of(model, read_back);
    for (std::size_t m = 0; m < model.size(); ++m) {
        const std::size_t i = backs[m];
        if (i == read_back.size()) continue;
        read_back[i].sql = model[m].sql;
        read_back[i].location = model[m].location;
    }
}

std::optional<std::vector<schema::SqlObject>> materialize_objects(
    const dialect::Dialect& dialect, const schema::Schema& lowered,
    const std::vector<schema::SqlObject>& objects, const support::Config& config,
    support::Diagnostics& diags, const support::ProgressCallback& progress) {
    if (objects.empty()) return std::vector<schema::SqlObject>{};
    const schema::Schema tables = tables_read_by(lowered, objects);
    const auto statements = creation_statements(dialect, tables, diags);
    if (diags.has_errors()) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    const std::string step = "materialising the declared objects (" + dialect.name + ")";
    support::report(progress, {step, 0, 0, {}});
    // What the tables need first, then the tables, then what reads them.
    std::vector<schema::SqlObject> before, after;
    for (const auto& o : objects)
        (schema::precedes_tables(o, lowered) ? before : after).push_back(o);
    if (!create_objects(dialect, *conn, before, diags)) {
        support::report_finished(progress, step);
        return std::nullopt;
    }
    for (const auto& s : statements) {
        if (s.sql.empty() || conn->execute(s.sql, diags)) continue;
        support::report_finished(progress, step);
        diags.error(Category::Model,
                    "the tables the declared objects read do not make a valid " + dialect.name +
                        " schema (see the statement above)",
                    {}, "check the models of the table named in the statement");
        return std::nullopt;
    }
    if (!create_objects(dialect, *conn, after, diags)) {
        support::report_finished(progress, step);
        return std::nullopt;
    }
    auto read = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, step);
    if (!read) return std::nullopt;
    // Default privileges without FOR ROLE are the role's that runs the statements (here
    // and in the revisions).
    std::vector<schema::SqlObject> declared = objects;
    for (auto& o : declared)
        if (o.kind == schema::ObjectKind::DefaultPrivilege && o.table.empty())
            o.table = current_user(*conn, diags);
    std::vector<schema::SqlObject> out;
    const auto backs = read_backs_in_creation_order(declared, read->objects, lowered);
    for (std::size_t m = 0; m < declared.size(); ++m) {
        const auto& o = declared[m];
        // Nothing read back: the statements leave the built-in defaults. FOR ROLE naming
        // the connecting role and FOR ROLE left out are one entry, read back once.
        if (o.kind == schema::ObjectKind::DefaultPrivilege && backs[m] == read->objects.size())
            continue;
        // An owner read back as none: the role the scratch database runs as owns it, as it
        // owns what the revisions create (docs/objects.md "Owners").
        if (o.kind == schema::ObjectKind::Owner && backs[m] == read->objects.size()) continue;
        // An extension is compared by what the statement declares (its schema and version
        // only when written), never by what the scratch database happened to install.
        // The comment its control file gives it (what CREATE EXTENSION set here) rides
        // along: a declared comment removed goes back to it (extension_comment.hpp).
        if (is_extension(o)) {
            out.push_back(o);
            for (const auto& r : read->objects)
                if (is_extension(r) && r.name == o.name && schema::shipped_comment(r))
                    schema::set_shipped_comment(out.back(), *schema::shipped_comment(r));
            continue;
        }
        const std::size_t back = backs[m];
        if (back == read->objects.size()) {
            diags.error(
                Category::Internal,
                std::string(schema::to_string(o.kind)) + " " + o.qualified_name() +
                    " was created in the scratch database but not read back",
                o.location,
                "report this as a bug in the " + dialect.name + " dialect, with the statement");
            return std::nullopt;
        }
        out.push_back(read->objects[back]);
    }
    carry_object_facts(declared, out);
    return out;
}

}  // namespace autogen::pipeline
