// Expression parsing with Jinja's precedence, loosest first: conditional expression,
// or, and, not, comparisons (in, not in, chains), + -, ~, * / // %, **, unary - +,
// then primaries with postfix . [] () and the filter/test chain | and is.
#include <cstdint>
#include <functional>
#include <stdexcept>

#include "jinja/parser.hpp"

namespace autogen::codegen::jinja {

namespace {
constexpr int kMaxExprNesting = 200;

struct DepthGuard {
    int& d;
    DepthGuard(int& depth, int limit, const std::function<void()>& on_overflow) : d(depth) {
        if (++d > limit) on_overflow();
    }
    ~DepthGuard() { --d; }
};

bool is_end_token(const Token& t) {
    return t.type == Tok::BlockEnd || t.type == Tok::VarEnd || t.type == Tok::Eof;
}
}  // namespace

ExprPtr Parser::parse_tuple(bool with_condexpr, std::initializer_list<const char*> extra_end) {
    Pos pos = cur().pos;
    std::vector<ExprPtr> items;
    bool is_tuple = false;
    auto at_end = [&] {
        if (is_end_token(cur()) || is_op(")")) return true;
        if (cur().type == Tok::Name)
            for (const char* e : extra_end)
                if (cur().text == e) return true;
        return false;
    };
    while (true) {
        if (!items.empty()) {
            if (!skip_op(",")) break;
            is_tuple = true;
        }
        if (!items.empty() && at_end()) break;
        items.push_back(parse_expression(with_condexpr));
    }
    if (!is_tuple) {
        if (items.empty()) fail(cur(), "Expected an expression, got " + describe(cur()));
        return std::move(items.front());
    }
    auto t = make(Expr::Kind::Tuple, pos);
    t->items = std::move(items);
    return t;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
    return with_condexpr ? parse_condexpr() : parse_or();
}

ExprPtr Parser::parse_condexpr() {
    ExprPtr expr1 = parse_or();
    while (is_name("if")) {
        Pos pos = next().pos;
        auto c = make(Expr::Kind::CondExpr, pos);
        ExprPtr cond = parse_or();
        ExprPtr other;
        if (skip_name("else")) other = parse_condexpr();
        c->items.push_back(std::move(cond));
        c->items.push_back(std::move(expr1));
        c->items.push_back(std::move(other));
        expr1 = std::move(c);
    }
    return expr1;
}

ExprPtr Parser::parse_or() {
    ExprPtr left = parse_and();
    while (is_name("or")) {
        auto b = make(Expr::Kind::Binary, next().pos);
        b->name = "or";
        b->items.push_back(std::move(left));
        b->items.push_back(parse_and());
        left = std::move(b);
    }
    return left;
}

ExprPtr Parser::parse_and() {
    ExprPtr left = parse_not();
    while (is_name("and")) {
        auto b = make(Expr::Kind::Binary, next().pos);
        b->name = "and";
        b->items.push_back(std::move(left));
        b->items.push_back(parse_not());
        left = std::move(b);
    }
    return left;
}

ExprPtr Parser::parse_not() {
    if (is_name("not")) {
        DepthGuard g(depth_, kMaxExprNesting, [&] { fail(cur(), "expression nested too deeply"); });
        auto u = make(Expr::Kind::Unary, next().pos);
        u->name = "not";
        u->items.push_back(parse_not());
        return u;
    }
    return parse_compare();
}

ExprPtr Parser::parse_compare() {
    Pos pos = cur().pos;
    ExprPtr first = parse_math1();
    std::vector<std::string> ops;
    std::vector<ExprPtr> operands;
    while (true) {
        if (cur().type == Tok::Op &&
            (cur().text == "==" || cur().text == "!=" || cur().text == "<" || cur().text == "<=" ||
             cur().text == ">" || cur().text == ">=")) {
            ops.push_back(next().text);
        } else if (is_name("in")) {
            next();
            ops.push_back("in");
        } else if (is_name("not") && peek().type == Tok::Name && peek().text == "in") {
            next();
            next();
            ops.push_back("notin");
        } else {
            break;
        }
        operands.push_back(parse_math1());
    }
    if (ops.empty()) return first;
    auto c = make(Expr::Kind::Compare, pos);
    c->items.push_back(std::move(first));
    for (auto& o : operands) c->items.push_back(std::move(o));
    c->ops = std::move(ops);
    return c;
}

namespace {
ExprPtr binary(ExprPtr left, ExprPtr right, std::string op, Pos pos) {
    auto b = std::make_unique<Expr>();
    b->kind = Expr::Kind::Binary;
    b->pos = pos;
    b->name = std::move(op);
    b->items.push_back(std::move(left));
    b->items.push_back(std::move(right));
    return b;
}
}  // namespace

ExprPtr Parser::parse_math1() {
    ExprPtr left = parse_concat();
    while (is_op("+") || is_op("-")) {
        const Token& t = next();
        std::string op = t.text;
        Pos pos = t.pos;
        left = binary(std::move(left), parse_concat(), op, pos);
    }
    return left;
}

ExprPtr Parser::parse_concat() {
    ExprPtr left = parse_math2();
    while (is_op("~")) {
        Pos pos = next().pos;
        left = binary(std::move(left), parse_math2(), "~", pos);
    }
    return left;
}

ExprPtr Parser::parse_math2() {
    ExprPtr left = parse_pow();
    while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
        const Token& t = next();
        std::string op = t.text;
        Pos pos = t.pos;
        left = binary(std::move(left), parse_pow(), op, pos);
    }
    return left;
}

