// The vocabulary tables (vocabulary.hpp): one row per key, checked generically.
#include "scan/vocabulary.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "schema/schema.hpp"
#include "support/text.hpp"

namespace autogen::scan {

namespace {

// What a key accepts. Bits, so "a string or an identifier" is String | Identifier.
enum Accept : unsigned { Flag = 1, String = 2, Identifier = 4, Integer = 8 };
enum class Extra {
    None,
    ReferentialAction,
    PositiveInteger,
    NonZero,
    Name,
    IdentityKind,
    MatchType
};

struct KeySpec {
    std::string_view key;
    unsigned accept;
    Extra extra = Extra::None;
};

struct KindSpec {
    AnnotationKind kind;
    std::string_view name;
    const char* macro;
    std::vector<std::string_view> positional;  ///< names of positional (string) arguments
    std::size_t required;                      ///< how many of them are required
    std::vector<KeySpec> keys;
    const char* example;
};

const std::vector<KindSpec>& specs() {
    static const std::vector<KindSpec> table = {
        {AnnotationKind::Table,
         "table",
         "AUTOGEN_TABLE",
         {"table name"},
         0,
         {{"schema", String | Identifier},
          {"renamed_from", String | Identifier},
          {"comment", String},
          {"strict", Flag},
          {"without_rowid", Flag},
          {"unlogged", Flag},
          {"with", String},
          {"row_level_security", Flag},
          {"force_row_level_security", Flag},
          {"partition_by", String}},
         "AUTOGEN_TABLE(\"users\", schema = \"app\")"},
        {AnnotationKind::Column,
         "column",
         "AUTOGEN_COLUMN",
         {},
         0,
         {{"name", String | Identifier},
          {"type", String},
          {"length", Integer, Extra::PositiveInteger},
          {"primary_key", Flag | String, Extra::Name},
          {"identity", Flag | String | Identifier, Extra::IdentityKind},
          {"identity_start", Integer},
          {"identity_increment", Integer, Extra::NonZero},
          {"identity_minvalue", Integer},
          {"identity_maxvalue", Integer},
          {"identity_cache", Integer, Extra::PositiveInteger},
          {"identity_cycle", Flag},
          {"autoincrement", Flag},
          {"unique", Flag | String, Extra::Name},
          {"index", Flag | String, Extra::Name},
          {"nullable", Flag},
          {"not_null", Flag},
          {"server_default", String | Integer},
          {"generated", String},
          {"virtual", Flag},
          {"references", String},
          {"on_delete", String | Identifier, Extra::ReferentialAction},
          {"on_update", String | Identifier, Extra::ReferentialAction},
          {"deferrable", Flag},
          {"initially_deferred", Flag},
          {"match", String | Identifier, Extra::MatchType},
          {"check", String},
          {"collate", String | Identifier},
          {"renamed_from", String | Identifier},
          {"comment", String}},
         "AUTOGEN_COLUMN(unique, length = 255)"},
        {AnnotationKind::Index,
         "index",
         "AUTOGEN_INDEX",
         {"index name", "columns"},
         2,
         {{"unique", Flag},
          {"where", String},
          {"method", String | Identifier},
          {"include", String},
          {"nulls_not_distinct", Flag},
          {"with", String},
          {"comment", String}},
         "AUTOGEN_INDEX(\"ix_orders_user\", \"user_id, created_at\")"},
        {AnnotationKind::Unique,
         "unique",
         "AUTOGEN_UNIQUE",
         {"constraint name", "columns"},
         2,
         {{"comment", String}},
         "AUTOGEN_UNIQUE(\"uq_users_email\", \"email\")"},
        {AnnotationKind::Check,
         "check",
         "AUTOGEN_CHECK",
         {"constraint name", "expression"},
         2,
         {{"no_inherit", Flag}, {"not_valid", Flag}, {"comment", String}},
         "AUTOGEN_CHECK(\"ck_orders_total\", \"total_cents >= 0\")"},
        {AnnotationKind::Exclude,
         "exclude",
         "AUTOGEN_EXCLUDE",
         {"constraint name", "definition"},
         2,
         {{"where", String}, {"comment", String}},
         "AUTOGEN_EXCLUDE(\"ex_booking_during\", \"USING gist (room_id WITH =, during WITH &&)\")"},
        {AnnotationKind::PrimaryKey,
         "primary_key",
         "AUTOGEN_PRIMARY_KEY",
         {"columns"},
         1,
         {{"name", String | Identifier, Extra::Name}, {"comment", String}},
         "AUTOGEN_PRIMARY_KEY(\"order_id, line_no\", name = \"pk_order_line\")"},
        {AnnotationKind::ForeignKey,
         "foreign_key",
         "AUTOGEN_FOREIGN_KEY",
         {"constraint name", "columns", "referenced table(columns)"},
         3,
         {{"on_delete", String | Identifier, Extra::ReferentialAction},
          {"on_update", String | Identifier, Extra::ReferentialAction},
          {"deferrable", Flag},
          {"initially_deferred", Flag},
          {"match", String | Identifier, Extra::MatchType},
          {"comment", String}},
         "AUTOGEN_FOREIGN_KEY(\"fk_lines_order\", \"order_id\", \"orders(id)\", on_delete = "
         "cascade)"},
        {AnnotationKind::Enum,
         "enum",
         "AUTOGEN_ENUM",
         {"enum name"},
         0,
         {{"schema", String | Identifier}, {"comment", String}},
         "AUTOGEN_ENUM(\"order_status\")"},
        {AnnotationKind::Label,
         "label",
         "AUTOGEN_LABEL",
         {"label"},
         1,
         {},
         "AUTOGEN_LABEL(\"PAID\")"},
        {AnnotationKind::Transient,
         "transient",
         "AUTOGEN_TRANSIENT",
         {},
         0,
         {},
         "AUTOGEN_TRANSIENT"},
    };
    return table;
}

const KindSpec& spec(AnnotationKind kind) {
    for (const auto& s : specs())
        if (s.kind == kind) return s;
    return specs().front();  // unreachable: every kind has a row
}

std::string accepted(unsigned accept) {
    std::vector<std::string> parts;
    if (accept & String) parts.emplace_back("a string");
    if (accept & Identifier) parts.emplace_back("an identifier");
    if (accept & Integer) parts.emplace_back("an integer");
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " or " : ", ";
        out += parts[i];
    }
    return out;
}

std::string known_keys(const KindSpec& s) {
    std::string out;
    for (const auto& k : s.keys) {
        if (!out.empty()) out += ", ";
        out += k.key;
    }
    return out.empty() ? "none" : out;
}

/// "did you mean 'length'? " for a near miss, else "".
std::string suggestion(const KindSpec& s, std::string_view key) {
    std::string_view best;
    std::size_t best_distance = 3;  // only close typos
    for (const auto& k : s.keys) {
        std::size_t d = support::edit_distance(key, k.key);
        if (d < best_distance) {
            best_distance = d;
            best = k.key;
        }
    }
    return best.empty() ? std::string() : "did you mean '" + std::string(best) + "'? ";
}

unsigned bit(AnnotationValue::Kind k) {
    switch (k) {
        case AnnotationValue::Kind::String:
            return String;
        case AnnotationValue::Kind::Identifier:
            return Identifier;
        case AnnotationValue::Kind::Integer:
            return Integer;
    }
    return 0;
}

}  // namespace

