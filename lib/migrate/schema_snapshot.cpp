// Snapshot lines: one compact JSON object per schema object, behind a keyword.
#include "migrate/schema_snapshot.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "migrate/snapshot_line.hpp"
#include "schema/index_keys.hpp"
#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"
#include "schema/view_column_comments.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::migrate {

namespace {

using support::Category;
namespace s = autogen::schema;

constexpr s::Logical kLogicals[] = {
    s::Logical::None,   s::Logical::Boolean,     s::Logical::SmallInt, s::Logical::Integer,
    s::Logical::BigInt, s::Logical::Real,        s::Logical::Double,   s::Logical::Text,
    s::Logical::Blob,   s::Logical::TimestampTz, s::Logical::Date,     s::Logical::Enum};

/// Appends `value` as a JSON string exactly as nlohmann's dump() writes it: printable
/// ASCII without '"' or '\\' needs no escaping and is copied; anything else goes through
/// nlohmann (escapes, UTF-8 checks and their exceptions alike).
void put_string(std::string& out, std::string_view value) {
    const bool plain = std::all_of(value.begin(), value.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
    });
    if (!plain) {
        out += nlohmann::json(std::string(value)).dump();
        return;
    }
    out += '"';
    out += value;
    out += '"';
}

/// A declared object's snapshot keyword: its kind, '_' for ' ' ("materialized_view").
std::string object_keyword(s::ObjectKind kind) {
    std::string out = s::to_string(kind);
    for (char& c : out)
        if (c == ' ') c = '_';
    return out;
}

/// Such a grant is on the one routine of its name (declared_grants.hpp:
/// resolve_grant_overloads refused it when several were declared).
void resolve_unwritten_arguments(std::vector<s::SqlObject>& objects) {
    for (auto& g : objects) {
        if (g.kind != s::ObjectKind::Grant || g.arguments != s::kUnwrittenArguments) continue;
        g.arguments.clear();
        for (const auto& o : objects)
            if (s::is_routine(o) && o.name == g.name && o.schema == g.schema) {
                g.arguments = o.arguments;
                break;
            }
    }
}

std::optional<s::ObjectKind> object_kind_keyword(std::string_view keyword) {
    for (const s::ObjectKind kind : s::kObjectKinds)
        if (object_keyword(kind) == keyword) return kind;
    return std::nullopt;
}

/// One snapshot line, its JSON object written member by member in order: the text
/// nlohmann's compact dump() of the same ordered object gives, without building it
/// (serialising the models for every `check` is ~20,000 lines on 1,000 tables).
class LineWriter {
  public:
    LineWriter(std::string& out, const char* keyword, bool nested) : out_(out) {
        if (nested) out_ += "  ";
        out_ += keyword;
        out_ += " {";
    }
    ~LineWriter() { out_ += "}\n"; }
    LineWriter(const LineWriter&) = delete;
    LineWriter& operator=(const LineWriter&) = delete;

    void text(const char* key, std::string_view value) {
        put_key(key);
        put_string(out_, value);
    }
    /// Written only when not empty (an absent key reads back as "").
    void text_if(const char* key, const std::string& value) {
        if (!value.empty()) text(key, value);
    }
    /// Written only when true (an absent key reads back as false).
    void flag_if(const char* key, bool value) {
        if (!value) return;
        put_key(key);
        out_ += "true";
    }
    void number(const char* key, unsigned value) {
        put_key(key);
        out_ += std::to_string(value);
    }
    void texts(const char* key, const std::vector<std::string>& values) {
        put_key(key);
        out_ += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) out_ += ',';
            put_string(out_, values[i]);
        }
        out_ += ']';
    }

  private:
    void put_key(const char* key) {
        if (!first_) out_ += ',';
        first_ = false;
        put_string(out_, key);
        out_ += ':';
    }

    std::string& out_;
    bool first_ = true;
};

constexpr const char* kIdentityOptionKeys[] = {"identity_start", "identity_increment",
                                               "identity_minvalue", "identity_maxvalue",
                                               "identity_cache"};

