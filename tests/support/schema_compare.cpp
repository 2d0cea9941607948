// Schema comparison for tests (see schema_compare.hpp).
#include "tests/support/schema_compare.hpp"

#include <algorithm>
#include <map>

namespace autogen::testing {

namespace {

using namespace autogen::schema;

std::string list(const std::vector<std::string>& v) {
    std::string out = "(";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out + ")";
}

std::string opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "none"; }

std::string text(const Column& c) {
    return c.name + " " + c.type.sql + (c.nullable ? " NULL" : " NOT NULL") +
           " default=" + opt(c.server_default) + (c.identity ? " identity" : "") +
           " collate=" + opt(c.collation);
}
std::string text(const ForeignKey& k) {
    return "foreign key '" + k.name + "' " + list(k.columns) + " -> " + k.ref_table +
           list(k.ref_columns) + " on delete " + schema::to_string(k.on_delete) + " on update " +
           schema::to_string(k.on_update);
}
std::string text(const UniqueConstraint& u) { return "unique '" + u.name + "' " + list(u.columns); }
std::string text(const Index& i) {
    return std::string(i.unique ? "unique " : "") + "index '" + i.name + "' " + list(i.columns) +
           (i.where.empty() ? "" : " where " + i.where);
}
std::string text(const CheckConstraint& c) { return "check '" + c.name + "' " + c.expression; }

/// Compares two lists as sets of their text forms, ordered by name then text.
template <class T>
void compare_set(const std::string& table, const std::vector<T>& e, const std::vector<T>& a,
                 std::vector<std::string>& out) {
    auto texts = [](const std::vector<T>& v) {
        std::vector<std::string> t;
        for (const auto& x : v) t.push_back(text(x));
        std::sort(t.begin(), t.end());
        return t;
    };
    auto te = texts(e), ta = texts(a);
    for (const auto& x : te)
        if (!std::binary_search(ta.begin(), ta.end(), x)) out.push_back(table + ": missing " + x);
    for (const auto& x : ta)
        if (!std::binary_search(te.begin(), te.end(), x))
            out.push_back(table + ": unexpected " + x);
}

void compare_table(const Table& e, const Table& a, const CompareOptions& o,
                   std::vector<std::string>& out) {
    const std::string t = "table " + e.name;
    if (!o.column_order) {
        auto by_name = [](std::vector<Column> v) {
            std::stable_sort(v.begin(), v.end(),
                             [](const Column& x, const Column& y) { return x.name < y.name; });
            return v;
        };
        Table es = e, as = a;
        es.columns = by_name(e.columns);
        as.columns = by_name(a.columns);
        CompareOptions ordered = o;
        ordered.column_order = true;
        compare_table(es, as, ordered, out);
        return;
    }
    std::size_t n = std::max(e.columns.size(), a.columns.size());
    for (std::size_t i = 0; i < n; ++i) {
        std::string ec = i < e.columns.size() ? text(e.columns[i]) : "nothing";
        std::string ac = i < a.columns.size() ? text(a.columns[i]) : "nothing";
        if (o.comments && i < e.columns.size() && i < a.columns.size() &&
            e.columns[i].comment != a.columns[i].comment)
            ac += " comment='" + a.columns[i].comment + "'";
        if (ec != ac)
            out.push_back(t + ": column " + std::to_string(i + 1) + " expected " + ec + ", got " +
                          ac);
    }
    auto pk = [&](const std::optional<PrimaryKey>& k) {
        if (!k) return std::string("none");
        return (o.primary_key_name ? "'" + k->name + "' " : std::string()) + list(k->columns);
    };
    if (pk(e.primary_key) != pk(a.primary_key))
        out.push_back(t + ": primary key expected " + pk(e.primary_key) + ", got " +
                      pk(a.primary_key));
    compare_set(t, e.foreign_keys, a.foreign_keys, out);
    compare_set(t, e.uniques, a.uniques, out);
    compare_set(t, e.indexes, a.indexes, out);
    compare_set(t, e.checks, a.checks, out);
    if (o.comments && e.comment != a.comment)
        out.push_back(t + ": comment expected '" + e.comment + "', got '" + a.comment + "'");
}

}  // namespace

std::vector<std::string> schema_differences(const Schema& expected, const Schema& actual,
                                            const CompareOptions& o) {
    std::vector<std::string> out;
    std::map<std::string, const Table*> e, a;
    for (const auto& t : expected.tables) e[t.schema + "." + t.name] = &t;
    for (const auto& t : actual.tables) a[t.schema + "." + t.name] = &t;
    for (const auto& [k, t] : e) {
        auto it = a.find(k);
        if (it == a.end())
            out.push_back("missing table " + t->name);
        else
            compare_table(*t, *it->second, o, out);
    }
    for (const auto& [k, t] : a)
        if (!e.count(k)) out.push_back("unexpected table " + t->name);
    if (o.enums) {
        std::map<std::string, std::string> ee, ae;
        for (const auto& x : expected.enums) ee[x.schema + "." + x.name] = list(x.labels);
        for (const auto& x : actual.enums) ae[x.schema + "." + x.name] = list(x.labels);
        if (ee != ae) out.push_back("enums differ");
    }
    return out;
}

std::string describe_differences(const std::vector<std::string>& differences) {
    std::string out;
    for (const auto& d : differences) out += d + "\n";
    return out;
}

}  // namespace autogen::testing
