// The naming convention a database follows (naming_detection.hpp): candidates scored
// against every constraint name, a clear majority adopted.
#include "codegen/naming_detection.hpp"

#include <algorithm>
#include <array>

namespace autogen::codegen {

namespace {

using support::NameFields;
using support::NameKind;

/// Stands for a check's user-chosen part while its pattern is expanded: a byte no SQL
/// identifier autogen reads carries.
constexpr char kAnyText = '\x01';

/// `name` against `shape`, where each kAnyText matches one or more bytes.
bool shape_matches(std::string_view shape, std::string_view name) {
    auto star = shape.find(kAnyText);
    if (star == std::string_view::npos) return shape == name;
    std::string_view head = shape.substr(0, star);
    if (name.substr(0, head.size()) != head) return false;
    std::string_view rest = shape.substr(star + 1);
    for (std::size_t take = 1; head.size() + take <= name.size(); ++take)
        if (shape_matches(rest, name.substr(head.size() + take))) return true;
    return false;
}

/// One constraint to score: its kind's fields and its name ("" = unnamed).
struct Named {
    NameFields fields;
    std::string name;
};

/// Every constraint of `kind` in `schema` that has a say.
std::vector<Named> constraints_of(NameKind kind, const schema::Schema& schema) {
    std::vector<Named> out;
    for (const auto& t : schema.tables) {
        switch (kind) {
            case NameKind::PrimaryKey:
                if (t.primary_key && !t.primary_key->columns.empty())
                    out.push_back({{t.name, t.primary_key->columns}, t.primary_key->name});
                break;
            case NameKind::Unique:
                for (const auto& u : t.uniques)
                    if (!u.name.empty()) out.push_back({{t.name, u.columns}, u.name});
                break;
            case NameKind::ForeignKey:
                for (const auto& fk : t.foreign_keys)
                    if (!fk.name.empty())
                        out.push_back({{.table = t.name,
                                        .columns = fk.columns,
                                        .referred_table = fk.ref_table,
                                        .referred_columns = fk.ref_columns},
                                       fk.name});
                break;
            case NameKind::Index:
                for (const auto& ix : t.indexes)
                    if (!ix.name.empty()) out.push_back({{t.name, ix.columns}, ix.name});
                break;
            case NameKind::Check:
                for (const auto& ck : t.checks)
                    if (!ck.name.empty()) out.push_back({{.table = t.name}, ck.name});
                break;
        }
    }
    return out;
}

constexpr std::array<NameKind, 5> kKinds = {NameKind::PrimaryKey, NameKind::Unique,
                                            NameKind::ForeignKey, NameKind::Index, NameKind::Check};

}  // namespace

std::vector<std::string> candidate_patterns(NameKind kind) {
    switch (kind) {
        case NameKind::PrimaryKey:
            return {"pk_%(table)s", "%(table)s_pkey"};
        case NameKind::Unique:
            return {"uq_%(table)s_%(column_0_name)s", "uq_%(table)s_%(column_0_N_name)s",
                    "%(table)s_%(column_0_N_name)s_key", "%(table)s_%(column_0_name)s_key"};
        case NameKind::ForeignKey:
            return {"fk_%(table)s_%(column_0_name)s_%(referred_table)s",
                    "fk_%(table)s_%(column_0_N_name)s_%(referred_table)s",
                    "%(table)s_%(column_0_N_name)s_fkey", "%(table)s_%(column_0_name)s_fkey"};
        case NameKind::Index:
            return {"ix_%(table)s_%(column_0_name)s", "ix_%(table)s_%(column_0_N_name)s",
                    "%(table)s_%(column_0_N_name)s_idx", "%(table)s_%(column_0_name)s_idx"};
        case NameKind::Check:
            return {"ck_%(table)s_%(constraint_name)s", "%(table)s_%(column_0_name)s_check"};
    }
    return {};
}

bool pattern_names(NameKind kind, const std::string& pattern, const std::string& name,
                   const NameFields& fields, std::size_t max_length) {
    if (kind != NameKind::Check) {
        // Through NamingConvention::name, so a long name is cut as the models cut it.
        support::NamingConvention one;
        one.patterns[kind] = pattern;
        one.max_length = max_length;
        return one.name(kind, fields) == name;
    }
    NameFields any = fields;
    any.constraint_name = std::string(1, kAnyText);
    any.columns = {any.constraint_name};
    return shape_matches(support::expand_pattern(pattern, any), name);
}

NamingDetection detect_naming(
    const schema::Schema& schema, const support::NamingConvention& project,
    const std::function<std::string(const std::string& table)>& default_primary_key_name) {
    NamingDetection out;
    out.convention = project;
    for (NameKind kind : kKinds) {
        std::vector<std::string> candidates{project.pattern(kind)};
        for (auto& c : candidate_patterns(kind))
            if (std::find(candidates.begin(), candidates.end(), c) == candidates.end())
                candidates.push_back(std::move(c));
        auto constraints = constraints_of(kind, schema);
        KindDetection best{.kind = kind, .pattern = project.pattern(kind)};
        best.total = constraints.size();
        // Unnamed primary keys match every candidate, the project's too.
        best.matched = static_cast<std::size_t>(std::count_if(
            constraints.begin(), constraints.end(), [](const Named& c) { return c.name.empty(); }));
        std::size_t best_by_name = 0;
        for (const auto& candidate : candidates) {
            std::size_t matched = 0, by_name = 0;
            for (const auto& c : constraints) {
                if (c.name.empty()) {
                    ++matched;  // an unnamed primary key: whatever the pattern
                    continue;
                }
                bool hit =
                    candidate.empty()
                        ? default_primary_key_name &&
                              default_primary_key_name(c.fields.table) == c.name
                        : pattern_names(kind, candidate, c.name, c.fields, project.max_length);
                if (hit) ++matched, ++by_name;
            }
            if (by_name > 0 && (matched > best.matched || best_by_name == 0)) {
                best.pattern = candidate;
                best.matched = matched;
                best_by_name = by_name;
            }
        }
        best.adopted = best_by_name > 0 && best.matched * 2 > best.total;
        if (!best.adopted) {
            best.pattern = project.pattern(kind);
        } else if (best.pattern.empty()) {
            out.convention.patterns.erase(kind);
            out.convention.at.erase(kind);
        } else {
            out.convention.patterns[kind] = best.pattern;
        }
        out.kinds.push_back(std::move(best));
    }
    return out;
}

}  // namespace autogen::codegen
