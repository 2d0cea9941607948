// Python semantics for template values: str()/repr() output, truthiness, equality,
// ordering, membership and arithmetic, as CPython 3 and Jinja's Undefined behave.
#include "jinja/value.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "jinja/error.hpp"

namespace autogen::codegen::jinja {

Val Val::undefined(std::string hint, bool strict) {
    Val v;
    v.undefined_hint = std::move(hint);
    v.strict = strict;
    return v;
}

Json Val::to_marker() const {
    return Json::binary(std::vector<std::uint8_t>(undefined_hint.begin(), undefined_hint.end()),
                        strict ? 2 : 1);
}

void Val::from_marker() {
    const auto& bin = json.get_binary();
    undefined_hint.assign(bin.begin(), bin.end());
    strict = bin.has_subtype() && bin.subtype() == 2;
    kind = Kind::Undefined;
    json = nullptr;
}

void Val::require_defined() const {
    if (is_undefined()) throw ValueError(undefined_hint);
}

std::optional<Val> CallArgs::take(std::size_t index, const std::string& name) {
    for (auto it = keyword.begin(); it != keyword.end(); ++it) {
        if (it->first == name) {
            if (index < positional.size())
                throw ValueError("got multiple values for argument '" + name + "'");
            Val v = std::move(it->second);
            keyword.erase(it);
            return v;
        }
    }
    if (index < positional.size()) return positional[index];
    return std::nullopt;
}

void CallArgs::expect_no_more(std::size_t max_positional, const std::string& what) const {
    if (positional.size() > max_positional)
        throw ValueError(what + "() takes at most " + std::to_string(max_positional) +
                         " positional argument" + (max_positional == 1 ? "" : "s"));
    if (!keyword.empty())
        throw ValueError(what + "() got an unexpected keyword argument '" + keyword.front().first +
                         "'");
}

std::optional<Val> Object::attribute(const std::string&) const { return std::nullopt; }
bool Object::set_attribute(const std::string&, Val) { return false; }
Val Object::call(Renderer&, CallArgs&) {
    throw ValueError("'" + type_name() + "' object is not callable");
}
std::string Object::str() const { return "<" + type_name() + " object>"; }

// --- UTF-8 ---------------------------------------------------------------------------

std::u32string utf8_decode(const std::string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = extra == 0   ? c
                      : extra == 1 ? (c & 0x1F)
                      : extra == 2 ? (c & 0x0F)
                                   : (c & 0x07);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc >> 6) != 2) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

std::string utf8_encode(const std::u32string& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t cp : s) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// --- str() and repr() ----------------------------------------------------------------

std::string float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    std::string sign;
    if (s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    auto e = s.find('e');
    int exponent = std::stoi(s.substr(e + 1));
    std::string digits;
    for (char c : s.substr(0, e))
        if (c != '.') digits += c;
    // Python's repr: fixed notation for 1e-4 <= |d| < 1e16, else scientific.
    if (exponent >= -4 && exponent < 16) {
        std::string out;
        if (exponent >= 0) {
            auto int_len = static_cast<std::size_t>(exponent) + 1;
            if (digits.size() <= int_len) {
                out = digits + std::string(int_len - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, int_len) + "." + digits.substr(int_len);
            }
        } else {
            out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        }
        return sign + out;
    }
    std::string mant = digits.substr(0, 1);
    if (digits.size() > 1) mant += "." + digits.substr(1);
    std::string exp = std::to_string(std::abs(exponent));
    if (exp.size() < 2) exp = "0" + exp;
    return sign + mant + "e" + (exponent < 0 ? "-" : "+") + exp;
}

namespace {

std::string string_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    static const char* hex = "0123456789abcdef";
    for (char32_t cp : utf8_decode(s)) {
        if (cp == '\\')
            out += "\\\\";
        else if (cp == static_cast<char32_t>(quote)) {
            out += '\\';
            out += quote;
        } else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) {
            out += "\\x";
            out += hex[(cp >> 4) & 0xF];
            out += hex[cp & 0xF];
        } else {
            out += utf8_encode(std::u32string(1, cp));
        }
    }
    out += quote;
    return out;
}

}  // namespace

namespace {
thread_local int nesting_depth = 0;
}

