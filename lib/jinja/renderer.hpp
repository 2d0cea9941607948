// The renderer: walks a parsed Template with a context and produces text. Owns the
// template cache for one top-level render, the scopes, the block table of template
// inheritance, and the depth and size guards that keep a bad template from crashing
// or hanging the process. Statements live in renderer.cpp, expressions in evaluate.cpp.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jinja/ast.hpp"
#include "jinja/environment.hpp"
#include "jinja/value.hpp"

namespace autogen::codegen::jinja {

class Macro;

/// Variables of one frame; lookups fall through to the parent.
struct Scope {
    std::unordered_map<std::string, Val> vars;
    std::vector<std::string> order;  ///< assignment order (for module exports)
    std::shared_ptr<Scope> parent;

    explicit Scope(std::shared_ptr<Scope> up = nullptr) : parent(std::move(up)) {}
    /// The variable, here or in a parent; nullptr if none.
    const Val* find(const std::string& name) const;
    /// The variable for in-place mutation (list.append ...); nullptr if none.
    Val* find_mutable(const std::string& name);
    /// Assigns in this frame.
    void set(const std::string& name, Val v);
};

/// A block definition and the template it belongs to.
struct BlockRef {
    const Stmt* stmt = nullptr;
    const Template* tmpl = nullptr;
};

/// The state of one template render with its inheritance chain.
struct RenderContext {
    std::shared_ptr<Scope> root;                          ///< context + top-level assignments
    std::map<std::string, std::vector<BlockRef>> blocks;  ///< most derived first
    const Template* parent = nullptr;                     ///< set by {% extends %}
};

/// Where statements execute: the scope, the render context and the template (for
/// messages and relative behaviour).
struct Frame {
    std::shared_ptr<Scope> scope;
    RenderContext* ctx = nullptr;
    const Template* tmpl = nullptr;
    bool toplevel = false;  ///< template level: output is dropped once the template extends another
};

/// Renders templates for one Environment call.
class Renderer {
  public:
    Renderer(const std::vector<std::filesystem::path>& search_path, const Options& options)
        : search_path_(search_path), options_(options) {}
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Keeps track of a macro so that its closure can be released with the renderer
    /// (a macro lives in the scope it closes over: a reference cycle otherwise).
    void adopt(std::shared_ptr<Macro> macro) { macros_.push_back(std::move(macro)); }

    /// Renders `tmpl` (already parsed and validated) with `context`.
    std::string render_main(const Template& tmpl, const Json& context);
    /// Parses and validates `source`; throws TemplateError.
    std::shared_ptr<Template> compile(const std::string& source, const std::string& name) const;
    /// Finds, parses and caches the template `name`; throws ValueError if not found.
    /// When `from` has that same name (a project's revision.sql.j2 extending the
    /// built-in one), the search starts after the folder `from` came from.
    const Template& load(const std::string& name, const Template* from = nullptr);

    // --- statements (renderer.cpp)
    void exec(const Body& body, Frame& frame, std::string& out);
    void exec_stmt(const Stmt& s, Frame& frame, std::string& out);
    /// Renders `tmpl` and its parents into `out` with `ctx`.
    void render_template(const Template& tmpl, RenderContext& ctx, std::string& out);
    /// Renders the block chain entry `index` of block `name`; its body sees the variables
    /// of `base` (the template context, or the enclosing locals of a scoped block).
    void render_block(const std::string& name, std::size_t index,
                      const std::shared_ptr<Scope>& base, RenderContext* ctx, std::string& out);

    // --- expressions (evaluate.cpp)
    Val eval(const Expr& e, Frame& frame);
    Val get_attribute(const Val& obj, const std::string& name);
    /// For a name, `a.b` or `a['k']`/`a[0]` chain over plain data: a pointer to the data
    /// in place (no copy), or nullptr when the normal evaluation must decide.
    const Json* data_path(const Expr& e, Frame& frame);
    Val get_item(const Val& obj, const Val& key);
    /// Calls a callable value.
    Val call(const Val& callee, CallArgs& args);
    /// Applies the filter named `name`.
    Val apply_filter(const std::string& name, const Val& input, CallArgs& args);
    /// Runs the test named `name`.
    bool apply_test(const std::string& name, const Val& input, CallArgs& args);
    /// Applies a parsed filter chain whose innermost input is `input`.
    Val apply_filter_chain(const Expr& chain, const Val& input, Frame& frame);
    /// Converts a value to JSON for storing in lists/dicts; throws for objects.
    static Json to_json(const Val& v);

    const Options& options() const { return options_; }
    bool strict() const { return options_.strict_undefined; }
    Val undefined(std::string hint) const {
        return Val::undefined(std::move(hint), options_.strict_undefined);
    }
    /// The global functions (range, namespace, dict ...).
    std::shared_ptr<Scope> globals();

    /// Recursion guard for macro calls, includes and blocks.
    struct Depth {
        Renderer& r;
        explicit Depth(Renderer& renderer);
        ~Depth() { --r.depth_; }
    };
    /// Counts work (loop iterations, output growth); throws when a template runs away.
    void tick(std::size_t amount = 1);
    /// Checks that an output buffer stays within bounds.
    void check_output(const std::string& out) const;

  private:
    void exec_for(const Stmt& s, Frame& frame, std::string& out);
    void exec_set(const Stmt& s, Frame& frame);
    void exec_include(const Stmt& s, Frame& frame, std::string& out);
    std::shared_ptr<Object> import_module(const Stmt& s, Frame& frame);
    void assign_targets(const Stmt& s, Scope& scope, const Val& value);
    /// `x.append(v)` and the other in-place list/dict methods; nullopt when `call` is not one.
    std::optional<Val> call_mutator(const Expr& call, Frame& frame);

    const std::vector<std::filesystem::path>& search_path_;
    const Options& options_;
    std::map<std::string, std::shared_ptr<Template>> cache_;
    std::vector<std::unique_ptr<RenderContext>>
        contexts_;  // kept alive for macros that outlive a render
    std::shared_ptr<Scope> globals_;
    std::vector<std::shared_ptr<Macro>> macros_;
    int depth_ = 0;
    std::size_t work_ = 0;
};

/// Checks that every filter and test named in `tmpl` exists (Jinja checks at compile
/// time); throws TemplateError at the first unknown one.
void validate_template(const Template& tmpl);
/// Whether a filter / test of that name exists.
bool has_filter(const std::string& name);
bool has_test(const std::string& name);

}  // namespace autogen::codegen::jinja
