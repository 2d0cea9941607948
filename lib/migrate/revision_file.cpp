// Parsing of revision files (SPEC §4): the header block of "-- key: value" lines, then
// "-- +upgrade <dialect>" / "-- +downgrade <dialect>" sections kept verbatim with
// their line numbers so the runner can point at the failing statement.
#include "migrate/revision_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "migrate/file_bytes.hpp"
#include "migrate/sha256.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

namespace {

using support::Category;
using support::trim;

bool starts_with_word(std::string_view s, std::string_view word) {
    return s.substr(0, word.size()) == word &&
           (s.size() == word.size() || std::isspace(static_cast<unsigned char>(s[word.size()])));
}

/// The parser's state over one file; every error goes through error().
class Parser {
  public:
    Parser(std::string_view text, const std::filesystem::path& path,
           const std::vector<std::string>& dialects, support::Diagnostics& diags)
        : text_(text), path_(path), dialects_(dialects), diags_(diags) {}

    std::optional<Revision> run() {
        split_lines();
        rev_.path = path_;
        rev_.checksum = sha256_hex(text_);
        std::size_t i = 0;
        if (lines_.empty() || trim(lines_[0]) != kRevisionMarker) {
            error(1,
                  "not a revision file: the first line is not \"" + std::string(kRevisionMarker) +
                      "\"",
                  "revision files start with the header written by `autogen revision`; move other "
                  ".sql "
                  "files out of the migrations folder, or restore the header");
            return std::nullopt;
        }
        i = parse_header(1);
        check_header();
        parse_body(i);
        if (errors_) return std::nullopt;
        return std::move(rev_);
    }

