// policy_facts(), alters_policy_in_place() (policy.hpp).
#include "schema/policy.hpp"

namespace autogen::schema {

std::optional<PolicyFacts> policy_facts(const SqlObject& o) {
    if (o.kind != ObjectKind::Policy || o.columns.size() != 5) return std::nullopt;
    return PolicyFacts{o.columns[0], o.columns[1], o.columns[2], o.columns[3], o.columns[4]};
}

bool alters_policy_in_place(const SqlObject& from, const SqlObject& to) {
    const auto a = policy_facts(from), b = policy_facts(to);
    // ALTER POLICY can set USING and WITH CHECK but not remove them, and the downgrade
    // reverses the change: so each clause must be there on both sides or on neither.
    return a && b && a->command == b->command && a->permissive == b->permissive &&
           a->using_expr.empty() == b->using_expr.empty() &&
           a->check_expr.empty() == b->check_expr.empty();
}

std::string policy_changes(const SqlObject& from, const SqlObject& to) {
    const auto a = policy_facts(from), b = policy_facts(to);
    if (!a || !b) return "its statement";
    std::string out;
    auto add = [&](const char* clause) { out += (out.empty() ? "" : ", ") + std::string(clause); };
    if (a->roles != b->roles) add("TO");
    if (a->using_expr != b->using_expr) add("USING");
    if (a->check_expr != b->check_expr) add("WITH CHECK");
    return out;
}

}  // namespace autogen::schema
