// `autogen pull`'s generator (model_headers.hpp). Every choice mirrors the scanner's
// table builder (lib/scan/table_builder.cpp) in reverse: a constraint goes on its
// column (`unique`, `index`, `references`, `check`, `primary_key`) when the scanner
// would rebuild it from there with the same name, else on the struct with its name.
#include "codegen/model_headers.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "codegen/cpp_names.hpp"
#include "codegen/postgres_comments.hpp"
#include "schema/index_keys.hpp"
#include "schema/view_column_comments.hpp"
#include "support/text.hpp"

namespace autogen::codegen {

namespace {

using schema::Logical;
using support::NameFields;
using support::NameKind;

/// "a, b": a column list as the annotations write it.
std::string column_list(const std::vector<std::string>& columns) {
    return support::join_with(columns, ", ");
}

/// A column name the annotations' comma-separated lists cannot carry (split at commas,
/// trimmed, an opening parenthesis read as an expression).
bool listable(const std::string& column) {
    return column.find(',') == std::string::npos && column == support::trimmed(column) &&
           !column.empty() && column.front() != '(';
}

std::string action_arg(const char* key, schema::ReferentialAction action) {
    return std::string(key) + " = " + schema::to_string(action);
}

/// One table's struct, built as lists of annotation arguments.
struct FieldOut {
    std::string cpp_name;
    std::string cpp_type;
    std::vector<std::string> args;  ///< AUTOGEN_COLUMN(...) arguments
};

/// One table's struct and the includes it needs.
struct TableBlock {
    std::set<std::string> includes;
    std::string text;  ///< from `struct AUTOGEN_TABLE(` to `};`
};

class HeaderWriter {
  public:
    HeaderWriter(const schema::Schema& schema, const ModelHeaderOptions& options, ModelHeaders& out)
        : schema_(schema), options_(options), out_(out) {}

    void run() {
        for (const auto& e : schema_.enums)
            enum_names_[e.name] = unique_name(pascal_case_identifier(e.name), used_types_);
        std::map<std::string, int> bases;
        for (const auto& t : schema_.tables) ++bases[pascal_case_identifier(t.name)];
        std::vector<TableBlock> blocks;
        for (const auto& t : schema_.tables) {
            std::string base = pascal_case_identifier(t.name);
            // Tables of one name in two schemas: the schema tells their structs apart.
            if (bases[base] > 1 && !t.schema.empty())
                base = pascal_case_identifier(t.schema) + base;
            blocks.push_back(table_block(t, unique_name(base, used_types_)));
        }
        if (!schema_.enums.empty()) out_.headers.push_back(enums_header());
        const auto per_table = table_files(), per_schema = schema_files();
        const bool by_schema = options_.split == HeaderSplit::PerSchema;
        const auto& files = by_schema ? per_schema : per_table;
        std::map<std::string, std::vector<std::size_t>> in_file;  // file -> blocks, in order
        std::vector<std::string> order;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            auto& list = in_file[files[i]];
            if (list.empty()) order.push_back(files[i]);
            list.push_back(i);
        }
        for (const auto& file : order) {
            const auto& members = in_file[file];
            const auto& first = schema_.tables[members.front()];
            out_.headers.push_back(header(
                by_schema ? (first.schema.empty() ? std::string("the tables of the default schema")
                                                  : "the tables of schema \"" + first.schema + "\"")
                          : "table " + first.qualified_name(),
                file, members, blocks));
        }
        // What the other split would have written: an earlier pull's file for these
        // tables, which would declare them a second time.
        std::set<std::string> written(order.begin(), order.end());
        for (const auto& f : by_schema ? per_table : per_schema)
            if (!written.count(f)) out_.displaced.insert(f);
        for (const auto& v : schema_.objects)
            if (!options_.objects_in_sql && declared_on_its_own(v, schema_))
                left_out(
                    std::string(schema::to_string(v.kind)) + " " + v.identity(),
                    // A sequence's, a grant's and a policy's statements are short,
                    // rebuilt whole from the catalog: said with the hint.
                    v.kind == schema::ObjectKind::Sequence || v.kind == schema::ObjectKind::Grant ||
                            v.kind == schema::ObjectKind::Policy ||
                            v.kind == schema::ObjectKind::Partition ||
                            v.kind == schema::ObjectKind::DefaultPrivilege ||
                            v.kind == schema::ObjectKind::Owner
                        ? "declare it in a .sql file of [models] sql (docs/objects.md): " + v.sql +
                              ";"
                        : "declare it in a .sql file of [models] sql (docs/objects.md); "
                          "with [models] sql set, pull writes it into pulled.sql");
    }

