// Tables of annotation strings for the grammar and the vocabulary checks.
#include "scan/annotation_parser.hpp"

#include <doctest/doctest.h>

#include "scan/vocabulary.hpp"

namespace autogen::scan {

namespace {

/// "key=value" / "flag" / "\"positional\"" summary of parsed args, for compact tables.
std::string summary(const Annotation& a) {
    std::string out;
    for (const auto& arg : a.args) {
        if (!out.empty()) out += " | ";
        out += arg.key;
        if (arg.value) {
            if (!arg.key.empty()) out += "=";
            switch (arg.value->kind) {
                case AnnotationValue::Kind::String:
                    out += "s:" + arg.value->text;
                    break;
                case AnnotationValue::Kind::Identifier:
                    out += "i:" + arg.value->text;
                    break;
                case AnnotationValue::Kind::Integer:
                    out += "n:" + std::to_string(arg.value->integer);
                    break;
            }
        }
        out += "@" + std::to_string(arg.offset);
    }
    return out;
}

}  // namespace

TEST_CASE("annotation_parser: valid annotations") {
    struct Case {
        const char* text;
        const char* kind;
        const char* args;
    };
    const Case cases[] = {
        {"autogen:transient", "transient", ""},
        {"autogen:table ", "table", ""},
        {"autogen:table \"users\"", "table", "s:users@0"},
        {"autogen:column primary_key, identity", "column", "primary_key@0 | identity@13"},
        {"autogen:column primary_key, identity, length = 255, references = \"users.id\", on_delete "
         "= cascade",
         "column",
         "primary_key@0 | identity@13 | length=n:255@23 | references=s:users.id@37 | "
         "on_delete=i:cascade@62"},
        {"autogen:column server_default = \"x \\\"quoted\\\" y\"", "column",
         "server_default=s:x \"quoted\" y@0"},
        {"autogen:column comment = \"tab\\there\\n\\x41\\101\\\\\"", "column",
         "comment=s:tab\there\nAA\\@0"},
        {"autogen:column comment = \"a\" \"b\"", "column", "comment=s:ab@0"},
        {"autogen:index \"ix\", \"(lower(email)), id\", unique, where = \"deleted_at IS NULL\"",
         "index", "s:ix@0 | s:(lower(email)), id@6 | unique@28 | where=s:deleted_at IS NULL@36"},
        {"autogen:column length = -3", "column", "length=n:-3@0"},
        {"autogen:column  length=7 ,flag", "column", "length=n:7@1 | flag@11"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.text));
        REQUIRE(is_autogen_annotation(c.text));
        auto r = parse_annotation(c.text);
        REQUIRE_FALSE(r.error);
        REQUIRE(r.annotation);
        CHECK(r.annotation->kind == c.kind);
        CHECK(summary(*r.annotation) == c.args);
    }
}

TEST_CASE("annotation_parser: syntax errors carry the offset of the bad byte") {
    struct Case {
        const char* text;
        const char* message;
        std::size_t offset;
    };
    const Case cases[] = {
        {"autogen:column primary_key identity", "expected ','", 12},
        {"autogen:column length =", "expected a value after 'length ='", 8},
        {"autogen:column comment = \"open", "unterminated string literal", 10},
        {"autogen:column a,,b", "empty argument", 2},
        {"autogen:column comment = \"\\q\"", "unknown escape sequence", 11},
        {"autogen:column length = 12ab", "malformed integer", 9},
        {"autogen:column length = @", "unexpected character '@'", 9},
        {"autogen:column flag,", "empty argument", 5},
        {"autogen:", "no kind", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.text));
        auto r = parse_annotation(c.text);
        REQUIRE(r.error);
        CHECK(r.error->message.find(c.message) != std::string::npos);
        CHECK(r.error->offset == c.offset);
        CHECK_FALSE(r.error->hint.empty());
    }
}

TEST_CASE("annotation_parser: other annotations are not ours") {
    CHECK_FALSE(is_autogen_annotation("clang-tidy:ignore"));
    CHECK_FALSE(is_autogen_annotation("autogen"));
    CHECK(is_autogen_annotation("autogen:column"));
}

TEST_CASE("vocabulary: a near-miss key gets a suggestion") {
    auto r = parse_annotation("autogen:column lenght = 3");
    auto errors = validate(AnnotationKind::Column, *r.annotation);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].hint.rfind("did you mean 'length'? known keys of AUTOGEN_COLUMN: ", 0) == 0);
    r = parse_annotation("autogen:column zzzzzzzz");
    errors = validate(AnnotationKind::Column, *r.annotation);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].hint.find("did you mean") == std::string::npos);
}

TEST_CASE("vocabulary: kinds") {
    CHECK(parse_kind("column") == AnnotationKind::Column);
    CHECK(parse_kind("primary_key") == AnnotationKind::PrimaryKey);
    CHECK(parse_kind("foreign_key") == AnnotationKind::ForeignKey);
    CHECK_FALSE(parse_kind("colum"));
    CHECK(std::string(macro_name(AnnotationKind::Label)) == "AUTOGEN_LABEL");
}