std::optional<AnnotationKind> parse_kind(std::string_view kind) {
    for (const auto& s : specs())
        if (s.name == kind) return s.kind;
    return std::nullopt;
}

const char* macro_name(AnnotationKind kind) { return spec(kind).macro; }

std::vector<AnnotationError> validate(AnnotationKind kind, const Annotation& a) {
    const KindSpec& s = spec(kind);
    std::vector<AnnotationError> errors;
    std::size_t npos = 0;
    std::set<std::string> seen;
    for (const auto& arg : a.args) {
        if (arg.is_positional()) {
            if (npos >= s.positional.size()) {
                errors.push_back(
                    {std::string(s.macro) + " takes " +
                         (s.positional.empty()
                              ? std::string("no positional arguments")
                              : "at most " + std::to_string(s.positional.size()) +
                                    " positional argument" + (s.positional.size() == 1 ? "" : "s")),
                     arg.offset, std::string("remove it; e.g. ") + s.example});
            } else if (arg.value->kind != AnnotationValue::Kind::String) {
                errors.push_back({std::string("the ") + std::string(s.positional[npos]) + " of " +
                                      s.macro + " must be a string, found " +
                                      describe(arg.value->kind),
                                  arg.offset, std::string("quote it, e.g. ") + s.example});
            }
            ++npos;
            continue;
        }
        auto it = std::find_if(s.keys.begin(), s.keys.end(),
                               [&](const KeySpec& k) { return k.key == arg.key; });
        if (it == s.keys.end()) {
            errors.push_back({"unknown " + std::string(arg.value ? "key" : "flag") + " '" +
                                  arg.key + "' in " + s.macro,
                              arg.offset,
                              suggestion(s, arg.key) + "known keys of " + std::string(s.macro) +
                                  ": " + known_keys(s)});
            continue;
        }
        if (!seen.insert(arg.key).second) {
            errors.push_back(
                {"'" + arg.key + "' given twice in " + s.macro, arg.offset, "keep one of them"});
            continue;
        }
        if (!arg.value) {
            if (!(it->accept & Flag))
                errors.push_back({"'" + arg.key + "' needs a value (" + accepted(it->accept) + ")",
                                  arg.offset, "write " + arg.key + " = ..."});
            continue;
        }
        const AnnotationValue& v = *arg.value;
        if (!(it->accept & bit(v.kind))) {
            errors.push_back(
                {(it->accept == Flag ? "'" + arg.key + "' is a flag and takes no value"
                                     : "'" + arg.key + "' takes " + accepted(it->accept) +
                                           ", found " + describe(v.kind)),
                 v.offset,
                 it->accept == Flag
                     ? "write just " + arg.key
                     : "write " + arg.key + " = " + (it->accept & String ? "\"...\"" : "...")});
            continue;
        }
        if (it->extra == Extra::ReferentialAction && !schema::parse_referential_action(v.text)) {
            errors.push_back({"bad value '" + v.text + "' for " + arg.key, v.offset,
                              "use one of cascade, set_null, set_default, restrict, no_action"});
        } else if (it->extra == Extra::Name && support::trim(v.text).empty()) {
            errors.push_back({"'" + arg.key + "' names a constraint and cannot be empty", v.offset,
                              (it->accept & Flag ? "write just " + arg.key +
                                                       " for the name [models] naming gives, or "
                                                 : std::string()) +
                                  "write " + arg.key + " = \"name\""});
        } else if (it->extra == Extra::IdentityKind && !parse_identity_always(v.text)) {
            errors.push_back({"bad value '" + v.text + "' for " + arg.key, v.offset,
                              "write just identity (BY DEFAULT), identity = always or identity = "
                              "by_default"});
        } else if (it->extra == Extra::MatchType && !parse_match_full(v.text)) {
            const bool partial = support::to_lower(v.text) == "partial";
            errors.push_back(
                {partial ? "MATCH PARTIAL is not implemented by PostgreSQL"
                         : "bad value '" + v.text + "' for " + arg.key,
                 v.offset,
                 partial ? "use match = full (all key columns NULL or none) or leave out match "
                           "(MATCH SIMPLE)"
                         : "write match = full or match = simple (the default)"});
        } else if (it->extra == Extra::NonZero && v.integer == 0) {
            errors.push_back({"'" + arg.key + "' cannot be zero", v.offset,
                              "e.g. " + arg.key + " = 1 (or -1 for a descending sequence)"});
        } else if (it->extra == Extra::PositiveInteger && v.integer <= 0) {
            errors.push_back({"'" + arg.key + "' must be a positive integer, found " + v.text,
                              v.offset, "e.g. " + arg.key + " = 255"});
        }
    }
    if (npos < s.required) {
        errors.push_back(
            {std::string(s.macro) + " needs its " + std::string(s.positional[npos]) +
                 (s.required > 1 ? " (" + std::to_string(s.required) + " positional arguments)"
                                 : ""),
             a.args.empty() ? 0 : a.args.back().offset, std::string("e.g. ") + s.example});
    }
    if (kind == AnnotationKind::Column && has_arg(a, "nullable") && has_arg(a, "not_null")) {
        errors.push_back({"'nullable' and 'not_null' contradict each other",
                          find_arg(a, "not_null")->offset, "keep one of them"});
    }
    if (kind == AnnotationKind::Column) {
        if (const AnnotationArg* gen = find_arg(a, "generated")) {
            if (gen->value && support::trim(gen->value->text).empty())
                errors.push_back({"'generated' needs the SQL expression that computes the column",
                                  gen->value->offset, "e.g. generated = \"price * quantity\""});
            // A generated column's value is the expression's: nothing else may set it.
            for (std::string_view other : {"server_default", "identity", "primary_key"})
                if (const AnnotationArg* o = find_arg(a, other))
                    errors.push_back(
                        {"a generated column cannot also have '" + std::string(other) + "'",
                         o->offset,
                         "remove '" + std::string(other) +
                             "', or 'generated' (its value is always the expression's)"});
        } else if (const AnnotationArg* v = find_arg(a, "virtual")) {
            errors.push_back({"'virtual' applies only to a generated column", v->offset,
                              "write generated = \"expression\", virtual, or remove 'virtual'"});
        }
        // The sequence options belong to the identity column's sequence.
        if (!has_arg(a, "identity"))
            for (const AnnotationArg& arg : a.args)
                if (arg.key.rfind("identity_", 0) == 0)
                    errors.push_back({"'" + arg.key + "' applies only to an identity column",
                                      arg.offset,
                                      "add 'identity' (the database numbers the column from its "
                                      "sequence), or remove '" +
                                          arg.key + "'"});
        // SQLite's INTEGER PRIMARY KEY AUTOINCREMENT: the key's numbers are never used again.
        if (const AnnotationArg* inc = find_arg(a, "autoincrement");
            inc && !has_arg(a, "primary_key"))
            errors.push_back({"'autoincrement' applies only to the primary key", inc->offset,
                              "write AUTOGEN_COLUMN(primary_key, autoincrement) on the table's "
                              "integer key, or remove 'autoincrement'"});
    }
    return errors;
}

std::optional<bool> parse_match_full(std::string_view value) {
    const std::string v = support::to_lower(value);
    if (v == "full") return true;
    if (v == "simple") return false;
    return std::nullopt;
}

std::optional<bool> parse_identity_always(std::string_view value) {
    const std::string v = support::to_lower(value);
    if (v == "always") return true;
    if (v == "by_default" || v == "by default") return false;
    return std::nullopt;
}

const AnnotationArg* find_arg(const Annotation& a, std::string_view key) {
    for (const auto& arg : a.args)
        if (arg.key == key) return &arg;
    return nullptr;
}

bool has_arg(const Annotation& a, std::string_view key) { return find_arg(a, key) != nullptr; }

const AnnotationValue* positional(const Annotation& a, std::size_t i) {
    for (const auto& arg : a.args) {
        if (!arg.is_positional()) continue;
        if (i == 0) return &*arg.value;
        --i;
    }
    return nullptr;
}

}  // namespace autogen::scan
