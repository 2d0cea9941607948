// Sequence filters: join, length, first, last, select/reject(attr), map, sort, list,
// reverse, dictsort, sum, min, max, unique, batch, slice, items, attr.
#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "jinja/filters.hpp"
#include "jinja/objects.hpp"
#include "jinja/text.hpp"

namespace autogen::codegen::jinja {

Val lookup_path(Renderer& r, const Val& item, const Val& path) {
    if (path.is_int()) return r.get_item(item, path);
    std::string p = to_str(path);
    Val cur = item;
    std::string sep = ".";
    for (const auto& part : text::split(p, &sep)) {
        bool digits = !part.empty() && std::all_of(part.begin(), part.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
        if (digits && part.size() > 18) throw ValueError("index too large: " + part);
        cur = digits ? r.get_item(cur, Val(Json(static_cast<std::int64_t>(std::stoll(part)))))
                     : r.get_item(cur, Val(Json(part)));
    }
    return cur;
}

namespace {

Json as_list(const Val& v) {
    Json out = Json::array();
    for (const auto& e : iterate(v)) out.push_back(Renderer::to_json(e));
    return out;
}

Val f_join(Renderer& r, const Val& in, CallArgs& a) {
    auto d = a.take(0, "d");
    auto attribute = a.take(1, "attribute");
    a.expect_no_more(2, "join");
    std::string sep = d ? to_str(*d) : "";
    std::string out;
    bool first = true;
    for (const auto& e : iterate(in)) {
        if (!first) out += sep;
        first = false;
        out += to_str(attribute && !attribute->is_none() ? lookup_path(r, e, *attribute) : e);
        r.check_output(out);
    }
    return Val(Json(out));
}

Val f_length(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "length");
    if (in.is_undefined()) {
        if (in.strict) throw ValueError(in.undefined_hint);
        return Val(Json(0));
    }
    if (in.is_string())
        return Val(Json(static_cast<std::int64_t>(utf8_length(in.json.get<std::string>()))));
    if (in.is_list() || in.is_dict()) return Val(Json(static_cast<std::int64_t>(in.json.size())));
    throw ValueError("object of type '" + type_name(in) + "' has no len()");
}

Val f_first(Renderer& r, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "first");
    auto items = iterate(in);
    if (items.empty()) return r.undefined("No first item, sequence was empty.");
    return items.front();
}

Val f_last(Renderer& r, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "last");
    auto items = iterate(in);
    if (items.empty()) return r.undefined("No last item, sequence was empty.");
    return items.back();
}

Val f_list(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "list");
    return Val(as_list(in));
}

Val f_reverse(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "reverse");
    if (in.is_string()) {
        std::u32string s = utf8_decode(in.json.get<std::string>());
        std::reverse(s.begin(), s.end());
        return Val(Json(utf8_encode(s)));
    }
    Json l = as_list(in);
    std::reverse(l.begin(), l.end());
    return Val(l);
}

Val f_items(Renderer&, const Val& in, CallArgs& a) {
    a.expect_no_more(0, "items");
    if (in.is_undefined()) {
        in.require_defined();
        return Val(Json::array());
    }
    if (!in.is_dict()) throw ValueError("Can only get item pairs from a mapping.");
    Json out = Json::array();
    for (const auto& [k, v] : in.json.items()) out.push_back(Json::array({k, v}));
    return Val(out);
}

Val f_attr(Renderer& r, const Val& in, CallArgs& a) {
    auto name = a.take(0, "name");
    a.expect_no_more(1, "attr");
    if (!name) throw ValueError("attr() missing required argument 'name'");
    std::string n = to_str(*name);
    if (in.is_object()) {
        if (auto v = in.obj->attribute(n)) return *v;
    } else if (in.is_data()) {
        if (auto m = bound_method(in, n)) return *m;
    } else {
        in.require_defined();
    }
    return r.undefined("'" + type_name(in) + " object' has no attribute '" + n + "'");
}