TEST_CASE("vocabulary: accepted annotations") {
    const char* good[] = {
        "autogen:column primary_key, identity, length = 255, references = \"users.id\", on_delete "
        "= cascade",
        "autogen:column on_delete = \"set null\", on_update = no_action, references = \"a.b\"",
        "autogen:column name = \"x\", type = \"NUMERIC(12,2)\", nullable, server_default = 0, "
        "collate = nocase",
        "autogen:column check = \"x > 0\", renamed_from = old_x, comment = \"c\", unique, index, "
        "not_null",
        "autogen:column generated = \"price * quantity\", index, nullable",
        "autogen:column generated = \"a + b\", virtual",
        "autogen:column primary_key, identity, autoincrement",
        "autogen:table \"t\", strict, without_rowid",
        "autogen:table \"t\", unlogged, with = \"fillfactor = 70\"",
        "autogen:table",
        "autogen:table \"users\", schema = \"app\", renamed_from = \"people\", comment = \"x\"",
        "autogen:index \"ix\", \"a, b\", unique, where = \"a > 0\"",
        "autogen:unique \"uq\", \"a\"",
        "autogen:check \"ck\", \"a > 0\"",
        "autogen:check \"ck\", \"a > 0\", no_inherit, not_valid",
        "autogen:column references = \"a.b\", match = full",
        "autogen:foreign_key \"fk\", \"a, b\", \"t(b, c)\", match = \"SIMPLE\"",
        "autogen:primary_key \"a, b\"",
        "autogen:foreign_key \"fk\", \"a\", \"t(b)\", on_delete = cascade, on_update = restrict",
        "autogen:enum \"status\"",
        "autogen:enum",
        "autogen:label \"PAID\"",
        "autogen:transient",
    };
    for (const char* text : good) {
        CAPTURE(std::string(text));
        auto r = parse_annotation(text);
        REQUIRE(r.annotation);
        auto errors = validate(*parse_kind(r.kind), *r.annotation);
        CHECK(errors.empty());
        for (const auto& e : errors) MESSAGE(e.message);
    }
}

TEST_CASE("vocabulary: rejected annotations point at the bad argument") {
    struct Case {
        const char* text;
        const char* message;
        std::size_t offset;
    };
    const Case cases[] = {
        {"autogen:column primary_key, uniq", "unknown flag 'uniq' in AUTOGEN_COLUMN", 13},
        {"autogen:column colour = \"red\"", "unknown key 'colour'", 0},
        {"autogen:column on_delete = explode", "bad value 'explode' for on_delete", 12},
        {"autogen:column length = \"255\"", "'length' takes an integer, found a string", 9},
        {"autogen:column length = 0", "must be a positive integer", 9},
        {"autogen:column type", "'type' needs a value", 0},
        {"autogen:column nullable = 1", "'nullable' is a flag and takes no value", 11},
        {"autogen:column identity = 1", "'identity' takes a string or an identifier", 11},
        {"autogen:column identity = sometimes", "bad value 'sometimes' for identity", 11},
        {"autogen:column unique = 1", "'unique' takes a string, found an integer", 9},
        {"autogen:column unique, unique", "'unique' given twice", 8},
        {"autogen:column nullable, not_null", "contradict", 10},
        {"autogen:column \"x\"", "takes no positional arguments", 0},
        {"autogen:column generated = 1", "'generated' takes a string, found an integer", 12},
        {"autogen:column generated = \" \"", "needs the SQL expression", 12},
        {"autogen:column generated = \"a\", server_default = \"0\"",
         "a generated column cannot also have 'server_default'", 17},
        {"autogen:column identity, generated = \"a\"", "cannot also have 'identity'", 0},
        {"autogen:column generated = \"a\", primary_key", "cannot also have 'primary_key'", 17},
        {"autogen:column virtual", "'virtual' applies only to a generated column", 0},
        {"autogen:column generated = \"a\", virtual = 1", "'virtual' is a flag", 27},
        {"autogen:column autoincrement", "'autoincrement' applies only to the primary key", 0},
        {"autogen:table \"t\", strict = 1", "'strict' is a flag", 14},
        {"autogen:table \"t\", with", "'with' needs a value", 5},
        {"autogen:column references = \"a.b\", match = partial",
         "MATCH PARTIAL is not implemented by PostgreSQL", 28},
        {"autogen:foreign_key \"fk\", \"a\", \"t(b)\", match = loose",
         "bad value 'loose' for match", 27},
        {"autogen:check \"ck\", \"a > 0\", not_valid = 1", "'not_valid' is a flag", 27},
        {"autogen:table users", "unknown flag 'users'", 0},
        {"autogen:table \"a\", \"b\"", "at most 1 positional argument", 5},
        {"autogen:index \"ix\"", "needs its columns", 0},
        {"autogen:index \"ix\", 3",
         "the columns of AUTOGEN_INDEX must be a string, found an integer", 6},
        {"autogen:foreign_key \"fk\", \"a\"", "needs its referenced table(columns)", 6},
        {"autogen:label", "needs its label", 0},
        {"autogen:transient x", "unknown flag 'x' in AUTOGEN_TRANSIENT", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.text));
        auto r = parse_annotation(c.text);
        REQUIRE(r.annotation);
        auto errors = validate(*parse_kind(r.kind), *r.annotation);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].message.find(c.message) != std::string::npos);
        MESSAGE(errors[0].message);
        CHECK(errors[0].offset == c.offset);
        CHECK_FALSE(errors[0].hint.empty());
    }
}

}  // namespace autogen::scan