  private:
    void left_out(std::string where, std::string what) {
        out_.left_out.push_back({std::move(where), std::move(what)});
    }

    /// The file stems taken before any table's: enums.hpp's, when there are enums.
    std::set<std::string> taken_stems() const {
        return schema_.enums.empty() ? std::set<std::string>{} : std::set<std::string>{"enums"};
    }

    /// One header per table: the table's name (with its schema), told apart from another
    /// of the same lower-case name by `_2`.
    std::vector<std::string> table_files() const {
        std::set<std::string> used = taken_stems();
        std::vector<std::string> files;
        for (const auto& t : schema_.tables) {
            std::string stem = file_stem(t.schema.empty() ? t.name : t.schema + "." + t.name);
            std::string lower = unique_name(support::to_lower(stem), used);
            files.push_back((lower != support::to_lower(stem) ? lower : stem) + ".hpp");
        }
        return files;
    }

    /// One header per schema: the schema's name, `models.hpp` for the default schema.
    std::vector<std::string> schema_files() const {
        std::set<std::string> used = taken_stems();
        std::map<std::string, std::string> of_schema;
        std::vector<std::string> files;
        for (const auto& t : schema_.tables) {
            auto it = of_schema.find(t.schema);
            if (it == of_schema.end()) {
                std::string stem = t.schema.empty() ? "models" : file_stem(t.schema);
                std::string lower = unique_name(support::to_lower(stem), used);
                it = of_schema
                         .emplace(t.schema,
                                  (lower != support::to_lower(stem) ? lower : stem) + ".hpp")
                         .first;
            }
            files.push_back(it->second);
        }
        return files;
    }

    /// The header `file` holding the structs of `members` (positions in the schema's
    /// tables): the includes all of them need, then each struct, a blank line apart.
    ModelHeader header(const std::string& what, const std::string& file,
                       const std::vector<std::size_t>& members,
                       const std::vector<TableBlock>& blocks) const {
        ModelHeader h;
        h.file = file;
        std::set<std::string> includes;
        for (auto i : members) {
            h.tables.push_back(schema_.tables[i].qualified_name());
            includes.insert(blocks[i].includes.begin(), blocks[i].includes.end());
        }
        h.contents = preamble(what);
        // <autogen/model.hpp> first, then the standard headers, then enums.hpp (the
        // order of examples/blog: angle brackets, a blank line, quoted includes).
        for (const auto& inc : includes)
            if (inc.front() == '<') h.contents += "#include " + inc + "\n";
        if (includes.count("\"enums.hpp\"")) h.contents += "\n#include \"enums.hpp\"\n";
        for (auto i : members) h.contents += "\n" + blocks[i].text;
        return h;
    }

    static std::string preamble(const std::string& what) {
        return std::string(kPulledHeaderMarker) + " from the database: " + what +
               ".\n// pull overwrites this file while its first line says so; delete that line "
               "to keep your edits.\n#pragma once\n\n";
    }

    ModelHeader enums_header() {
        ModelHeader h;
        h.file = "enums.hpp";
        h.contents = preamble("the enum types") + "#include <autogen/model.hpp>\n\n";
        for (const auto& e : schema_.enums) {
            std::vector<std::string> args{c_string_literal(e.name)};
            if (!e.schema.empty()) args.push_back("schema = " + c_string_literal(e.schema));
            if (!e.comment.empty()) args.push_back("comment = " + c_string_literal(e.comment));
            std::set<std::string> used;
            std::vector<std::string> items;
            for (const auto& label : e.labels) {
                std::string id = unique_name(cpp_identifier(label, "_", "value"), used);
                items.push_back(
                    id == label ? id : id + " AUTOGEN_LABEL(" + c_string_literal(label) + ")");
            }
            h.contents += "enum class AUTOGEN_ENUM(" + support::join_with(args, ", ") + ") " +
                          enum_names_[e.name] + " {\n";
            for (std::size_t i = 0; i < items.size(); ++i)
                h.contents += "    " + items[i] + (i + 1 < items.size() ? ",\n" : "\n");
            h.contents += "};\n";
        }
        return h;
    }

