// Applying annotations to build tables and enums (table_builder.hpp). One function
// per annotation kind. A constraint or index the annotation does not name gets the
// name of the project's convention ([models] naming, support/naming.hpp), by default
// uq_<table>_<column>, ix_<table>_<column>, fk_<table>_<column>_<reftable>,
// ck_<table>_<column>, and an unnamed primary key (the database names it).
#include "scan/table_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "schema/index_keys.hpp"
#include "schema/partition_by.hpp"
#include "support/text.hpp"

namespace autogen::scan {

namespace {

using support::Category;
using support::Diagnostics;
using support::NameFields;
using support::NameKind;
using support::SourceLocation;

/// The location of an argument's value (or of the argument, for a flag).
SourceLocation where(const LocatedAnnotation& la, const AnnotationArg& arg) {
    return la.site.at(arg.value ? arg.value->offset : arg.offset);
}

SourceLocation where_positional(const LocatedAnnotation& la, std::size_t i) {
    const AnnotationValue* v = positional(la.annotation, i);
    return v ? la.site.at(v->offset) : la.site.location;
}

/// The identity_* options an AUTOGEN_COLUMN states (vocabulary.cpp checks their values).
schema::IdentityOptions identity_options_of(const Annotation& a) {
    schema::IdentityOptions o;
    auto integer = [&](std::string_view key) -> std::optional<std::int64_t> {
        const AnnotationArg* arg = find_arg(a, key);
        if (!arg || !arg->value) return std::nullopt;
        return arg->value->integer;
    };
    o.start = integer("identity_start");
    o.increment = integer("identity_increment");
    o.minvalue = integer("identity_minvalue");
    o.maxvalue = integer("identity_maxvalue");
    o.cache = integer("identity_cache");
    if (has_arg(a, "identity_cycle")) o.cycle = true;
    return o;
}

/// Reports vocabulary errors; true if the annotation is usable.
bool check(const LocatedAnnotation& la, Diagnostics& diags) {
    auto errors = validate(la.kind, la.annotation);
    for (auto& e : errors) diags.error(Category::Model, e.message, la.site.at(e.offset), e.hint);
    return errors.empty();
}

std::string text_of(const AnnotationArg* arg) {
    return arg && arg->value ? arg->value->text : std::string();
}

/// Builds one table from its struct.
class TableBuilder {
  public:
    TableBuilder(const StructDecl& s, const std::map<std::string, std::string>& enum_names,
                 const support::NamingConvention& naming, Diagnostics& diags)
        : s_(s), enum_names_(enum_names), naming_(naming), diags_(diags) {}

    schema::Table build() {
        t_.location = s_.location;
        t_.comment = s_.doc;
        const LocatedAnnotation* table_ann = nullptr;
        for (const auto& la : s_.annotations) {
            if (la.kind != AnnotationKind::Table) continue;
            if (table_ann) {
                diags_.error(Category::Model,
                             "struct '" + s_.qualified_name + "' has two AUTOGEN_TABLE annotations",
                             la.site.location, "keep one AUTOGEN_TABLE per struct");
                continue;
            }
            table_ann = &la;
            apply_table(la);
        }
        if (t_.name.empty()) t_.name = snake_case(s_.name);
        for (const auto& f : s_.fields) add_field(f);
        for (const auto& la : s_.annotations) apply_struct_level(la);
        if (!pk_columns_.empty()) {
            std::string name = pk_name_;
            if (name.empty()) name = naming_.name(NameKind::PrimaryKey, {t_.name, pk_columns_});
            t_.primary_key = schema::PrimaryKey{name, pk_columns_, pk_comment_};
        }
        return std::move(t_);
    }

