// Expression evaluation: names, literals, attribute and item lookup with Jinja's
// getattr/getitem fallbacks, slicing, calls, filters and tests, the operators, and
// conversion of results back to JSON data.
#include "jinja/objects.hpp"
#include "jinja/renderer.hpp"

namespace autogen::codegen::jinja {

Json Renderer::to_json(const Val& v) {
    if (v.is_data()) return v.json;
    // Jinja keeps Undefined objects in lists ([missing], map(attribute=...) of a missing key)
    if (v.is_undefined()) return v.to_marker();
    throw ValueError("a " + v.obj->type_name() +
                     " cannot be stored in a list or dict (not supported)");
}

namespace {

std::string object_name(const Val& v) { return "'" + type_name(v) + " object'"; }

/// Python's slice index normalisation for a sequence of length n.
std::vector<std::size_t> slice_indices(std::int64_t n, std::optional<std::int64_t> start,
                                       std::optional<std::int64_t> stop, std::int64_t step) {
    if (step == 0) throw ValueError("slice step cannot be zero");
    // any |step| beyond the length selects at most one item: clamp (and keep -step valid)
    if (step > n + 1) step = n + 1;
    if (step < -n - 1) step = -n - 1;
    auto adjust = [&](std::optional<std::int64_t> v, std::int64_t dflt) -> std::int64_t {
        if (!v) return dflt;
        std::int64_t x = *v;
        if (x < 0) {
            x += n;
            if (x < 0) x = step < 0 ? -1 : 0;
        } else if (x >= n) {
            x = step < 0 ? n - 1 : n;
        }
        return x;
    };
    std::int64_t b = adjust(start, step < 0 ? n - 1 : 0);
    std::int64_t e = adjust(stop, step < 0 ? -1 : n);
    std::vector<std::size_t> out;
    // written so that a huge step cannot overflow
    if (step > 0) {
        for (std::int64_t i = b; i < e;) {
            out.push_back(static_cast<std::size_t>(i));
            if (e - i <= step) break;
            i += step;
        }
    } else {
        for (std::int64_t i = b; i > e;) {
            out.push_back(static_cast<std::size_t>(i));
            if (i - e <= -step) break;
            i += step;
        }
    }
    return out;
}

}  // namespace

Val Renderer::get_attribute(const Val& obj, const std::string& name) {
    if (obj.is_undefined()) throw ValueError(obj.undefined_hint);
    if (obj.is_object()) {
        if (auto v = obj.obj->attribute(name)) return *v;
        return undefined(object_name(obj) + " has no attribute '" + name + "'");
    }
    if (auto m = bound_method(obj, name)) return *m;
    if (obj.is_dict()) {
        auto it = obj.json.find(name);
        if (it != obj.json.end()) return Val(*it);
    }
    return undefined(object_name(obj) + " has no attribute '" + name + "'");
}

Val Renderer::get_item(const Val& obj, const Val& key) {
    if (obj.is_undefined()) throw ValueError(obj.undefined_hint);
    if (obj.is_dict()) {
        if (key.is_string()) {
            auto it = obj.json.find(key.json.get<std::string>());
            if (it != obj.json.end()) return Val(*it);
            return get_attribute(obj, key.json.get<std::string>());
        }
        return undefined(type_name(obj) + " object has no element " +
                         (key.is_data() ? repr(key.json) : to_str(key)));
    }
    if ((obj.is_list() || obj.is_string()) && key.is_int()) {
        std::int64_t i = as_int(key);
        if (obj.is_list()) {
            auto n = static_cast<std::int64_t>(obj.json.size());
            if (i < 0) i += n;
            if (i >= 0 && i < n) return Val(obj.json[static_cast<std::size_t>(i)]);
        } else {
            std::u32string s = utf8_decode(obj.json.get<std::string>());
            auto n = static_cast<std::int64_t>(s.size());
            if (i < 0) i += n;
            if (i >= 0 && i < n)
                return Val(Json(utf8_encode(s.substr(static_cast<std::size_t>(i), 1))));
        }
        return undefined(type_name(obj) + " object has no element " + std::to_string(as_int(key)));
    }
    if (key.is_string()) return get_attribute(obj, key.json.get<std::string>());
    if (obj.is_object()) return undefined(type_name(obj) + " object has no element " + to_str(key));
    return undefined(type_name(obj) + " object has no element " +
                     (key.is_data() ? repr(key.json) : to_str(key)));
}

Val Renderer::call(const Val& callee, CallArgs& args) {
    if (callee.is_undefined()) throw ValueError(callee.undefined_hint);
    if (!callee.is_object() || !callee.obj->callable())
        throw ValueError("'" + type_name(callee) + "' object is not callable");
    return callee.obj->call(*this, args);
}

Val Renderer::apply_filter_chain(const Expr& chain, const Val& input, Frame& frame) {
    Val in = input;
    if (!chain.items.empty() && chain.items[0] && chain.items[0]->kind == Expr::Kind::Filter)
        in = apply_filter_chain(*chain.items[0], input, frame);
    CallArgs args;
    for (std::size_t i = 1; i < chain.items.size(); ++i)
        args.positional.push_back(eval(*chain.items[i], frame));
    for (const auto& [k, v] : chain.kwargs) args.keyword.emplace_back(k, eval(*v, frame));
    return apply_filter(chain.name, in, args);
}

namespace {
bool is_list_mutator(const std::string& n) {
    return n == "append" || n == "extend" || n == "insert" || n == "pop" || n == "remove" ||
           n == "clear";
}
bool is_dict_mutator(const std::string& n) {
    return n == "update" || n == "pop" || n == "setdefault" || n == "clear";
}
}  // namespace

// Python lists and dicts are mutable and Jinja templates use that
// (`{% set _ = names.append(x) %}`). Our values are copies, so these methods are
// applied to the variable itself: a name, or a namespace attribute. Aliases made with
// `set y = x` are not updated (they are in Python) - a documented difference.
std::optional<Val> Renderer::call_mutator(const Expr& call, Frame& frame) {
    const Expr& callee = *call.items[0];
    if (callee.kind != Expr::Kind::GetAttr) return std::nullopt;
    const std::string& method = callee.name;
    if (!is_list_mutator(method) && !is_dict_mutator(method)) return std::nullopt;
    const Expr& target_expr = *callee.items[0];
    Val* target = nullptr;
    if (target_expr.kind == Expr::Kind::Name) {
        target = frame.scope->find_mutable(target_expr.name);
    } else if (target_expr.kind == Expr::Kind::GetAttr &&
               target_expr.items[0]->kind == Expr::Kind::Name) {
        Val* owner = frame.scope->find_mutable(target_expr.items[0]->name);
        if (owner != nullptr && owner->is_object())
            target = owner->obj->attribute_slot(target_expr.name);
    }
    if (target == nullptr || !(target->is_list() ? is_list_mutator(method)
                                                 : target->is_dict() && is_dict_mutator(method)))
        return std::nullopt;
    CallArgs a;
    for (std::size_t i = 1; i < call.items.size(); ++i)
        a.positional.push_back(eval(*call.items[i], frame));
    for (const auto& [k, v] : call.kwargs) a.keyword.emplace_back(k, eval(*v, frame));
    // the same guard as namespaces: mutation must not build data deep enough to overflow the stack
    for (const auto& v : a.positional)
        if (v.is_data() && nesting_exceeds(v.json, 199))
            throw ValueError("value nested too deeply (more than 200 levels)");
    Json& j = target->json;
    auto need = [&](std::size_t lo, std::size_t hi) {
        if (!a.keyword.empty() && method != "update")
            throw ValueError(method + "() takes no keyword arguments");
        if (a.positional.size() < lo || a.positional.size() > hi)
            throw ValueError(
                method + "() takes " +
                (lo == hi ? "exactly " + std::to_string(lo) : "at most " + std::to_string(hi)) +
                " argument" + (hi == 1 ? "" : "s") + " (" + std::to_string(a.positional.size()) +
                " given)");
    };
    Val none{Json(nullptr)};
    if (target->is_list()) {
        if (method == "append") {
            need(1, 1);
            j.push_back(to_json(a.positional[0]));
            tick();
        } else if (method == "extend") {
            need(1, 1);
            for (const auto& v : iterate(a.positional[0])) j.push_back(to_json(v));
            tick(j.size());
        } else if (method == "insert") {
            need(2, 2);
            auto n = static_cast<std::int64_t>(j.size());
            std::int64_t i = as_int(a.positional[0]);
            if (i < 0) i = std::max<std::int64_t>(0, i + n);
            if (i > n) i = n;
            j.insert(j.begin() + i, to_json(a.positional[1]));
        } else if (method == "pop") {
            need(0, 1);
            if (j.empty()) throw ValueError("pop from empty list");
            auto n = static_cast<std::int64_t>(j.size());
            std::int64_t i = a.positional.empty() ? n - 1 : as_int(a.positional[0]);
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw ValueError("pop index out of range");
            Val out{j[static_cast<std::size_t>(i)]};
            j.erase(j.begin() + i);
            return out;
        } else if (method == "remove") {
            need(1, 1);
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (equals(Val(*it), a.positional[0])) {
                    j.erase(it);
                    return none;
                }
            }
            throw ValueError("list.remove(x): x not in list");
        } else {
            need(0, 0);
            j.clear();
        }
        return none;
    }
    if (method == "update") {
        need(0, 1);
        if (!a.positional.empty()) {
            if (!a.positional[0].is_dict())
                throw ValueError("dict.update() argument must be a dict");
            for (const auto& [k, v] : a.positional[0].json.items()) j[k] = v;
        }
        for (const auto& [k, v] : a.keyword) j[k] = to_json(v);
        return none;
    }
    if (method == "clear") {
        need(0, 0);
        j.clear();
        return none;
    }
    need(1, 2);
    if (!a.positional[0].is_string())
        throw ValueError("dict keys other than strings are not supported");
    std::string key = a.positional[0].json.get<std::string>();
    auto it = j.find(key);
    if (method == "setdefault") {
        if (it != j.end()) return Val(*it);
        Json v = a.positional.size() > 1 ? to_json(a.positional[1]) : Json(nullptr);
        j[key] = v;
        return Val(v);
    }
    // pop
    if (it != j.end()) {
        Val out{*it};
        j.erase(it);
        return out;
    }
    if (a.positional.size() > 1) return a.positional[1];
    throw ValueError("KeyError: " + repr(Json(key)));
}