ExprPtr Parser::parse_pow() {
    ExprPtr left = parse_unary();
    while (is_op("**")) {
        Pos pos = next().pos;
        left = binary(std::move(left), parse_unary(), "**", pos);
    }
    return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
    DepthGuard g(depth_, kMaxExprNesting, [&] { fail(cur(), "expression nested too deeply"); });
    ExprPtr node;
    if (is_op("-") || is_op("+")) {
        const Token& t = next();
        node = make(Expr::Kind::Unary, t.pos);
        node->name = t.text;
        node->items.push_back(parse_unary(false));
    } else {
        node = parse_primary();
    }
    node = parse_postfix(std::move(node));
    if (with_filter) node = parse_filter_expr(std::move(node));
    return node;
}

ExprPtr Parser::parse_primary() {
    const Token& t = cur();
    Pos pos = t.pos;
    if (t.type == Tok::Name) {
        next();
        auto e = make(Expr::Kind::Literal, pos);
        if (t.text == "true" || t.text == "True")
            e->literal = true;
        else if (t.text == "false" || t.text == "False")
            e->literal = false;
        else if (t.text == "none" || t.text == "None")
            e->literal = nullptr;
        else {
            e->kind = Expr::Kind::Name;
            e->name = t.text;
        }
        return e;
    }
    if (t.type == Tok::String) {
        std::string s;
        while (cur().type == Tok::String) s += next().text;
        auto e = make(Expr::Kind::Literal, pos);
        e->literal = s;
        return e;
    }
    if (t.type == Tok::Int || t.type == Tok::Float) {
        next();
        std::string digits;
        for (char c : t.text)
            if (c != '_') digits += c;
        auto e = make(Expr::Kind::Literal, pos);
        try {
            if (t.type == Tok::Float) {
                e->literal = std::stod(digits);
            } else {
                int base = 10;
                std::size_t skip = 0;
                if (digits.size() > 1 && digits[0] == '0') {
                    char p = static_cast<char>(digits[1] | 0x20);
                    if (p == 'x')
                        base = 16, skip = 2;
                    else if (p == 'o')
                        base = 8, skip = 2;
                    else if (p == 'b')
                        base = 2, skip = 2;
                }
                e->literal =
                    static_cast<std::int64_t>(std::stoll(digits.substr(skip), nullptr, base));
            }
        } catch (const std::out_of_range&) {
            fail(t, "number too large: " + t.text);
        }
        return e;
    }
    if (is_op("(")) {
        next();
        if (skip_op(")")) {
            auto e = make(Expr::Kind::Tuple, pos);
            return e;
        }
        ExprPtr inner = parse_tuple();
        expect_op(")");
        return inner;
    }
    if (is_op("[")) {
        next();
        auto e = make(Expr::Kind::List, pos);
        while (!is_op("]")) {
            if (!e->items.empty()) expect_op(",");
            if (is_op("]")) break;
            e->items.push_back(parse_expression());
        }
        expect_op("]");
        return e;
    }
    if (is_op("{")) {
        next();
        auto e = make(Expr::Kind::Dict, pos);
        while (!is_op("}")) {
            if (!e->items.empty()) expect_op(",");
            if (is_op("}")) break;
            e->items.push_back(parse_expression());
            expect_op(":");
            e->items.push_back(parse_expression());
        }
        expect_op("}");
        return e;
    }
    fail(t, "unexpected " + describe(t));
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
    while (true) {
        if (is_op(".") || is_op("["))
            node = parse_subscript(std::move(node));
        else if (is_op("("))
            node = parse_call(std::move(node));
        else
            return node;
    }
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
    while (true) {
        if (is_op("|"))
            node = parse_filter(std::move(node));
        else if (is_name("is"))
            node = parse_test(std::move(node));
        else if (is_op("("))
            node = parse_call(std::move(node));
        else
            return node;
    }
}

