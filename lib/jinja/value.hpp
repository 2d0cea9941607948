// The values templates compute with. Data is JSON (nlohmann::ordered_json); on top of
// that come Jinja's Undefined (default or strict) and a few objects that are not data:
// macros, bound methods, namespaces, loop objects, imported modules. The helpers here
// give them Python's semantics: str(), repr(), truthiness, ==, <, arithmetic.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace autogen::codegen::jinja {

using Json = nlohmann::ordered_json;
class Object;

/// One value: undefined, JSON data, or an object.
struct Val {
    enum class Kind { Undefined, Data, Object };
    Kind kind = Kind::Undefined;
    Json json;                    ///< when Data
    std::shared_ptr<Object> obj;  ///< when Object
    std::string undefined_hint;   ///< when Undefined: "'x' is undefined" and the like
    bool strict = false;          ///< when Undefined: StrictUndefined (any use is an error)

    Val() = default;
    Val(Json j) : kind(Kind::Data), json(std::move(j)) {  // NOLINT: implicit on purpose
        if (json.is_binary()) from_marker();
    }
    explicit Val(std::shared_ptr<Object> o) : kind(Kind::Object), obj(std::move(o)) {}
    /// An Undefined whose use reports `hint`.
    static Val undefined(std::string hint, bool strict);

    bool is_undefined() const { return kind == Kind::Undefined; }
    bool is_data() const { return kind == Kind::Data; }
    bool is_object() const { return kind == Kind::Object; }
    bool is_none() const { return is_data() && json.is_null(); }
    bool is_string() const { return is_data() && json.is_string(); }
    bool is_bool() const { return is_data() && json.is_boolean(); }
    /// int in Python's sense, which includes bool.
    bool is_int() const { return is_data() && (json.is_number_integer() || json.is_boolean()); }
    bool is_float() const { return is_data() && json.is_number_float(); }
    bool is_number() const { return is_int() || is_float(); }
    bool is_list() const { return is_data() && json.is_array(); }
    bool is_dict() const { return is_data() && json.is_object(); }
    /// Throws ValueError (the undefined's message) when this is an Undefined.
    void require_defined() const;
    /// How an Undefined is stored inside a list or dict: a JSON binary value (which JSON
    /// text never produces) holding the hint, subtype 2 when strict.
    Json to_marker() const;

  private:
    void from_marker();
};

/// Positional and keyword arguments of a call.
struct CallArgs {
    std::vector<Val> positional;
    std::vector<std::pair<std::string, Val>> keyword;

    /// The argument at `index` or named `name`, removing it from the keywords; nullopt if absent.
    std::optional<Val> take(std::size_t index, const std::string& name);
    /// Throws ValueError when arguments beyond `max_positional` or unknown keywords remain.
    void expect_no_more(std::size_t max_positional, const std::string& what) const;
};

class Renderer;

/// A non-data value: something with attributes and/or that can be called.
class Object {
  public:
    virtual ~Object() = default;
    /// Python's type name, for messages ("macro", "namespace" ...).
    virtual std::string type_name() const = 0;
    /// The attribute `name`, or nullopt.
    virtual std::optional<Val> attribute(const std::string& name) const;
    /// Sets an attribute (namespaces only); false when not supported.
    virtual bool set_attribute(const std::string& name, Val value);
    /// The storage of an attribute, for in-place mutation (namespaces only); else nullptr.
    virtual Val* attribute_slot(const std::string&) { return nullptr; }
    virtual bool callable() const { return false; }
    /// Calls the object; only when callable().
    virtual Val call(Renderer& renderer, CallArgs& args);
    /// str() of the object.
    virtual std::string str() const;
};

// --- Python semantics ----------------------------------------------------------------

/// str(v): what {{ v }} prints.
std::string to_str(const Val& v);
/// repr(v) for data, as inside printed lists and dicts.
std::string repr(const Json& j);
/// Python's repr of a float ("1.0", "1e+16", "0.1").
std::string float_repr(double d);
/// bool(v).
bool truthy(const Val& v);
/// v == w.
bool equals(const Val& v, const Val& w);
/// v < w; throws ValueError for unorderable types.
bool less(const Val& v, const Val& w);
/// w in v (`needle in haystack`).
bool contains(const Val& haystack, const Val& needle);
/// Python type name of the value ("str", "int", "list", "dict", "NoneType" ...).
std::string type_name(const Val& v);

/// Guards a recursive walk over data (repr, ==, <, tojson): throws ValueError past
/// 500 levels, so that deeply nested context data cannot overflow the stack.
struct NestingGuard {
    NestingGuard();
    ~NestingGuard();
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;
};

/// Whether `j` nests deeper than `limit` lists/dicts (recursion bounded by `limit`).
bool nesting_exceeds(const Json& j, int limit);

/// v as int64 (ints and bools); throws ValueError otherwise.
std::int64_t as_int(const Val& v);
/// int(d) for a finite double; throws ValueError when it does not fit 64 bits.
std::int64_t truncate_to_int(double d);
/// v as double (ints, bools and floats); throws ValueError otherwise.
double as_double(const Val& v);

/// Arithmetic with Python's semantics: op is one of + - * / // % **.
Val arithmetic(const std::string& op, const Val& a, const Val& b);

/// The items of an iterable: list elements, dict keys, string characters; undefined is
/// empty (an error when strict); throws ValueError for non-iterables.
std::vector<Val> iterate(const Val& v);

// --- UTF-8 ---------------------------------------------------------------------------

/// Code points of a UTF-8 string (bad bytes become U+FFFD).
std::u32string utf8_decode(const std::string& s);
/// UTF-8 encoding of code points.
std::string utf8_encode(const std::u32string& s);
/// Number of code points.
std::size_t utf8_length(const std::string& s);

}  // namespace autogen::codegen::jinja