  private:
    void apply_table(const LocatedAnnotation& la) {
        if (!check(la, diags_)) return;
        const Annotation& a = la.annotation;
        if (const auto* v = positional(a, 0)) {
            t_.name = v->text;
            if (t_.name.empty())
                diags_.error(Category::Model, "empty table name", where_positional(la, 0),
                             "write AUTOGEN_TABLE(\"name\") or AUTOGEN_TABLE() for the snake_case "
                             "struct name");
        }
        if (auto* arg = find_arg(a, "schema")) t_.schema = text_of(arg);
        if (auto* arg = find_arg(a, "renamed_from")) t_.renamed_from = text_of(arg);
        if (auto* arg = find_arg(a, "comment")) t_.comment = text_of(arg);
        t_.options.strict = has_arg(a, "strict");
        t_.options.without_rowid = has_arg(a, "without_rowid");
        t_.options.unlogged = has_arg(a, "unlogged");
        // FORCE only binds the owner when row-level security is on, so it implies it.
        t_.options.force_row_level_security = has_arg(a, "force_row_level_security");
        t_.options.row_level_security =
            has_arg(a, "row_level_security") || t_.options.force_row_level_security;
        if (const AnnotationArg* arg = find_arg(a, "partition_by")) {
            std::string error;
            t_.options.partition_by = schema::normalised_partition_by(text_of(arg), error);
            if (!error.empty())
                diags_.error(Category::Model, error + " (table \"" + t_.name + "\")",
                             where(la, *arg),
                             "write partition_by = \"RANGE (column)\", \"LIST (column)\" or "
                             "\"HASH (column)\"; several columns or expressions go in the "
                             "parentheses, separated by commas");
        }
        if (const AnnotationArg* arg = find_arg(a, "with")) {
            std::string error;
            auto parameters = schema::parse_storage_parameters(arg->value->text, error);
            // Sorted: PostgreSQL's reloptions keep the order they were set in, which ALTER
            // TABLE ... SET changes; the set of parameters is what counts.
            std::sort(parameters.begin(), parameters.end());
            t_.options.storage_parameters = std::move(parameters);
            if (!error.empty())
                diags_.error(Category::Model, error + " (table \"" + t_.name + "\")",
                             where(la, *arg), "separate parameters with commas");
        }
    }

