// The built-in tests (`x is defined`, `is none`, `is divisibleby 3` ...), with the
// Python type rules Jinja's tests.py uses (bool counts as a number, not an integer).
#include <cmath>

#include "jinja/filters.hpp"
#include "jinja/text.hpp"

namespace autogen::codegen::jinja {

namespace {

Val arg0(CallArgs& a, const char* name, const char* test) {
    auto v = a.take(0, name);
    a.expect_no_more(1, test);
    if (!v) throw ValueError(std::string(test) + "() missing required argument '" + name + "'");
    return *v;
}

bool t_defined(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "defined");
    return !v.is_undefined();
}
bool t_undefined(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "undefined");
    return v.is_undefined();
}
bool t_none(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "none");
    return v.is_none();
}
bool t_boolean(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "boolean");
    return v.is_bool();
}
bool t_true(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "true");
    return v.is_bool() && v.json.get<bool>();
}
bool t_false(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "false");
    return v.is_bool() && !v.json.get<bool>();
}
bool t_integer(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "integer");
    return v.is_int() && !v.is_bool();
}
bool t_float(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "float");
    return v.is_float();
}
bool t_number(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "number");
    return v.is_number();
}
bool t_string(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "string");
    return v.is_string();
}
bool t_mapping(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "mapping");
    return v.is_dict();
}
bool t_sequence(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "sequence");
    return v.is_string() || v.is_list() || v.is_dict();
}
bool t_iterable(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "iterable");
    if (v.is_undefined()) {
        v.require_defined();
        return true;
    }
    return v.is_string() || v.is_list() || v.is_dict();
}
bool t_callable(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "callable");
    return v.is_object() && v.obj->callable();
}
bool t_escaped(Renderer&, const Val&, CallArgs& a) {
    a.expect_no_more(0, "escaped");
    return false;
}

bool t_odd(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "odd");
    return truthy(arithmetic("%", v, Val(Json(2))));
}
bool t_even(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "even");
    return !truthy(arithmetic("%", v, Val(Json(2))));
}
bool t_divisibleby(Renderer&, const Val& v, CallArgs& a) {
    Val n = arg0(a, "num", "divisibleby");
    return !truthy(arithmetic("%", v, n));
}
bool t_lower(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "lower");
    std::string s = to_str(v);
    return text::to_lower(s) == s && text::to_upper(s) != s;
}
bool t_upper(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "upper");
    std::string s = to_str(v);
    return text::to_upper(s) == s && text::to_lower(s) != s;
}
bool t_eq(Renderer&, const Val& v, CallArgs& a) { return equals(v, arg0(a, "other", "eq")); }
bool t_ne(Renderer&, const Val& v, CallArgs& a) { return !equals(v, arg0(a, "other", "ne")); }
bool t_lt(Renderer&, const Val& v, CallArgs& a) { return less(v, arg0(a, "other", "lt")); }
bool t_gt(Renderer&, const Val& v, CallArgs& a) { return less(arg0(a, "other", "gt"), v); }
bool t_le(Renderer&, const Val& v, CallArgs& a) { return !less(arg0(a, "other", "le"), v); }
bool t_ge(Renderer&, const Val& v, CallArgs& a) { return !less(v, arg0(a, "other", "ge")); }
bool t_in(Renderer&, const Val& v, CallArgs& a) { return contains(arg0(a, "seq", "in"), v); }
bool t_sameas(Renderer&, const Val& v, CallArgs& a) {
    Val o = arg0(a, "other", "sameas");
    if (v.is_object() || o.is_object()) return v.obj == o.obj;
    if (v.is_none() || o.is_none()) return v.is_none() && o.is_none();
    if (v.is_bool() || o.is_bool()) return v.is_bool() && o.is_bool() && v.json == o.json;
    // CPython caches small ints, so `1 is 1` holds there
    if (v.is_int() && o.is_int() && !v.is_bool() && !o.is_bool()) {
        std::int64_t x = as_int(v);
        return x == as_int(o) && x >= -5 && x <= 256;
    }
    return false;
}
bool t_filter(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "filter");
    return v.is_string() && has_filter(v.json.get<std::string>());
}
bool t_test(Renderer&, const Val& v, CallArgs& a) {
    a.expect_no_more(0, "test");
    return v.is_string() && has_test(v.json.get<std::string>());
}

}  // namespace

const std::map<std::string, TestFn>& test_table() {
    static const std::map<std::string, TestFn> table{
        {"defined", t_defined},
        {"undefined", t_undefined},
        {"none", t_none},
        {"boolean", t_boolean},
        {"true", t_true},
        {"false", t_false},
        {"integer", t_integer},
        {"float", t_float},
        {"number", t_number},
        {"string", t_string},
        {"mapping", t_mapping},
        {"sequence", t_sequence},
        {"iterable", t_iterable},
        {"callable", t_callable},
        {"escaped", t_escaped},
        {"odd", t_odd},
        {"even", t_even},
        {"divisibleby", t_divisibleby},
        {"lower", t_lower},
        {"upper", t_upper},
        {"eq", t_eq},
        {"==", t_eq},
        {"equalto", t_eq},
        {"ne", t_ne},
        {"!=", t_ne},
        {"lt", t_lt},
        {"<", t_lt},
        {"lessthan", t_lt},
        {"gt", t_gt},
        {">", t_gt},
        {"greaterthan", t_gt},
        {"le", t_le},
        {"<=", t_le},
        {"ge", t_ge},
        {">=", t_ge},
        {"in", t_in},
        {"sameas", t_sameas},
        {"filter", t_filter},
        {"test", t_test},
    };
    return table;
}

bool has_test(const std::string& name) { return test_table().count(name) != 0; }

bool Renderer::apply_test(const std::string& name, const Val& input, CallArgs& args) {
    auto it = test_table().find(name);
    if (it == test_table().end()) throw ValueError("unknown test '" + name + "'");
    return it->second(*this, input, args);
}

}  // namespace autogen::codegen::jinja
