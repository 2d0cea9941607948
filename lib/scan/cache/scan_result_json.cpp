// Lossless JSON for ScanResult + diagnostics (scan_result_json.hpp). Readers throw
// nlohmann's exceptions on any shape mismatch; outcome_from_json turns that into nullopt.
#include "scan/cache/scan_result_json.hpp"

#include <map>
#include <stdexcept>

namespace autogen::scan {

namespace {

using nlohmann::json;
using support::SourceLocation;

// --- writing -------------------------------------------------------------------

json loc(const SourceLocation& l) { return json::array({l.file, l.line, l.column}); }

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
template <typename T>
json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json column(const schema::Column& c) {
    json j = {{"name", c.name},
              {"logical", static_cast<int>(c.type.logical)},
              {"length", c.type.length ? json(*c.type.length) : json(nullptr)},
              {"enum_name", c.type.enum_name},
              {"sql", c.type.sql},
              {"nullable", c.nullable},
              {"server_default", opt(c.server_default)},
              {"identity", c.identity},
              {"collation", opt(c.collation)},
              {"comment", c.comment},
              {"renamed_from", c.renamed_from},
              {"location", loc(c.location)}};
    if (c.identity_always) j["identity_always"] = true;
    const schema::IdentityOptions& o = c.identity_options;
    if (!o.empty())
        j["identity_options"] = {{"start", opt(o.start)},       {"increment", opt(o.increment)},
                                 {"minvalue", opt(o.minvalue)}, {"maxvalue", opt(o.maxvalue)},
                                 {"cache", opt(o.cache)},       {"cycle", opt(o.cycle)}};
    if (c.generated) {
        j["generated"] = *c.generated;
        j["generated_virtual"] = c.generated_virtual;
    }
    return j;
}

/// `j` with "comment" when `comment` is set (comments on keys, indexes, constraints, enums).
json with_comment(json j, const std::string& comment) {
    if (!comment.empty()) j["comment"] = comment;
    return j;
}

/// The "comment" `with_comment` wrote, or "".
std::string comment_of(const json& j) { return j.value("comment", std::string()); }

json table(const schema::Table& t) {
    json j = {{"schema", t.schema},
              {"name", t.name},
              {"comment", t.comment},
              {"renamed_from", t.renamed_from},
              {"location", loc(t.location)}};
    if (t.options != schema::TableOptions{})
        j["options"] = {{"strict", t.options.strict},
                        {"without_rowid", t.options.without_rowid},
                        {"autoincrement", t.options.autoincrement},
                        {"unlogged", t.options.unlogged},
                        {"with", t.options.storage_parameters},
                        {"row_level_security", t.options.row_level_security},
                        {"force_row_level_security", t.options.force_row_level_security},
                        {"partition_by", t.options.partition_by}};
    j["columns"] = json::array();
    for (const auto& c : t.columns) j["columns"].push_back(column(c));
    j["primary_key"] =
        t.primary_key
            ? with_comment({{"name", t.primary_key->name}, {"columns", t.primary_key->columns}},
                           t.primary_key->comment)
            : json(nullptr);
    j["foreign_keys"] = json::array();
    for (const auto& fk : t.foreign_keys) {
        json k{{"name", fk.name},
               {"columns", fk.columns},
               {"ref_schema", fk.ref_schema},
               {"ref_table", fk.ref_table},
               {"ref_columns", fk.ref_columns},
               {"on_delete", static_cast<int>(fk.on_delete)},
               {"on_update", static_cast<int>(fk.on_update)},
               {"location", loc(fk.location)}};
        // Written when set.
        if (fk.deferrable) k["deferrable"] = true;
        if (fk.initially_deferred) k["initially_deferred"] = true;
        if (fk.match_full) k["match_full"] = true;
        if (!fk.comment.empty()) k["comment"] = fk.comment;
        j["foreign_keys"].push_back(std::move(k));
    }
    j["uniques"] = json::array();
    for (const auto& u : t.uniques)
        j["uniques"].push_back(with_comment(
            {{"name", u.name}, {"columns", u.columns}, {"location", loc(u.location)}}, u.comment));
    j["indexes"] = json::array();
    for (const auto& ix : t.indexes)
        j["indexes"].push_back(with_comment({{"name", ix.name},
                                             {"columns", ix.columns},
                                             {"unique", ix.unique},
                                             {"where", ix.where},
                                             {"location", loc(ix.location)}},
                                            ix.comment));
    j["checks"] = json::array();
    for (const auto& ck : t.checks) {
        json c{{"name", ck.name}, {"expression", ck.expression}, {"location", loc(ck.location)}};
        // PostgreSQL-only states, written when set.
        if (ck.no_inherit) c["no_inherit"] = true;
        if (ck.not_valid) c["not_valid"] = true;
        if (!ck.comment.empty()) c["comment"] = ck.comment;
        j["checks"].push_back(std::move(c));
    }
    for (const auto& x : t.exclusions)  // "exclusions" only when there are some
        j["exclusions"].push_back(with_comment({{"name", x.name},
                                                {"definition", x.definition},
                                                {"where", x.where},
                                                {"location", loc(x.location)}},
                                               x.comment));
    return j;
}

// --- reading -------------------------------------------------------------------

SourceLocation read_loc(const json& j) {
    if (!j.is_array() || j.size() != 3) throw std::runtime_error("location");
    return {j[0].get<std::string>(), j[1].get<unsigned>(), j[2].get<unsigned>()};
}

std::optional<std::string> read_opt(const json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<std::string>();
}

/// An enum stored as its number; anything outside [0, last] is a corrupt entry.
template <typename E>
E read_enum(const json& j, E last) {
    int v = j.get<int>();
    if (v < 0 || v > static_cast<int>(last)) throw std::runtime_error("enum value");
    return static_cast<E>(v);
}

using Strings = std::vector<std::string>;

schema::Column read_column(const json& j) {
    schema::Column c;
    c.name = j.at("name").get<std::string>();
    c.type.logical = read_enum(j.at("logical"), schema::Logical::Enum);
    if (!j.at("length").is_null()) c.type.length = j.at("length").get<unsigned>();
    c.type.enum_name = j.at("enum_name").get<std::string>();
    c.type.sql = j.at("sql").get<std::string>();
    c.nullable = j.at("nullable").get<bool>();
    c.server_default = read_opt(j.at("server_default"));
    c.identity = j.at("identity").get<bool>();
    c.collation = read_opt(j.at("collation"));
    c.comment = j.at("comment").get<std::string>();
    c.renamed_from = j.at("renamed_from").get<std::string>();
    c.location = read_loc(j.at("location"));
    c.identity_always = j.value("identity_always", false);
    if (j.contains("identity_options")) {
        const json& o = j.at("identity_options");
        auto number = [&](const char* key) -> std::optional<std::int64_t> {
            if (!o.contains(key) || o.at(key).is_null()) return std::nullopt;
            return o.at(key).get<std::int64_t>();
        };
        c.identity_options = {.start = number("start"),
                              .increment = number("increment"),
                              .minvalue = number("minvalue"),
                              .maxvalue = number("maxvalue"),
                              .cache = number("cache"),
                              .cycle = std::nullopt};
        if (o.contains("cycle") && !o.at("cycle").is_null())
            c.identity_options.cycle = o.at("cycle").get<bool>();
    }
    if (j.contains("generated")) {
        c.generated = j.at("generated").get<std::string>();
        c.generated_virtual = j.at("generated_virtual").get<bool>();
    }
    return c;
}

schema::Table read_table(const json& j) {
    schema::Table t;
    t.schema = j.at("schema").get<std::string>();
    t.name = j.at("name").get<std::string>();
    t.comment = j.at("comment").get<std::string>();
    t.renamed_from = j.at("renamed_from").get<std::string>();
    t.location = read_loc(j.at("location"));
    if (j.contains("options")) {
        const auto& o = j.at("options");
        t.options = {.strict = o.at("strict").get<bool>(),
                     .without_rowid = o.at("without_rowid").get<bool>(),
                     .autoincrement = o.at("autoincrement").get<bool>(),
                     .unlogged = o.at("unlogged").get<bool>(),
                     .storage_parameters = o.at("with").get<Strings>(),
                     .row_level_security = o.value("row_level_security", false),
                     .force_row_level_security = o.value("force_row_level_security", false),
                     .partition_by = o.value("partition_by", std::string())};
    }
    for (const auto& c : j.at("columns")) t.columns.push_back(read_column(c));
    if (const auto& pk = j.at("primary_key"); !pk.is_null())
        t.primary_key = schema::PrimaryKey{pk.at("name").get<std::string>(),
                                           pk.at("columns").get<Strings>(), comment_of(pk)};
    const auto action = schema::ReferentialAction::SetDefault;
    for (const auto& fk : j.at("foreign_keys"))
        t.foreign_keys.push_back({.name = fk.at("name").get<std::string>(),
                                  .columns = fk.at("columns").get<Strings>(),
                                  .ref_schema = fk.at("ref_schema").get<std::string>(),
                                  .ref_table = fk.at("ref_table").get<std::string>(),
                                  .ref_columns = fk.at("ref_columns").get<Strings>(),
                                  .on_delete = read_enum(fk.at("on_delete"), action),
                                  .on_update = read_enum(fk.at("on_update"), action),
                                  .location = read_loc(fk.at("location")),
                                  .deferrable = fk.value("deferrable", false),
                                  .initially_deferred = fk.value("initially_deferred", false),
                                  .match_full = fk.value("match_full", false),
                                  .comment = comment_of(fk)});
    for (const auto& u : j.at("uniques"))
        t.uniques.push_back({.name = u.at("name").get<std::string>(),
                             .columns = u.at("columns").get<Strings>(),
                             .location = read_loc(u.at("location")),
                             .comment = comment_of(u)});
    for (const auto& ix : j.at("indexes"))
        t.indexes.push_back({.name = ix.at("name").get<std::string>(),
                             .columns = ix.at("columns").get<Strings>(),
                             .unique = ix.at("unique").get<bool>(),
                             .where = ix.at("where").get<std::string>(),
                             .location = read_loc(ix.at("location")),
                             .comment = comment_of(ix)});
    for (const auto& ck : j.at("checks"))
        t.checks.push_back({.name = ck.at("name").get<std::string>(),
                            .expression = ck.at("expression").get<std::string>(),
                            .location = read_loc(ck.at("location")),
                            .no_inherit = ck.value("no_inherit", false),
                            .not_valid = ck.value("not_valid", false),
                            .comment = comment_of(ck)});
    if (j.contains("exclusions"))
        for (const auto& x : j.at("exclusions"))
            t.exclusions.push_back({.name = x.at("name").get<std::string>(),
                                    .definition = x.at("definition").get<std::string>(),
                                    .where = x.at("where").get<std::string>(),
                                    .location = read_loc(x.at("location")),
                                    .comment = comment_of(x)});
    return t;
}

}  // namespace

nlohmann::json outcome_to_json(const CachedOutcome& outcome) {
    json j;
    j["files"] = json::array();
    for (const auto& f : outcome.result.files) j["files"].push_back(f.string());
    j["tables"] = json::array();
    for (const auto& t : outcome.result.schema.tables) j["tables"].push_back(table(t));
    j["enums"] = json::array();
    for (const auto& e : outcome.result.schema.enums)
        j["enums"].push_back(with_comment({{"schema", e.schema},
                                           {"name", e.name},
                                           {"labels", e.labels},
                                           {"location", loc(e.location)}},
                                          e.comment));
    j["objects"] = json::array();
    for (const auto& o : outcome.result.schema.objects)
        j["objects"].push_back({{"kind", static_cast<int>(o.kind)},
                                {"schema", o.schema},
                                {"name", o.name},
                                {"sql", o.sql},
                                {"definition", o.definition},
                                {"columns", o.columns},
                                {"table", o.table},
                                {"arguments", o.arguments},
                                {"version", o.version},
                                {"comment", o.comment},
                                {"column_comments", o.column_comments},
                                {"location", loc(o.location)}});
    j["declares_objects"] = outcome.result.schema.declares_objects;
    j["diagnostics"] = json::array();
    for (const auto& d : outcome.diagnostics)
        j["diagnostics"].push_back({{"severity", static_cast<int>(d.severity)},
                                    {"category", static_cast<int>(d.category)},
                                    {"message", d.message},
                                    {"location", loc(d.location)},
                                    {"hint", d.hint}});
    return j;
}

std::optional<CachedOutcome> outcome_from_json(const nlohmann::json& j) {
    try {
        CachedOutcome out;
        for (const auto& f : j.at("files")) out.result.files.emplace_back(f.get<std::string>());
        for (const auto& t : j.at("tables")) out.result.schema.tables.push_back(read_table(t));
        for (const auto& e : j.at("enums"))
            out.result.schema.enums.push_back({.schema = e.at("schema").get<std::string>(),
                                               .name = e.at("name").get<std::string>(),
                                               .labels = e.at("labels").get<Strings>(),
                                               .location = read_loc(e.at("location")),
                                               .comment = comment_of(e)});
        for (const auto& o : j.value("objects", json::array())) {
            schema::SqlObject object{
                .kind = read_enum(o.at("kind"), std::end(schema::kObjectKinds)[-1]),
                .schema = o.at("schema").get<std::string>(),
                .name = o.at("name").get<std::string>(),
                .sql = o.at("sql").get<std::string>(),
                .definition = o.at("definition").get<std::string>(),
                .columns = o.at("columns").get<Strings>(),
                .table = o.value("table", std::string()),
                .arguments = o.value("arguments", std::string()),
                .version = o.at("version").get<std::string>(),
                .comment = o.value("comment", std::string()),
                .column_comments = o.value("column_comments", std::map<std::string, std::string>()),
                .location = read_loc(o.at("location"))};
            out.result.schema.objects.push_back(std::move(object));
        }
        out.result.schema.declares_objects = j.value("declares_objects", false);
        for (const auto& d : j.at("diagnostics")) {
            support::Diagnostic diag;
            diag.severity = read_enum(d.at("severity"), support::Severity::Error);
            diag.category = read_enum(d.at("category"), support::Category::Internal);
            diag.message = d.at("message").get<std::string>();
            diag.location = read_loc(d.at("location"));
            diag.hint = d.at("hint").get<std::string>();
            out.diagnostics.push_back(std::move(diag));
        }
        return out;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace autogen::scan
