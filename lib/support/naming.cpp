// Naming-convention patterns (naming.hpp): the tokens, their checks and their expansion.
#include "support/naming.hpp"

#include <array>

#include "support/md5.hpp"
#include "support/text.hpp"

namespace autogen::support {

namespace {

struct KindInfo {
    NameKind kind;
    std::string_view key;
    /// autogen's default, byte-identical to the names it made before [models] naming.
    std::string_view default_pattern;
};

constexpr std::array<KindInfo, 5> kKinds = {{
    {NameKind::PrimaryKey, "pk", ""},
    {NameKind::Unique, "uq", "uq_%(table)s_%(column_0_name)s"},
    {NameKind::ForeignKey, "fk", "fk_%(table)s_%(column_0_name)s_%(referred_table)s"},
    {NameKind::Index, "ix", "ix_%(table)s_%(column_0_name)s"},
    {NameKind::Check, "ck", "ck_%(table)s_%(constraint_name)s"},
}};

const KindInfo& info(NameKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k;
    return kKinds.front();  // unreachable: every kind has a row
}

constexpr std::array<std::string_view, 8> kTokens = {
    "table",          "column_0_name",          "column_0_N_name",          "columns",
    "referred_table", "referred_column_0_name", "referred_column_0_N_name", "constraint_name",
};

/// Calls on_text for literal text and on_token for each token name; false (and the
/// offset) on an unterminated or malformed "%(".
template <class Text, class Token>
bool walk(std::string_view pattern, Text on_text, Token on_token, std::size_t* bad_at = nullptr) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            on_text(pattern.substr(i, 1));
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            on_text("%");
            ++i;
            continue;
        }
        auto close = pattern.find(")s", i);
        if (i + 1 >= pattern.size() || pattern[i + 1] != '(' || close == std::string_view::npos) {
            if (bad_at) *bad_at = i;
            return false;
        }
        on_token(pattern.substr(i + 2, close - i - 2));
        i = close + 1;
    }
    return true;
}

std::string first(const std::vector<std::string>& v) { return v.empty() ? std::string() : v[0]; }
std::string joined(const std::vector<std::string>& v) { return join_with(v, "_"); }

}  // namespace

std::string_view name_kind_key(NameKind kind) { return info(kind).key; }

std::optional<NameKind> parse_name_kind(std::string_view key) {
    for (const auto& k : kKinds)
        if (k.key == key) return k.kind;
    return std::nullopt;
}

std::string NamingConvention::pattern(NameKind kind) const {
    auto it = patterns.find(kind);
    return it != patterns.end() ? it->second : std::string(info(kind).default_pattern);
}

std::string NamingConvention::name(NameKind kind, const NameFields& fields) const {
    std::string full = expand_pattern(pattern(kind), fields);
    if (max_length < 9 || full.size() <= max_length) return full;
    std::size_t keep = max_length - 8;
    while (keep > 0 && (static_cast<unsigned char>(full[keep]) & 0xC0) == 0x80) --keep;
    return full.substr(0, keep) + "_" + md5_hex(full).substr(28);
}

std::string NamingConvention::fingerprint() const {
    std::string out;
    for (const auto& [kind, p] : patterns) out += std::string(name_kind_key(kind)) + "=" + p + ";";
    if (max_length > 0) out += "max=" + std::to_string(max_length);
    return out;
}

std::optional<PatternProblem> check_pattern(NameKind kind, std::string_view pattern) {
    const std::string example =
        std::string(name_kind_key(kind)) + " = \"" +
        (kind == NameKind::PrimaryKey ? "pk_%(table)s" : std::string(info(kind).default_pattern)) +
        "\"";
    if (trim(pattern).empty())
        return PatternProblem{"the " + std::string(name_kind_key(kind)) +
                                  " naming pattern is empty: it would make empty names",
                              "write a pattern, e.g. " + example + ", or remove the key"};
    std::optional<PatternProblem> problem;
    std::size_t bad_at = 0;
    bool ok = walk(
        pattern, [](std::string_view) {},
        [&](std::string_view token) {
            if (problem) return;
            bool known = false;
            for (auto t : kTokens) known = known || t == token;
            if (!known) {
                std::vector<std::string> all(kTokens.begin(), kTokens.end());
                std::string near = closest(token, all);
                problem = PatternProblem{
                    "unknown token %(" + std::string(token) + ")s in the " +
                        std::string(name_kind_key(kind)) + " naming pattern \"" +
                        std::string(pattern) + "\"",
                    (near.empty() ? std::string() : "did you mean %(" + near + ")s? ") +
                        "tokens: %(table)s, %(column_0_name)s, %(column_0_N_name)s, "
                        "%(columns)s, %(referred_table)s, %(referred_column_0_name)s, "
                        "%(referred_column_0_N_name)s, %(constraint_name)s"};
                return;
            }
            const bool referred = token.starts_with("referred_");
            if (referred && kind != NameKind::ForeignKey)
                problem = PatternProblem{"%(" + std::string(token) + ")s in the " +
                                             std::string(name_kind_key(kind)) +
                                             " naming pattern: only foreign keys refer to a table",
                                         "use it in fk only"};
            else if (token == "constraint_name" && kind != NameKind::Check)
                problem = PatternProblem{
                    "%(constraint_name)s in the " + std::string(name_kind_key(kind)) +
                        " naming pattern: only check constraints have it",
                    "use it in ck only, e.g. ck = \"ck_%(table)s_%(constraint_name)s\""};
        },
        &bad_at);
    if (!ok)
        return PatternProblem{"malformed token at byte " + std::to_string(bad_at) + " of the " +
                                  std::string(name_kind_key(kind)) + " naming pattern \"" +
                                  std::string(pattern) + "\"",
                              "write tokens as %(name)s, e.g. %(table)s, and a literal % as %%"};
    return problem;
}

std::string expand_pattern(std::string_view pattern, const NameFields& fields) {
    std::string out;
    walk(
        pattern, [&](std::string_view text) { out += text; },
        [&](std::string_view token) {
            if (token == "table")
                out += fields.table;
            else if (token == "column_0_name")
                out += first(fields.columns);
            else if (token == "column_0_N_name" || token == "columns")
                out += joined(fields.columns);
            else if (token == "referred_table")
                out += fields.referred_table;
            else if (token == "referred_column_0_name")
                out += first(fields.referred_columns);
            else if (token == "referred_column_0_N_name")
                out += joined(fields.referred_columns);
            else if (token == "constraint_name")
                out += fields.constraint_name;
        });
    return out;
}

}  // namespace autogen::support