ExprPtr Parser::parse_subscript(ExprPtr node) {
    const Token& t = next();
    Pos pos = t.pos;
    if (t.text == ".") {
        if (cur().type == Tok::Name) {
            auto e = make(Expr::Kind::GetAttr, pos);
            e->name = next().text;
            e->items.push_back(std::move(node));
            return e;
        }
        if (cur().type == Tok::Int) {
            auto e = make(Expr::Kind::GetItem, pos);
            e->items.push_back(std::move(node));
            auto idx = make(Expr::Kind::Literal, cur().pos);
            std::string digits;
            for (char c : cur().text)
                if (c != '_') digits += c;
            if (digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
                fail(cur(), "unsupported index " + cur().text);
            next();
            idx->literal = static_cast<std::int64_t>(std::stoll(digits));
            e->items.push_back(std::move(idx));
            return e;
        }
        fail_unexpected("name or number");
    }
    // '[' : an index or a slice
    auto parse_slot = [&]() -> ExprPtr {
        if (is_op(":") || is_op("]") || is_op(",")) return nullptr;
        return parse_expression();
    };
    ExprPtr first = parse_slot();
    if (is_op(":")) {
        auto e = make(Expr::Kind::Slice, pos);
        e->items.push_back(std::move(node));
        e->items.push_back(std::move(first));
        next();
        e->items.push_back(parse_slot());
        if (skip_op(":"))
            e->items.push_back(parse_slot());
        else
            e->items.push_back(nullptr);
        expect_op("]");
        return e;
    }
    if (!first) fail_unexpected("expression");
    if (is_op(",")) fail(cur(), "tuple subscripts are not supported");
    expect_op("]");
    auto e = make(Expr::Kind::GetItem, pos);
    e->items.push_back(std::move(node));
    e->items.push_back(std::move(first));
    return e;
}

std::string Parser::parse_dotted_name() {
    std::string n = expect_name();
    while (is_op(".") && peek().type == Tok::Name) {
        next();
        n += "." + next().text;
    }
    return n;
}

void Parser::parse_call_args(Expr& call) {
    expect_op("(");
    bool first = true;
    while (!is_op(")")) {
        if (!first) {
            expect_op(",");
            if (is_op(")")) break;
        }
        first = false;
        if (is_op("*") || is_op("**")) fail(cur(), "*args and **kwargs in calls are not supported");
        if (cur().type == Tok::Name && peek().type == Tok::Op && peek().text == "=") {
            std::string key = next().text;
            next();
            call.kwargs.emplace_back(key, parse_expression());
        } else {
            if (!call.kwargs.empty()) fail(cur(), "positional argument follows keyword argument");
            call.items.push_back(parse_expression());
        }
    }
    expect_op(")");
}

ExprPtr Parser::parse_call(ExprPtr callee) {
    auto e = make(Expr::Kind::Call, cur().pos);
    e->items.push_back(std::move(callee));
    parse_call_args(*e);
    return e;
}

ExprPtr Parser::parse_filter(ExprPtr node) {
    bool first = true;
    while (first || is_op("|")) {
        if (is_op("|")) next();
        first = false;
        Pos pos = cur().pos;
        auto e = make(Expr::Kind::Filter, pos);
        e->name = parse_dotted_name();
        e->items.push_back(std::move(node));
        if (is_op("(")) parse_call_args(*e);
        node = std::move(e);
    }
    return node;
}

ExprPtr Parser::parse_test(ExprPtr node) {
    next();  // is
    auto e = make(Expr::Kind::Test, cur().pos);
    e->negated = skip_name("not");
    e->name = parse_dotted_name();
    e->items.push_back(std::move(node));
    const Token& t = cur();
    if (is_op("(")) {
        parse_call_args(*e);
    } else if ((t.type == Tok::Name || t.type == Tok::String || t.type == Tok::Int ||
                t.type == Tok::Float || is_op("[") || is_op("{")) &&
               !(is_name("else") || is_name("or") || is_name("and"))) {
        if (is_name("is")) fail(t, "You cannot chain multiple tests with is");
        e->items.push_back(parse_postfix(parse_primary()));
    }
    return e;
}

}  // namespace autogen::codegen::jinja