/// select/reject/selectattr/rejectattr: `attr` says whether the first argument names an attribute.
Val select_impl(Renderer& r, const Val& in, CallArgs& a, bool attr, bool keep_when) {
    std::vector<Val> pos = a.positional;
    std::size_t k = 0;
    std::optional<Val> attribute;
    if (attr) {
        if (pos.empty()) throw ValueError("Missing parameter for attribute name");
        attribute = pos[k++];
    }
    std::string test;
    if (k < pos.size()) test = to_str(pos[k++]);
    CallArgs test_args;
    for (; k < pos.size(); ++k) test_args.positional.push_back(pos[k]);
    test_args.keyword = a.keyword;
    if (!test.empty() && !has_test(test)) throw ValueError("No test named '" + test + "'.");
    Json out = Json::array();
    for (const auto& item : iterate(in)) {
        r.tick();
        Val v = attribute ? lookup_path(r, item, *attribute) : item;
        bool ok;
        if (test.empty()) {
            ok = truthy(v);
        } else {
            CallArgs copy = test_args;
            ok = r.apply_test(test, v, copy);
        }
        if (ok == keep_when) out.push_back(Renderer::to_json(item));
    }
    return Val(out);
}

Val f_select(Renderer& r, const Val& in, CallArgs& a) { return select_impl(r, in, a, false, true); }
Val f_reject(Renderer& r, const Val& in, CallArgs& a) {
    return select_impl(r, in, a, false, false);
}
Val f_selectattr(Renderer& r, const Val& in, CallArgs& a) {
    return select_impl(r, in, a, true, true);
}
Val f_rejectattr(Renderer& r, const Val& in, CallArgs& a) {
    return select_impl(r, in, a, true, false);
}

Val f_map(Renderer& r, const Val& in, CallArgs& a) {
    Json out = Json::array();
    auto attribute = a.take(std::size_t(-1), "attribute");
    if (attribute) {
        auto dflt = a.take(std::size_t(-1), "default");
        a.expect_no_more(0, "map");
        for (const auto& item : iterate(in)) {
            r.tick();
            Val v = lookup_path(r, item, *attribute);
            if (v.is_undefined() && dflt) v = *dflt;
            out.push_back(Renderer::to_json(v));
        }
        return Val(out);
    }
    if (a.positional.empty()) throw ValueError("map requires a filter argument");
    std::string filter = to_str(a.positional[0]);
    if (!has_filter(filter)) throw ValueError("No filter named '" + filter + "'.");
    CallArgs rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const auto& item : iterate(in)) {
        r.tick();
        CallArgs copy = rest;
        out.push_back(Renderer::to_json(r.apply_filter(filter, item, copy)));
    }
    return Val(out);
}

/// The sort key of an item: attribute paths (comma-separated), lowercased strings
/// unless case-sensitive.
Json sort_key(Renderer& r, const Val& item, const std::vector<std::string>& attrs,
              bool case_sensitive) {
    auto fold = [&](Val v) -> Json {
        Json j = Renderer::to_json(v);
        if (!case_sensitive && j.is_string()) return text::to_lower(j.get<std::string>());
        return j;
    };
    if (attrs.empty()) return fold(item);
    if (attrs.size() == 1) return fold(lookup_path(r, item, Val(Json(attrs[0]))));
    Json key = Json::array();
    for (const auto& at : attrs) key.push_back(fold(lookup_path(r, item, Val(Json(at)))));
    return key;
}

std::vector<std::string> attr_list(const std::optional<Val>& attribute) {
    std::vector<std::string> out;
    if (!attribute || attribute->is_none()) return out;
    if (attribute->is_int()) return {to_str(*attribute)};
    std::string sep = ",";
    for (auto& p : text::split(to_str(*attribute), &sep)) out.push_back(text::strip(p, true, true));
    return out;
}

