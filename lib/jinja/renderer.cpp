// Statement execution: text and {{ }} output, if/for/set/with, macros and call blocks,
// include/import, and template inheritance (extends, blocks, super()).
#include "jinja/renderer.hpp"

#include <fstream>
#include <sstream>

#include "jinja/objects.hpp"
#include "jinja/parser.hpp"

namespace autogen::codegen::jinja {

namespace {
constexpr int kMaxDepth = 100;                          // macro calls, includes, blocks, imports
constexpr std::size_t kMaxWork = 50'000'000;            // loop iterations and similar steps
constexpr std::size_t kMaxOutput = 256u * 1024 * 1024;  // bytes of one buffer

std::string tuple_repr(const Json& items) {
    std::string out = "(";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out += ", ";
        out += repr(items[i]);
    }
    if (items.size() == 1) out += ",";
    return out + ")";
}
}  // namespace

Renderer::~Renderer() {
    for (auto& m : macros_) m->release();
}

const Val* Scope::find(const std::string& name) const {
    for (const Scope* s = this; s != nullptr; s = s->parent.get()) {
        auto it = s->vars.find(name);
        if (it != s->vars.end()) return &it->second;
    }
    return nullptr;
}

Val* Scope::find_mutable(const std::string& name) {
    for (Scope* s = this; s != nullptr; s = s->parent.get()) {
        auto it = s->vars.find(name);
        if (it != s->vars.end()) return &it->second;
    }
    return nullptr;
}

void Scope::set(const std::string& name, Val v) {
    auto it = vars.find(name);
    if (it == vars.end()) {
        order.push_back(name);
        vars.emplace(name, std::move(v));
    } else {
        it->second = std::move(v);
    }
}

Renderer::Depth::Depth(Renderer& renderer) : r(renderer) {
    if (++r.depth_ > kMaxDepth) {
        --r.depth_;
        throw ValueError("maximum recursion depth exceeded (" + std::to_string(kMaxDepth) +
                         " nested macro calls, includes or blocks)");
    }
}

void Renderer::tick(std::size_t amount) {
    work_ += amount;
    if (work_ > kMaxWork) throw ValueError("template runs too long (more than 50 million steps)");
}

void Renderer::check_output(const std::string& out) const {
    if (out.size() > kMaxOutput) throw ValueError("template output too large (more than 256 MiB)");
}

std::shared_ptr<Scope> Renderer::globals() {
    if (!globals_) {
        globals_ = std::make_shared<Scope>();
        add_globals(*globals_);
    }
    return globals_;
}

std::shared_ptr<Template> Renderer::compile(const std::string& source,
                                            const std::string& name) const {
    std::shared_ptr<Template> t = parse_template(source, name, options_);
    validate_template(*t);
    return t;
}

const Template& Renderer::load(const std::string& name, const Template* from) {
    std::size_t first = from != nullptr && from->name == name && from->origin >= 0
                            ? static_cast<std::size_t>(from->origin) + 1
                            : 0;
    std::string key = name + '\n' + std::to_string(first);
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
    // Like jinja2's FileSystemLoader: '/'-separated names, no '..' escaping the folder.
    std::filesystem::path rel;
    std::stringstream parts(name);
    std::string piece;
    while (std::getline(parts, piece, '/')) {
        if (piece == "..") throw ValueError("template not found: " + name);
        if (piece.empty() || piece == ".") continue;
        rel /= piece;
    }
    if (!rel.empty()) {
        for (std::size_t i = first; i < search_path_.size(); ++i) {
            std::filesystem::path p = search_path_[i] / rel;
            std::error_code ec;
            if (!std::filesystem::is_regular_file(p, ec)) continue;
            std::ifstream in(p, std::ios::binary);
            if (!in) continue;
            std::stringstream ss;
            ss << in.rdbuf();
            auto t = compile(ss.str(), name);
            t->origin = static_cast<int>(i);
            const Template& ref = *t;
            cache_[key] = std::move(t);
            return ref;
        }
    }
    if (first != 0)
        throw ValueError("template '" + name + "' refers to its own name and no other '" + name +
                         "' follows on the search path");
    throw ValueError("template not found: " + name);
}