    /// The name the scanner gives an unnamed constraint of `kind` with `fields`.
    std::string convention(NameKind kind, const NameFields& fields) const {
        return options_.naming.name(kind, fields);
    }

    /// The C++ type of a column, and the annotation arguments its type needs.
    void type_of(const schema::Table& t, const schema::Column& c, FieldOut& f,
                 std::set<std::string>& includes) {
        schema::ColumnType type;
        if (options_.natural_type) type = options_.natural_type(t, c);
        if (type.logical == Logical::None && c.type.sql.empty()) {
            // A column without a declared type (SQLite allows one): an annotation cannot
            // say "no type", and bytes are the closest portable meaning.
            type.logical = Logical::Blob;
            left_out("table " + t.qualified_name(),
                     "column \"" + c.name +
                         "\" has no declared type, which the models cannot state; they declare "
                         "it a blob (std::vector<std::uint8_t>)");
        }
        // No logical type lowers to the column's SQL type: the field says it with
        // `type = "..."` and takes the closest C++ type the dialect knows.
        const bool spelled = type.logical == Logical::None ||
                             (type.logical == Logical::Enum && !enum_names_.count(type.enum_name));
        if (spelled) {
            type = {};
            if (options_.closest_logical) type.logical = options_.closest_logical(c.type.sql);
            f.args.push_back("type = " + c_string_literal(c.type.sql));
        }
        std::string cpp;
        switch (type.logical) {
            case Logical::Boolean:
                cpp = "bool";
                break;
            case Logical::SmallInt:
                cpp = "std::int16_t";
                includes.insert("<cstdint>");
                break;
            case Logical::Integer:
                cpp = "std::int32_t";
                includes.insert("<cstdint>");
                break;
            case Logical::BigInt:
                cpp = "std::int64_t";
                includes.insert("<cstdint>");
                break;
            case Logical::Real:
                cpp = "float";
                break;
            case Logical::Double:
                cpp = "double";
                break;
            case Logical::Text:
                cpp = "std::string";
                includes.insert("<string>");
                if (type.length) f.args.push_back("length = " + std::to_string(*type.length));
                break;
            case Logical::Blob:
                cpp = "std::vector<std::uint8_t>";
                includes.insert("<cstdint>");
                includes.insert("<vector>");
                break;
            case Logical::TimestampTz:
                cpp = "std::chrono::system_clock::time_point";
                includes.insert("<chrono>");
                break;
            case Logical::Date:
                cpp = "std::chrono::year_month_day";
                includes.insert("<chrono>");
                break;
            case Logical::Enum:
                cpp = enum_names_.at(type.enum_name);
                includes.insert("\"enums.hpp\"");
                break;
            case Logical::None:
                cpp = "std::string";
                includes.insert("<string>");
                break;
        }
        if (c.nullable) {
            cpp = "std::optional<" + cpp + ">";
            includes.insert("<optional>");
        }
        f.cpp_type = cpp;
    }