/// The field of `o` that a snapshot key names.
std::optional<std::int64_t>* identity_option(s::IdentityOptions& o, std::string_view key) {
    if (key == "identity_start") return &o.start;
    if (key == "identity_increment") return &o.increment;
    if (key == "identity_minvalue") return &o.minvalue;
    if (key == "identity_maxvalue") return &o.maxvalue;
    return &o.cache;
}

/// The stated numeric options of `o`, with their snapshot keys.
std::vector<std::pair<const char*, std::int64_t>> identity_option_fields(s::IdentityOptions o) {
    std::vector<std::pair<const char*, std::int64_t>> out;
    for (const char* key : kIdentityOptionKeys)
        if (auto* v = identity_option(o, key); *v) out.emplace_back(key, **v);
    return out;
}

void put_column(std::string& out, const s::Column& c) {
    LineWriter j(out, "column", true);
    j.text("name", c.name);
    if (c.type.logical != s::Logical::None) j.text("type", s::to_string(c.type.logical));
    if (c.type.length) j.number("length", *c.type.length);
    j.text_if("enum", c.type.enum_name);
    j.text_if("sql", c.type.sql);
    j.flag_if("nullable", c.nullable);
    if (c.server_default) j.text("default", *c.server_default);
    j.flag_if("identity", c.identity);
    j.flag_if("identity_always", c.identity && c.identity_always);
    // Signed 64-bit values, which the line's numbers are not: written as text.
    for (const auto& [key, value] : identity_option_fields(c.identity_options))
        j.text(key, std::to_string(value));
    j.flag_if("identity_cycle", c.identity_options.cycle.value_or(false));
    if (c.generated) j.text("generated", *c.generated);
    j.flag_if("generated_virtual", c.generated && c.generated_virtual);
    if (c.collation) j.text("collation", *c.collation);
    j.text_if("comment", c.comment);
}

void put_foreign_key(std::string& out, const s::ForeignKey& fk) {
    LineWriter j(out, "foreign_key", true);
    j.text_if("name", fk.name);
    j.texts("columns", fk.columns);
    j.text_if("ref_schema", fk.ref_schema);
    j.text("ref_table", fk.ref_table);
    j.texts("ref_columns", fk.ref_columns);
    if (fk.on_delete != s::ReferentialAction::NoAction)
        j.text("on_delete", s::to_string(fk.on_delete));
    if (fk.on_update != s::ReferentialAction::NoAction)
        j.text("on_update", s::to_string(fk.on_update));
    j.flag_if("deferrable", fk.deferrable);
    j.flag_if("initially_deferred", fk.initially_deferred);
    if (fk.match_full) j.text("match", "full");
    j.text_if("comment", fk.comment);
}

void put_index(std::string& out, const s::Index& i) {
    LineWriter j(out, "index", true);
    j.text_if("name", i.name);
    j.texts("columns", i.columns);
    j.flag_if("unique", i.unique);
    j.text_if("where", i.where);
    j.text_if("method", i.method);
    // Written only when set, so the snapshots of plain indexes stay as they were.
    if (!i.key_options.empty()) {
        std::vector<std::string> keys;
        for (std::size_t k = 0; k < i.columns.size(); ++k) keys.push_back(s::index_key_text(i, k));
        j.texts("keys", keys);
    }
    if (!i.include.empty()) j.texts("include", i.include);
    j.flag_if("nulls_not_distinct", i.nulls_not_distinct);
    if (!i.storage_parameters.empty()) j.texts("with", i.storage_parameters);
    j.text_if("comment", i.comment);
}

/// A primary key's or a unique constraint's line.
void put_named_columns(std::string& out, const char* keyword, const std::string& name,
                       const std::vector<std::string>& columns, const std::string& comment) {
    LineWriter j(out, keyword, true);
    j.text_if("name", name);
    j.texts("columns", columns);
    j.text_if("comment", comment);
}

/// How many lines of `text` start with `prefix`: a capacity to reserve (a hint only).
std::size_t count_lines_starting(std::string_view text, std::string_view prefix) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (text.compare(pos, prefix.size(), prefix) == 0) ++n;
        const std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return n;
}