NestingGuard::NestingGuard() {
    if (++nesting_depth > 500) {
        --nesting_depth;
        throw ValueError("value nested too deeply (more than 500 levels)");
    }
}
NestingGuard::~NestingGuard() { --nesting_depth; }

std::string repr(const Json& j) {
    NestingGuard guard;
    switch (j.type()) {
        case Json::value_t::null:
            return "None";
        case Json::value_t::boolean:
            return j.get<bool>() ? "True" : "False";
        case Json::value_t::number_integer:
            return std::to_string(j.get<std::int64_t>());
        case Json::value_t::number_unsigned:
            return std::to_string(j.get<std::uint64_t>());
        case Json::value_t::number_float:
            return float_repr(j.get<double>());
        case Json::value_t::string:
            return string_repr(j.get_ref<const std::string&>());
        case Json::value_t::array: {
            std::string out = "[";
            bool first = true;
            for (const auto& e : j) {
                if (!first) out += ", ";
                first = false;
                out += repr(e);
            }
            return out + "]";
        }
        case Json::value_t::binary:
            return "Undefined";  // an Undefined inside a container
        case Json::value_t::object: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, v] : j.items()) {
                if (!first) out += ", ";
                first = false;
                out += string_repr(k) + ": " + repr(v);
            }
            return out + "}";
        }
        default:
            return "None";
    }
}

std::string to_str(const Val& v) {
    switch (v.kind) {
        case Val::Kind::Undefined:
            if (v.strict) throw ValueError(v.undefined_hint);
            return "";
        case Val::Kind::Object:
            return v.obj->str();
        case Val::Kind::Data:
            if (v.json.is_string()) return v.json.get<std::string>();
            return repr(v.json);
    }
    return "";
}

std::string type_name(const Val& v) {
    if (v.is_undefined()) return v.strict ? "StrictUndefined" : "Undefined";
    if (v.is_object()) return v.obj->type_name();
    switch (v.json.type()) {
        case Json::value_t::null:
            return "NoneType";
        case Json::value_t::boolean:
            return "bool";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "int";
        case Json::value_t::number_float:
            return "float";
        case Json::value_t::string:
            return "str";
        case Json::value_t::array:
            return "list";
        case Json::value_t::object:
            return "dict";
        default:
            return "object";
    }
}

bool truthy(const Val& v) {
    if (v.is_undefined()) {
        if (v.strict) throw ValueError(v.undefined_hint);
        return false;
    }
    if (v.is_object()) return true;
    const Json& j = v.json;
    switch (j.type()) {
        case Json::value_t::null:
            return false;
        case Json::value_t::boolean:
            return j.get<bool>();
        case Json::value_t::number_integer:
            return j.get<std::int64_t>() != 0;
        case Json::value_t::number_unsigned:
            return j.get<std::uint64_t>() != 0;
        case Json::value_t::number_float:
            return j.get<double>() != 0.0;
        // nlohmann's empty() is false for every string, so ask the string itself
        case Json::value_t::string:
            return !j.get_ref<const std::string&>().empty();
        case Json::value_t::array:
        case Json::value_t::object:
            return !j.empty();
        default:
            return false;
    }
}

bool nesting_exceeds(const Json& j, int limit) {
    if (!j.is_array() && !j.is_object()) return false;
    if (limit <= 0) return true;
    for (const auto& e : j)
        if (nesting_exceeds(e, limit - 1)) return true;
    return false;
}