const Json* Renderer::data_path(const Expr& e, Frame& frame) {
    switch (e.kind) {
        case Expr::Kind::Name: {
            const Val* v = frame.scope->find(e.name);
            return v != nullptr && v->is_data() ? &v->json : nullptr;
        }
        case Expr::Kind::GetAttr: {
            const Json* base = data_path(*e.items[0], frame);
            if (base == nullptr || !base->is_object()) return nullptr;
            // dict methods win over keys of the same name (getattr before getitem)
            if (e.name == "items" || e.name == "keys" || e.name == "values" || e.name == "get")
                return nullptr;
            auto it = base->find(e.name);
            return it == base->end() ? nullptr : &*it;
        }
        case Expr::Kind::GetItem: {
            const Expr& key = *e.items[1];
            if (key.kind != Expr::Kind::Literal) return nullptr;
            const Json* base = data_path(*e.items[0], frame);
            if (base == nullptr) return nullptr;
            if (base->is_object() && key.literal.is_string()) {
                auto it = base->find(key.literal.get<std::string>());
                return it == base->end() ? nullptr : &*it;
            }
            if (base->is_array() && key.literal.is_number_integer()) {
                auto n = static_cast<std::int64_t>(base->size());
                std::int64_t i = key.literal.get<std::int64_t>();
                if (i < 0) i += n;
                return i >= 0 && i < n ? &(*base)[static_cast<std::size_t>(i)] : nullptr;
            }
            return nullptr;
        }
        default:
            return nullptr;
    }
}