Val f_sort(Renderer& r, const Val& in, CallArgs& a) {
    auto reverse = a.take(0, "reverse");
    auto cs = a.take(1, "case_sensitive");
    auto attribute = a.take(2, "attribute");
    a.expect_no_more(3, "sort");
    auto attrs = attr_list(attribute);
    bool case_sensitive = cs && truthy(*cs);
    std::vector<std::pair<Json, Val>> keyed;
    for (const auto& item : iterate(in))
        keyed.emplace_back(sort_key(r, item, attrs, case_sensitive), item);
    bool rev = reverse && truthy(*reverse);
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
        return rev ? less(Val(y.first), Val(x.first)) : less(Val(x.first), Val(y.first));
    });
    Json out = Json::array();
    for (auto& [k, v] : keyed) out.push_back(Renderer::to_json(v));
    return Val(out);
}

Val f_dictsort(Renderer&, const Val& in, CallArgs& a) {
    auto cs = a.take(0, "case_sensitive");
    auto by = a.take(1, "by");
    auto reverse = a.take(2, "reverse");
    a.expect_no_more(3, "dictsort");
    in.require_defined();
    if (!in.is_dict()) throw ValueError("'" + type_name(in) + "' object has no attribute 'items'");
    std::string b = by ? to_str(*by) : "key";
    if (b != "key" && b != "value")
        throw ValueError("You can only sort by either \"key\" or \"value\"");
    bool case_sensitive = cs && truthy(*cs);
    bool rev = reverse && truthy(*reverse);
    std::vector<std::pair<Json, Json>> items;
    for (const auto& [k, v] : in.json.items()) items.emplace_back(k, v);
    auto key = [&](const std::pair<Json, Json>& p) {
        Json j = b == "key" ? p.first : p.second;
        if (!case_sensitive && j.is_string()) return Json(text::to_lower(j.get<std::string>()));
        return j;
    };
    std::stable_sort(items.begin(), items.end(), [&](const auto& x, const auto& y) {
        return rev ? less(Val(key(y)), Val(key(x))) : less(Val(key(x)), Val(key(y)));
    });
    Json out = Json::array();
    for (auto& [k, v] : items) out.push_back(Json::array({k, v}));
    return Val(out);
}

Val f_sum(Renderer& r, const Val& in, CallArgs& a) {
    auto attribute = a.take(0, "attribute");
    auto start = a.take(1, "start");
    a.expect_no_more(2, "sum");
    Val total = start ? *start : Val(Json(0));
    for (const auto& item : iterate(in)) {
        Val v = attribute && !attribute->is_none() ? lookup_path(r, item, *attribute) : item;
        total = arithmetic("+", total, v);
    }
    return total;
}

Val min_max(Renderer& r, const Val& in, CallArgs& a, bool want_max, const char* name) {
    auto cs = a.take(0, "case_sensitive");
    auto attribute = a.take(1, "attribute");
    a.expect_no_more(2, name);
    auto attrs = attr_list(attribute);
    bool case_sensitive = cs && truthy(*cs);
    auto items = iterate(in);
    if (items.empty()) return r.undefined("No aggregated item, sequence was empty.");
    std::size_t best = 0;
    Json best_key = sort_key(r, items[0], attrs, case_sensitive);
    for (std::size_t i = 1; i < items.size(); ++i) {
        Json k = sort_key(r, items[i], attrs, case_sensitive);
        if (want_max ? less(Val(best_key), Val(k)) : less(Val(k), Val(best_key))) {
            best = i;
            best_key = k;
        }
    }
    return items[best];
}

Val f_min(Renderer& r, const Val& in, CallArgs& a) { return min_max(r, in, a, false, "min"); }
Val f_max(Renderer& r, const Val& in, CallArgs& a) { return min_max(r, in, a, true, "max"); }

/// The bucket of a `unique` key: equal keys (in Python's sense) get the same one.
std::string unique_bucket(const Json& k) {
    if (k.is_string()) return "s" + k.get<std::string>();
    if (k.is_number() || k.is_boolean()) {
        double d = k.is_boolean() ? (k.get<bool>() ? 1.0 : 0.0) : k.get<double>();
        if (d == 0) d = 0;  // -0.0 == 0.0
        char bits[sizeof d];
        std::memcpy(bits, &d, sizeof d);
        return "n" + std::string(bits, sizeof d);
    }
    return "o";  // lists, dicts, none: one bucket, compared one by one
}

