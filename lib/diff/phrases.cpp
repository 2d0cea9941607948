// describe(): the one place where operations become sentences.
#include "diff/phrases.hpp"

#include "diff/column_grants_again.hpp"
#include "schema/domain.hpp"
#include "schema/grants.hpp"
#include "schema/owners.hpp"
#include "schema/policy.hpp"
#include "schema/schema_view.hpp"
#include "schema/sequence.hpp"
#include "schema/user_type.hpp"
#include "support/overloaded.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

using support::Overloaded;

std::string q(const std::string& s) { return "\"" + s + "\""; }
std::string table_name(const TableRef& t) {
    return t.schema.empty() ? q(t.name) : q(t.schema) + "." + q(t.name);
}
std::string enum_name(const schema::Enum& e) {
    return e.schema.empty() ? q(e.name) : q(e.schema) + "." + q(e.name);
}
std::string object_name(const schema::SqlObject& o) {
    return std::string(schema::to_string(o.kind)) + " " + o.identity();
}

/// What ALTER SEQUENCE changes: "increment 1 -> 5, cycle".
std::string sequence_changes(const schema::SqlObject& from, const schema::SqlObject& to) {
    const auto a = schema::sequence_facts(from), b = schema::sequence_facts(to);
    return a && b ? schema::describe_sequence_change(*a, *b) : "options";
}

/// What ALTER DOMAIN changes from `from` to `to`: "check \"positive\" added, default
/// changed, NOT NULL dropped" (a check whose definition changes: dropped and added).
std::string domain_changes(const schema::SqlObject& from, const schema::SqlObject& to) {
    const auto a = schema::domain_facts(from), b = schema::domain_facts(to);
    if (!a || !b) return "its checks, default or NOT NULL";
    std::vector<std::string> parts;
    const auto checks = schema::check_changes(*a, *b);
    for (const auto& c : checks.dropped) parts.push_back("check " + q(c.name) + " dropped");
    for (const auto& [old_name, new_name] : checks.renamed)
        parts.push_back("check " + q(old_name) + " renamed to " + q(new_name));
    for (const auto& c : checks.added) parts.push_back("check " + q(c.name) + " added");
    if (a->default_value != b->default_value)
        parts.push_back(std::string("default ") + (!b->default_value  ? "dropped"
                                                   : a->default_value ? "changed"
                                                                      : "set"));
    if (a->not_null != b->not_null)
        parts.push_back(std::string("NOT NULL ") + (b->not_null ? "set" : "dropped"));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}
std::string column_name(const TableRef& t, const std::string& c) {
    return table_name(t) + "." + q(c);
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "(";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + ")";
}

std::string type_of(const Column& c) {
    if (!c.type.sql.empty()) return c.type.sql;
    return to_string(c.type.logical);
}

std::string default_of(const Column& c) { return c.server_default ? *c.server_default : "none"; }

/// "generated (a * b) STORED", or "not generated".
std::string generation_of(const Column& c) {
    if (!c.generated) return "not generated";
    return "generated (" + *c.generated + (c.generated_virtual ? ") VIRTUAL" : ") STORED");
}

/// "STRICT, WITHOUT ROWID", "UNLOGGED, WITH (fillfactor = 70)", or "none".
std::string options_of(const TableOptions& o) {
    std::string text = table_options_text(o);
    return text.empty() ? "none" : text;
}

std::string column_change_details(const AlterColumn& o) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (o.changes & kChangeType) add("type " + type_of(o.from) + " -> " + type_of(o.to));
    if (o.changes & kChangeNullability)
        add(o.to.nullable ? "NOT NULL -> NULL" : "NULL -> NOT NULL");
    if (o.changes & kChangeDefault)
        add("default " + default_of(o.from) + " -> " + default_of(o.to));
    if (o.changes & kChangeIdentity)
        add(o.from.identity && o.to.identity
                ? (o.to.identity_always ? "identity BY DEFAULT -> ALWAYS"
                                        : "identity ALWAYS -> BY DEFAULT")
                : (o.to.identity ? "now an identity" : "no longer an identity"));
    if (o.changes & kChangeIdentityOptions)
        add("identity " +
            describe_identity_change(o.from.identity_options, o.to.identity_options, o.to.type));
    if (o.changes & kChangeGenerated) add(generation_of(o.from) + " -> " + generation_of(o.to));
    if (o.changes & kChangeCollation)
        add("collation " + o.from.collation.value_or("default") + " -> " +
            o.to.collation.value_or("default"));
    if (o.changes & kChangeComment) add("comment");
    return out;
}

