// Statement parsing: the template body, {% tags %} and their end tags, plus the token
// helpers and error messages shared with parser_expr.cpp.
#include "jinja/parser.hpp"

#include <algorithm>

namespace autogen::codegen::jinja {

namespace {
constexpr int kMaxNesting = 200;  // deeper than any real template; keeps the C++ stack safe
}

std::unique_ptr<Template> parse_template(const std::string& source, const std::string& name,
                                         const Options& options) {
    Parser parser(tokenize(source, name, options), name);
    return parser.parse();
}

std::unique_ptr<Template> Parser::parse() {
    auto t = std::make_unique<Template>();
    t->name = name_;
    tmpl_ = t.get();
    t->body = subparse({});
    return t;
}

// --- helpers ---------------------------------------------------------------------------

std::string Parser::describe(const Token& t) {
    switch (t.type) {
        case Tok::Eof:
            return "end of template";
        case Tok::BlockEnd:
            return "end of statement block";
        case Tok::VarEnd:
            return "end of print statement";
        case Tok::BlockBegin:
            return "begin of statement block";
        case Tok::VarBegin:
            return "begin of print statement";
        case Tok::Data:
            return "template data";
        case Tok::String:
            return "string";
        case Tok::Int:
            return "integer";
        case Tok::Float:
            return "float";
        default:
            return "'" + t.text + "'";
    }
}

void Parser::fail(const Token& at, const std::string& message) const {
    throw TemplateError(name_, at.pos, message);
}

void Parser::fail_unexpected(const std::string& expected) const {
    fail(cur(), "expected " + expected + ", got " + describe(cur()));
}

void Parser::expect_op(const char* op) {
    if (!skip_op(op)) fail_unexpected(std::string("'") + op + "'");
}

std::string Parser::expect_name() {
    if (cur().type != Tok::Name) fail_unexpected("name");
    return next().text;
}

ExprPtr Parser::make(Expr::Kind kind, Pos pos) const {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = pos;
    return e;
}

void Parser::end_block() {
    if (cur().type != Tok::BlockEnd) fail_unexpected("end of statement block");
    next();
}

/// At the name of an end tag found by subparse: checks it and consumes the whole tag.
void Parser::expect_end_tag(const char* end_name) {
    if (!is_name(end_name)) fail_unexpected(std::string("'") + end_name + "'");
    next();
    end_block();
}

// --- body ------------------------------------------------------------------------------

Body Parser::subparse(std::initializer_list<const char*> end_names) {
    Body body;
    while (true) {
        const Token& t = cur();
        if (t.type == Tok::Data) {
            auto s = std::make_unique<Stmt>();
            s->kind = Stmt::Kind::Text;
            s->pos = t.pos;
            s->text = t.text;
            body.push_back(std::move(s));
            next();
        } else if (t.type == Tok::VarBegin) {
            next();
            auto s = std::make_unique<Stmt>();
            s->kind = Stmt::Kind::Print;
            s->pos = cur().pos;
            s->expr = parse_tuple();
            if (cur().type != Tok::VarEnd) fail_unexpected("end of print statement");
            next();
            body.push_back(std::move(s));
        } else if (t.type == Tok::BlockBegin) {
            next();
            if (cur().type == Tok::Name) {
                for (const char* e : end_names)
                    if (cur().text == e) return body;
            }
            body.push_back(parse_statement());
        } else if (t.type == Tok::Eof) {
            if (end_names.size() != 0) {
                std::string looking;
                for (const char* e : end_names)
                    looking += (looking.empty() ? "'" : " or '") + std::string(e) + "'";
                fail(t, "Unexpected end of template. Jinja was looking for the following tags: " +
                            looking + ". The innermost block that needs to be closed is '" +
                            (open_tags_.empty() ? std::string("?") : open_tags_.back()) + "'.");
            }
            return body;
        } else {
            fail(t, "unexpected " + describe(t));
        }
    }
}

StmtPtr Parser::parse_statement() {
    if (cur().type != Tok::Name) {
        if (cur().type == Tok::BlockEnd || cur().type == Tok::Eof) fail(cur(), "tag name expected");
        fail(cur(), "tag name expected, got " + describe(cur()));
    }
    if (++depth_ > kMaxNesting) fail(cur(), "templates nested too deeply");
    const std::string tag = cur().text;
    open_tags_.push_back(tag);
    StmtPtr s;
    if (tag == "if")
        s = parse_if();
    else if (tag == "for")
        s = parse_for();
    else if (tag == "set")
        s = parse_set();
    else if (tag == "macro")
        s = parse_macro();
    else if (tag == "call")
        s = parse_call_block();
    else if (tag == "filter")
        s = parse_filter_block();
    else if (tag == "include")
        s = parse_include();
    else if (tag == "import")
        s = parse_import();
    else if (tag == "from")
        s = parse_from();
    else if (tag == "extends")
        s = parse_extends();
    else if (tag == "block")
        s = parse_block();
    else if (tag == "with")
        s = parse_with();
    else {
        open_tags_.pop_back();
        if (tag.rfind("end", 0) == 0 || tag == "else" || tag == "elif")
            fail(cur(),
                 "Encountered unknown tag '" + tag + "'." +
                     (open_tags_.empty() ? std::string()
                                         : " The innermost block that needs to be closed is '" +
                                               open_tags_.back() + "'."));
        fail(cur(), "Encountered unknown tag '" + tag + "'.");
    }
    open_tags_.pop_back();
    --depth_;
    return s;
}

StmtPtr Parser::parse_if() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::If;
    s->pos = next().pos;
    s->conds.push_back(parse_tuple(false));
    end_block();
    while (true) {
        s->bodies.push_back(subparse({"elif", "else", "endif"}));
        if (skip_name("elif")) {
            s->conds.push_back(parse_tuple(false));
            end_block();
            continue;
        }
        if (skip_name("else")) {
            end_block();
            s->else_body = subparse({"endif"});
        }
        expect_end_tag("endif");
        return s;
    }
}