    void add_field(const FieldDecl& f) {
        const LocatedAnnotation* column_ann = nullptr;
        bool usable = true;
        for (const auto& la : f.annotations) {
            switch (la.kind) {
                case AnnotationKind::Transient:
                    return;  // not a column
                case AnnotationKind::Column:
                    if (column_ann) {
                        diags_.error(Category::Model,
                                     "field '" + f.name + "' has two AUTOGEN_COLUMN annotations",
                                     la.site.location, "merge them into one AUTOGEN_COLUMN(...)");
                        usable = false;
                    } else {
                        column_ann = &la;
                        usable = check(la, diags_) && usable;
                    }
                    break;
                default:
                    diags_.error(Category::Model,
                                 std::string(macro_name(la.kind)) +
                                     " does not apply to a field ('" + f.name + "')",
                                 la.site.location, "put it on the struct (or enum) it belongs to");
                    usable = false;
            }
        }
        if (f.annotation_errors) usable = false;
        static const Annotation none;
        const Annotation& a = column_ann && usable ? column_ann->annotation : none;

        schema::Column c;
        c.name = find_arg(a, "name") ? text_of(find_arg(a, "name")) : f.name;
        c.location = f.location;
        c.comment = f.doc;
        c.nullable = f.type.nullable;
        if (auto* arg = find_arg(a, "type")) {
            c.type.logical = schema::Logical::None;
            c.type.sql = text_of(arg);
            if (c.type.sql.empty())
                diags_.error(Category::Model, "empty type for field '" + f.name + "'",
                             where(*column_ann, *arg),
                             "write the SQL type, e.g. type = \"NUMERIC(12,2)\"");
        } else if (f.type.type) {
            c.type = *f.type.type;
            if (c.type.logical == schema::Logical::Enum) {
                auto it = enum_names_.find(f.type.enum_key);
                if (it != enum_names_.end()) c.type.enum_name = it->second;
            }
        } else if (usable) {
            diags_.error(Category::Model,
                         "field '" + s_.name + "::" + f.name + "' has type '" + f.type.spelling +
                             "', which has no default column type",
                         f.location,
                         f.type.hint.empty() ? "give the SQL type with AUTOGEN_COLUMN(type = "
                                               "\"...\"), or mark the field AUTOGEN_TRANSIENT"
                                             : f.type.hint);
        }
        if (auto* arg = find_arg(a, "length")) {
            if (c.type.logical == schema::Logical::Text)
                c.type.length = static_cast<unsigned>(arg->value->integer);
            else
                diags_.error(Category::Model,
                             "'length' applies only to std::string columns ('" + f.name + "')",
                             where(*column_ann, *arg),
                             "remove it, or write the full type with type = \"...\"");
        }
        if (has_arg(a, "nullable")) c.nullable = true;
        if (has_arg(a, "not_null")) c.nullable = false;
        if (auto* arg = find_arg(a, "server_default")) c.server_default = text_of(arg);
        if (const AnnotationArg* arg = find_arg(a, "identity")) {
            c.identity = true;
            c.identity_always =
                arg->value && parse_identity_always(arg->value->text).value_or(false);
            c.identity_options = identity_options_of(a);
        }
        // AUTOINCREMENT is the table's (SQLite has one rowid); the key is assigned.
        if (has_arg(a, "autoincrement")) {
            c.identity = true;
            t_.options.autoincrement = true;
        }
        if (auto* arg = find_arg(a, "generated")) {
            c.generated = text_of(arg);
            c.generated_virtual = has_arg(a, "virtual");
        }
        if (auto* arg = find_arg(a, "collate")) c.collation = text_of(arg);
        if (auto* arg = find_arg(a, "renamed_from")) c.renamed_from = text_of(arg);
        if (auto* arg = find_arg(a, "comment")) c.comment = text_of(arg);

        if (t_.find_column(c.name)) {
            diags_.error(Category::Model,
                         "duplicate column '" + c.name + "' in table '" + t_.name + "'", f.location,
                         "rename the field or give it AUTOGEN_COLUMN(name = \"...\")");
        }
        const std::string& col = c.name;
        if (auto* arg = find_arg(a, "primary_key")) {
            pk_columns_.push_back(col);
            if (!pk_location_.known()) pk_location_ = where(*column_ann, *arg);
            if (arg->value) name_primary_key(arg->value->text, where(*column_ann, *arg));
        }
        const NameFields fields{.table = t_.name, .columns = {col}, .constraint_name = col};
        if (auto* arg = find_arg(a, "unique"))
            t_.uniques.push_back(
                {given_or(arg, NameKind::Unique, fields), {col}, where(*column_ann, *arg)});
        if (auto* arg = find_arg(a, "index"))
            t_.indexes.push_back({given_or(arg, NameKind::Index, fields),
                                  {col},
                                  false,
                                  "",
                                  where(*column_ann, *arg)});
        if (auto* arg = find_arg(a, "check"))
            t_.checks.push_back(
                {naming_.name(NameKind::Check, fields), text_of(arg), where(*column_ann, *arg)});
        if (auto* arg = find_arg(a, "references"))
            add_column_reference(*column_ann, *arg, col);
        else if (auto* act = first_reference_option(a))
            diags_.error(Category::Model,
                         "'" + act->key + "' without 'references' on field '" + f.name + "'",
                         where(*column_ann, *act),
                         "add references = \"table.column\" or remove it");
        t_.columns.push_back(std::move(c));
    }

    void add_column_reference(const LocatedAnnotation& la, const AnnotationArg& arg,
                              const std::string& col) {
        const std::string& target = arg.value->text;
        auto dot = target.rfind('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == target.size()) {
            diags_.error(Category::Model, "bad reference '" + target + "'", where(la, arg),
                         "write references = \"table.column\" (or \"schema.table.column\")");
            return;
        }
        schema::ForeignKey fk;
        std::string table = target.substr(0, dot);
        if (auto sdot = table.find('.'); sdot != std::string::npos) {
            fk.ref_schema = table.substr(0, sdot);
            table = table.substr(sdot + 1);
        }
        fk.ref_table = table;
        fk.ref_columns = {target.substr(dot + 1)};
        fk.columns = {col};
        fk.name = naming_.name(NameKind::ForeignKey, {.table = t_.name,
                                                      .columns = fk.columns,
                                                      .referred_table = fk.ref_table,
                                                      .referred_columns = fk.ref_columns});
        fk.location = where(la, arg);
        apply_actions(la.annotation, fk);
        t_.foreign_keys.push_back(std::move(fk));
    }