Val Renderer::eval(const Expr& e, Frame& frame) {
    try {
        if (e.kind == Expr::Kind::GetAttr || e.kind == Expr::Kind::GetItem) {
            // fast path: copy only the value reached, not every container on the way
            if (const Json* p = data_path(e, frame)) return Val(*p);
        }
        switch (e.kind) {
            case Expr::Kind::Literal:
                return Val(e.literal);
            case Expr::Kind::Name: {
                if (const Val* v = frame.scope->find(e.name)) return *v;
                return undefined("'" + e.name + "' is undefined");
            }
            case Expr::Kind::List:
            case Expr::Kind::Tuple: {
                Json out = Json::array();
                for (const auto& i : e.items) out.push_back(to_json(eval(*i, frame)));
                return Val(out);
            }
            case Expr::Kind::Dict: {
                Json out = Json::object();
                for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
                    Val k = eval(*e.items[i], frame);
                    Val v = eval(*e.items[i + 1], frame);
                    if (!k.is_string())
                        throw ValueError("dict keys other than strings are not supported");
                    out[k.json.get<std::string>()] = to_json(v);
                }
                return Val(out);
            }
            case Expr::Kind::GetAttr:
                return get_attribute(eval(*e.items[0], frame), e.name);
            case Expr::Kind::GetItem: {
                Val obj = eval(*e.items[0], frame);
                return get_item(obj, eval(*e.items[1], frame));
            }
            case Expr::Kind::Slice: {
                Val obj = eval(*e.items[0], frame);
                auto slot = [&](std::size_t i) -> std::optional<std::int64_t> {
                    if (!e.items[i]) return std::nullopt;
                    Val v = eval(*e.items[i], frame);
                    if (v.is_none()) return std::nullopt;
                    return as_int(v);
                };
                auto start = slot(1), stop = slot(2), step = slot(3);
                obj.require_defined();
                if (obj.is_list()) {
                    Json out = Json::array();
                    for (auto i : slice_indices(static_cast<std::int64_t>(obj.json.size()), start,
                                                stop, step.value_or(1)))
                        out.push_back(obj.json[i]);
                    return Val(out);
                }
                if (obj.is_string()) {
                    std::u32string s = utf8_decode(obj.json.get<std::string>()), out;
                    for (auto i : slice_indices(static_cast<std::int64_t>(s.size()), start, stop,
                                                step.value_or(1)))
                        out += s[i];
                    return Val(Json(utf8_encode(out)));
                }
                return undefined(type_name(obj) + " object has no element slice");
            }
            case Expr::Kind::Call: {
                if (auto mutated = call_mutator(e, frame)) return *mutated;
                Val callee = eval(*e.items[0], frame);
                CallArgs args;
                for (std::size_t i = 1; i < e.items.size(); ++i)
                    args.positional.push_back(eval(*e.items[i], frame));
                for (const auto& [k, v] : e.kwargs) args.keyword.emplace_back(k, eval(*v, frame));
                return call(callee, args);
            }
            case Expr::Kind::Filter: {
                Val input = eval(*e.items[0], frame);
                CallArgs args;
                for (std::size_t i = 1; i < e.items.size(); ++i)
                    args.positional.push_back(eval(*e.items[i], frame));
                for (const auto& [k, v] : e.kwargs) args.keyword.emplace_back(k, eval(*v, frame));
                return apply_filter(e.name, input, args);
            }
            case Expr::Kind::Test: {
                Val input = eval(*e.items[0], frame);
                CallArgs args;
                for (std::size_t i = 1; i < e.items.size(); ++i)
                    args.positional.push_back(eval(*e.items[i], frame));
                for (const auto& [k, v] : e.kwargs) args.keyword.emplace_back(k, eval(*v, frame));
                bool r = apply_test(e.name, input, args);
                return Val(Json(e.negated ? !r : r));
            }
            case Expr::Kind::Unary: {
                Val v = eval(*e.items[0], frame);
                if (e.name == "not") return Val(Json(!truthy(v)));
                v.require_defined();
                if (!v.is_number())
                    throw ValueError("bad operand type for unary " + e.name + ": '" + type_name(v) +
                                     "'");
                if (e.name == "+") return v.is_bool() ? Val(Json(as_int(v))) : v;
                if (v.is_float()) return Val(Json(-v.json.get<double>()));
                return arithmetic("-", Val(Json(0)), v);
            }
            case Expr::Kind::Binary: {
                if (e.name == "and") {
                    Val l = eval(*e.items[0], frame);
                    return truthy(l) ? eval(*e.items[1], frame) : l;
                }
                if (e.name == "or") {
                    Val l = eval(*e.items[0], frame);
                    return truthy(l) ? l : eval(*e.items[1], frame);
                }
                Val l = eval(*e.items[0], frame);
                Val r = eval(*e.items[1], frame);
                if (e.name == "~") return Val(Json(to_str(l) + to_str(r)));
                return arithmetic(e.name, l, r);
            }
            case Expr::Kind::Compare: {
                Val left = eval(*e.items[0], frame);
                for (std::size_t i = 0; i < e.ops.size(); ++i) {
                    Val right = eval(*e.items[i + 1], frame);
                    const std::string& op = e.ops[i];
                    bool ok;
                    if (op == "==")
                        ok = equals(left, right);
                    else if (op == "!=")
                        ok = !equals(left, right);
                    else if (op == "<")
                        ok = less(left, right);
                    else if (op == ">")
                        ok = less(right, left);
                    else if (op == "<=")
                        ok = !less(right, left);
                    else if (op == ">=")
                        ok = !less(left, right);
                    else if (op == "in")
                        ok = contains(right, left);
                    else
                        ok = !contains(right, left);
                    if (!ok) return Val(Json(false));
                    left = std::move(right);
                }
                return Val(Json(true));
            }
            case Expr::Kind::CondExpr: {
                if (truthy(eval(*e.items[0], frame))) return eval(*e.items[1], frame);
                if (e.items[2]) return eval(*e.items[2], frame);
                // Jinja uses the plain Undefined here even under StrictUndefined
                return Val::undefined("the inline if-expression on line " +
                                          std::to_string(e.pos.line) +
                                          " evaluated to false and no else section was defined.",
                                      false);
            }
        }
    } catch (const ValueError& err) {
        throw TemplateError(frame.tmpl->name, e.pos, err.what());
    }
    return Val();
}

}  // namespace autogen::codegen::jinja