std::string Renderer::render_main(const Template& tmpl, const Json& context) {
    auto ctx = std::make_unique<RenderContext>();
    ctx->root = std::make_shared<Scope>(globals());
    if (context.is_object())
        for (const auto& [k, v] : context.items()) ctx->root->set(k, Val(v));
    std::string out;
    render_template(tmpl, *ctx, out);
    contexts_.push_back(std::move(ctx));
    return out;
}

std::optional<Val> SelfRef::attribute(const std::string& name) const {
    if (ctx_->blocks.count(name) == 0) return std::nullopt;
    RenderContext* ctx = ctx_;
    return Val(std::shared_ptr<Object>(
        std::make_shared<Builtin>(name, [ctx, name](Renderer& r, CallArgs&) -> Val {
            std::string text;
            r.render_block(name, 0, ctx->root, ctx, text);
            return Val(Json(text));
        })));
}

void Renderer::render_template(const Template& tmpl, RenderContext& ctx, std::string& out) {
    ctx.root->set("self", Val(std::shared_ptr<Object>(std::make_shared<SelfRef>(&ctx))));
    const Template* current = &tmpl;
    int chain = 0;
    while (current != nullptr) {
        if (++chain > kMaxDepth)
            throw ValueError("template inheritance too deep (a cycle of extends?)");
        for (const auto& [name, stmt] : current->blocks)
            ctx.blocks[name].push_back(BlockRef{stmt, current});
        ctx.parent = nullptr;
        Frame frame{ctx.root, &ctx, current, true};
        exec(current->body, frame, out);
        current = ctx.parent;
    }
}

void Renderer::exec(const Body& body, Frame& frame, std::string& out) {
    for (const auto& s : body) exec_stmt(*s, frame, out);
}

void Renderer::exec_stmt(const Stmt& s, Frame& frame, std::string& out) {
    bool silent = frame.toplevel && frame.ctx->parent != nullptr;
    try {
        switch (s.kind) {
            case Stmt::Kind::Text:
                if (!silent) out += s.text;
                break;
            case Stmt::Kind::Print: {
                if (silent) break;
                if (s.expr->kind == Expr::Kind::Tuple) {
                    out += tuple_repr(to_json(eval(*s.expr, frame)));
                } else {
                    out += to_str(eval(*s.expr, frame));
                }
                check_output(out);
                break;
            }
            case Stmt::Kind::If: {
                for (std::size_t i = 0; i < s.conds.size(); ++i) {
                    if (truthy(eval(*s.conds[i], frame))) {
                        exec(s.bodies[i], frame, out);
                        return;
                    }
                }
                exec(s.else_body, frame, out);
                break;
            }
            case Stmt::Kind::For:
                exec_for(s, frame, out);
                break;
            case Stmt::Kind::Set:
            case Stmt::Kind::SetBlock:
                exec_set(s, frame);
                break;
            case Stmt::Kind::Macro: {
                auto m = std::make_shared<Macro>(s.name, &s.params, &s.body, frame);
                adopt(m);
                frame.scope->set(s.name, Val(std::shared_ptr<Object>(m)));
                break;
            }
            case Stmt::Kind::CallBlock: {
                if (silent) break;
                auto caller = std::make_shared<Macro>("caller", &s.params, &s.body, frame);
                adopt(caller);
                const Expr& call = *s.expr;
                Val callee = eval(*call.items[0], frame);
                CallArgs args;
                for (std::size_t i = 1; i < call.items.size(); ++i)
                    args.positional.push_back(eval(*call.items[i], frame));
                for (const auto& [k, v] : call.kwargs)
                    args.keyword.emplace_back(k, eval(*v, frame));
                args.keyword.emplace_back("caller", Val(std::shared_ptr<Object>(caller)));
                out += to_str(this->call(callee, args));
                break;
            }
            case Stmt::Kind::FilterBlock: {
                if (silent) break;
                std::string inner;
                exec(s.body, frame, inner);
                out += to_str(apply_filter_chain(*s.filter_expr, Val(Json(inner)), frame));
                break;
            }
            case Stmt::Kind::Include:
                if (!silent) exec_include(s, frame, out);
                break;
            case Stmt::Kind::Import: {
                auto module = import_module(s, frame);
                frame.scope->set(s.name, Val(module));
                break;
            }
            case Stmt::Kind::FromImport: {
                auto module = import_module(s, frame);
                for (const auto& [name, alias] : s.names) {
                    auto v = module->attribute(name);
                    if (v) {
                        frame.scope->set(alias, *v);
                    } else {
                        frame.scope->set(
                            alias,
                            undefined("the template '" + to_str(eval(*s.expr, frame)) +
                                      "' does not export the requested name '" + name + "'"));
                    }
                }
                break;
            }
            case Stmt::Kind::Extends: {
                if (frame.ctx->parent != nullptr) throw ValueError("extended multiple times");
                Val name = eval(*s.expr, frame);
                frame.ctx->parent = &load(to_str(name), frame.tmpl);
                break;
            }
            case Stmt::Kind::Block: {
                if (silent) break;
                // As in Jinja, the {% block %} being rendered decides what the body sees (the
                // enclosing locals when it is `scoped`), not the override that supplies the body.
                render_block(s.name, 0, s.scoped ? frame.scope : frame.ctx->root, frame.ctx, out);
                break;
            }
            case Stmt::Kind::With: {
                auto scope = std::make_shared<Scope>(frame.scope);
                std::vector<Val> values;
                for (const auto& v : s.values) values.push_back(eval(*v, frame));
                for (std::size_t i = 0; i < s.targets.size(); ++i)
                    scope->set(s.targets[i], values[i]);
                Frame inner{scope, frame.ctx, frame.tmpl, frame.toplevel};
                exec(s.body, inner, out);
                break;
            }
        }
    } catch (const ValueError& e) {
        throw TemplateError(frame.tmpl->name, s.pos, e.what());
    }
}

