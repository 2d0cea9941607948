// The non-data values: macros (and `caller`), bound methods and global functions,
// namespaces, the loop object, imported template modules and super().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "jinja/renderer.hpp"
#include "jinja/value.hpp"

namespace autogen::codegen::jinja {

/// A built-in function or a method bound to its value.
class Builtin : public Object {
  public:
    using Fn = std::function<Val(Renderer&, CallArgs&)>;
    Builtin(std::string name, Fn fn) : name_(std::move(name)), fn_(std::move(fn)) {}
    std::string type_name() const override { return "builtin_function_or_method"; }
    bool callable() const override { return true; }
    Val call(Renderer& r, CallArgs& args) override { return fn_(r, args); }
    std::string str() const override { return "<built-in function " + name_ + ">"; }

  private:
    std::string name_;
    Fn fn_;
};

/// {% macro %} or the `caller` of a {% call %} block.
class Macro : public Object {
  public:
    Macro(std::string name, const std::vector<Param>* params, const Body* body, Frame closure,
          std::shared_ptr<Object> caller = nullptr)
        : name_(std::move(name)),
          params_(params),
          body_(body),
          closure_(std::move(closure)),
          caller_(std::move(caller)) {}
    std::string type_name() const override { return "Macro"; }
    bool callable() const override { return true; }
    Val call(Renderer& r, CallArgs& args) override;
    std::string str() const override { return "<Macro '" + name_ + "'>"; }
    std::optional<Val> attribute(const std::string& name) const override;
    /// Drops the closure (breaks the scope <-> macro cycle when rendering is over).
    void release() { closure_.scope.reset(); }

  private:
    std::string name_;
    const std::vector<Param>* params_;
    const Body* body_;
    Frame closure_;
    std::shared_ptr<Object> caller_;
};

/// namespace(...): the one mutable object templates have.
class Namespace : public Object {
  public:
    std::string type_name() const override { return "Namespace"; }
    std::optional<Val> attribute(const std::string& name) const override;
    bool set_attribute(const std::string& name, Val value) override;
    Val* attribute_slot(const std::string& name) override;
    std::string str() const override;

    std::vector<std::pair<std::string, Val>> attrs;
};

/// The `loop` variable of a for loop.
class LoopObject : public Object, public std::enable_shared_from_this<LoopObject> {
  public:
    explicit LoopObject(std::vector<Val> items) : items_(std::move(items)) {}
    std::string type_name() const override { return "LoopContext"; }
    std::optional<Val> attribute(const std::string& name) const override;
    std::string str() const override {
        return "<LoopContext " + std::to_string(index + 1) + "/" + std::to_string(items_.size()) +
               ">";
    }

    std::size_t index = 0;  ///< 0-based position of the current item
    /// The items looped over.
    const Val& item(std::size_t i) const { return items_[i]; }
    std::size_t size() const { return items_.size(); }

  private:
    std::vector<Val> items_;
    // loop.changed(): the arguments of its last call; the loop object is shared by the
    // body's frames and mutated per iteration, as Jinja's LoopContext is
    Json last_changed_;
    bool has_last_changed_ = false;
};

/// `self` in a template: self.blockname() renders that block.
class SelfRef : public Object {
  public:
    explicit SelfRef(RenderContext* ctx) : ctx_(ctx) {}
    std::string type_name() const override { return "TemplateReference"; }
    std::optional<Val> attribute(const std::string& name) const override;

  private:
    RenderContext* ctx_;
};

/// An imported template: its exported macros and top-level variables.
class Module : public Object {
  public:
    explicit Module(std::string name) : name_(std::move(name)) {}
    std::string type_name() const override { return "TemplateModule"; }
    std::optional<Val> attribute(const std::string& name) const override;
    std::string str() const override { return body; }

    std::map<std::string, Val> exports;
    std::string body;  ///< the rendered text (str(module))

  private:
    std::string name_;
};

/// Registers the global functions (range, namespace, dict, lipsum-free subset) in `scope`.
void add_globals(Scope& scope);

/// The method `name` of a str/dict/list value, bound to it; nullopt if there is none.
std::optional<Val> bound_method(const Val& self, const std::string& name);

}  // namespace autogen::codegen::jinja