    TableBlock table_block(const schema::Table& t, const std::string& struct_name) {
        const std::string where = "table " + t.qualified_name();
        std::set<std::string> includes{"<autogen/model.hpp>"};
        std::vector<FieldOut> fields(t.columns.size());
        std::map<std::string, std::size_t> at;  // column name -> field
        std::set<std::string> used{struct_name};
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const auto& c = t.columns[i];
            FieldOut& f = fields[i];
            at[c.name] = i;
            f.cpp_name = unique_name(cpp_identifier(c.name, "_", "column"), used);
            if (f.cpp_name != c.name) f.args.push_back("name = " + c_string_literal(c.name));
            type_of(t, c, f, includes);
        }
        std::vector<std::string> table_args{c_string_literal(t.name)};
        if (!t.schema.empty()) table_args.push_back("schema = " + c_string_literal(t.schema));
        if (!t.comment.empty()) table_args.push_back("comment = " + c_string_literal(t.comment));
        if (t.options.strict) table_args.push_back("strict");
        if (t.options.without_rowid) table_args.push_back("without_rowid");
        if (t.options.unlogged) table_args.push_back("unlogged");
        // force_row_level_security implies row_level_security: one flag says both.
        if (t.options.force_row_level_security)
            table_args.push_back("force_row_level_security");
        else if (t.options.row_level_security)
            table_args.push_back("row_level_security");
        if (!t.options.partition_by.empty())
            table_args.push_back("partition_by = " + c_string_literal(t.options.partition_by));
        if (!t.options.storage_parameters.empty())
            table_args.push_back("with = " + c_string_literal(schema::storage_parameters_sql(
                                                 t.options.storage_parameters)));
        std::vector<std::string> struct_level;  // AUTOGEN_PRIMARY_KEY(...) etc., whole

        auto list_or_note = [&](const std::vector<std::string>& cols, const std::string& what) {
            bool ok = std::all_of(cols.begin(), cols.end(), listable);
            if (!ok)
                left_out(where, what +
                                    ": a column name with a comma, blanks around it or a "
                                    "leading '(' cannot be listed in an annotation");
            return ok;
        };

