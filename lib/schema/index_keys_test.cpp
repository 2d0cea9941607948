// Index key options and storage parameters: the models' spelling read, normalised to
// what PostgreSQL reads back, and written again.
#include "schema/index_keys.hpp"

#include <doctest/doctest.h>

using namespace autogen::schema;

TEST_CASE("index keys: a plain column or expression has no options") {
    auto k = parse_index_key("created_at");
    CHECK(k.error.empty());
    CHECK(k.item == "created_at");
    CHECK(is_plain(k.options));
    k = parse_index_key("(lower(email))");
    CHECK(k.item == "(lower(email))");
    CHECK(is_plain(k.options));
    k = parse_index_key("\"Order Date\"");
    CHECK(k.item == "Order Date");
}

TEST_CASE("index keys: every option, in PostgreSQL's order, any case") {
    auto k = parse_index_key("email collate \"C\" TEXT_PATTERN_OPS desc nulls last");
    REQUIRE(k.error.empty());
    CHECK(k.item == "email");
    CHECK(k.options.collation == "C");
    CHECK(k.options.opclass == "text_pattern_ops");  // unquoted: folded as PostgreSQL does
    CHECK(k.options.descending);
    REQUIRE(k.options.nulls_first.has_value());
    CHECK_FALSE(*k.options.nulls_first);
    k = parse_index_key("(lower(name, 'a b')) COLLATE NOCASE ASC");
    REQUIRE(k.error.empty());
    CHECK(k.item == "(lower(name, 'a b'))");
    CHECK(k.options.collation == "NOCASE");
    CHECK_FALSE(k.options.descending);
}

TEST_CASE("index keys: the direction's default NULLS placement is dropped") {
    CHECK(is_plain(parse_index_key("a ASC NULLS LAST").options));
    CHECK(is_plain(parse_index_key("a NULLS LAST").options));
    auto desc = parse_index_key("a DESC NULLS FIRST").options;
    CHECK(desc.descending);
    CHECK_FALSE(desc.nulls_first.has_value());
    auto first = parse_index_key("a NULLS FIRST").options;
    REQUIRE(first.nulls_first.has_value());
    CHECK(*first.nulls_first);
}

TEST_CASE("index keys: bad keys say what is wrong and the grammar") {
    CHECK(parse_index_key("a DESC COLLATE \"C\"").error.find("unexpected 'COLLATE'") !=
          std::string::npos);
    CHECK(parse_index_key("a NULLS").error.find("NULLS without FIRST or LAST") !=
          std::string::npos);
    CHECK(parse_index_key("a COLLATE").error.find("COLLATE without a name") != std::string::npos);
    CHECK(parse_index_key("a DESC ASC").error.find("[ASC | DESC]") != std::string::npos);
    CHECK(parse_index_key("a ops1 ops2").error.find("unexpected 'ops2'") != std::string::npos);
    CHECK(!parse_index_key("(lower(a)").error.empty());
    CHECK(!parse_index_key("a COLLATE \"C").error.empty());
}

TEST_CASE("index keys: written back as the models write them, and read again the same") {
    Index ix{.name = "ix", .columns = {"a", "(lower(b))", "c"}};
    set_key_options(ix, 1, parse_index_key("x DESC").options);
    REQUIRE(ix.key_options.size() == 3);
    set_key_options(ix, 2,
                    parse_index_key("x COLLATE \"en \"\"x\"\"\" int4_ops NULLS FIRST").options);
    CHECK(index_keys_text(ix) ==
          "a, (lower(b)) DESC, c COLLATE \"en \"\"x\"\"\" int4_ops NULLS FIRST");
    for (std::size_t i = 0; i < ix.columns.size(); ++i) {
        auto again = parse_index_key(index_key_text(ix, i));
        CHECK(again.error.empty());
        CHECK(again.item == ix.columns[i]);
        CHECK(again.options == key_options(ix, i));
    }
    // Back to plain keys: the per-key list empties, as an index without options has none.
    set_key_options(ix, 1, {});
    set_key_options(ix, 2, {});
    CHECK(ix.key_options.empty());
    set_key_options(ix, 0, {});
    CHECK(ix.key_options.empty());
}

TEST_CASE("index keys: a key without COLLATE has its column's collation") {
    IndexKeyOptions plain, c;
    c.collation = "C";
    CHECK(same_key_options(c, "C", plain, "C"));
    CHECK(same_key_options(c, std::nullopt, plain, "c"));  // names ignore case
    CHECK_FALSE(same_key_options(c, std::nullopt, plain, std::nullopt));
    // Neither names one: a column's collation change is not the index's
    CHECK(same_key_options(plain, std::nullopt, plain, "C"));
    IndexKeyOptions desc;
    desc.descending = true;
    CHECK_FALSE(same_key_options(desc, std::nullopt, plain, std::nullopt));
}

TEST_CASE("index storage parameters: normalised as pg_class.reloptions keeps them") {
    std::string error;
    auto p = parse_storage_parameters("FillFactor = 70, deduplicate_items=OFF, x = 'A b'", error);
    CHECK(error.empty());
    CHECK(p == std::vector<std::string>{"fillfactor=70", "deduplicate_items=off", "x=A b"});
    CHECK(storage_parameters_sql(p) == "fillfactor = 70, deduplicate_items = off, x = 'A b'");
    CHECK(parse_storage_parameters("", error).empty());
    CHECK(error.empty());
    parse_storage_parameters("fillfactor", error);
    CHECK(error.find("is not name = value") != std::string::npos);
    error.clear();
    parse_storage_parameters("fill factor = 1", error);
    CHECK(!error.empty());
}