std::vector<std::string> Parser::parse_target_names(bool& tuple) {
    std::vector<std::string> names;
    tuple = false;
    bool paren = skip_op("(");
    while (true) {
        names.push_back(expect_name());
        if (!skip_op(",")) break;
        tuple = true;
        if (cur().type != Tok::Name) break;
    }
    if (paren) {
        expect_op(")");
        tuple = tuple || names.size() > 1;
    }
    return names;
}

StmtPtr Parser::parse_for() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::For;
    s->pos = next().pos;
    s->targets = parse_target_names(s->tuple_target);
    if (!skip_name("in")) fail_unexpected("'in'");
    s->expr = parse_tuple(false, {"recursive"});
    if (skip_name("if")) s->cond = parse_expression();
    if (is_name("recursive")) fail(cur(), "recursive for loops are not supported");
    end_block();
    s->body = subparse({"endfor", "else"});
    if (skip_name("else")) {
        end_block();
        s->else_body = subparse({"endfor"});
    }
    expect_end_tag("endfor");
    return s;
}

StmtPtr Parser::parse_set() {
    auto s = std::make_unique<Stmt>();
    s->pos = next().pos;
    if (cur().type == Tok::Name && peek().type == Tok::Op && peek().text == "." &&
        peek(2).type == Tok::Name) {
        s->targets.push_back(next().text);
        next();
        s->attr = next().text;
    } else {
        s->targets = parse_target_names(s->tuple_target);
    }
    if (skip_op("=")) {
        s->kind = Stmt::Kind::Set;
        s->expr = parse_tuple();
        end_block();
        return s;
    }
    if (!s->attr.empty() || s->tuple_target) fail_unexpected("'='");
    s->kind = Stmt::Kind::SetBlock;
    if (is_op("|")) {
        // the filters apply to the rendered body; items[0] of the innermost filter is a placeholder
        auto placeholder = make(Expr::Kind::Literal, cur().pos);
        s->filter_expr = parse_filter(std::move(placeholder));
    }
    end_block();
    s->body = subparse({"endset"});
    expect_end_tag("endset");
    return s;
}

void Parser::parse_params(std::vector<Param>& params) {
    expect_op("(");
    while (!is_op(")")) {
        if (!params.empty()) expect_op(",");
        if (is_op(")")) break;
        Param p;
        p.name = expect_name();
        if (skip_op("=")) p.default_value = parse_expression();
        params.push_back(std::move(p));
    }
    expect_op(")");
}