        // `, comment = "..."` for a key, index or constraint with one: only the struct-level
        // annotations have the key, so a commented one is written there.
        auto comment_arg = [](const std::string& comment) {
            return comment.empty() ? std::string() : ", comment = " + c_string_literal(comment);
        };
        // The primary key: on its column when it has one, else AUTOGEN_PRIMARY_KEY.
        if (t.primary_key && !t.primary_key->columns.empty()) {
            const auto& pk = *t.primary_key;
            std::string expected =
                options_.naming.pattern(NameKind::PrimaryKey).empty()
                    ? (options_.default_primary_key_name ? options_.default_primary_key_name(t.name)
                                                         : std::string())
                    : convention(NameKind::PrimaryKey, {t.name, pk.columns});
            bool named = !pk.name.empty() && pk.name != expected;
            if (pk.columns.size() == 1 && at.count(pk.columns.front()) && pk.comment.empty()) {
                fields[at[pk.columns.front()]].args.push_back(
                    named ? "primary_key = " + c_string_literal(pk.name) : "primary_key");
            } else if (list_or_note(pk.columns, "primary key")) {
                std::string a = "AUTOGEN_PRIMARY_KEY(" + c_string_literal(column_list(pk.columns));
                if (named) a += ", name = " + c_string_literal(pk.name);
                struct_level.push_back(a + comment_arg(pk.comment) + ")");
            }
        }
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const auto& c = t.columns[i];
            FieldOut& f = fields[i];
            if (c.identity) f.args.push_back(c.identity_always ? "identity = always" : "identity");
            if (c.identity)
                for (auto& arg : schema::identity_option_args(c.identity_options))
                    f.args.push_back(std::move(arg));
            if (c.identity && t.options.autoincrement) f.args.push_back("autoincrement");
            if (c.server_default)
                f.args.push_back("server_default = " + c_string_literal(*c.server_default));
            if (c.generated) {
                f.args.push_back("generated = " + c_string_literal(*c.generated));
                if (c.generated_virtual) f.args.push_back("virtual");
            }
            if (c.collation) f.args.push_back("collate = " + c_string_literal(*c.collation));
            if (!c.comment.empty()) f.args.push_back("comment = " + c_string_literal(c.comment));
        }
        std::set<std::size_t> has_unique, has_index, has_check;
        for (const auto& u : t.uniques) {
            std::string expected =
                u.columns.size() == 1 ? convention(NameKind::Unique, {t.name, u.columns}) : "";
            std::string name = u.name;  // unnamed: as for a foreign key below
            if (name.empty())
                name = u.columns.size() == 1
                           ? expected
                           : "uq_" + t.name + "_" + support::join_with(u.columns, "_");
            if (u.columns.size() == 1 && at.count(u.columns.front()) &&
                !has_unique.count(at[u.columns.front()]) && u.comment.empty()) {
                std::size_t i = at[u.columns.front()];
                has_unique.insert(i);
                fields[i].args.push_back(name == expected ? "unique"
                                                          : "unique = " + c_string_literal(name));
            } else if (list_or_note(u.columns, "unique constraint \"" + name + "\"")) {
                struct_level.push_back("AUTOGEN_UNIQUE(" + c_string_literal(name) + ", " +
                                       c_string_literal(column_list(u.columns)) +
                                       comment_arg(u.comment) + ")");
            }
        }
        for (const auto& ix : t.indexes) {
            bool plain = ix.columns.size() == 1 && !ix.unique && ix.where.empty() &&
                         ix.method.empty() && ix.key_options.empty() && ix.include.empty() &&
                         ix.storage_parameters.empty() && at.count(ix.columns.front()) &&
                         !has_index.count(at[ix.columns.front()]) && ix.comment.empty();
            if (plain) {
                std::size_t i = at[ix.columns.front()];
                has_index.insert(i);
                std::string expected = convention(NameKind::Index, {t.name, ix.columns});
                fields[i].args.push_back(
                    ix.name == expected ? "index" : "index = " + c_string_literal(ix.name));
                continue;
            }
            std::string a = "AUTOGEN_INDEX(" + c_string_literal(ix.name) + ", " +
                            c_string_literal(ix.key_options.empty() ? column_list(ix.columns)
                                                                    : schema::index_keys_text(ix));
            if (ix.unique) a += ", unique";
            if (!ix.where.empty()) a += ", where = " + c_string_literal(ix.where);
            if (!ix.method.empty()) a += ", method = " + c_string_literal(ix.method);
            if (!ix.include.empty())
                a += ", include = " + c_string_literal(column_list(ix.include));
            if (ix.nulls_not_distinct) a += ", nulls_not_distinct";
            if (!ix.storage_parameters.empty())
                a += ", with = " +
                     c_string_literal(schema::storage_parameters_sql(ix.storage_parameters));
            struct_level.push_back(a + comment_arg(ix.comment) + ")");
        }
        for (const auto& fk : t.foreign_keys) {
            std::string expected =
                convention(NameKind::ForeignKey, {.table = t.name,
                                                  .columns = fk.columns,
                                                  .referred_table = fk.ref_table,
                                                  .referred_columns = fk.ref_columns});
            // Kept unnamed by the database (SQLite's inline REFERENCES): the models name
            // it, and the differ takes the two for one (diff/compare_constraints.cpp).
            std::string name = fk.name.empty() ? expected : fk.name;
            std::vector<std::string> actions;
            if (fk.on_delete != schema::ReferentialAction::NoAction)
                actions.push_back(action_arg("on_delete", fk.on_delete));
            if (fk.on_update != schema::ReferentialAction::NoAction)
                actions.push_back(action_arg("on_update", fk.on_update));
            if (fk.initially_deferred)
                actions.emplace_back("initially_deferred");
            else if (fk.deferrable)
                actions.emplace_back("deferrable");
            if (fk.match_full) actions.emplace_back("match = full");
            std::string table =
                fk.ref_schema.empty() ? fk.ref_table : fk.ref_schema + "." + fk.ref_table;
            // `references = "[schema.]table.column"` is split at dots.
            bool dotless = fk.ref_table.find('.') == std::string::npos &&
                           fk.ref_schema.find('.') == std::string::npos &&
                           fk.ref_columns.front().find('.') == std::string::npos;
            if (fk.columns.size() == 1 && name == expected && at.count(fk.columns.front()) &&
                dotless && fk.comment.empty()) {
                auto& args = fields[at[fk.columns.front()]].args;
                args.push_back("references = " +
                               c_string_literal(table + "." + fk.ref_columns.front()));
                args.insert(args.end(), actions.begin(), actions.end());
                continue;
            }
            if (!list_or_note(fk.columns, "foreign key \"" + name + "\"") ||
                !list_or_note(fk.ref_columns, "foreign key \"" + name + "\""))
                continue;
            std::string a = "AUTOGEN_FOREIGN_KEY(" + c_string_literal(name) + ", " +
                            c_string_literal(column_list(fk.columns)) + ", " +
                            c_string_literal(table + "(" + column_list(fk.ref_columns) + ")");
            for (const auto& act : actions) a += ", " + act;
            struct_level.push_back(a + comment_arg(fk.comment) + ")");
        }
        std::size_t unnamed_checks = 0;
        for (const auto& ck : t.checks) {
            bool placed = false;
            for (std::size_t i = 0; i < t.columns.size() && !placed; ++i) {
                const auto& col = t.columns[i].name;
                // The column form has no NO INHERIT / NOT VALID: AUTOGEN_CHECK writes them.
                if (has_check.count(i) || ck.no_inherit || ck.not_valid || !ck.comment.empty() ||
                    convention(NameKind::Check,
                               {.table = t.name, .columns = {col}, .constraint_name = col}) !=
                        ck.name)
                    continue;
                has_check.insert(i);
                fields[i].args.push_back("check = " + c_string_literal(ck.expression));
                placed = true;
            }
            if (placed) continue;
            std::string name = ck.name;  // unnamed: as for a foreign key above
            if (name.empty()) name = "ck_" + t.name + "_" + std::to_string(++unnamed_checks);
            struct_level.push_back(
                "AUTOGEN_CHECK(" + c_string_literal(name) + ", " + c_string_literal(ck.expression) +
                (ck.no_inherit ? ", no_inherit" : "") + (ck.not_valid ? ", not_valid" : "") +
                comment_arg(ck.comment) + ")");
        }
        for (const auto& x : t.exclusions)
            struct_level.push_back(
                "AUTOGEN_EXCLUDE(" + c_string_literal(x.name) + ", " +
                c_string_literal(x.definition) +
                (x.where.empty() ? "" : ", where = " + c_string_literal(x.where)) +
                comment_arg(x.comment) + ")");