  private:
    void split_lines() {
        // A UTF-8 byte order mark (Windows editors write one) is not part of the first
        // line; the checksum still covers the file's bytes as they are.
        std::size_t start = text_.rfind(support::kUtf8Bom, 0) == 0 ? support::kUtf8Bom.size() : 0;
        lines_.reserve(static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1);
        while (start < text_.size()) {
            auto nl = text_.find('\n', start);
            std::string_view line = text_.substr(
                start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines_.push_back(line);
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
    }

    void error(std::size_t line, std::string message, std::string hint) {
        ++errors_;
        diags_.error(Category::MigrationFile, std::move(message),
                     {path_.string(), static_cast<unsigned>(line), 0}, std::move(hint));
    }

    bool is_marker(std::string_view line) const {
        line = trim(line);
        return starts_with_word(line, "-- +upgrade") || starts_with_word(line, "-- +downgrade");
    }

    /// Reads "-- key: value" lines from index `i` up to the first blank or non-comment
    /// line; returns the index after the header.
    std::size_t parse_header(std::size_t i) {
        for (; i < lines_.size(); ++i) {
            std::string_view line = trim(lines_[i]);
            if (line.empty() || line.substr(0, 2) != "--" || is_marker(line)) break;
            std::string_view body = trim(line.substr(2));
            auto colon = body.find(':');
            std::string_view key =
                colon == std::string_view::npos ? body : trim(body.substr(0, colon));
            bool key_ok = colon != std::string_view::npos && !key.empty() &&
                          std::all_of(key.begin(), key.end(),
                                      [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
            if (!key_ok) {
                error(i + 1, "malformed header line \"" + std::string(line) + "\"",
                      "header lines are \"-- key: value\" (revision, down_revision, message, "
                      "created, "
                      "branch_labels, depends_on); end the header with a blank line before other "
                      "comments");
                continue;
            }
            std::string value(trim(body.substr(colon + 1)));
            if (!seen_.insert(std::string(key)).second) {
                error(i + 1, "header \"" + std::string(key) + "\" appears twice",
                      "keep one of the two lines");
                continue;
            }
            set_field(i + 1, std::string(key), value);
        }
        return i;
    }

    /// A comma-separated list of revision ids / labels; "none" or "" is the empty list.
    std::vector<std::string> parse_list(std::size_t line, const std::string& key,
                                        const std::string& value, bool ids) {
        std::vector<std::string> out;
        if (value.empty() || value == "none") return out;
        std::string_view rest = value;
        while (true) {
            auto comma = rest.find(',');
            std::string item(trim(rest.substr(0, comma)));
            if (item.empty() || (ids && !valid_revision_id(item))) {
                error(line, "malformed " + key + " \"" + value + "\"",
                      ids ? "write revision ids separated by commas, or \"none\" for the first "
                            "revision"
                          : "write names separated by commas");
            } else {
                out.push_back(item);
            }
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        return out;
    }

    void set_field(std::size_t line, const std::string& key, const std::string& value) {
        if (key == "revision") {
            if (!valid_revision_id(value)) {
                error(line, "malformed revision id \"" + value + "\"",
                      "a revision id is 1-64 letters, digits, '_' or '-', and not head, heads, "
                      "base or none");
            }
            rev_.id = value;
        } else if (key == "down_revision") {
            if (value.empty()) {
                error(line, "empty down_revision",
                      "write the parent revision id, or \"none\" for the first revision");
            }
            rev_.down_revisions = parse_list(line, key, value, true);
        } else if (key == "message") {
            rev_.message = value;
        } else if (key == "created") {
            rev_.created = value;
        } else if (key == "branch_labels") {
            rev_.branch_labels = parse_list(line, key, value, false);
        } else if (key == "depends_on") {
            rev_.depends_on = parse_list(line, key, value, true);
        } else {
            // A project template may add its own header lines; they are kept out of the data.
            diags_.warning(Category::MigrationFile, "unknown header \"" + key + "\" ignored",
                           {path_.string(), static_cast<unsigned>(line), 0},
                           "known headers: revision, down_revision, message, created, "
                           "branch_labels, depends_on");
        }
    }

    void check_header() {
        if (!seen_.count("revision")) {
            error(1, "the header has no \"-- revision: <id>\" line",
                  "add the line after \"-- autogen revision\", e.g. \"-- revision: 3f2a9c1b7d4e\"");
        }
        if (!seen_.count("down_revision")) {
            error(1, "the header has no \"-- down_revision: ...\" line",
                  "add \"-- down_revision: <parent id>\", or \"-- down_revision: none\" for the "
                  "first revision");
        }
        for (const auto& down : rev_.down_revisions) {
            if (down == rev_.id)
                error(1, "revision " + rev_.id + " names itself as its down_revision",
                      "fix the header");
        }
    }

    void parse_body(std::size_t i) {
        Section* current = nullptr;
        std::vector<Range> ranges;  ///< each section's lines, in file order
        std::set<std::string> seen_sections;
        for (; i < lines_.size(); ++i) {
            std::string_view line = trim(lines_[i]);
            if (is_marker(line)) {
                current = open_section(i + 1, line, seen_sections);
                if (current) ranges.push_back({current, i + 1, i + 1});
                continue;
            }
            if (!current) {
                if (!line.empty() && line.substr(0, 2) != "--") {
                    error(i + 1, "SQL outside any section",
                          "put statements under a \"-- +upgrade <dialect>\" or \"-- +downgrade "
                          "<dialect>\" line");
                    return;
                }
                continue;
            }
            if (line == kNoTransactionMarker) current->no_transaction = true;
            ranges.back().end = i + 1;
        }
        for (const auto& range : ranges) append_lines(range);
    }

    /// Lines [begin, end) of the file, which go to `section`.
    struct Range {
        Section* section;
        std::size_t begin;
        std::size_t end;
    };

    /// Appends a range's lines to its section, each with a '\n'. A large schema's upgrade
    /// is most of a file of megabytes: when its lines end in a bare '\n' in the file (no
    /// '\r' was dropped), they are one slice of it, copied at once.
    void append_lines(const Range& range) {
        if (range.begin == range.end) return;
        std::size_t size = 0;
        for (std::size_t k = range.begin; k < range.end; ++k) size += lines_[k].size() + 1;
        std::string& sql = range.section->sql;
        sql.reserve(sql.size() + size);
        const char* first = lines_[range.begin].data();
        const std::string_view last = lines_[range.end - 1];
        if (static_cast<std::size_t>(last.data() + last.size() - first) == size - 1) {
            sql.append(first, size - 1);
            sql += '\n';
            return;
        }
        for (std::size_t k = range.begin; k < range.end; ++k) {
            sql += lines_[k];
            sql += '\n';
        }
    }

    Section* open_section(std::size_t line_no, std::string_view line, std::set<std::string>& seen) {
        bool up = starts_with_word(line, "-- +upgrade");
        std::string dialect(trim(line.substr(up ? 11 : 13)));
        std::string kind = up ? "upgrade" : "downgrade";
        std::string configured = support::join_with(dialects_, ", ");
        if (dialect.empty() || dialect.find_first_of(" \t") != std::string::npos) {
            error(line_no, "malformed section line \"" + std::string(line) + "\"",
                  "write \"-- +" + kind + " <dialect>\" with one of: " + configured);
            return nullptr;
        }
        if (std::find(dialects_.begin(), dialects_.end(), dialect) == dialects_.end()) {
            error(line_no, "section for dialect \"" + dialect + "\", which is not configured",
                  "[database] dialects is [" + configured + "]; add \"" + dialect +
                      "\" there, or remove or rename this section");
            return nullptr;
        }
        if (!seen.insert(kind + " " + dialect).second) {
            error(line_no, "second \"-- +" + kind + " " + dialect + "\" section",
                  "merge the two sections into one");
            return nullptr;
        }
        auto& sections = up ? rev_.upgrade : rev_.downgrade;
        Section& s = sections[dialect];
        s.dialect = dialect;
        s.first_line = static_cast<unsigned>(line_no + 1);
        return &s;
    }

    std::string_view text_;
    const std::filesystem::path& path_;
    const std::vector<std::string>& dialects_;
    support::Diagnostics& diags_;
    std::vector<std::string_view> lines_;
    std::set<std::string> seen_;
    Revision rev_;
    int errors_ = 0;
};

}  // namespace

const char* to_string(Direction d) { return d == Direction::Upgrade ? "upgrade" : "downgrade"; }

const Section* Revision::section(Direction d, std::string_view dialect) const {
    const auto& sections = d == Direction::Upgrade ? upgrade : downgrade;
    auto it = sections.find(std::string(dialect));
    return it == sections.end() ? nullptr : &it->second;
}

bool valid_revision_id(std::string_view id) {
    static constexpr std::array<std::string_view, 4> kReserved = {"head", "heads", "base", "none"};
    if (id.empty() || id.size() > 64) return false;
    if (std::find(kReserved.begin(), kReserved.end(), id) != kReserved.end()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

std::optional<Revision> parse_revision(std::string_view text, const std::filesystem::path& path,
                                       const std::vector<std::string>& dialects,
                                       support::Diagnostics& diags) {
    return Parser(text, path, dialects, diags).run();
}

std::optional<Revision> read_revision_file(const std::filesystem::path& path,
                                           const std::vector<std::string>& dialects,
                                           support::Diagnostics& diags) {
    auto text = read_file_bytes(path);
    if (!text) {
        diags.error(Category::MigrationFile, "cannot read revision file", {path.string()},
                    "check that the file exists and is readable");
        return std::nullopt;
    }
    return parse_revision(*text, path, dialects, diags);
}

}  // namespace autogen::migrate
