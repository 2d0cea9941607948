// partition_declaration() (partition_declaration.hpp).
#include "pipeline/partition_declaration.hpp"

#include "support/text.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "write CREATE TABLE name PARTITION OF parent FOR VALUES IN (...) | FROM (...) TO (...) | "
    "WITH (MODULUS m, REMAINDER r), or ... PARTITION OF parent DEFAULT";

/// Skips one parenthesised group at r[i] (nested ones inside); false if r[i] opens none
/// or it is not closed.
bool skip_group(const support::TokenRange& r, std::size_t& i) {
    if (i >= r.size() || !r[i].is('(')) return false;
    int depth = 0;
    for (; i < r.size(); ++i) {
        if (r[i].is('(')) ++depth;
        if (r[i].is(')') && --depth == 0) {
            ++i;
            return true;
        }
    }
    return false;
}

/// The bound at r[i] (FOR VALUES ... or DEFAULT), skipped; false when there is none.
bool skip_bound(const support::TokenRange& r, std::size_t& i) {
    if (support::skip_words(r, i, {"DEFAULT"})) return true;
    if (!support::skip_words(r, i, {"FOR", "VALUES"})) return false;
    if (support::skip_words(r, i, {"IN"}) || support::skip_words(r, i, {"WITH"}))
        return skip_group(r, i);
    return support::skip_words(r, i, {"FROM"}) && skip_group(r, i) &&
           support::skip_words(r, i, {"TO"}) && skip_group(r, i);
}

/// Why the clause at r[i] cannot follow a partition's name or bound, and what to do.
std::pair<std::string, std::string> refusal(const support::Token& t) {
    if (t.is("PARTITION"))
        return {"a sub-partitioned partition (PARTITION BY) is not declared yet",
                "partition the parent by the finer key instead, or keep the sub-partitions in "
                "a hand-written revision ('autogen revision --empty') and the file out of "
                "[models] sql"};
    if (t.is('('))
        return {"a partition's columns and constraints are its parent's",
                "remove the list: declare columns, keys and checks on the parent's struct"};
    if (t.is("WITH") || t.is("TABLESPACE") || t.is("USING"))
        return {"a partition's storage (WITH, TABLESPACE, USING) is not declared yet",
                "remove the clause; set it by hand in a revision of your own if you need it"};
    return {"\"" + t.text + "\" is not part of a partition's declaration", kForm};
}

}  // namespace

std::optional<schema::SqlObject> partition_declaration(const support::TokenRange& r, std::size_t i,
                                                       const std::string& sql,
                                                       const SourceLocation& at,
                                                       support::Diagnostics& diags) {
    auto at_token = [&](std::size_t k) {
        return k < r.size() ? SourceLocation{at.file, r[k].line, r[k].column} : at;
    };
    auto fail = [&](std::size_t k, const std::string& message, const std::string& hint) {
        diags.error(Category::Model, message, at_token(k), hint);
        return std::nullopt;
    };
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    const auto name = support::read_name_parts(r, i);
    if (name.empty() || name.size() > 2)
        return fail(i, "table name expected after CREATE TABLE", kForm);
    if (!support::skip_words(r, i, {"PARTITION", "OF"}))
        return fail(i,
                    "CREATE TABLE " + name.back() +
                        ": a [models] sql file declares only partitions (CREATE TABLE ... "
                        "PARTITION OF); a table is a struct",
                    "declare the table with AUTOGEN_TABLE in a header of [models] headers, or "
                    "write it as a partition: " +
                        std::string(kForm));
    const auto parent = support::read_name_parts(r, i);
    if (parent.empty() || parent.size() > 2)
        return fail(i, "partition \"" + name.back() + "\" names no parent after PARTITION OF",
                    kForm);
    const std::string schema = name.size() == 2 ? name.front() : "";
    const std::string parent_schema = parent.size() == 2 ? parent.front() : "";
    if (schema != parent_schema)
        return fail(i - 1,
                    "partition \"" + name.back() + "\" is not in the schema of its parent \"" +
                        parent.back() + "\"",
                    "create the partition in its parent's schema, qualified as the parent is");
    if (i < r.size() && !r[i].is("FOR") && !r[i].is("DEFAULT")) {
        auto [message, hint] = refusal(r[i]);
        return fail(i, "partition \"" + name.back() + "\": " + message, hint);
    }
    const std::size_t bound_at = i;
    if (!skip_bound(r, i))
        return fail(bound_at, "partition \"" + name.back() + "\" has no bound", kForm);
    if (i < r.size()) {
        auto [message, hint] = refusal(r[i]);
        return fail(i, "partition \"" + name.back() + "\": " + message, hint);
    }
    schema::SqlObject o{.kind = schema::ObjectKind::Partition,
                        .schema = schema,
                        .name = name.back(),
                        .sql = sql,
                        .table = parent.back()};
    // Until a scratch database reads the bound back (pg_get_expr), the statement is its
    // own definition, as for the other kinds.
    o.definition = support::canonical_sql(sql, support::SqlQuoting::portable());
    o.location = at;
    return o;
}

}  // namespace autogen::pipeline
