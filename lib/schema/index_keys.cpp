#include "schema/index_keys.hpp"

#include <algorithm>
#include <cctype>

#include "support/text.hpp"

namespace autogen::schema {

namespace {

/// A word of a key: a "quoted" name (unquoted here), a parenthesised group (verbatim) or a
/// run of other characters up to white space (parentheses inside it kept whole).
struct Word {
    std::string text;
    bool quoted = false;
    bool group = false;
};

/// Splits a key into words; an error for an unclosed quote or parenthesis.
std::vector<Word> words_of(std::string_view s, std::string& error) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (std::isspace(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        Word w;
        if (s[i] == '"') {
            std::size_t k = i + 1;
            for (;; ++k) {
                if (k >= s.size()) {
                    error = "an unclosed \" in index key '" + std::string(s) + "'";
                    return {};
                }
                if (s[k] == '"') {
                    if (k + 1 < s.size() && s[k + 1] == '"') {
                        w.text += '"';
                        ++k;
                        continue;
                    }
                    break;
                }
                w.text += s[k];
            }
            w.quoted = true;
            i = k + 1;
        } else {
            w.group = s[i] == '(';
            int depth = 0;
            char quote = 0;
            std::size_t k = i;
            for (; k < s.size(); ++k) {
                char c = s[k];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '\'' || (c == '"' && depth > 0)) {
                    quote = c;
                } else if (c == '(') {
                    ++depth;
                } else if (c == ')') {
                    if (--depth == 0 && w.group) {
                        ++k;
                        break;
                    }
                } else if (depth == 0 && std::isspace(static_cast<unsigned char>(c))) {
                    break;
                }
            }
            if (depth != 0 || quote) {
                error = "unbalanced parentheses or quotes in index key '" + std::string(s) + "'";
                return {};
            }
            w.text = std::string(s.substr(i, k - i));
            i = k;
        }
        out.push_back(std::move(w));
    }
    return out;
}

bool is_keyword(const Word& w, std::string_view keyword) {
    return !w.quoted && !w.group && support::equals_ignoring_case(w.text, keyword);
}

std::string quoted(std::string_view name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

const char* const kKeyGrammar =
    "write column [COLLATE name] [operator_class] [ASC | DESC] [NULLS FIRST | NULLS LAST]";

}  // namespace

ParsedIndexKey parse_index_key(std::string_view key) {
    ParsedIndexKey out;
    std::vector<Word> words = words_of(key, out.error);
    if (!out.error.empty()) return out;
    if (words.empty()) {
        out.error = "an empty index key";
        return out;
    }
    out.item = words[0].text;
    // The stages of PostgreSQL's key grammar, each at most once and in this order.
    enum Stage { Start, Collate, OperatorClass, Direction, Nulls } stage = Start;
    auto wrong = [&](const std::string& what) {
        out.error = what + " in index key '" + std::string(key) + "'; " + kKeyGrammar;
        return out;
    };
    for (std::size_t i = 1; i < words.size(); ++i) {
        const Word& w = words[i];
        if (is_keyword(w, "COLLATE") && stage < Collate) {
            if (i + 1 >= words.size() || words[i + 1].group) return wrong("COLLATE without a name");
            out.options.collation = words[++i].text;
            stage = Collate;
        } else if ((is_keyword(w, "ASC") || is_keyword(w, "DESC")) && stage < Direction) {
            out.options.descending = is_keyword(w, "DESC");
            stage = Direction;
        } else if (is_keyword(w, "NULLS") && stage < Nulls) {
            if (i + 1 >= words.size() ||
                !(is_keyword(words[i + 1], "FIRST") || is_keyword(words[i + 1], "LAST")))
                return wrong("NULLS without FIRST or LAST");
            out.options.nulls_first = is_keyword(words[++i], "FIRST");
            stage = Nulls;
        } else if (!w.group && stage < OperatorClass && !is_keyword(w, "COLLATE") &&
                   !is_keyword(w, "ASC") && !is_keyword(w, "DESC") && !is_keyword(w, "NULLS")) {
            // An unquoted name folds to lower case in PostgreSQL, as the catalog keeps it.
            out.options.opclass = w.quoted ? w.text : support::to_lower(w.text);
            stage = OperatorClass;
        } else {
            return wrong("unexpected '" + w.text + "'");
        }
    }
    normalise(out.options);
    return out;
}

void normalise(IndexKeyOptions& options) {
    if (options.nulls_first && *options.nulls_first == options.descending)
        options.nulls_first.reset();
}

bool is_plain(const IndexKeyOptions& options) { return options == IndexKeyOptions{}; }

const IndexKeyOptions& key_options(const Index& index, std::size_t i) {
    static const IndexKeyOptions plain;
    return i < index.key_options.size() ? index.key_options[i] : plain;
}

void set_key_options(Index& index, std::size_t i, IndexKeyOptions options) {
    normalise(options);
    if (is_plain(options) && index.key_options.empty()) return;
    index.key_options.resize(std::max(index.key_options.size(), index.columns.size()));
    index.key_options[i] = std::move(options);
    if (std::all_of(index.key_options.begin(), index.key_options.end(),
                    [](const IndexKeyOptions& o) { return is_plain(o); }))
        index.key_options.clear();
}

std::string key_options_sql(const IndexKeyOptions& options) {
    std::string out;
    if (!options.collation.empty()) out += " COLLATE " + quoted(options.collation);
    if (!options.opclass.empty()) out += " " + options.opclass;
    if (options.descending) out += " DESC";
    if (options.nulls_first) out += *options.nulls_first ? " NULLS FIRST" : " NULLS LAST";
    return out;
}

std::string index_key_text(const Index& index, std::size_t i) {
    // A name that is not one word ("my col") is quoted, so its key reads back whole.
    const std::string& item = index.columns[i];
    bool word = !item.empty() && std::all_of(item.begin(), item.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
    });
    bool expression = !item.empty() && item.front() == '(';
    return (word || expression ? item : quoted(item)) + key_options_sql(key_options(index, i));
}