/// The lines from `pos` up to the first one not indented: a table's own lines.
std::string_view nested_block(std::string_view text, std::size_t pos) {
    std::size_t end = std::min(pos, text.size());
    while (end < text.size() && text[end] == ' ') {
        const std::size_t next = text.find('\n', end);
        end = next == std::string_view::npos ? text.size() : next + 1;
    }
    return text.substr(std::min(pos, text.size()), end - std::min(pos, text.size()));
}

/// A line's JSON as nlohmann::json, behind the accessors LineReader uses: the reference
/// reading, whose exceptions are the messages of an unreadable line.
class DomLine {
  public:
    explicit DomLine(const nlohmann::json& j) : j_(j) {}
    std::string text(const char* key) const { return j_.at(key).get<std::string>(); }
    std::string text_or(const char* key, const char* fallback) const {
        return j_.value(key, fallback);
    }
    bool flag_or(const char* key, bool fallback) const { return j_.value(key, fallback); }
    bool has(const char* key) const { return j_.contains(key); }
    unsigned number(const char* key) const { return j_.at(key).get<unsigned>(); }
    std::vector<std::string> texts(const char* key) const {
        return j_.at(key).get<std::vector<std::string>>();
    }

  private:
    const nlohmann::json& j_;
};

/// Thrown by FlatLine where a member is missing or of another type than the reader
/// expects: the line is then read again as a DomLine, which gives nlohmann's answer.
struct NotFlat {};

/// A line in the form snapshot_text writes (FlatObject), with DomLine's accessors; any
/// case DomLine would answer differently from a plain lookup throws NotFlat.
class FlatLine {
  public:
    explicit FlatLine(const FlatObject& o) : o_(o) {}
    std::string text(const char* key) const { return std::string(string_of(o_.find(key))); }
    std::string text_or(const char* key, const char* fallback) const {
        const auto* v = o_.find(key);
        return v ? std::string(string_of(v)) : std::string(fallback);
    }
    bool flag_or(const char* key, bool fallback) const {
        const auto* v = o_.find(key);
        if (!v) return fallback;
        if (v->kind != FlatObject::Value::Kind::Bool) throw NotFlat{};
        return v->flag;
    }
    bool has(const char* key) const { return o_.find(key) != nullptr; }
    unsigned number(const char* key) const {
        const auto* v = o_.find(key);
        if (!v || v->kind != FlatObject::Value::Kind::Number) throw NotFlat{};
        return v->number;
    }
    std::vector<std::string> texts(const char* key) const {
        const auto* v = o_.find(key);
        if (!v || v->kind != FlatObject::Value::Kind::Array) throw NotFlat{};
        std::vector<std::string> out;
        out.reserve(v->count);
        for (std::size_t i = 0; i < v->count; ++i) out.emplace_back(o_.item(v->first + i));
        return out;
    }

  private:
    static std::string_view string_of(const FlatObject::Value* v) {
        if (!v || v->kind != FlatObject::Value::Kind::String) throw NotFlat{};
        return v->text;
    }
    const FlatObject& o_;
};

/// Reads a line's JSON (a DomLine or a FlatLine) into schema objects; throws on a wrong
/// shape, which the caller turns into a located error. Nothing is added to the schema
/// before every member a line needs was read, so a line may be read again after NotFlat.
class LineReader {
  public:
    explicit LineReader(s::Schema& out) : out_(out) {}