        TableBlock b;
        b.includes = std::move(includes);
        b.text = "struct AUTOGEN_TABLE(" + support::join_with(table_args, ", ") + ")";
        for (const auto& s : struct_level) b.text += "\n       " + s;
        b.text += (struct_level.empty() ? " " : "\n       ") + struct_name + " {\n";
        for (const auto& f : fields) {
            b.text += "    ";
            if (!f.args.empty())
                b.text += "AUTOGEN_COLUMN(" + support::join_with(f.args, ", ") + ") ";
            b.text += f.cpp_type + " " + f.cpp_name + ";\n";
        }
        b.text += "};\n";
        return b;
    }

    const schema::Schema& schema_;
    const ModelHeaderOptions& options_;
    ModelHeaders& out_;
    std::map<std::string, std::string> enum_names_;  // SQL name -> C++ name
    std::set<std::string> used_types_;
};

}  // namespace

bool declared_on_its_own(const schema::SqlObject& object, const schema::Schema& schema) {
    return object.kind != schema::ObjectKind::Schema ||
           !schema::implies_schema(schema, object.name);
}

std::string pulled_objects_sql(const schema::Schema& schema) {
    std::string body;
    for (const auto& o : schema.objects) {
        if (!declared_on_its_own(o, schema)) continue;
        std::string statement = support::trimmed(o.sql);
        while (!statement.empty() && statement.back() == ';') statement.pop_back();
        body += "\n" + statement + ";\n";
        // Only PostgreSQL reads a comment back (SQLite keeps none).
        if (!o.comment.empty() && schema::takes_comment(o.kind))
            body += postgres::comment_on_sql(schema::object_comment(o, "", o.comment)) + ";\n";
        for (const auto& [column, text] : o.column_comments)
            body +=
                postgres::comment_on_sql(schema::view_column_comment(o, column, "", text)) + ";\n";
    }
    if (body.empty()) return {};
    return std::string(kPulledSqlMarker) +
           " from the database: the objects declared in SQL (docs/objects.md).\n"
           "-- pull overwrites this file while its first line says so; delete that line to "
           "keep your edits.\n" +
           body;
}

ModelHeaders write_model_headers(const schema::Schema& schema, const ModelHeaderOptions& options) {
    ModelHeaders out;
    HeaderWriter(schema, options, out).run();
    return out;
}

}  // namespace autogen::codegen
