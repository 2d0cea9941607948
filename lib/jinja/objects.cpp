// Namespaces, the loop object, modules, the global functions (range, namespace, dict)
// and the str/dict/list methods templates may call (s.startswith('x'), d.items() ...).
#include "jinja/objects.hpp"

#include <cmath>

#include "jinja/text.hpp"

namespace autogen::codegen::jinja {

// --- namespace, loop, module -----------------------------------------------------------

std::optional<Val> Namespace::attribute(const std::string& name) const {
    for (const auto& [k, v] : attrs)
        if (k == name) return v;
    return std::nullopt;
}

bool Namespace::set_attribute(const std::string& name, Val value) {
    // A namespace is the one way to carry a value from one loop iteration to the next,
    // so `set ns.x = [ns.x]` could build data deep enough to overflow the stack later.
    if (value.is_data() && nesting_exceeds(value.json, 200))
        throw ValueError("value nested too deeply (more than 200 levels)");
    for (auto& [k, v] : attrs) {
        if (k == name) {
            v = std::move(value);
            return true;
        }
    }
    attrs.emplace_back(name, std::move(value));
    return true;
}

Val* Namespace::attribute_slot(const std::string& name) {
    for (auto& [k, v] : attrs)
        if (k == name) return &v;
    return nullptr;
}

std::string Namespace::str() const {
    std::string out = "<Namespace {";
    for (std::size_t i = 0; i < attrs.size(); ++i) {
        if (i != 0) out += ", ";
        const Val& v = attrs[i].second;
        out += repr(Json(attrs[i].first)) + ": " + (v.is_data() ? repr(v.json) : to_str(v));
    }
    return out + "}>";
}

std::optional<Val> LoopObject::attribute(const std::string& name) const {
    auto n = static_cast<std::int64_t>(items_.size());
    auto i = static_cast<std::int64_t>(index);
    if (name == "index") return Val(Json(i + 1));
    if (name == "index0") return Val(Json(i));
    if (name == "revindex") return Val(Json(n - i));
    if (name == "revindex0") return Val(Json(n - i - 1));
    if (name == "first") return Val(Json(i == 0));
    if (name == "last") return Val(Json(i == n - 1));
    if (name == "length") return Val(Json(n));
    if (name == "depth") return Val(Json(1));
    if (name == "depth0") return Val(Json(0));
    if (name == "previtem") {
        if (i == 0) return Val::undefined("there is no previous item", false);
        return items_[index - 1];
    }
    if (name == "nextitem") {
        if (i + 1 >= n) return Val::undefined("there is no next item", false);
        return items_[index + 1];
    }
    if (name == "changed") {
        // shared, not raw: `{% set f = loop.changed %}` may outlive the loop
        auto self = std::const_pointer_cast<LoopObject>(shared_from_this());
        return Val(std::shared_ptr<Object>(
            std::make_shared<Builtin>("changed", [self](Renderer&, CallArgs& a) -> Val {
                Json now = Json::array();
                for (const auto& v : a.positional) now.push_back(Renderer::to_json(v));
                if (self->has_last_changed_ && equals(Val(self->last_changed_), Val(now)))
                    return Val(Json(false));
                self->has_last_changed_ = true;
                self->last_changed_ = now;
                return Val(Json(true));
            })));
    }
    if (name == "cycle") {
        std::size_t at = index;
        return Val(std::shared_ptr<Object>(
            std::make_shared<Builtin>("cycle", [at](Renderer&, CallArgs& a) -> Val {
                if (a.positional.empty()) throw ValueError("no items for cycling given");
                return a.positional[at % a.positional.size()];
            })));
    }
    return std::nullopt;
}

std::optional<Val> Module::attribute(const std::string& name) const {
    auto it = exports.find(name);
    if (it == exports.end()) return std::nullopt;
    return it->second;
}

// --- globals ---------------------------------------------------------------------------

namespace {

Val make_builtin(const std::string& name, Builtin::Fn fn) {
    return Val(std::shared_ptr<Object>(std::make_shared<Builtin>(name, std::move(fn))));
}

Val range_fn(Renderer& r, CallArgs& a) {
    if (!a.keyword.empty()) throw ValueError("range() takes no keyword arguments");
    std::int64_t start = 0, stop = 0, step = 1;
    if (a.positional.size() == 1) {
        stop = as_int(a.positional[0]);
    } else if (a.positional.size() == 2 || a.positional.size() == 3) {
        start = as_int(a.positional[0]);
        stop = as_int(a.positional[1]);
        if (a.positional.size() == 3) step = as_int(a.positional[2]);
    } else {
        throw ValueError("range expected 1 to 3 arguments, got " +
                         std::to_string(a.positional.size()));
    }
    if (step == 0) throw ValueError("range() arg 3 must not be zero");
    // Python's len(range(...)), checked before building anything
    long double span = step > 0 ? (static_cast<long double>(stop) - start)
                                : (static_cast<long double>(start) - stop);
    long double count = span <= 0 ? 0
                                  : (span + (std::abs(static_cast<long double>(step)) - 1)) /
                                        std::abs(static_cast<long double>(step));
    if (count > 10'000'000) throw ValueError("range too big (more than 10 million items)");
    r.tick(static_cast<std::size_t>(count));
    Json out = Json::array();
    for (auto k = static_cast<std::int64_t>(count); k > 0; --k) {
        out.push_back(start);
        if (k > 1) start += step;  // stays within [start, stop): no overflow
    }
    return Val(out);
}

}  // namespace

void add_globals(Scope& scope) {
    scope.set("range", make_builtin("range", range_fn));
    scope.set("namespace", make_builtin("namespace", [](Renderer&, CallArgs& a) -> Val {
                  auto ns = std::make_shared<Namespace>();
                  for (const auto& p : a.positional) {
                      if (!p.is_dict())
                          throw ValueError("namespace() positional argument must be a dict");
                      for (const auto& [k, v] : p.json.items()) ns->set_attribute(k, Val(v));
                  }
                  for (const auto& [k, v] : a.keyword) ns->set_attribute(k, v);
                  return Val(std::shared_ptr<Object>(ns));
              }));
    scope.set("dict", make_builtin("dict", [](Renderer&, CallArgs& a) -> Val {
                  Json out = Json::object();
                  for (const auto& p : a.positional) {
                      if (!p.is_dict())
                          throw ValueError("dict() positional argument must be a dict");
                      for (const auto& [k, v] : p.json.items()) out[k] = v;
                  }
                  for (const auto& [k, v] : a.keyword) out[k] = Renderer::to_json(v);
                  return Val(out);
              }));
}

// --- methods ---------------------------------------------------------------------------

namespace {

std::string str_arg(const Val& v, const std::string& what) {
    if (!v.is_string()) throw ValueError(what + " arg must be str, not " + type_name(v));
    return v.json.get<std::string>();
}

Val str_method(const std::string& s, const std::string& name, CallArgs& a) {
    auto opt_chars = [&](std::size_t max) -> std::optional<std::string> {
        a.expect_no_more(max, name);
        if (a.positional.empty() || a.positional[0].is_none()) return std::nullopt;
        return str_arg(a.positional[0], name);
    };
    if (name == "upper") {
        a.expect_no_more(0, name);
        return Val(Json(text::to_upper(s)));
    }
    if (name == "lower") {
        a.expect_no_more(0, name);
        return Val(Json(text::to_lower(s)));
    }
    if (name == "title") {
        a.expect_no_more(0, name);
        return Val(Json(text::py_title(s)));
    }
    if (name == "capitalize") {
        a.expect_no_more(0, name);
        return Val(Json(text::capitalize(s)));
    }
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
        auto chars = opt_chars(1);
        return Val(
            Json(text::strip(s, name != "rstrip", name != "lstrip", chars ? &*chars : nullptr)));
    }
    if (name == "split" || name == "rsplit") {
        auto sep = a.take(0, "sep");
        auto maxsplit = a.take(1, "maxsplit");
        std::optional<std::string> sep_s;
        if (sep && !sep->is_none()) sep_s = str_arg(*sep, name);
        if (name == "rsplit" && maxsplit && as_int(*maxsplit) >= 0)
            throw ValueError("rsplit with maxsplit is not supported");
        Json out = Json::array();
        for (auto& p : text::split(s, sep_s ? &*sep_s : nullptr, maxsplit ? as_int(*maxsplit) : -1))
            out.push_back(p);
        return Val(out);
    }
    if (name == "startswith" || name == "endswith") {
        a.expect_no_more(1, name);
        if (a.positional.empty()) throw ValueError(name + "() takes at least 1 argument (0 given)");
        std::vector<std::string> options;
        if (a.positional[0].is_list()) {
            for (const auto& e : a.positional[0].json) options.push_back(str_arg(Val(e), name));
        } else {
            options.push_back(str_arg(a.positional[0], name));
        }
        for (const auto& o : options)
            if (name == "startswith" ? text::starts_with(s, o) : text::ends_with(s, o))
                return Val(Json(true));
        return Val(Json(false));
    }
    if (name == "replace") {
        a.expect_no_more(3, name);
        if (a.positional.size() < 2) throw ValueError("replace expected at least 2 arguments");
        std::int64_t count = a.positional.size() > 2 ? as_int(a.positional[2]) : -1;
        return Val(Json(text::replace(s, str_arg(a.positional[0], name),
                                      str_arg(a.positional[1], name), count)));
    }
    if (name == "count") {
        a.expect_no_more(1, name);
        if (a.positional.empty()) throw ValueError("count() takes at least 1 argument (0 given)");
        return Val(Json(static_cast<std::int64_t>(text::count(s, str_arg(a.positional[0], name)))));
    }
    if (name == "find") {
        a.expect_no_more(1, name);
        if (a.positional.empty()) throw ValueError("find() takes at least 1 argument (0 given)");
        auto f = s.find(str_arg(a.positional[0], name));
        return Val(Json(f == std::string::npos
                            ? std::int64_t{-1}
                            : static_cast<std::int64_t>(utf8_length(s.substr(0, f)))));
    }
    if (name == "join") {
        a.expect_no_more(1, name);
        if (a.positional.empty()) throw ValueError("join() takes exactly one argument (0 given)");
        std::string out;
        bool first = true;
        for (const auto& e : iterate(a.positional[0])) {
            if (!first) out += s;
            first = false;
            out += str_arg(e, "sequence item");
        }
        return Val(Json(out));
    }
    if (name == "isdigit" || name == "isalpha" || name == "isalnum" || name == "isspace" ||
        name == "isupper" || name == "islower") {
        a.expect_no_more(0, name);
        std::u32string u = utf8_decode(s);
        if (u.empty()) return Val(Json(false));
        bool cased = false;
        for (char32_t c : u) {
            bool digit = c >= '0' && c <= '9';
            bool alpha = text::to_upper(utf8_encode(std::u32string(1, c))) !=
                         text::to_lower(utf8_encode(std::u32string(1, c)));
            if (name == "isdigit" && !digit) return Val(Json(false));
            if (name == "isalpha" && !alpha) return Val(Json(false));
            if (name == "isalnum" && !alpha && !digit) return Val(Json(false));
            if (name == "isspace" && !text::is_space(c)) return Val(Json(false));
            if (alpha) {
                cased = true;
                std::string one = utf8_encode(std::u32string(1, c));
                if (name == "isupper" && text::to_upper(one) != one) return Val(Json(false));
                if (name == "islower" && text::to_lower(one) != one) return Val(Json(false));
            }
        }
        if (name == "isupper" || name == "islower") return Val(Json(cased));
        return Val(Json(true));
    }
    throw ValueError("'str' object has no attribute '" + name + "'");
}

Val dict_method(const Json& d, const std::string& name, CallArgs& a) {
    if (name == "items") {
        a.expect_no_more(0, name);
        Json out = Json::array();
        for (const auto& [k, v] : d.items()) out.push_back(Json::array({k, v}));
        return Val(out);
    }
    if (name == "keys") {
        a.expect_no_more(0, name);
        Json out = Json::array();
        for (const auto& [k, v] : d.items()) out.push_back(k);
        return Val(out);
    }
    if (name == "values") {
        a.expect_no_more(0, name);
        Json out = Json::array();
        for (const auto& [k, v] : d.items()) out.push_back(v);
        return Val(out);
    }
    // get
    a.expect_no_more(2, name);
    if (a.positional.empty()) throw ValueError("get expected at least 1 argument, got 0");
    Val dflt = a.positional.size() > 1 ? a.positional[1] : Val(Json(nullptr));
    if (!a.positional[0].is_string()) return dflt;
    auto it = d.find(a.positional[0].json.get<std::string>());
    return it == d.end() ? dflt : Val(*it);
}

Val list_method(const Json& l, const std::string& name, CallArgs& a) {
    a.expect_no_more(1, name);
    if (a.positional.empty()) throw ValueError(name + "() takes exactly one argument (0 given)");
    std::int64_t n = 0;
    for (std::size_t i = 0; i < l.size(); ++i) {
        if (equals(Val(l[i]), a.positional[0])) {
            if (name == "index") return Val(Json(static_cast<std::int64_t>(i)));
            ++n;
        }
    }
    if (name == "index")
        throw ValueError(repr(Renderer::to_json(a.positional[0])) + " is not in list");
    return Val(Json(n));
}

bool is_str_method(const std::string& n) {
    static const char* const names[] = {
        "upper", "lower",   "title",      "capitalize", "strip",   "lstrip",  "rstrip",
        "split", "rsplit",  "startswith", "endswith",   "replace", "count",   "find",
        "join",  "isdigit", "isalpha",    "isalnum",    "isspace", "isupper", "islower"};
    for (const char* m : names)
        if (n == m) return true;
    return false;
}

}  // namespace

std::optional<Val> bound_method(const Val& self, const std::string& name) {
    if (self.is_string() && is_str_method(name)) {
        std::string s = self.json.get<std::string>();
        return make_builtin(name,
                            [s, name](Renderer&, CallArgs& a) { return str_method(s, name, a); });
    }
    if (self.is_dict() &&
        (name == "items" || name == "keys" || name == "values" || name == "get")) {
        Json d = self.json;
        return make_builtin(name,
                            [d, name](Renderer&, CallArgs& a) { return dict_method(d, name, a); });
    }
    if (self.is_list() && (name == "index" || name == "count")) {
        Json l = self.json;
        return make_builtin(name,
                            [l, name](Renderer&, CallArgs& a) { return list_method(l, name, a); });
    }
    return std::nullopt;
}

}  // namespace autogen::codegen::jinja
