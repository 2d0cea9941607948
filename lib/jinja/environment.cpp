// The Environment: finds and renders templates, validates filter and test names at
// compile time as Jinja does, and turns every internal error into one
// Category::Template diagnostic ("name:line:col: message"). Nothing is thrown out.
#include "jinja/environment.hpp"

#include "jinja/filters.hpp"
#include "jinja/renderer.hpp"

namespace autogen::codegen::jinja {

namespace {

// Jinja checks filter and test names when it compiles a template, except inside an
// {% if %} or an inline if (a "soft" frame), where a missing one fails only when it
// runs; statements with their own frame (for, macro, call, filter, with, set block,
// block) are strict again.
void validate_expr(const Expr* e, const std::string& name, bool soft) {
    if (e == nullptr) return;
    if (e->kind == Expr::Kind::CondExpr) soft = true;
    if (!soft && e->kind == Expr::Kind::Filter && !has_filter(e->name))
        throw TemplateError(name, e->pos, "unknown filter '" + e->name + "'");
    if (!soft && e->kind == Expr::Kind::Test && !has_test(e->name))
        throw TemplateError(name, e->pos, "unknown test '" + e->name + "'");
    for (const auto& i : e->items) validate_expr(i.get(), name, soft);
    for (const auto& [k, v] : e->kwargs) validate_expr(v.get(), name, soft);
}

void validate_body(const Body& body, const std::string& name, bool soft) {
    for (const auto& s : body) {
        bool own_frame = s->kind == Stmt::Kind::For || s->kind == Stmt::Kind::Macro ||
                         s->kind == Stmt::Kind::CallBlock || s->kind == Stmt::Kind::FilterBlock ||
                         s->kind == Stmt::Kind::With || s->kind == Stmt::Kind::SetBlock ||
                         s->kind == Stmt::Kind::Block;
        bool inner = s->kind == Stmt::Kind::If ? true : own_frame ? false : soft;
        validate_expr(s->expr.get(), name, s->kind == Stmt::Kind::For ? soft : inner);
        validate_expr(s->cond.get(), name, inner);
        validate_expr(s->filter_expr.get(), name, inner);
        for (const auto& c : s->conds) validate_expr(c.get(), name, inner);
        for (const auto& v : s->values)
            validate_expr(v.get(), name, s->kind == Stmt::Kind::With ? soft : inner);
        for (const auto& p : s->params) validate_expr(p.default_value.get(), name, inner);
        for (const auto& b : s->bodies) validate_body(b, name, inner);
        validate_body(s->body, name, inner);
        validate_body(s->else_body, name, inner);
    }
}

template <typename F>
std::optional<std::string> guarded(const std::string& name, support::Diagnostics& diags, F&& f) {
    try {
        return f();
    } catch (const TemplateError& e) {
        diags.error(
            support::Category::Template, e.what(),
            support::SourceLocation{e.name.empty() ? name : e.name, e.pos.line, e.pos.column});
    } catch (const ValueError& e) {
        diags.error(support::Category::Template, e.what(), support::SourceLocation{name, 0, 0});
    } catch (const std::exception& e) {
        diags.error(support::Category::Template,
                    std::string("internal error while rendering: ") + e.what(),
                    support::SourceLocation{name, 0, 0});
    } catch (...) {
        diags.error(support::Category::Template, "internal error while rendering",
                    support::SourceLocation{name, 0, 0});
    }
    return std::nullopt;
}

}  // namespace

void validate_template(const Template& tmpl) { validate_body(tmpl.body, tmpl.name, false); }

Environment::Environment(std::vector<std::filesystem::path> search_path, Options options)
    : search_path_(std::move(search_path)), options_(options) {}

std::optional<std::string> Environment::render(const std::string& template_name,
                                               const Value& context,
                                               support::Diagnostics& diags) const {
    return guarded(template_name, diags, [&]() -> std::optional<std::string> {
        Renderer r(search_path_, options_);
        const Template* t = nullptr;
        try {
            t = &r.load(template_name);
        } catch (const ValueError& e) {
            std::string where;
            for (const auto& p : search_path_) where += (where.empty() ? "" : ", ") + p.string();
            diags.error(support::Category::Template, e.what(),
                        support::SourceLocation{template_name, 0, 0},
                        "looked in: " + (where.empty() ? std::string("(no folders)") : where));
            return std::nullopt;
        }
        return r.render_main(*t, context);
    });
}

std::optional<std::string> Environment::render_string(const std::string& source,
                                                      const std::string& name, const Value& context,
                                                      support::Diagnostics& diags) const {
    return guarded(name, diags, [&]() -> std::optional<std::string> {
        Renderer r(search_path_, options_);
        auto t = r.compile(source, name);
        return r.render_main(*t, context);
    });
}

}  // namespace autogen::codegen::jinja
