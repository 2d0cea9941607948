// The parser: tokens -> Template (ast.hpp), following jinja2/parser.py's grammar and
// operator precedence. Statements live in parser.cpp, expressions in parser_expr.cpp.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "jinja/ast.hpp"
#include "jinja/lexer.hpp"

namespace autogen::codegen::jinja {

/// Parses `source` into a Template called `name`; throws TemplateError on a syntax error.
std::unique_ptr<Template> parse_template(const std::string& source, const std::string& name,
                                         const Options& options);

/// Recursive-descent parser over a token vector.
class Parser {
  public:
    Parser(std::vector<Token> tokens, std::string name)
        : toks_(std::move(tokens)), name_(std::move(name)) {}

    /// The whole template.
    std::unique_ptr<Template> parse();

  private:
    // --- statements (parser.cpp)
    Body subparse(std::initializer_list<const char*> end_names);
    StmtPtr parse_statement();
    StmtPtr parse_if();
    StmtPtr parse_for();
    StmtPtr parse_set();
    StmtPtr parse_macro();
    StmtPtr parse_call_block();
    StmtPtr parse_filter_block();
    StmtPtr parse_include();
    StmtPtr parse_import();
    StmtPtr parse_from();
    StmtPtr parse_extends();
    StmtPtr parse_block();
    StmtPtr parse_with();
    void parse_params(std::vector<Param>& params);
    void parse_context_modifier(Stmt& s, bool default_with);
    std::vector<std::string> parse_target_names(bool& tuple);
    void end_block();
    void expect_end_tag(const char* end_name);

    // --- expressions (parser_expr.cpp)
    ExprPtr parse_tuple(bool with_condexpr = true,
                        std::initializer_list<const char*> extra_end = {});
    ExprPtr parse_expression(bool with_condexpr = true);
    ExprPtr parse_condexpr();
    ExprPtr parse_or();
    ExprPtr parse_and();
    ExprPtr parse_not();
    ExprPtr parse_compare();
    ExprPtr parse_math1();
    ExprPtr parse_concat();
    ExprPtr parse_math2();
    ExprPtr parse_pow();
    ExprPtr parse_unary(bool with_filter = true);
    ExprPtr parse_primary();
    ExprPtr parse_postfix(ExprPtr node);
    ExprPtr parse_filter_expr(ExprPtr node);
    ExprPtr parse_filter(ExprPtr node);
    ExprPtr parse_test(ExprPtr node);
    ExprPtr parse_call(ExprPtr callee);
    ExprPtr parse_subscript(ExprPtr node);
    void parse_call_args(Expr& call);
    std::string parse_dotted_name();

    // --- token helpers
    const Token& cur() const { return toks_[i_]; }
    const Token& peek(std::size_t ahead = 1) const {
        return toks_[std::min(i_ + ahead, toks_.size() - 1)];
    }
    const Token& next() {
        const Token& t = toks_[i_];
        if (i_ + 1 < toks_.size()) ++i_;
        return t;
    }
    bool is_op(const char* op) const { return cur().type == Tok::Op && cur().text == op; }
    bool is_name(const char* n) const { return cur().type == Tok::Name && cur().text == n; }
    bool skip_op(const char* op) {
        if (!is_op(op)) return false;
        next();
        return true;
    }
    bool skip_name(const char* n) {
        if (!is_name(n)) return false;
        next();
        return true;
    }
    void expect_op(const char* op);
    std::string expect_name();
    [[noreturn]] void fail(const Token& at, const std::string& message) const;
    [[noreturn]] void fail_unexpected(const std::string& expected) const;
    static std::string describe(const Token& t);
    ExprPtr make(Expr::Kind kind, Pos pos) const;

    std::vector<Token> toks_;
    std::size_t i_ = 0;
    std::string name_;
    std::vector<std::string> open_tags_;  ///< for "looking for" messages
    Template* tmpl_ = nullptr;
    int depth_ = 0;  ///< nesting guard
};

}  // namespace autogen::codegen::jinja