/// A constraint's name in a rename: quoted, or "(unnamed)" (SQLite keeps unnamed ones).
std::string name_or_unnamed(const std::string& name) {
    return name.empty() ? "(unnamed)" : q(name);
}

std::string constraint_noun(ConstraintKind kind) {
    switch (kind) {
        case ConstraintKind::Unique:
            return "unique constraint";
        case ConstraintKind::ForeignKey:
            return "foreign key constraint";
        case ConstraintKind::Check:
            return "check constraint";
        case ConstraintKind::Index:
            return "index";
    }
    return "constraint";
}

std::string pk_columns(const std::optional<PrimaryKey>& pk) {
    return pk ? list(pk->columns) : "none";
}

}  // namespace

std::string describe(const Operation& op, Perspective perspective) {
    const char* undeclared =
        perspective == Perspective::Models ? " (no scanned file declares it)" : "";
    return std::visit(
        Overloaded{
            [](const CreateTable& o) { return "added table " + table_name(ref(o.table)); },
            [&](const DropTable& o) {
                return "removed table " + table_name(ref(o.table)) + undeclared;
            },
            [](const RenameTable& o) {
                return "renamed table " + table_name(o.from) + " to " + q(o.to);
            },
            [](const AddColumn& o) {
                return "added column " + column_name(o.table, o.column.name);
            },
            [](const DropColumn& o) {
                return "removed column " + column_name(o.table, o.column.name);
            },
            [](const RenameColumn& o) {
                return "renamed column " + column_name(o.table, o.from) + " to " + q(o.to);
            },
            [](const AlterColumn& o) {
                return "changed column " + column_name(o.table, o.to.name) + ": " +
                       column_change_details(o);
            },
            [](const AlterPrimaryKey& o) {
                if (is_primary_key_rename(o))
                    return "renamed primary key constraint of " + table_name(o.table) + ": " +
                           name_or_unnamed(o.from->name) + " -> " + name_or_unnamed(o.to->name);
                return "changed primary key of " + table_name(o.table) + ": " + pk_columns(o.from) +
                       " -> " + pk_columns(o.to);
            },
            [](const AddForeignKey& o) {
                return "added foreign key " + q(o.key.name) + " on " + table_name(o.table) + " " +
                       list(o.key.columns) + " -> " + q(o.key.ref_table) + " " +
                       list(o.key.ref_columns);
            },
            [](const DropForeignKey& o) {
                return "removed foreign key " + q(o.key.name) + " on " + table_name(o.table) + " " +
                       list(o.key.columns);
            },
            [](const AddUnique& o) {
                return "added unique constraint " + q(o.unique.name) + " on " +
                       table_name(o.table) + " " + list(o.unique.columns);
            },
            [](const DropUnique& o) {
                return "removed unique constraint " + q(o.unique.name) + " on " +
                       table_name(o.table) + " " + list(o.unique.columns);
            },
            [](const AddCheck& o) {
                return "added check constraint " + q(o.check.name) + " on " + table_name(o.table);
            },
            [](const DropCheck& o) {
                return "removed check constraint " + q(o.check.name) + " on " + table_name(o.table);
            },
            [](const AddExclusion& o) {
                return "added exclusion constraint " + q(o.exclusion.name) + " on " +
                       table_name(o.table);
            },
            [](const DropExclusion& o) {
                return "removed exclusion constraint " + q(o.exclusion.name) + " on " +
                       table_name(o.table);
            },
            [](const SetCheckValidity& o) {
                return (o.check.not_valid ? "made check constraint "
                                          : "validated check constraint ") +
                       q(o.check.name) + " on " + table_name(o.table) +
                       (o.check.not_valid ? " NOT VALID" : "");
            },
            [](const CreateIndex& o) {
                return std::string("added ") + (o.index.unique ? "unique " : "") + "index " +
                       q(o.index.name) + " on " + table_name(o.table) + " " + list(o.index.columns);
            },
            [](const DropIndex& o) {
                return std::string("removed ") + (o.index.unique ? "unique " : "") + "index " +
                       q(o.index.name) + " on " + table_name(o.table);
            },
            [](const SetTableComment& o) {
                return "changed comment of table " + table_name(o.table);
            },
            [](const SetObjectComment& o) {
                if (o.target == CommentTarget::Object && !o.column.empty())
                    return "changed comment of column " + q(o.column) + " of " +
                           object_name(commented_object(o));
                if (o.target == CommentTarget::Object)
                    return "changed comment of " + object_name(commented_object(o));
                if (o.target == CommentTarget::Type)
                    return "changed comment of enum " +
                           enum_name(Enum{.schema = o.table.schema, .name = o.name});
                return std::string("changed comment of ") +
                       (o.target == CommentTarget::Index ? "index " : "constraint ") + q(o.name) +
                       " on " + table_name(o.table);
            },
            [](const AlterTableOptions& o) {
                return "changed options of table " + table_name(o.table) + ": " +
                       options_of(o.from) + " -> " + options_of(o.to);
            },
            [](const CreateEnum& o) {
                return "added enum " + enum_name(o.type) + " " + list(o.type.labels);
            },
            [](const DropEnum& o) { return "removed enum " + enum_name(o.type); },
            [](const AlterEnum& o) {
                return "changed enum " + enum_name(o.to) + ": " + list(o.from.labels) + " -> " +
                       list(o.to.labels);
            },
            [](const RenameConstraint& o) {
                return "renamed " + constraint_noun(o.kind) + " of " + table_name(o.table) + ": " +
                       name_or_unnamed(o.from) + " -> " + name_or_unnamed(o.to);
            },
            [](const CreateObject& o) {
                if (o.object.kind == schema::ObjectKind::Owner)
                    return "owner of " + o.object.identity() + ": " + q(o.object.table) +
                           (o.recreated_because.empty() ? "" : " (" + o.recreated_because + ")");
                if (o.object.kind == schema::ObjectKind::DefaultPrivilege)
                    return "default privileges " + o.object.identity() + ": " + o.object.definition;
                if (o.object.kind == schema::ObjectKind::Grant &&
                    o.recreated_because == schema::kRevokedWhenCreatedAgain)
                    return "the downgrade revokes " + o.object.definition + " on " +
                           o.object.identity() + " (" + o.recreated_because + ")";
                if (o.object.kind == schema::ObjectKind::Grant)
                    return "granted " + o.object.definition + " on " + o.object.identity() +
                           (o.recreated_because.empty() ? ""
                                                        : " again (" + o.recreated_because + ")");
                if (!o.recreated_because.empty())
                    return "created " + object_name(o.object) + " again (" + o.recreated_because +
                           ")";
                return "added " + object_name(o.object);
            },
            [](const DropObject& o) {
                // A column privilege a REVOKE on its table or a DROP COLUMN of the
                // downgrade takes: nothing now, granted again by the downgrade.
                if (o.object.kind == schema::ObjectKind::Grant &&
                    o.recreated_because.rfind(kDowngradeRegrant, 0) == 0)
                    return "kept " + o.object.definition + " on " + o.object.identity() +
                           "; the downgrade grants it again (" + o.recreated_because + ")";
                if (o.object.kind == schema::ObjectKind::Grant &&
                    o.recreated_because == schema::kRevokedWhenCreatedAgain)
                    return "revoked " + o.object.definition + " on " +
                           schema::grant_target(o.object) + " from " + q(o.object.table) + " (" +
                           o.recreated_because + ")";
                if (o.object.kind == schema::ObjectKind::Grant && !o.recreated_because.empty())
                    return "grant " + o.object.identity() + " goes with its object (" +
                           o.recreated_because + ")";
                if (o.object.kind == schema::ObjectKind::Owner)
                    return "owner of " + o.object.identity() + ": " + q(o.object.table) +
                           (o.recreated_because.empty()
                                ? " -> the role that runs the migrations" +
                                      (schema::owner_runner(o.object).empty()
                                           ? std::string()
                                           : " (" + q(schema::owner_runner(o.object)) + ")")
                                : " goes with its object (" + o.recreated_because + ")");
                if (!o.recreated_because.empty())
                    return "dropped " + object_name(o.object) + " to create it again (" +
                           o.recreated_because + ")";
                if (o.object.kind == schema::ObjectKind::DefaultPrivilege)
                    return "default privileges " + o.object.identity() +
                           " undo: " + o.object.definition;
                if (o.object.kind == schema::ObjectKind::Grant)
                    return "revoked " + o.object.definition + " on " +
                           schema::grant_target(o.object) + " from " +
                           (o.object.table == schema::kPublicGrantee ? o.object.table
                                                                     : q(o.object.table));
                return "removed " + object_name(o.object);
            },
            [](const ReplaceObject& o) {
                if (o.to.kind == schema::ObjectKind::Owner)
                    return "owner of " + o.to.identity() + ": " + q(o.from.table) + " -> " +
                           q(o.to.table);
                if (o.to.kind == schema::ObjectKind::Extension) {
                    std::string what;
                    if (o.from.version != o.to.version)
                        what = "version " + o.from.version + " -> " + o.to.version;
                    if (o.from.schema != o.to.schema)
                        what += (what.empty() ? "" : ", ") + std::string("schema ") +
                                q(o.from.schema) + " -> " + q(o.to.schema);
                    return "changed " + object_name(o.to) + ": " + what;
                }
                if (o.to.kind == schema::ObjectKind::Policy)
                    return "changed " + object_name(o.to) +
                           " (ALTER POLICY: " + schema::policy_changes(o.from, o.to) + ")";
                if (o.to.kind == schema::ObjectKind::Domain)
                    return "changed " + object_name(o.to) +
                           " (ALTER DOMAIN: " + domain_changes(o.from, o.to) + ")";
                if (o.to.kind == schema::ObjectKind::Partition)
                    return "changed " + object_name(o.to) +
                           " (DETACH and ATTACH: " + o.from.definition + " -> " + o.to.definition +
                           ")";
                if (o.to.kind == schema::ObjectKind::Type)
                    if (const auto c = schema::attribute_changes(o.from, o.to)) {
                        std::string what;
                        for (const auto& a : c->dropped)
                            what += (what.empty() ? "" : ", ") + std::string("drops ") + a;
                        for (const auto& a : c->added)
                            what += (what.empty() ? "" : ", ") + std::string("adds ") + a;
                        return "changed " + object_name(o.to) + " (ALTER TYPE: " + what + ")";
                    }
                if (o.to.kind == schema::ObjectKind::Sequence)
                    return "changed " + object_name(o.to) +
                           " (ALTER SEQUENCE: " + sequence_changes(o.from, o.to) + ")";
                // CREATE OR REPLACE VIEW appending columns (postgres_rules.cpp).
                if (o.to.kind == schema::ObjectKind::View &&
                    o.to.columns.size() > o.from.columns.size()) {
                    std::string added;
                    for (std::size_t i = o.from.columns.size(); i < o.to.columns.size(); ++i)
                        added += (added.empty() ? "" : ", ") + o.to.columns[i];
                    return "changed " + object_name(o.to) +
                           " (replaced in place: columns appended: " + added + ")";
                }
                return "changed " + object_name(o.to) +
                       (schema::reads_as_relation(o.to.kind)
                            ? " (replaced in place: same columns)"
                            : " (replaced in place: same signature)");
            },
        },
        op);
}

std::string describe(const RenameHint& hint) {
    if (hint.kind == RenameHint::Kind::Column) {
        return column_name(hint.table, hint.from) + " dropped and " +
               column_name(hint.table, hint.to) +
               " added with the same type: if it is a rename, annotate the field with "
               "AUTOGEN_COLUMN(renamed_from = " +
               q(hint.from) + ")";
    }
    TableRef old{hint.table.schema, hint.from};
    return "table " + table_name(old) + " dropped and " + table_name(hint.table) +
           " added with the same columns: if it is a rename, annotate the struct with "
           "AUTOGEN_TABLE(" +
           q(hint.to) + ", renamed_from = " + q(hint.from) + ")";
}

}  // namespace autogen::diff