void Renderer::render_block(const std::string& name, std::size_t index,
                            const std::shared_ptr<Scope>& base, RenderContext* ctx,
                            std::string& out) {
    auto it = ctx->blocks.find(name);
    if (it == ctx->blocks.end() || index >= it->second.size())
        throw ValueError(index == 0 ? "block '" + name + "' is not defined"
                                    : "there is no parent block called '" + name + "'.");
    Depth guard(*this);
    const BlockRef& ref = it->second[index];
    auto scope = std::make_shared<Scope>(base);
    // super() renders the parent's body with the same variables (Jinja passes the
    // block's context on), so a scoped block's super() still sees the loop variables.
    scope->set("super", Val(std::shared_ptr<Object>(std::make_shared<Builtin>(
                            "super", [ctx, name, index, base](Renderer& r, CallArgs&) -> Val {
                                std::string text;
                                r.render_block(name, index + 1, base, ctx, text);
                                return Val(Json(text));
                            }))));
    Frame frame{scope, ctx, ref.tmpl, false};
    exec(ref.stmt->body, frame, out);
}

void Renderer::assign_targets(const Stmt& s, Scope& scope, const Val& value) {
    if (!s.tuple_target) {
        scope.set(s.targets[0], value);
        return;
    }
    std::vector<Val> parts = iterate(value);
    if (parts.size() < s.targets.size())
        throw ValueError("not enough values to unpack (expected " +
                         std::to_string(s.targets.size()) + ", got " +
                         std::to_string(parts.size()) + ")");
    if (parts.size() > s.targets.size())
        throw ValueError("too many values to unpack (expected " + std::to_string(s.targets.size()) +
                         ")");
    for (std::size_t i = 0; i < parts.size(); ++i) scope.set(s.targets[i], parts[i]);
}

