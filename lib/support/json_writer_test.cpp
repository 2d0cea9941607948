#include "support/json_writer.hpp"

#include <doctest/doctest.h>

#include <random>

using autogen::support::JsonWriter;
using Json = nlohmann::ordered_json;

namespace {

/// What the writer makes of a whole DOM.
std::string written(const Json& j) {
    std::string out;
    JsonWriter(out).value(j);
    return out;
}

/// Strings that exercise every escape: quotes, backslashes, each control character,
/// DEL, UTF-8 of two, three and four bytes, U+2028, and solidus (never escaped).
std::vector<std::string> tricky_strings() {
    std::vector<std::string> out = {"",
                                    "plain",
                                    "say \"hi\"",
                                    R"(C:\path\to)",
                                    "a/b",
                                    "tab\there",
                                    "line\nbreak\r\n",
                                    std::string("nul\0inside", 10),
                                    "\x7f",
                                    "caf\xc3\xa9",
                                    "\xe2\x82\xac 5",
                                    "\xf0\x9f\x98\x80",
                                    "\xe2\x80\xa8",
                                    "\xc2\x85"};
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
    out.push_back(controls);
    return out;
}

}  // namespace

TEST_CASE("json writer: a DOM is written as dump(2) writes it") {
    for (const auto& s : tricky_strings()) {
        CAPTURE(s);
        CHECK(written(Json(s)) == Json(s).dump(2));
        Json keyed = Json::object();
        keyed[s] = s;
        CHECK(written(keyed) == keyed.dump(2));
    }
    const Json scalars = Json::array(
        {nullptr, true, false, 0, -1, 42, std::int64_t{-9007199254740993},
         std::uint64_t{18446744073709551615u}, 1.0, 0.1, -2.5e-300, 1e300, 3.141592653589793});
    CHECK(written(scalars) == scalars.dump(2));
    CHECK(written(Json::object()) == "{}");
    CHECK(written(Json::array()) == "[]");
    const Json nested = {{"version", 1},
                         {"empty_object", Json::object()},
                         {"empty_array", Json::array()},
                         {"list", {1, "two", nullptr, Json::array(), Json::object(), {{"a", {}}}}},
                         {"deep", {{"deeper", {{"deepest", Json::array({Json::array({1})})}}}}},
                         {"zeta", "last"},
                         {"alpha", "kept in insertion order"}};
    CHECK(written(nested) == nested.dump(2));
}

TEST_CASE("json writer: streaming calls give the DOM's text") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.member("name", "t\"1");
    w.member("count", 3);
    w.member("size", std::size_t{7});
    w.member("ok", true);
    w.member("missing", nullptr);
    w.member("maybe", std::optional<std::string>{});
    w.member("some", std::optional<std::string>{"x"});
    w.member("labels", std::vector<std::string>{"a", "b"});
    w.member("none", std::vector<std::string>{});
    w.key("objects").begin_array();
    w.begin_object().member("k", 1).end_object();
    w.begin_object().end_object();
    w.end_array();
    w.key("dom").value(Json{{"x", {1, 2}}});
    w.end_object();
    const Json expected = {{"name", "t\"1"},
                           {"count", 3},
                           {"size", 7},
                           {"ok", true},
                           {"missing", nullptr},
                           {"maybe", nullptr},
                           {"some", "x"},
                           {"labels", {"a", "b"}},
                           {"none", Json::array()},
                           {"objects", {{{"k", 1}}, Json::object()}},
                           {"dom", {{"x", {1, 2}}}}};
    CHECK(out == expected.dump(2));
}

TEST_CASE("json writer: a document in pieces is the same document") {
    Json j = Json::object();
    for (int i = 0; i < 50; ++i) j["k" + std::to_string(i)] = {{"a", i}, {"b", {"x", "y"}}};
    std::vector<std::string> pieces;
    std::string out;
    JsonWriter w(
        out, [&](std::string& piece) { pieces.push_back(piece); }, 100);
    w.value(j);
    pieces.push_back(out);
    CHECK(pieces.size() > 10);
    std::string whole;
    for (const auto& piece : pieces) {
        CHECK(piece.size() < 200);
        whole += piece;
    }
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].back() == '\n');
    CHECK(whole == j.dump(2));
}

TEST_CASE("json writer: random documents match dump(2)") {
    std::mt19937 random(15);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const auto strings = tricky_strings();
    auto random_string = [&] {
        std::string s;
        for (int n = pick(6); n > 0; --n)
            s += strings[static_cast<std::size_t>(pick(static_cast<int>(strings.size())))];
        for (int n = pick(4); n > 0; --n) s += static_cast<char>(pick(0x80));
        return s;
    };
    std::function<Json(int)> make = [&](int depth) -> Json {
        switch (depth > 3 ? pick(5) : pick(7)) {
            case 0:
                return nullptr;
            case 1:
                return pick(2) == 0;
            case 2:
                return pick(2000) - 1000;
            case 3:
                return random_string();
            case 4:
                return static_cast<double>(pick(100000)) / 64.0;
            case 5: {
                Json a = Json::array();
                for (int n = pick(4); n > 0; --n) a.push_back(make(depth + 1));
                return a;
            }
            default: {
                Json o = Json::object();
                for (int n = pick(4); n > 0; --n) o[random_string()] = make(depth + 1);
                return o;
            }
        }
    };
    for (int round = 0; round < 300; ++round) {
        const Json j = make(0);
        REQUIRE(written(j) == j.dump(2));
    }
}

TEST_CASE("json writer: text that is not UTF-8 fails as dump() fails") {
    for (const std::string bad :
         {"\xff", "ok\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "a\x80z", "\xe2\x82"}) {
        CAPTURE(bad);
        std::string expected;
        try {
            (void)Json(bad).dump(2);
        } catch (const nlohmann::json::type_error& e) {
            expected = e.what();
        }
        REQUIRE_FALSE(expected.empty());
        std::string out;
        JsonWriter w(out);
        w.begin_array();
        CHECK_THROWS_WITH_AS(w.value(bad), expected.c_str(), nlohmann::json::type_error);
    }
}

TEST_CASE("json writer: misuse is a logic error") {
    std::string out;
    JsonWriter w(out);
    CHECK_THROWS_AS(w.key("top"), std::logic_error);
    CHECK_THROWS_AS(w.end_object(), std::logic_error);
    w.begin_object().key("k");
    CHECK_THROWS_AS(w.key("again"), std::logic_error);
}