    /// Empty on success, else what is wrong.
    template <class Line>
    std::string read(std::string_view keyword, const Line& j) {
        if (keyword == "enum") {
            s::Enum e;
            e.name = j.text("name");
            e.schema = j.text_or("schema", "");
            e.labels = j.texts("labels");
            e.comment = j.text_or("comment", "");
            out_.enums.push_back(std::move(e));
            return {};
        }
        // Declared objects: `objects {}` says the models declare them (even none), then
        // one line each, in the models' order (each after what it reads).
        if (keyword == "objects") {
            out_.declares_objects = true;
            return {};
        }
        if (const auto kind = object_kind_keyword(keyword)) {
            s::SqlObject o;
            o.kind = *kind;
            o.name = j.text("name");
            o.schema = j.text_or("schema", "");
            o.table = j.text_or("table", "");
            o.version = j.text_or("version", "");
            o.comment = j.text_or("comment", "");
            if (j.has("column_comments"))
                o.column_comments = s::column_comments_from(j.texts("column_comments"));
            o.sql = j.text("sql");
            // As declared_objects.cpp gives it before a scratch database reads it back.
            o.definition = support::canonical_sql(o.sql, support::SqlQuoting::portable());
            // A routine's input types name it among its overloads, as they do when declared.
            if (s::is_routine(o)) o.arguments = s::declared_identity_types(o.sql);
            if (o.kind == s::ObjectKind::Owner) {  // owners.hpp: the role is compared
                o.definition = o.table;
                o.arguments = j.text_or("arguments", "");
                o.columns = {j.text_or("runner", "")};
            }
            if (o.kind == s::ObjectKind::Grant &&
                (o.version == "FUNCTION" || o.version == "PROCEDURE"))
                o.arguments =
                    s::granted_identity_types(o.sql, o.name).value_or(s::kUnwrittenArguments);
            out_.objects.push_back(std::move(o));
            return {};
        }
        if (keyword == "table") {
            s::Table t;
            t.name = j.text("name");
            t.schema = j.text_or("schema", "");
            t.comment = j.text_or("comment", "");
            t.options.strict = j.flag_or("strict", false);
            t.options.without_rowid = j.flag_or("without_rowid", false);
            t.options.autoincrement = j.flag_or("autoincrement", false);
            t.options.unlogged = j.flag_or("unlogged", false);
            if (j.has("with")) t.options.storage_parameters = j.texts("with");
            t.options.row_level_security = j.flag_or("row_level_security", false);
            t.options.force_row_level_security = j.flag_or("force_row_level_security", false);
            t.options.partition_by = j.text_or("partition_by", "");
            out_.tables.push_back(std::move(t));
            return {};
        }
        if (out_.tables.empty()) return "'" + std::string(keyword) + "' before any 'table' line";
        s::Table& t = out_.tables.back();
        if (keyword == "column") {
            t.columns.push_back(column(j));
        } else if (keyword == "primary_key") {
            t.primary_key =
                s::PrimaryKey{j.text_or("name", ""), j.texts("columns"), j.text_or("comment", "")};
        } else if (keyword == "foreign_key") {
            s::ForeignKey fk;
            fk.name = j.text_or("name", "");
            fk.columns = j.texts("columns");
            fk.ref_schema = j.text_or("ref_schema", "");
            fk.ref_table = j.text("ref_table");
            fk.ref_columns = j.texts("ref_columns");
            auto on_delete = s::parse_referential_action(j.text_or("on_delete", "no_action"));
            auto on_update = s::parse_referential_action(j.text_or("on_update", "no_action"));
            if (!on_delete || !on_update) return "unknown referential action";
            fk.on_delete = *on_delete;
            fk.on_update = *on_update;
            fk.deferrable = j.flag_or("deferrable", false);
            fk.initially_deferred = j.flag_or("initially_deferred", false);
            const std::string match = j.text_or("match", "simple");
            if (match != "simple" && match != "full") return "unknown match type '" + match + "'";
            fk.match_full = match == "full";
            fk.comment = j.text_or("comment", "");
            t.foreign_keys.push_back(std::move(fk));
        } else if (keyword == "unique") {
            t.uniques.push_back(
                {j.text_or("name", ""), j.texts("columns"), {}, j.text_or("comment", "")});
        } else if (keyword == "index") {
            s::Index i;
            i.name = j.text_or("name", "");
            i.columns = j.texts("columns");
            i.unique = j.flag_or("unique", false);
            i.where = j.text_or("where", "");
            i.method = j.text_or("method", "");
            // "keys": the columns with their options, as the models write them.
            if (j.has("keys")) {
                auto keys = j.texts("keys");
                if (keys.size() != i.columns.size()) return "index keys do not match its columns";
                for (std::size_t k = 0; k < keys.size(); ++k) {
                    s::ParsedIndexKey key = s::parse_index_key(keys[k]);
                    if (!key.error.empty()) return key.error;
                    s::set_key_options(i, k, std::move(key.options));
                }
            }
            if (j.has("include")) i.include = j.texts("include");
            i.nulls_not_distinct = j.flag_or("nulls_not_distinct", false);
            if (j.has("with")) i.storage_parameters = j.texts("with");
            i.comment = j.text_or("comment", "");
            t.indexes.push_back(std::move(i));
        } else if (keyword == "exclusion") {
            t.exclusions.push_back({j.text("name"),
                                    j.text("definition"),
                                    j.text_or("where", ""),
                                    {},
                                    j.text_or("comment", "")});
        } else if (keyword == "check") {
            t.checks.push_back({j.text_or("name", ""),
                                j.text("expression"),
                                {},
                                j.flag_or("no_inherit", false),
                                j.flag_or("not_valid", false),
                                j.text_or("comment", "")});
        } else {
            return "unknown keyword '" + std::string(keyword) + "'";
        }
        return {};
    }

