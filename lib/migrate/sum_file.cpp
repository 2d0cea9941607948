// Reading, writing and comparing migrations/autogen.sum.
#include "migrate/sum_file.hpp"

#include <cerrno>
#include <cstring>
#include <sstream>

#include "migrate/atomic_file.hpp"
#include "migrate/file_bytes.hpp"
#include "migrate/sha256.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

namespace fs = std::filesystem;
using support::Category;

namespace {

constexpr std::string_view kMagic = "autogen.sum 1 sha256:";
constexpr std::string_view kComment =
    "# Written by autogen (revision, merge, hash) and read by 'autogen check'; do not edit it.\n"
    "# After reviewing a hand edit of a revision that was never applied: 'autogen hash'.\n"
    "# After merging branches that each added a revision: 'autogen merge -m MSG heads'.\n";

bool is_hex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

SumRead invalid(std::string problem, unsigned line) {
    SumRead r;
    r.state = SumRead::State::Invalid;
    r.problem = std::move(problem);
    r.line = line;
    return r;
}

}  // namespace

std::string render_sum(const SumFile& sum) {
    std::string body(kComment);
    body += "heads";
    for (const auto& h : sum.heads) body += " " + h;
    body += "\n";
    for (const auto& [name, checksum] : sum.files) body += "file " + checksum + " " + name + "\n";
    for (const auto& [dialect, tables] : sum.normalized) {
        body += "normalized " + dialect + " " + support::one_line_text(tables.server) + "\n";
        for (const auto& [key, digest] : tables.digests)
            body += "table " + key + " " + digest + "\n";
    }
    body += "snapshot\n";
    body += sum.snapshot;
    return std::string(kMagic) + sha256_hex(body) + "\n" + body;
}

namespace {

/// parse_sum() but for the snapshot, the last `snapshot_size` bytes of `text` (when Ok):
/// read_sum() moves the file's own buffer into SumFile::snapshot instead of copying a
/// megabyte out of it.
SumRead parse_sum_lines(std::string_view text, std::size_t& snapshot_size) {
    // A byte order mark from an editor precedes the checksummed lines: skip it.
    if (text.starts_with(support::kUtf8Bom)) text.remove_prefix(support::kUtf8Bom.size());
    std::size_t first_end = text.find('\n');
    if (first_end == std::string_view::npos || !text.starts_with(kMagic)) {
        return invalid("the first line is not 'autogen.sum 1 sha256:<checksum>'", 1);
    }
    std::string_view recorded = text.substr(kMagic.size(), first_end - kMagic.size());
    std::string_view body = text.substr(first_end + 1);
    if (!is_hex64(recorded)) return invalid("the first line's checksum is not 64 hex digits", 1);
    if (sha256_hex(body) != recorded) {
        return invalid(
            "the file's checksum does not match its contents (edited by hand, or merged by git)",
            0);
    }
    SumRead r;
    r.state = SumRead::State::Ok;
    unsigned number = 1;
    std::size_t pos = first_end + 1;
    bool heads_seen = false;
    NormalizedTables* section = nullptr;  ///< the `normalized` section `table` lines go to
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++number;
        pos = end + 1;
        if (line.empty() || line[0] == '#') continue;
        if (line == "snapshot") {
            snapshot_size = text.size() - std::min(pos, text.size());
            r.sum.snapshot_line = number + 1;
            if (!heads_seen) return invalid("no 'heads' line before 'snapshot'", number);
            return r;
        }
        if (line == "heads" || line.starts_with("heads ")) {
            std::istringstream words{std::string(line.substr(5))};
            for (std::string id; words >> id;) r.sum.heads.push_back(id);
            heads_seen = true;
        } else if (line.starts_with("file ")) {
            std::string_view rest = line.substr(5);
            std::size_t space = rest.find(' ');
            if (space == std::string_view::npos || !is_hex64(rest.substr(0, space)) ||
                space + 1 >= rest.size()) {
                return invalid("expected 'file <sha256> <name>'", number);
            }
            r.sum.files[std::string(rest.substr(space + 1))] = std::string(rest.substr(0, space));
        } else if (line.starts_with("normalized ")) {
            std::string_view rest = line.substr(11);
            std::size_t space = rest.find(' ');
            std::string dialect(rest.substr(0, space));
            if (dialect.empty()) return invalid("expected 'normalized <dialect> <server>'", number);
            section = &r.sum.normalized[dialect];
            section->server =
                space == std::string_view::npos ? "" : std::string(rest.substr(space + 1));
        } else if (line.starts_with("table ")) {
            std::string_view rest = line.substr(6);
            std::size_t space = rest.find(' ');
            if (!section || space == std::string_view::npos || space == 0 ||
                space + 1 >= rest.size())
                return invalid("expected 'table <key> <digest>' after a 'normalized' line", number);
            section->digests[std::string(rest.substr(0, space))] =
                std::string(rest.substr(space + 1));
        } else {
            return invalid("unknown line '" + std::string(line.substr(0, 40)) + "'", number);
        }
    }
    return invalid("no 'snapshot' line", number);
}

}  // namespace

SumRead parse_sum(std::string_view text) {
    std::size_t snapshot_size = 0;
    SumRead r = parse_sum_lines(text, snapshot_size);
    if (r.state == SumRead::State::Ok)
        r.sum.snapshot = std::string(text.substr(text.size() - snapshot_size));
    return r;
}

SumRead read_sum(const fs::path& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return {};
    std::size_t snapshot_size = 0;
    SumRead r = parse_sum_lines(*bytes, snapshot_size);
    if (r.state == SumRead::State::Ok) {
        bytes->erase(0, bytes->size() - snapshot_size);
        r.sum.snapshot = std::move(*bytes);
    }
    return r;
}

bool write_sum(const fs::path& path, const SumFile& sum, support::Diagnostics& diags) {
    const int saved = write_file_atomically(path, render_sum(sum), /*replace=*/true);
    if (saved != 0) {
        diags.error(Category::Io,
                    std::string("cannot write the checksum file: ") + std::strerror(saved),
                    {path.string()},
                    "check that the migrations folder is writable, then run 'autogen hash'");
    }
    return saved == 0;
}

std::map<std::string, std::string> revision_file_checksums(const fs::path& dir) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& entry = *it;
        if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
        out[entry.path().filename().string()] =
            sha256_hex(read_file_bytes(entry.path()).value_or(std::string()));
    }
    return out;
}

std::vector<FileDrift> compare_files(const std::map<std::string, std::string>& recorded,
                                     const std::map<std::string, std::string>& actual) {
    std::vector<FileDrift> out;
    auto r = recorded.begin();
    auto a = actual.begin();
    // Both maps are sorted by name: one merge walk gives the differences in name order.
    while (r != recorded.end() || a != actual.end()) {
        if (a == actual.end() || (r != recorded.end() && r->first < a->first)) {
            out.push_back({FileDrift::Kind::Missing, r->first});
            ++r;
        } else if (r == recorded.end() || a->first < r->first) {
            out.push_back({FileDrift::Kind::Unlisted, a->first});
            ++a;
        } else {
            if (r->second != a->second) out.push_back({FileDrift::Kind::Changed, a->first});
            ++r;
            ++a;
        }
    }
    return out;
}

}  // namespace autogen::migrate