    /// INCLUDE columns, NULLS NOT DISTINCT and storage parameters of AUTOGEN_INDEX.
    void apply_index_options(const LocatedAnnotation& la, schema::Index& ix) {
        const Annotation& a = la.annotation;
        if (const AnnotationArg* arg = find_arg(a, "include"))
            ix.include = columns_in(la, &*arg->value, false);
        ix.nulls_not_distinct = has_arg(a, "nulls_not_distinct");
        if (ix.nulls_not_distinct && !ix.unique)
            diags_.error(Category::Model,
                         "index \"" + ix.name + "\" has nulls_not_distinct but is not unique",
                         where(la, *find_arg(a, "nulls_not_distinct")),
                         "add 'unique', or remove 'nulls_not_distinct' (it only decides "
                         "whether NULL keys collide)");
        if (const AnnotationArg* arg = find_arg(a, "with")) {
            std::string error;
            ix.storage_parameters = schema::parse_storage_parameters(arg->value->text, error);
            if (!error.empty())
                diags_.error(Category::Model, error + " (index \"" + ix.name + "\")",
                             where(la, *arg), "separate parameters with commas");
        }
    }

    /// The keys that only mean something beside `references`.
    static const AnnotationArg* first_reference_option(const Annotation& a) {
        for (const char* key :
             {"on_delete", "on_update", "deferrable", "initially_deferred", "match"})
            if (const AnnotationArg* arg = find_arg(a, key)) return arg;
        return nullptr;
    }

    /// Actions and deferral of a foreign key (`initially_deferred` implies `deferrable`,
    /// as a key that is not deferrable cannot start deferred).
    static void apply_actions(const Annotation& a, schema::ForeignKey& fk) {
        if (auto* arg = find_arg(a, "on_delete"))
            fk.on_delete = *schema::parse_referential_action(arg->value->text);
        if (auto* arg = find_arg(a, "on_update"))
            fk.on_update = *schema::parse_referential_action(arg->value->text);
        fk.initially_deferred = has_arg(a, "initially_deferred");
        fk.deferrable = fk.initially_deferred || has_arg(a, "deferrable");
        if (auto* arg = find_arg(a, "match")) fk.match_full = *parse_match_full(arg->value->text);
    }

    /// Splits a column list and checks each plain name against the table's columns.
    std::vector<std::string> columns_of(const LocatedAnnotation& la, std::size_t i,
                                        bool allow_expressions) {
        return columns_in(la, positional(la.annotation, i), allow_expressions);
    }