  private:
    template <class Line>
    static s::Column column(const Line& j) {
        s::Column c;
        c.name = j.text("name");
        std::string type = j.text_or("type", "none");
        auto known = std::find_if(std::begin(kLogicals), std::end(kLogicals),
                                  [&](s::Logical l) { return type == s::to_string(l); });
        if (known == std::end(kLogicals))
            throw std::invalid_argument("unknown type '" + type + "'");
        c.type.logical = *known;
        if (j.has("length")) c.type.length = j.number("length");
        c.type.enum_name = j.text_or("enum", "");
        c.type.sql = j.text_or("sql", "");
        c.nullable = j.flag_or("nullable", false);
        if (j.has("default")) c.server_default = j.text("default");
        c.identity = j.flag_or("identity", false);
        c.identity_always = c.identity && j.flag_or("identity_always", false);
        for (const char* key : kIdentityOptionKeys)
            if (j.has(key)) *identity_option(c.identity_options, key) = std::stoll(j.text(key));
        if (j.flag_or("identity_cycle", false)) c.identity_options.cycle = true;
        if (j.has("generated")) c.generated = j.text("generated");
        c.generated_virtual = c.generated && j.flag_or("generated_virtual", false);
        if (j.has("collation")) c.collation = j.text("collation");
        c.comment = j.text_or("comment", "");
        return c;
    }

    s::Schema& out_;
};

}  // namespace