void Renderer::exec_for(const Stmt& s, Frame& frame, std::string& out) {
    Val seq = eval(*s.expr, frame);
    if (seq.is_data() && !seq.is_list() && !seq.is_dict() && !seq.is_string())
        throw ValueError("'" + type_name(seq) + "' object is not iterable");
    std::vector<Val> items;
    if (seq.is_list()) {
        // the list is ours (a copy), so its elements can be moved rather than copied
        items.reserve(seq.json.size());
        for (auto& e : seq.json) items.emplace_back(std::move(e));
    } else {
        items = iterate(seq);
    }
    auto scope = std::make_shared<Scope>(frame.scope);
    Frame inner{scope, frame.ctx, frame.tmpl, false};
    if (s.cond) {
        std::vector<Val> kept;
        for (const auto& item : items) {
            tick();
            assign_targets(s, *scope, item);
            if (truthy(eval(*s.cond, inner))) kept.push_back(item);
        }
        items = std::move(kept);
    }
    if (items.empty()) {
        Frame else_frame{frame.scope, frame.ctx, frame.tmpl, frame.toplevel};
        exec(s.else_body, else_frame, out);
        return;
    }
    auto loop = std::make_shared<LoopObject>(std::move(items));
    Val loop_val{std::shared_ptr<Object>(loop)};
    for (std::size_t i = 0; i < loop->size(); ++i) {
        tick();
        loop->index = i;
        // a fresh scope per iteration: what the body sets does not survive into the
        // next iteration in Jinja either
        auto iteration = std::make_shared<Scope>(frame.scope);
        iteration->set("loop", loop_val);
        assign_targets(s, *iteration, loop->item(i));
        Frame body_frame{iteration, frame.ctx, frame.tmpl, false};
        exec(s.body, body_frame, out);
        check_output(out);
    }
}

void Renderer::exec_set(const Stmt& s, Frame& frame) {
    Val value;
    if (s.kind == Stmt::Kind::SetBlock) {
        std::string text;
        Frame inner{frame.scope, frame.ctx, frame.tmpl, false};
        exec(s.body, inner, text);
        value = Val(Json(text));
        if (s.filter_expr) value = apply_filter_chain(*s.filter_expr, value, frame);
    } else {
        value = eval(*s.expr, frame);
    }
    if (!s.attr.empty()) {
        const Val* target = frame.scope->find(s.targets[0]);
        if (target == nullptr || !target->is_object() || !target->obj->set_attribute(s.attr, value))
            throw ValueError("cannot assign attribute on non-namespace object");
        return;
    }
    assign_targets(s, *frame.scope, value);
}

void Renderer::exec_include(const Stmt& s, Frame& frame, std::string& out) {
    Val target = eval(*s.expr, frame);
    std::vector<std::string> names;
    if (target.is_list()) {
        for (const auto& n : target.json) names.push_back(to_str(Val(n)));
    } else {
        names.push_back(to_str(target));
    }
    const Template* tmpl = nullptr;
    for (const auto& n : names) {
        try {
            tmpl = &load(n, frame.tmpl);
            break;
        } catch (const ValueError&) {
            if (names.size() == 1 && !s.ignore_missing) throw;
        }
    }
    if (tmpl == nullptr) {
        if (s.ignore_missing) return;
        throw ValueError("none of the templates given were found: " + repr(to_json(target)));
    }
    Depth guard(*this);
    auto ctx = std::make_unique<RenderContext>();
    ctx->root = std::make_shared<Scope>(s.with_context ? frame.scope : globals());
    // with context, the included template reads the includer's variables through its
    // own root scope; what it assigns stays in that scope
    render_template(*tmpl, *ctx, out);
    contexts_.push_back(std::move(ctx));
}

std::shared_ptr<Object> Renderer::import_module(const Stmt& s, Frame& frame) {
    Val target = eval(*s.expr, frame);
    if (target.is_object()) return target.obj;  // importing an already imported module
    std::string name = to_str(target);
    const Template& tmpl = load(name, frame.tmpl);
    Depth guard(*this);
    auto ctx = std::make_unique<RenderContext>();
    ctx->root = std::make_shared<Scope>(s.with_context ? frame.ctx->root : globals());
    auto module = std::make_shared<Module>(name);
    render_template(tmpl, *ctx, module->body);
    for (const auto& n : ctx->root->order)
        if (n.rfind('_', 0) != 0 && n != "self") module->exports[n] = ctx->root->vars.at(n);
    contexts_.push_back(std::move(ctx));
    return module;
}