Val f_unique(Renderer& r, const Val& in, CallArgs& a) {
    auto cs = a.take(0, "case_sensitive");
    auto attribute = a.take(1, "attribute");
    a.expect_no_more(2, "unique");
    auto attrs = attr_list(attribute);
    bool case_sensitive = cs && truthy(*cs);
    // Keys seen so far, in buckets that Python-equal keys always share (1, 1.0 and True
    // alike), so each item is compared with a few keys instead of all of them.
    std::unordered_map<std::string, std::vector<Json>> seen;
    Json out = Json::array();
    for (const auto& item : iterate(in)) {
        Json k = sort_key(r, item, attrs, case_sensitive);
        std::vector<Json>& bucket = seen[unique_bucket(k)];
        bool dup = false;
        for (const auto& s : bucket) {
            if (equals(Val(s), Val(k))) {
                dup = true;
                break;
            }
        }
        if (dup) continue;
        bucket.push_back(std::move(k));
        out.push_back(Renderer::to_json(item));
    }
    return Val(out);
}

Val f_batch(Renderer&, const Val& in, CallArgs& a) {
    auto count = a.take(0, "linecount");
    auto fill = a.take(1, "fill_with");
    a.expect_no_more(2, "batch");
    if (!count) throw ValueError("batch() missing required argument 'linecount'");
    std::int64_t n = as_int(*count);
    if (n <= 0) throw ValueError("batch size must be positive");
    Json out = Json::array(), cur = Json::array();
    for (const auto& item : iterate(in)) {
        if (static_cast<std::int64_t>(cur.size()) == n) {
            out.push_back(cur);
            cur = Json::array();
        }
        cur.push_back(Renderer::to_json(item));
    }
    if (!cur.empty()) {
        if (fill && !fill->is_none())
            while (static_cast<std::int64_t>(cur.size()) < n)
                cur.push_back(Renderer::to_json(*fill));
        out.push_back(cur);
    }
    return Val(out);
}

Val f_slice(Renderer&, const Val& in, CallArgs& a) {
    auto slices = a.take(0, "slices");
    auto fill = a.take(1, "fill_with");
    a.expect_no_more(2, "slice");
    if (!slices) throw ValueError("slice() missing required argument 'slices'");
    std::int64_t n = as_int(*slices);
    if (n <= 0) throw ValueError("slice count must be positive");
    Json seq = as_list(in);
    auto length = static_cast<std::int64_t>(seq.size());
    std::int64_t per = length / n, extra = length % n, offset = 0;
    Json out = Json::array();
    for (std::int64_t i = 0; i < n; ++i) {
        std::int64_t start = offset + i * per;
        if (i < extra) ++offset;
        std::int64_t end = offset + (i + 1) * per;
        Json part = Json::array();
        for (std::int64_t k = start; k < end; ++k) part.push_back(seq[static_cast<std::size_t>(k)]);
        if (fill && !fill->is_none() && i >= extra) part.push_back(Renderer::to_json(*fill));
        out.push_back(part);
    }
    return Val(out);
}

}  // namespace

void add_sequence_filters(std::map<std::string, FilterFn>& t) {
    t["join"] = f_join;
    t["length"] = f_length;
    t["count"] = f_length;
    t["first"] = f_first;
    t["last"] = f_last;
    t["list"] = f_list;
    t["reverse"] = f_reverse;
    t["items"] = f_items;
    t["attr"] = f_attr;
    t["select"] = f_select;
    t["reject"] = f_reject;
    t["selectattr"] = f_selectattr;
    t["rejectattr"] = f_rejectattr;
    t["map"] = f_map;
    t["sort"] = f_sort;
    t["dictsort"] = f_dictsort;
    t["sum"] = f_sum;
    t["min"] = f_min;
    t["max"] = f_max;
    t["unique"] = f_unique;
    t["batch"] = f_batch;
    t["slice"] = f_slice;
}

}  // namespace autogen::codegen::jinja