    /// The same for a column list `v` of `la` (a positional or a key's value).
    /// With `keys`, each item may carry options (index keys: "created_at DESC"), which are
    /// split off into `keys` (one per item; a bad key is reported at the item).
    std::vector<std::string> columns_in(const LocatedAnnotation& la, const AnnotationValue* v,
                                        bool allow_expressions,
                                        std::vector<schema::IndexKeyOptions>* keys = nullptr) {
        std::vector<std::string> cols = split_columns(v->text);
        if (cols.empty() ||
            std::any_of(cols.begin(), cols.end(), [](auto& c) { return c.empty(); })) {
            diags_.error(
                Category::Model, "empty column in list '" + v->text + "'", la.site.at(v->offset),
                "write the column names separated by commas, e.g. \"user_id, created_at\"");
            return {};
        }
        std::size_t cursor = 0;  // columns appear in order: search each after the previous one
        for (auto& c : cols) {
            std::size_t at = v->text.find(c, cursor);
            if (at == std::string::npos) at = 0;
            cursor = at + c.size();
            // +1 skips the opening quote; column lists hold no escapes, so bytes line up.
            SourceLocation col_loc = la.site.at(v->offset + 1 + at);
            // A column's whole name is a plain key, even one with a blank ("my col").
            if (keys && t_.find_column(c)) {
                keys->emplace_back();
            } else if (keys) {
                schema::ParsedIndexKey key = schema::parse_index_key(c);
                if (!key.error.empty()) {
                    diags_.error(Category::Model, key.error, col_loc,
                                 "e.g. \"created_at DESC NULLS LAST\", \"email COLLATE \\\"C\\\" "
                                 "text_pattern_ops\"");
                    keys->emplace_back();
                    continue;
                }
                c = std::move(key.item);
                keys->push_back(std::move(key.options));
            }
            if (c.front() == '(') {
                if (!allow_expressions)
                    diags_.error(Category::Model, "an expression is not allowed here: " + c,
                                 col_loc,
                                 "only AUTOGEN_INDEX accepts expressions; name columns here");
                continue;
            }
            if (!t_.find_column(c))
                diags_.error(Category::Model,
                             "unknown column '" + c + "' in table '" + t_.name + "'", col_loc,
                             "name a column of the table (a field's column name), or write an "
                             "expression in parentheses");
        }
        return cols;
    }

    void apply_struct_level(const LocatedAnnotation& la) {
        switch (la.kind) {
            case AnnotationKind::Table:
                return;  // handled first
            case AnnotationKind::Index: {
                if (!check(la, diags_)) return;
                std::vector<schema::IndexKeyOptions> keys;
                schema::Index ix{positional(la.annotation, 0)->text,
                                 columns_in(la, positional(la.annotation, 1), true, &keys),
                                 has_arg(la.annotation, "unique"),
                                 text_of(find_arg(la.annotation, "where")),
                                 where_positional(la, 0),
                                 support::to_lower(text_of(find_arg(la.annotation, "method")))};
                // btree is every dialect's default: spelled or not, the same index.
                if (ix.method == "btree") ix.method.clear();
                for (std::size_t k = 0; k < keys.size() && k < ix.columns.size(); ++k)
                    schema::set_key_options(ix, k, std::move(keys[k]));
                apply_index_options(la, ix);
                ix.comment = text_of(find_arg(la.annotation, "comment"));
                t_.indexes.push_back(std::move(ix));
                return;
            }
            case AnnotationKind::Unique:
                if (!check(la, diags_)) return;
                t_.uniques.push_back({positional(la.annotation, 0)->text, columns_of(la, 1, false),
                                      where_positional(la, 0),
                                      text_of(find_arg(la.annotation, "comment"))});
                return;
            case AnnotationKind::Check:
                if (!check(la, diags_)) return;
                t_.checks.push_back({positional(la.annotation, 0)->text,
                                     positional(la.annotation, 1)->text, where_positional(la, 0),
                                     has_arg(la.annotation, "no_inherit"),
                                     has_arg(la.annotation, "not_valid"),
                                     text_of(find_arg(la.annotation, "comment"))});
                return;
            case AnnotationKind::Exclude: {
                if (!check(la, diags_)) return;
                const AnnotationArg* w = find_arg(la.annotation, "where");
                t_.exclusions.push_back(
                    {positional(la.annotation, 0)->text, positional(la.annotation, 1)->text,
                     w ? w->value->text : std::string(), where_positional(la, 0),
                     text_of(find_arg(la.annotation, "comment"))});
                return;
            }
            case AnnotationKind::PrimaryKey: {
                if (!check(la, diags_)) return;
                if (!pk_columns_.empty()) {
                    diags_.error(
                        Category::Model, "table '" + t_.name + "' has two primary keys",
                        la.site.location,
                        pk_location_.known()
                            ? "the other one is at " + pk_location_.str() + "; keep one of them"
                            : "keep one of them");
                    return;
                }
                pk_columns_ = columns_of(la, 0, false);
                pk_location_ = la.site.location;
                pk_comment_ = text_of(find_arg(la.annotation, "comment"));
                if (auto* arg = find_arg(la.annotation, "name"))
                    name_primary_key(text_of(arg), where(la, *arg));
                return;
            }
            case AnnotationKind::ForeignKey:
                add_foreign_key(la);
                return;
            default:
                diags_.error(
                    Category::Model,
                    std::string(macro_name(la.kind)) + " does not apply to a struct ('" +
                        s_.qualified_name + "')",
                    la.site.location,
                    la.kind == AnnotationKind::Column || la.kind == AnnotationKind::Transient
                        ? "put it in front of a field"
                        : "put it on an enum class or enumerator");
        }
    }