std::int64_t as_int(const Val& v) {
    v.require_defined();
    if (v.is_bool()) return v.json.get<bool>() ? 1 : 0;
    if (v.is_data() && v.json.is_number_unsigned() &&
        v.json.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw ValueError("integer out of range (64 bits): " + repr(v.json));
    if (v.is_int()) return v.json.get<std::int64_t>();
    throw ValueError("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

std::int64_t truncate_to_int(double d) {
    double t = std::trunc(d);
    // 2^63 is exactly representable; anything at or beyond it does not fit
    if (!(t >= -9223372036854775808.0 && t < 9223372036854775808.0))
        throw ValueError("integer out of range (64 bits): " + float_repr(d));
    return static_cast<std::int64_t>(t);
}

double as_double(const Val& v) {
    if (v.is_float()) return v.json.get<double>();
    return static_cast<double>(as_int(v));
}

namespace {

bool json_equals(const Json& a, const Json& b) {
    NestingGuard guard;
    if (a.is_binary() || b.is_binary())
        return a.is_binary() && b.is_binary();  // Undefined == Undefined
    bool an = a.is_number() || a.is_boolean(), bn = b.is_number() || b.is_boolean();
    if (an && bn) {
        if (a.is_number_float() || b.is_number_float())
            return as_double(Val(a)) == as_double(Val(b));
        return as_int(Val(a)) == as_int(Val(b));
    }
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!json_equals(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (const auto& [k, v] : a.items()) {
            auto it = b.find(k);
            if (it == b.end() || !json_equals(v, *it)) return false;
        }
        return true;
    }
    return a == b;
}

bool json_less(const Json& a, const Json& b) {
    NestingGuard guard;
    bool an = a.is_number() || a.is_boolean(), bn = b.is_number() || b.is_boolean();
    if (an && bn) {
        if (a.is_number_float() || b.is_number_float())
            return as_double(Val(a)) < as_double(Val(b));
        return as_int(Val(a)) < as_int(Val(b));
    }
    if (a.is_string() && b.is_string())
        return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
    if (a.is_array() && b.is_array()) {
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            if (json_equals(a[i], b[i])) continue;
            return json_less(a[i], b[i]);
        }
        return a.size() < b.size();
    }
    throw ValueError("'<' not supported between instances of '" + type_name(Val(a)) + "' and '" +
                     type_name(Val(b)) + "'");
}

}  // namespace

bool equals(const Val& v, const Val& w) {
    if (v.is_undefined() && v.strict) throw ValueError(v.undefined_hint);
    if (w.is_undefined() && w.strict) throw ValueError(w.undefined_hint);
    if (v.is_undefined() || w.is_undefined()) return v.is_undefined() && w.is_undefined();
    if (v.is_object() || w.is_object()) return v.obj == w.obj;
    return json_equals(v.json, w.json);
}

bool less(const Val& v, const Val& w) {
    v.require_defined();
    w.require_defined();
    if (v.is_object() || w.is_object())
        throw ValueError("'<' not supported between instances of '" + type_name(v) + "' and '" +
                         type_name(w) + "'");
    return json_less(v.json, w.json);
}

bool contains(const Val& haystack, const Val& needle) {
    if (haystack.is_undefined()) {
        if (haystack.strict) throw ValueError(haystack.undefined_hint);
        return false;
    }
    if (haystack.is_string()) {
        if (!needle.is_string())
            throw ValueError("'in <string>' requires string as left operand, not " +
                             type_name(needle));
        return haystack.json.get_ref<const std::string&>().find(
                   needle.json.get_ref<const std::string&>()) != std::string::npos;
    }
    if (haystack.is_list()) {
        for (const auto& e : haystack.json)
            if (equals(Val(e), needle)) return true;
        return false;
    }
    if (haystack.is_dict()) {
        if (needle.is_string()) return haystack.json.contains(needle.json.get<std::string>());
        if (needle.is_list() || needle.is_dict())
            throw ValueError("unhashable type: '" + type_name(needle) + "'");
        return false;
    }
    throw ValueError("argument of type '" + type_name(haystack) + "' is not iterable");
}

std::vector<Val> iterate(const Val& v) {
    std::vector<Val> out;
    if (v.is_undefined()) {
        if (v.strict) throw ValueError(v.undefined_hint);
        return out;
    }
    if (v.is_list()) {
        out.reserve(v.json.size());
        for (const auto& e : v.json) out.emplace_back(e);
    } else if (v.is_dict()) {
        for (const auto& [k, e] : v.json.items()) out.emplace_back(Json(k));
    } else if (v.is_string()) {
        for (char32_t cp : utf8_decode(v.json.get<std::string>()))
            out.emplace_back(Json(utf8_encode(std::u32string(1, cp))));
    } else {
        throw ValueError("'" + type_name(v) + "' object is not iterable");
    }
    return out;
}

// --- arithmetic ----------------------------------------------------------------------

namespace {

[[noreturn]] void unsupported(const std::string& op, const Val& a, const Val& b) {
    throw ValueError("unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" +
                     type_name(b) + "'");
}

Json repeat(const Val& seq, std::int64_t n) {
    if (n < 0) n = 0;
    std::size_t unit =
        seq.is_string() ? seq.json.get_ref<const std::string&>().size() : seq.json.size();
    if (unit != 0 && static_cast<std::uint64_t>(n) > (std::uint64_t{1} << 26) / unit)
        throw ValueError("repetition result too large");
    if (seq.is_string()) {
        std::string out;
        for (std::int64_t i = 0; i < n; ++i) out += seq.json.get_ref<const std::string&>();
        return out;
    }
    Json out = Json::array();
    for (std::int64_t i = 0; i < n; ++i)
        for (const auto& e : seq.json) out.push_back(e);
    return out;
}

Val int_result(std::int64_t v) { return Val(Json(v)); }

}  // namespace

Val arithmetic(const std::string& op, const Val& a, const Val& b) {
    a.require_defined();
    b.require_defined();
    bool nums = a.is_number() && b.is_number();
    bool ints = a.is_int() && b.is_int();
    if (op == "+") {
        if (ints) {
            std::int64_t r;
            if (__builtin_add_overflow(as_int(a), as_int(b), &r))
                throw ValueError("integer overflow");
            return int_result(r);
        }
        if (nums) return Val(Json(as_double(a) + as_double(b)));
        if (a.is_string() && b.is_string())
            return Val(Json(a.json.get<std::string>() + b.json.get<std::string>()));
        if (a.is_list() && b.is_list()) {
            Json out = a.json;
            for (const auto& e : b.json) out.push_back(e);
            return Val(out);
        }
        if (a.is_string() || b.is_string()) {
            if (a.is_string())
                throw ValueError("can only concatenate str (not \"" + type_name(b) + "\") to str");
        }
        unsupported("+", a, b);
    }
    if (op == "-") {
        if (ints) {
            std::int64_t r;
            if (__builtin_sub_overflow(as_int(a), as_int(b), &r))
                throw ValueError("integer overflow");
            return int_result(r);
        }
        if (nums) return Val(Json(as_double(a) - as_double(b)));
        unsupported("-", a, b);
    }
    if (op == "*") {
        if (ints) {
            std::int64_t r;
            if (__builtin_mul_overflow(as_int(a), as_int(b), &r))
                throw ValueError("integer overflow");
            return int_result(r);
        }
        if (nums) return Val(Json(as_double(a) * as_double(b)));
        if ((a.is_string() || a.is_list()) && b.is_int()) return Val(repeat(a, as_int(b)));
        if ((b.is_string() || b.is_list()) && a.is_int()) return Val(repeat(b, as_int(a)));
        unsupported("*", a, b);
    }
    if (op == "/") {
        if (!nums) unsupported("/", a, b);
        if (as_double(b) == 0) throw ValueError("division by zero");
        return Val(Json(as_double(a) / as_double(b)));
    }
    if (op == "//" || op == "%") {
        if (!nums) unsupported(op, a, b);
        if (ints) {
            std::int64_t x = as_int(a), y = as_int(b);
            if (y == 0) throw ValueError("integer division or modulo by zero");
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1)
                throw ValueError("integer overflow");
            std::int64_t q = x / y, r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) {
                --q;
                r += y;
            }
            return int_result(op == "//" ? q : r);
        }
        double x = as_double(a), y = as_double(b);
        if (y == 0) throw ValueError("float divmod()");
        double r = std::fmod(x, y);
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        if (op == "%") return Val(Json(r));
        return Val(Json(std::floor((x - r) / y + 0.0)));
    }
    if (op == "**") {
        if (!nums) unsupported("**", a, b);
        if (ints && as_int(b) >= 0) {
            std::int64_t base = as_int(a), e = as_int(b), r = 1;
            for (std::int64_t i = 0; i < e; ++i) {
                if (__builtin_mul_overflow(r, base, &r)) throw ValueError("integer overflow");
                if (r == 0 || r == 1) break;
            }
            if (r == -1 || r == 1) r = (base == -1 && (e % 2 == 1)) ? -1 : (base == -1 ? 1 : r);
            return int_result(r);
        }
        return Val(Json(std::pow(as_double(a), as_double(b))));
    }
    throw ValueError("unknown operator " + op);
}

}  // namespace autogen::codegen::jinja