// --- macros ------------------------------------------------------------------------------

namespace {
bool expr_uses(const Expr* e, const std::string& name);
bool body_uses(const Body& b, const std::string& name);

bool expr_uses(const Expr* e, const std::string& name) {
    if (e == nullptr) return false;
    if (e->kind == Expr::Kind::Name && e->name == name) return true;
    for (const auto& i : e->items)
        if (expr_uses(i.get(), name)) return true;
    for (const auto& [k, v] : e->kwargs)
        if (expr_uses(v.get(), name)) return true;
    return false;
}

bool body_uses(const Body& b, const std::string& name) {
    for (const auto& s : b) {
        if (expr_uses(s->expr.get(), name) || expr_uses(s->cond.get(), name) ||
            expr_uses(s->filter_expr.get(), name))
            return true;
        for (const auto& c : s->conds)
            if (expr_uses(c.get(), name)) return true;
        for (const auto& v : s->values)
            if (expr_uses(v.get(), name)) return true;
        for (const auto& p : s->params)
            if (expr_uses(p.default_value.get(), name)) return true;
        for (const auto& bb : s->bodies)
            if (body_uses(bb, name)) return true;
        if (body_uses(s->body, name) || body_uses(s->else_body, name)) return true;
    }
    return false;
}
}  // namespace

Val Macro::call(Renderer& r, CallArgs& args) {
    Renderer::Depth guard(r);
    auto scope = std::make_shared<Scope>(closure_.scope);
    std::size_t n = params_->size();
    bool wants_varargs = body_uses(*body_, "varargs");
    bool wants_kwargs = body_uses(*body_, "kwargs");
    bool wants_caller = body_uses(*body_, "caller");
    Json varargs = Json::array();
    for (std::size_t i = n; i < args.positional.size(); ++i) {
        if (!wants_varargs)
            throw ValueError("macro '" + name_ + "' takes not more than " + std::to_string(n) +
                             " argument(s)");
        varargs.push_back(Renderer::to_json(args.positional[i]));
    }
    Json kwargs = Json::object();
    Frame frame{scope, closure_.ctx, closure_.tmpl, false};
    for (std::size_t i = 0; i < n; ++i) {
        const Param& p = (*params_)[i];
        std::optional<Val> v;
        if (i < args.positional.size()) v = args.positional[i];
        for (auto it = args.keyword.begin(); it != args.keyword.end(); ++it) {
            if (it->first != p.name) continue;
            if (v)
                throw ValueError("macro '" + name_ + "' got multiple values for argument '" +
                                 p.name + "'");
            v = it->second;
            args.keyword.erase(it);
            break;
        }
        if (v)
            scope->set(p.name, *v);
        else if (p.default_value)
            scope->set(p.name, r.eval(*p.default_value, frame));
        else
            scope->set(p.name, r.undefined("parameter '" + p.name + "' was not provided"));
    }
    Val caller_val;
    for (auto& [k, v] : args.keyword) {
        if (k == "caller" && v.is_object()) {
            if (!wants_caller)
                throw ValueError("macro '" + name_ +
                                 "' was invoked with two values for the special caller argument. "
                                 "This is most likely a bug.");
            caller_val = v;
            continue;
        }
        if (!wants_kwargs)
            throw ValueError("macro '" + name_ + "' takes no keyword argument '" + k + "'");
        kwargs[k] = Renderer::to_json(v);
    }
    scope->set("varargs", Val(varargs));
    scope->set("kwargs", Val(kwargs));
    if (caller_val.is_object())
        scope->set("caller", caller_val);
    else if (wants_caller)
        scope->set("caller", r.undefined("No caller defined"));
    std::string out;
    r.exec(*body_, frame, out);
    return Val(Json(out));
}

std::optional<Val> Macro::attribute(const std::string& name) const {
    if (name == "name") return Val(Json(name_));
    if (name == "arguments") {
        Json a = Json::array();
        for (const auto& p : *params_) a.push_back(p.name);
        return Val(a);
    }
    return std::nullopt;
}

}  // namespace autogen::codegen::jinja
