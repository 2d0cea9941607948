// Domain facts (domain.hpp).
#include "schema/domain.hpp"

#include <algorithm>

namespace autogen::schema {

namespace {

// One fact per entry of SqlObject::columns: a keyword, then its value. A check is
// "CHECK", its name and its definition, apart by kSep (which SQL text does not hold).
constexpr char kSep = '\x1f';
const std::string kType = "AS ";
const std::string kCollate = "COLLATE ";
const std::string kDefault = "DEFAULT ";
const std::string kNotNull = "NOT NULL";
const std::string kCheck = std::string("CHECK") + kSep;

bool starts(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

/// `name` as a database reads a type name back: bare when it needs no quotes.
std::string type_name_part(const std::string& name) {
    const bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                       std::all_of(name.begin(), name.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                       });
    if (plain) return name;
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::optional<DomainFacts> domain_facts(const SqlObject& o) {
    if (o.kind != ObjectKind::Domain || o.columns.empty() || !starts(o.columns.front(), kType))
        return std::nullopt;
    DomainFacts f;
    for (const std::string& fact : o.columns) {
        if (starts(fact, kType)) {
            f.type = fact.substr(kType.size());
        } else if (starts(fact, kCollate)) {
            f.collation = fact.substr(kCollate.size());
        } else if (starts(fact, kDefault)) {
            f.default_value = fact.substr(kDefault.size());
        } else if (fact == kNotNull) {
            f.not_null = true;
        } else if (starts(fact, kCheck)) {
            const auto sep = fact.find(kSep, kCheck.size());
            if (sep == std::string::npos) return std::nullopt;
            f.checks.push_back(
                {fact.substr(kCheck.size(), sep - kCheck.size()), fact.substr(sep + 1)});
        } else {
            return std::nullopt;
        }
    }
    return f;
}

void set_domain_facts(SqlObject& o, DomainFacts facts) {
    std::sort(facts.checks.begin(), facts.checks.end(),
              [](const DomainCheck& a, const DomainCheck& b) { return a.name < b.name; });
    o.columns.clear();
    o.columns.push_back(kType + facts.type);
    if (!facts.collation.empty()) o.columns.push_back(kCollate + facts.collation);
    if (facts.default_value) o.columns.push_back(kDefault + *facts.default_value);
    if (facts.not_null) o.columns.push_back(kNotNull);
    for (const DomainCheck& c : facts.checks)
        o.columns.push_back(kCheck + c.name + kSep + c.definition);
    o.definition = "DOMAIN";
    for (const std::string& fact : o.columns) o.definition += '\n' + fact;
}

DomainCheckChanges check_changes(const DomainFacts& from, const DomainFacts& to) {
    auto holds = [](const DomainFacts& f, const DomainCheck& c) {
        return std::find(f.checks.begin(), f.checks.end(), c) != f.checks.end();
    };
    DomainCheckChanges out;
    for (const auto& c : from.checks)
        if (!holds(to, c)) out.dropped.push_back(c);
    for (const auto& c : to.checks)
        if (!holds(from, c)) out.added.push_back(c);
    // A check gone and one added with the same definition: the check renamed.
    for (auto gone = out.dropped.begin(); gone != out.dropped.end();) {
        auto added = std::find_if(out.added.begin(), out.added.end(), [&](const DomainCheck& c) {
            return c.definition == gone->definition;
        });
        if (added == out.added.end()) {
            ++gone;
            continue;
        }
        out.renamed.emplace_back(gone->name, added->name);
        out.added.erase(added);
        gone = out.dropped.erase(gone);
    }
    return out;
}

bool alters_in_place(const SqlObject& from, const SqlObject& to) {
    const auto a = domain_facts(from), b = domain_facts(to);
    return a && b && a->type == b->type && a->collation == b->collation;
}

bool column_uses_domain(const Column& column, const SqlObject& domain) {
    const std::string& type = column.type.sql;
    // As a database reads the column's type back (format_type): the domain's name, bare
    // when it needs no quotes, with its schema unless that is the default one; an array
    // of the domain counts too.
    const std::string bare = type_name_part(domain.name);
    std::vector<std::string> spellings{
        domain.schema.empty() ? bare : type_name_part(domain.schema) + "." + bare};
    if (domain.schema.empty()) spellings.push_back(domain.name);
    for (const std::string& s : spellings) {
        if (type == s) return true;
        if (type.size() > s.size() && type.compare(0, s.size(), s) == 0 &&
            type.compare(s.size(), 1, "[") == 0)
            return true;
    }
    return false;
}

}  // namespace autogen::schema