StmtPtr Parser::parse_macro() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Macro;
    s->pos = next().pos;
    s->name = expect_name();
    parse_params(s->params);
    end_block();
    s->body = subparse({"endmacro"});
    expect_end_tag("endmacro");
    return s;
}

StmtPtr Parser::parse_call_block() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::CallBlock;
    s->pos = next().pos;
    if (is_op("(")) parse_params(s->params);
    s->expr = parse_expression();
    if (s->expr->kind != Expr::Kind::Call) fail(cur(), "expected call");
    end_block();
    s->body = subparse({"endcall"});
    expect_end_tag("endcall");
    return s;
}

StmtPtr Parser::parse_filter_block() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::FilterBlock;
    s->pos = next().pos;
    auto placeholder = make(Expr::Kind::Literal, cur().pos);
    // `{% filter upper %}` has no leading pipe; parse_filter expects to be at the name
    s->filter_expr = parse_filter(std::move(placeholder));
    end_block();
    s->body = subparse({"endfilter"});
    expect_end_tag("endfilter");
    return s;
}

void Parser::parse_context_modifier(Stmt& s, bool default_with) {
    s.with_context = default_with;
    if ((is_name("with") || is_name("without")) && peek().type == Tok::Name &&
        peek().text == "context") {
        s.with_context = next().text == "with";
        next();
    }
}

StmtPtr Parser::parse_include() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Include;
    s->pos = next().pos;
    s->expr = parse_expression();
    if (is_name("ignore") && peek().type == Tok::Name && peek().text == "missing") {
        next();
        next();
        s->ignore_missing = true;
    }
    parse_context_modifier(*s, true);
    end_block();
    return s;
}

StmtPtr Parser::parse_import() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Import;
    s->pos = next().pos;
    s->expr = parse_expression();
    if (!skip_name("as")) fail_unexpected("'as'");
    s->name = expect_name();
    parse_context_modifier(*s, false);
    end_block();
    return s;
}

StmtPtr Parser::parse_from() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::FromImport;
    s->pos = next().pos;
    s->expr = parse_expression();
    if (!skip_name("import")) fail_unexpected("'import'");
    s->with_context = false;
    while (true) {
        if ((is_name("with") || is_name("without")) && peek().type == Tok::Name &&
            peek().text == "context") {
            parse_context_modifier(*s, false);
            break;
        }
        if (!s->names.empty() && !skip_op(",")) break;
        if ((is_name("with") || is_name("without")) && peek().type == Tok::Name &&
            peek().text == "context") {
            parse_context_modifier(*s, false);
            break;
        }
        if (cur().type != Tok::Name) {
            if (!s->names.empty()) break;
            fail_unexpected("name");
        }
        std::string n = next().text;
        if (n.rfind('_', 0) == 0)
            fail(cur(), "names starting with an underline can not be imported");
        std::string alias = n;
        if (skip_name("as")) alias = expect_name();
        s->names.emplace_back(n, alias);
    }
    end_block();
    return s;
}

StmtPtr Parser::parse_extends() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Extends;
    s->pos = next().pos;
    s->expr = parse_expression();
    end_block();
    return s;
}

StmtPtr Parser::parse_block() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Block;
    s->pos = next().pos;
    s->name = expect_name();
    while (true) {
        if (skip_name("scoped"))
            s->scoped = true;
        else if (skip_name("required"))
            fail(cur(), "required blocks are not supported");
        else
            break;
    }
    end_block();
    s->body = subparse({"endblock"});
    next();  // endblock
    if (cur().type == Tok::Name) {
        if (cur().text != s->name)
            fail(cur(), "mismatching name on endblock: expected '" + s->name + "', got '" +
                            cur().text + "'");
        next();
    }
    end_block();
    if (tmpl_->blocks.count(s->name) != 0) fail(cur(), "block '" + s->name + "' defined twice");
    tmpl_->blocks[s->name] = s.get();
    return s;
}

StmtPtr Parser::parse_with() {
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::With;
    s->pos = next().pos;
    while (cur().type != Tok::BlockEnd) {
        if (!s->targets.empty()) expect_op(",");
        s->targets.push_back(expect_name());
        expect_op("=");
        s->values.push_back(parse_expression());
    }
    end_block();
    s->body = subparse({"endwith"});
    expect_end_tag("endwith");
    return s;
}

}  // namespace autogen::codegen::jinja