std::string snapshot_text(const s::Schema& schema) {
    std::vector<const s::Enum*> enums;
    for (const auto& e : schema.enums) enums.push_back(&e);
    std::sort(enums.begin(), enums.end(), [](const s::Enum* a, const s::Enum* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });
    std::vector<const s::Table*> tables;
    for (const auto& t : schema.tables) tables.push_back(&t);
    std::sort(tables.begin(), tables.end(), [](const s::Table* a, const s::Table* b) {
        return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    });

    std::string out;
    // A guess at the size (lines average ~60 bytes), so that a snapshot of megabytes is
    // not copied at each doubling.
    std::size_t lines = enums.size();
    for (const auto* t : tables) {
        lines += 2 + t->columns.size() + t->foreign_keys.size() + t->uniques.size() +
                 t->indexes.size() + t->checks.size();
    }
    out.reserve(lines * 64);
    for (const auto* e : enums) {
        LineWriter j(out, "enum", false);
        j.text("name", e->name);
        j.text_if("schema", e->schema);
        j.texts("labels", e->labels);
        j.text_if("comment", e->comment);
    }
    for (const auto* t : tables) {
        {
            LineWriter j(out, "table", false);
            j.text("name", t->name);
            j.text_if("schema", t->schema);
            j.text_if("comment", t->comment);
            j.flag_if("strict", t->options.strict);
            j.flag_if("without_rowid", t->options.without_rowid);
            j.flag_if("autoincrement", t->options.autoincrement);
            j.flag_if("unlogged", t->options.unlogged);
            if (!t->options.storage_parameters.empty())
                j.texts("with", t->options.storage_parameters);
            j.flag_if("row_level_security", t->options.row_level_security);
            j.flag_if("force_row_level_security", t->options.force_row_level_security);
            if (!t->options.partition_by.empty()) j.text("partition_by", t->options.partition_by);
        }
        for (const auto& c : t->columns) put_column(out, c);
        if (t->primary_key)
            put_named_columns(out, "primary_key", t->primary_key->name, t->primary_key->columns,
                              t->primary_key->comment);
        for (const auto& fk : t->foreign_keys) put_foreign_key(out, fk);
        for (const auto& u : t->uniques)
            put_named_columns(out, "unique", u.name, u.columns, u.comment);
        for (const auto& i : t->indexes) put_index(out, i);
        for (const auto& c : t->checks) {
            LineWriter j(out, "check", true);
            j.text_if("name", c.name);
            j.text("expression", c.expression);
            j.flag_if("no_inherit", c.no_inherit);
            j.flag_if("not_valid", c.not_valid);
            j.text_if("comment", c.comment);
        }
        for (const auto& x : t->exclusions) {
            LineWriter j(out, "exclusion", true);
            j.text("name", x.name);
            j.text("definition", x.definition);
            j.text_if("where", x.where);
            j.text_if("comment", x.comment);
        }
    }
    if (schema.declares_objects) LineWriter(out, "objects", false);
    for (const auto& o : schema.objects) {
        const std::string keyword = object_keyword(o.kind);
        LineWriter j(out, keyword.c_str(), false);
        j.text("name", o.name);
        j.text_if("schema", o.schema);
        j.text_if("table", o.table);
        j.text_if("version", o.version);
        j.text_if("comment", o.comment);
        if (!o.column_comments.empty())
            j.texts("column_comments", s::flat_column_comments(o.column_comments));
        // An owner's object is named by its fields, not by its statement as written.
        if (o.kind == s::ObjectKind::Owner) {
            j.text_if("arguments", o.arguments);
            j.text_if("runner", s::owner_runner(o));
        }
        j.text("sql", o.sql);
    }
    return out;
}

std::optional<s::Schema> parse_snapshot(std::string_view text, const std::string& where,
                                        unsigned first_line, support::Diagnostics& diags) {
    s::Schema out;
    out.tables.reserve(count_lines_starting(text, "table "));
    LineReader reader(out);
    FlatObject flat;  // reused: its buffers keep their capacity from line to line
    unsigned number = first_line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        std::size_t start = raw.find_first_not_of(' ');
        if (start == std::string_view::npos) {
            ++number;
            continue;
        }
        raw.remove_prefix(start);
        std::size_t space = raw.find(' ');
        std::string_view keyword = raw.substr(0, space);
        std::string problem;
        try {
            if (space == std::string_view::npos)
                throw std::invalid_argument("no JSON after the keyword");
            const std::string_view json = raw.substr(space + 1);
            bool read = false;
            if (flat.parse(json)) {
                try {
                    problem = reader.read(keyword, FlatLine(flat));
                    read = true;
                } catch (const NotFlat&) {
                }
            }
            if (!read) problem = reader.read(keyword, DomLine(nlohmann::json::parse(json)));
        } catch (const std::exception& e) {
            problem = e.what();
        }
        if (!problem.empty()) {
            diags.error(
                Category::MigrationFile, "unreadable snapshot line: " + problem, {where, number, 1},
                "the file was edited by hand or merged by git; rewrite it with 'autogen hash' "
                "(or 'autogen merge' when the chain has several heads)");
            return std::nullopt;
        }
        if (keyword == "table" && !out.tables.empty())
            out.tables.back().columns.reserve(
                count_lines_starting(nested_block(text, pos), "  column "));
        ++number;
    }
    resolve_unwritten_arguments(out.objects);
    return out;
}

}  // namespace autogen::migrate