    void add_foreign_key(const LocatedAnnotation& la) {
        if (!check(la, diags_)) return;
        const Annotation& a = la.annotation;
        schema::ForeignKey fk;
        fk.name = positional(a, 0)->text;
        fk.columns = columns_of(la, 1, false);
        fk.location = where_positional(la, 2);
        std::string target = positional(a, 2)->text;
        auto open = target.find('('), close = target.rfind(')');
        if (open == std::string::npos || close != target.size() - 1 || close < open) {
            diags_.error(Category::Model, "bad foreign key target '" + target + "'", fk.location,
                         "write \"table(col1, col2)\"");
            return;
        }
        std::string table = support::trimmed(std::string_view(target).substr(0, open));
        if (auto dot = table.find('.'); dot != std::string::npos) {
            fk.ref_schema = table.substr(0, dot);
            table = table.substr(dot + 1);
        }
        fk.ref_table = table;
        fk.ref_columns = split_columns(std::string_view(target).substr(open + 1, close - open - 1));
        if (fk.ref_table.empty() || fk.ref_columns.empty()) {
            diags_.error(Category::Model, "bad foreign key target '" + target + "'", fk.location,
                         "write \"table(col1, col2)\"");
            return;
        }
        if (!fk.columns.empty() && fk.columns.size() != fk.ref_columns.size()) {
            diags_.error(Category::Model,
                         "foreign key '" + fk.name + "' has " + std::to_string(fk.columns.size()) +
                             " columns but references " + std::to_string(fk.ref_columns.size()),
                         fk.location, "name as many referenced columns as local columns");
            return;
        }
        apply_actions(a, fk);
        fk.comment = text_of(find_arg(a, "comment"));
        t_.foreign_keys.push_back(std::move(fk));
    }

    /// The name an argument gives (`unique = "name"`), or the convention's for a flag.
    std::string given_or(const AnnotationArg* arg, NameKind kind, const NameFields& fields) const {
        return arg->value ? arg->value->text : naming_.name(kind, fields);
    }

    /// A name for the primary key (`primary_key = "name"` on a field, `name = ...` on
    /// AUTOGEN_PRIMARY_KEY); the fields of a composite key may repeat it, not contradict it.
    void name_primary_key(const std::string& name, const SourceLocation& at) {
        if (!pk_name_.empty() && pk_name_ != name) {
            diags_.error(Category::Model,
                         "the primary key of table '" + t_.name + "' is named both \"" + pk_name_ +
                             "\" and \"" + name + "\"",
                         at,
                         "the first name is at " + pk_name_location_.str() +
                             "; give the name once, or the same name on each field");
            return;
        }
        if (pk_name_.empty()) pk_name_location_ = at;
        pk_name_ = name;
    }