std::string index_keys_text(const Index& index) {
    std::string out;
    for (std::size_t i = 0; i < index.columns.size(); ++i)
        out += (i ? ", " : "") + index_key_text(index, i);
    return out;
}

bool same_key_options(const IndexKeyOptions& a,
                      const std::optional<std::string>& a_column_collation,
                      const IndexKeyOptions& b,
                      const std::optional<std::string>& b_column_collation) {
    auto collation = [](const IndexKeyOptions& o, const std::optional<std::string>& column) {
        return o.collation.empty() ? column.value_or("") : o.collation;
    };
    // Neither names one: both follow their column, whatever its collation (a column's
    // collation change is the column's, not the index's).
    bool same_collation = (a.collation.empty() && b.collation.empty()) ||
                          support::equals_ignoring_case(collation(a, a_column_collation),
                                                        collation(b, b_column_collation));
    return same_collation && a.opclass == b.opclass && a.descending == b.descending &&
           a.nulls_first == b.nulls_first;
}

std::vector<std::string> parse_storage_parameters(std::string_view text, std::string& error) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ',') continue;
        std::string_view item = support::trim(text.substr(start, i - start));
        start = i + 1;
        if (item.empty() && out.empty() && i == text.size()) break;  // with = ""
        std::size_t eq = item.find('=');
        std::string name = eq == std::string_view::npos
                               ? ""
                               : support::to_lower(support::trim(item.substr(0, eq)));
        std::string value =
            eq == std::string_view::npos ? "" : support::trimmed(item.substr(eq + 1));
        bool identifier = std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
        });
        if (name.empty() || value.empty() || !identifier) {
            error = "storage parameter '" + std::string(item) +
                    "' is not name = value; write e.g. with = \"fillfactor = 70\"";
            return {};
        }
        // PostgreSQL keeps a quoted value without its quotes and folds an unquoted word.
        if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'')
            value = value.substr(1, value.size() - 2);
        else
            value = support::to_lower(value);
        out.push_back(name + "=" + value);
    }
    return out;
}

std::string storage_parameters_sql(const std::vector<std::string>& parameters) {
    std::string out;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const std::string& p = parameters[i];
        std::size_t eq = p.find('=');
        std::string value = eq == std::string::npos ? "" : p.substr(eq + 1);
        bool bare = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
        });
        if (!bare) {
            std::string q = "'";
            for (char c : value) q += c == '\'' ? std::string("''") : std::string(1, c);
            value = q + "'";
        }
        out += (i ? ", " : "") + p.substr(0, eq) + " = " + value;
    }
    return out;
}

}  // namespace autogen::schema
