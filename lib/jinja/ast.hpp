// The syntax tree the parser builds and the renderer walks: expressions (Expr) and
// statements (Stmt), each a kind tag plus a few generic slots, which keeps the tree
// small to build and to walk; the comment on each kind says which slots it uses.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "jinja/error.hpp"
#include "jinja/value.hpp"

namespace autogen::codegen::jinja {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// An expression node.
struct Expr {
    enum class Kind {
        Literal,   ///< literal
        Name,      ///< name
        List,      ///< items
        Tuple,     ///< items
        Dict,      ///< items: key, value, key, value ...
        GetAttr,   ///< items[0].name
        GetItem,   ///< items[0][items[1]]
        Slice,     ///< items[0][items[1]:items[2]:items[3]] (null slots absent)
        Call,      ///< items[0](items[1..], kwargs)
        Filter,    ///< items[0] | name(items[1..], kwargs)
        Test,      ///< items[0] is [not] name(items[1..], kwargs); negated
        Unary,     ///< name ("not", "-", "+") items[0]
        Binary,    ///< items[0] name items[1]; name is + - * / // % ** ~ and or
        Compare,   ///< items[0] ops[0] items[1] ops[1] items[2] ...
        CondExpr,  ///< items[1] if items[0] else items[2] (items[2] may be null)
    };
    Kind kind = Kind::Literal;
    Pos pos;
    std::string name;
    Json literal;
    std::vector<ExprPtr> items;
    std::vector<std::pair<std::string, ExprPtr>> kwargs;
    std::vector<std::string> ops;
    bool negated = false;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

/// A macro's parameter: a name and an optional default.
struct Param {
    std::string name;
    ExprPtr default_value;
};

/// A statement node.
struct Stmt {
    enum class Kind {
        Text,         ///< text
        Print,        ///< expr
        If,           ///< conds[i] -> bodies[i]; else_body
        For,          ///< targets in expr [if cond]: body; else_body; recursive unsupported
        Set,          ///< targets (or attr target: targets[0].name) = expr
        SetBlock,     ///< targets = rendered body (| filters in filter_expr)
        Macro,        ///< name(params): body
        CallBlock,    ///< call(params) expr: body
        FilterBlock,  ///< body | filter_expr (its items[0] is a placeholder)
        Include,      ///< include expr; ignore_missing; with_context
        Import,       ///< import expr as name; with_context
        FromImport,   ///< from expr import names (pairs name, alias); with_context
        Extends,      ///< extends expr
        Block,        ///< block name: body; scoped
        With,         ///< with targets = values: body
    };
    Kind kind = Kind::Text;
    Pos pos;
    std::string text;
    std::string name;
    ExprPtr expr;
    ExprPtr cond;
    ExprPtr filter_expr;
    std::vector<std::string> targets;
    std::string attr;  ///< Set: `set ns.attr = ...`
    std::vector<ExprPtr> conds;
    std::vector<Body> bodies;
    Body body;
    Body else_body;
    std::vector<Param> params;
    std::vector<std::pair<std::string, std::string>> names;  ///< FromImport
    std::vector<ExprPtr> values;                             ///< With
    bool ignore_missing = false;
    bool with_context = false;
    bool scoped = false;
    bool tuple_target = false;  ///< For/Set: `a, b` rather than `a`
};

/// A parsed template.
struct Template {
    std::string name;
    int origin = -1;  ///< index of the search-path folder it was loaded from; -1 for a string
    Body body;
    std::map<std::string, const Stmt*> blocks;  ///< every {% block %}, nested ones too
};

}  // namespace autogen::codegen::jinja