    const StructDecl& s_;
    const std::map<std::string, std::string>& enum_names_;
    const support::NamingConvention& naming_;
    Diagnostics& diags_;
    schema::Table t_;
    std::vector<std::string> pk_columns_;
    SourceLocation pk_location_;
    std::string pk_comment_;  ///< AUTOGEN_PRIMARY_KEY's `comment =`
    std::string pk_name_;     ///< given in an annotation; empty: the convention's
    SourceLocation pk_name_location_;
};

schema::Enum build_enum(const EnumDecl& e, Diagnostics& diags) {
    schema::Enum out;
    out.name = snake_case(e.name);
    out.location = e.location;
    out.comment = e.doc;  // `comment =` on AUTOGEN_ENUM wins, as on a struct
    for (const auto& la : e.annotations) {
        if (la.kind != AnnotationKind::Enum) {
            diags.error(Category::Model,
                        std::string(macro_name(la.kind)) + " does not apply to an enum ('" +
                            e.qualified_name + "')",
                        la.site.location,
                        "use AUTOGEN_ENUM on the enum class and AUTOGEN_LABEL on its enumerators");
            continue;
        }
        if (!check(la, diags)) continue;
        if (const auto* v = positional(la.annotation, 0)) out.name = v->text;
        if (auto* arg = find_arg(la.annotation, "schema")) out.schema = text_of(arg);
        if (auto* arg = find_arg(la.annotation, "comment")) out.comment = text_of(arg);
    }
    std::set<std::string> seen;
    for (const auto& en : e.enumerators) {
        std::string label = en.name;
        for (const auto& la : en.annotations) {
            if (la.kind != AnnotationKind::Label) {
                diags.error(Category::Model,
                            std::string(macro_name(la.kind)) +
                                " does not apply to an enumerator ('" + en.name + "')",
                            la.site.location, "only AUTOGEN_LABEL(\"...\") goes on an enumerator");
                continue;
            }
            if (check(la, diags)) label = positional(la.annotation, 0)->text;
        }
        if (!seen.insert(label).second)
            diags.error(Category::Model,
                        "duplicate label '" + label + "' in enum '" + out.name + "'", en.location,
                        "give each enumerator a distinct AUTOGEN_LABEL");
        out.labels.push_back(std::move(label));
    }
    return out;
}

}  // namespace

schema::Schema build_schema(const ModelDecls& decls, Diagnostics& diags,
                            const support::NamingConvention& naming) {
    std::vector<const EnumDecl*> enums;
    std::vector<const StructDecl*> tables;
    for (const auto& e : decls.enums) enums.push_back(&e);
    for (const auto& s : decls.tables) tables.push_back(&s);
    return build_schema(enums, tables, enum_names(decls.enums), diags, naming);
}

schema::Schema build_schema(const std::vector<const EnumDecl*>& enums,
                            const std::vector<const StructDecl*>& tables,
                            const std::map<std::string, std::string>& names, Diagnostics& diags,
                            const support::NamingConvention& naming) {
    schema::Schema out;
    for (const auto* e : enums) out.enums.push_back(build_enum(*e, diags));
    for (const auto* s : tables)
        out.tables.push_back(TableBuilder(*s, names, naming, diags).build());
    return out;
}

std::map<std::string, std::string> enum_names(const std::vector<EnumDecl>& enums) {
    std::map<std::string, std::string> names;
    Diagnostics ignored;  // whoever builds the enum reports its problems
    for (const auto& e : enums) names[e.key] = build_enum(e, ignored).name;
    return names;
}

std::string snake_case(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool upper = std::isupper(static_cast<unsigned char>(c));
        if (upper && i > 0 && name[i - 1] != '_') {
            bool prev_lower = std::islower(static_cast<unsigned char>(name[i - 1])) ||
                              std::isdigit(static_cast<unsigned char>(name[i - 1]));
            bool next_lower =
                i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
            bool prev_upper = std::isupper(static_cast<unsigned char>(name[i - 1]));
            if (prev_lower || (prev_upper && next_lower)) out += '_';
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::string> split_columns(std::string_view list) {
    std::vector<std::string> out;
    if (support::trimmed(list).empty()) return out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || (list[i] == ',' && depth == 0)) {
            out.push_back(support::trimmed(list.substr(start, i - start)));
            start = i + 1;
        } else if (list[i] == '(') {
            ++depth;
        } else if (list[i] == ')') {
            --depth;
        }
    }
    return out;
}

}  // namespace autogen::scan
