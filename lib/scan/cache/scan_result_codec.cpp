// The binary scan-outcome codec (scan_result_codec.hpp). One field list per type,
// `fields(Archive&, T&)`, serves both directions, so writer and reader cannot drift
// apart: the Writer appends each field, the Reader fills it (and throws Corrupt on any
// malformed input, which decode_outcome turns into nullopt).
#include "scan/cache/scan_result_codec.hpp"

#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>

#include "schema/view_column_comments.hpp"

namespace autogen::scan {

namespace {

struct Corrupt {};

class Writer {
  public:
    std::string out;

    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            out += static_cast<char>((v & 0x7F) | 0x80);
            v >>= 7;
        }
        out += static_cast<char>(v);
    }
    void operator()(std::string& s) {
        varint(s.size());
        out += s;
    }
    void operator()(unsigned& v) { varint(v); }
    /// Zigzag: small negative numbers stay short.
    void operator()(std::int64_t& v) {
        varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void operator()(bool& b) { out += b ? '\1' : '\0'; }
    template <typename T>
    void operator()(std::optional<T>& v) {
        bool present = v.has_value();
        (*this)(present);
        if (present) (*this)(*v);
    }
    template <typename E>
    void enumeration(E& e, E /*last*/) {
        varint(static_cast<std::uint64_t>(e));
    }
    /// A location's file: a number; a number not seen yet is followed by the path.
    void file(std::string& path) {
        auto [it, added] = files_.emplace(path, files_.size());
        varint(it->second);
        if (added) (*this)(path);
    }
    template <typename T, typename F>
    void list(std::vector<T>& items, F&& each) {
        varint(items.size());
        for (auto& item : items) each(item);
    }

    void paths(std::vector<std::filesystem::path>& paths) {
        varint(paths.size());
        for (const auto& p : paths) {
            varint(p.native().size());
            out += p.native();
        }
    }

  private:
    std::unordered_map<std::string, std::uint64_t> files_;
};

class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}

    bool at_end() const { return pos_ == in_.size(); }

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= in_.size()) throw Corrupt{};
            auto byte = static_cast<unsigned char>(in_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        throw Corrupt{};
    }
    void operator()(std::string& s) {
        std::uint64_t n = varint();
        if (n > in_.size() - pos_) throw Corrupt{};
        s.assign(in_.data() + pos_, n);
        pos_ += n;
    }
    void operator()(unsigned& v) {
        std::uint64_t n = varint();
        if (n > 0xFFFFFFFFu) throw Corrupt{};
        v = static_cast<unsigned>(n);
    }
    void operator()(std::int64_t& v) {
        const std::uint64_t n = varint();
        v = static_cast<std::int64_t>((n >> 1) ^ (~(n & 1) + 1));
    }
    void operator()(bool& b) {
        if (pos_ >= in_.size() || static_cast<unsigned char>(in_[pos_]) > 1) throw Corrupt{};
        b = in_[pos_++] == '\1';
    }
    template <typename T>
    void operator()(std::optional<T>& v) {
        bool present = false;
        (*this)(present);
        if (present) (*this)(v.emplace());
    }
    template <typename E>
    void enumeration(E& e, E last) {
        std::uint64_t v = varint();
        if (v > static_cast<std::uint64_t>(last)) throw Corrupt{};
        e = static_cast<E>(v);
    }
    void file(std::string& path) {
        std::uint64_t n = varint();
        if (n < files_.size()) {
            path = files_[n];
        } else if (n == files_.size()) {
            (*this)(path);
            files_.push_back(path);
        } else {
            throw Corrupt{};
        }
    }
    void paths(std::vector<std::filesystem::path>& paths) {
        std::vector<std::string> names;
        list(names, [&](std::string& s) { (*this)(s); });
        paths.assign(names.begin(), names.end());
    }
    template <typename T, typename F>
    void list(std::vector<T>& items, F&& each) {
        std::uint64_t n = varint();
        if (n > in_.size() - pos_) throw Corrupt{};  // every item takes at least one byte
        items.resize(n);
        for (auto& item : items) each(item);
    }

  private:
    std::string_view in_;
    std::size_t pos_ = 0;
    std::vector<std::string> files_;
};

template <typename A>
void strings(A& a, std::vector<std::string>& v) {
    a.list(v, [&](std::string& s) { a(s); });
}

template <typename A>
void fields(A& a, support::SourceLocation& l) {
    a.file(l.file);
    a(l.line);
    a(l.column);
}

template <typename A>
void fields(A& a, schema::Column& c) {
    a(c.name);
    a.enumeration(c.type.logical, schema::Logical::Enum);
    a(c.type.length);
    a(c.type.enum_name);
    a(c.type.sql);
    a(c.nullable);
    a(c.server_default);
    // One byte as the bool it was (0 none, 1 BY DEFAULT), 2 for ALWAYS, 3 and 4 for a
    // STORED or VIRTUAL generated column (which is never an identity), followed by its
    // expression; 5 and 6 for BY DEFAULT and ALWAYS with sequence options, followed by
    // them: the digests of tables without them, which a committed autogen.sum records,
    // stay what they were.
    enum class Identity {
        None,
        ByDefault,
        Always,
        GeneratedStored,
        GeneratedVirtual,
        ByDefaultWithOptions,
        AlwaysWithOptions
    };
    const bool options = c.identity && !c.identity_options.empty();
    Identity identity =
        c.generated ? (c.generated_virtual ? Identity::GeneratedVirtual : Identity::GeneratedStored)
        : c.identity
            ? (c.identity_always ? (options ? Identity::AlwaysWithOptions : Identity::Always)
                                 : (options ? Identity::ByDefaultWithOptions : Identity::ByDefault))
            : Identity::None;
    a.enumeration(identity, Identity::AlwaysWithOptions);
    const bool generated =
        identity == Identity::GeneratedStored || identity == Identity::GeneratedVirtual;
    c.identity = !generated && identity != Identity::None;
    c.identity_always = identity == Identity::Always || identity == Identity::AlwaysWithOptions;
    if (identity == Identity::ByDefaultWithOptions || identity == Identity::AlwaysWithOptions) {
        a(c.identity_options.start);
        a(c.identity_options.increment);
        a(c.identity_options.minvalue);
        a(c.identity_options.maxvalue);
        a(c.identity_options.cache);
        a(c.identity_options.cycle);
    }
    if (generated) {
        std::string expression = c.generated.value_or(std::string());
        a(expression);
        c.generated = std::move(expression);
    }
    c.generated_virtual = identity == Identity::GeneratedVirtual;
    a(c.collation);
    a(c.comment);
    a(c.renamed_from);
    fields(a, c.location);
}

/// Has any key, index or constraint of `t` a comment?
bool has_object_comments(const schema::Table& t) {
    auto any = [](const auto& items) {
        for (const auto& i : items)
            if (!i.comment.empty()) return true;
        return false;
    };
    return (t.primary_key && !t.primary_key->comment.empty()) || any(t.foreign_keys) ||
           any(t.uniques) || any(t.indexes) || any(t.checks) || any(t.exclusions);
}

/// The comments of `t`'s primary key, foreign keys, uniques, indexes, checks and
/// exclusions, one per object in list order (the lists are read before).
template <typename A>
void object_comments(A& a, schema::Table& t) {
    std::string pk = t.primary_key ? t.primary_key->comment : std::string();
    a(pk);
    if (t.primary_key) t.primary_key->comment = pk;
    auto each = [&](auto& items) {
        std::vector<std::string> comments;
        for (const auto& i : items) comments.push_back(i.comment);
        strings(a, comments);
        if (comments.size() != items.size()) throw Corrupt{};
        for (std::size_t k = 0; k < items.size(); ++k) items[k].comment = comments[k];
    };
    each(t.foreign_keys);
    each(t.uniques);
    each(t.indexes);
    each(t.checks);
    each(t.exclusions);
}

template <typename A>
void fields(A& a, schema::Table& t) {
    constexpr auto last_action = schema::ReferentialAction::SetDefault;
    a(t.schema);
    a(t.name);
    a(t.comment);
    a(t.renamed_from);
    fields(a, t.location);
    a.list(t.columns, [&](schema::Column& c) { fields(a, c); });
    // One byte as the bool it was (0 no primary key, 1 one), 2 and 3 the same followed
    // by the table's options: the digests of tables without options, which a committed
    // autogen.sum records, stay what they were.
    // Bit 4 (added for comments on keys, indexes and constraints) says a list of their
    // comments follows the checks (object_comments): the digests of tables without any stay.
    const bool had_options = t.options != schema::TableOptions{};
    unsigned shape =
        (t.primary_key ? 1U : 0U) | (had_options ? 2U : 0U) | (has_object_comments(t) ? 4U : 0U);
    a.enumeration(shape, 7U);
    const bool has_pk = (shape & 1U) != 0;
    if ((shape & 2U) != 0) {
        a(t.options.strict);
        a(t.options.without_rowid);
        a(t.options.autoincrement);
        // One byte as the bool UNLOGGED was (0, 1), 2 and 3 the same followed by a byte of
        // row-level security (1 ENABLE, 2 ENABLE + FORCE): the digests of tables without
        // it, which a committed autogen.sum records, stay what they were.
        auto& o = t.options;
        // 4 and up: a PARTITION BY text follows the rest (partitioned tables only).
        unsigned persistence = (o.unlogged ? 1U : 0U) + (o.row_level_security ? 2U : 0U) +
                               (o.partition_by.empty() ? 0U : 4U);
        a.enumeration(persistence, 7U);
        o.unlogged = (persistence & 1U) != 0;
        o.row_level_security = (persistence & 2U) != 0;
        if (o.row_level_security) {
            unsigned rls = o.force_row_level_security ? 2U : 1U;
            a.enumeration(rls, 2U);
            o.force_row_level_security = rls == 2U;
        }
        strings(a, t.options.storage_parameters);
        if ((persistence & 4U) != 0) a(o.partition_by);
    }
    if (has_pk) {
        if (!t.primary_key) t.primary_key.emplace();
        a(t.primary_key->name);
        strings(a, t.primary_key->columns);
    }
    a.list(t.foreign_keys, [&](schema::ForeignKey& fk) {
        a(fk.name);
        strings(a, fk.columns);
        a(fk.ref_schema);
        a(fk.ref_table);
        strings(a, fk.ref_columns);
        a.enumeration(fk.on_delete, last_action);
        a.enumeration(fk.on_update, last_action);
        a(fk.deferrable);
        // One byte as the bool it was (0, 1 INITIALLY DEFERRED), 2 added for MATCH FULL:
        // the digests of tables without it, which a committed autogen.sum records, stay.
        unsigned deferral = (fk.initially_deferred ? 1U : 0U) | (fk.match_full ? 2U : 0U);
        a.enumeration(deferral, 3U);
        fk.initially_deferred = (deferral & 1U) != 0;
        fk.match_full = (deferral & 2U) != 0;
        fields(a, fk.location);
    });
    a.list(t.uniques, [&](schema::UniqueConstraint& u) {
        a(u.name);
        strings(a, u.columns);
        fields(a, u.location);
    });
    a.list(t.indexes, [&](schema::Index& ix) {
        a(ix.name);
        strings(a, ix.columns);
        a(ix.unique);
        a(ix.where);
        a(ix.method);
        a.list(ix.key_options, [&](schema::IndexKeyOptions& k) {
            a(k.collation);
            a(k.opclass);
            a(k.descending);
            a(k.nulls_first);
        });
        strings(a, ix.include);
        a(ix.nulls_not_distinct);
        strings(a, ix.storage_parameters);
        fields(a, ix.location);
    });
    // Exclusion constraints ride in the checks' list, marked by flag 4 of the prefix
    // below, so the digests of tables without them stay what autogen.sum records.
    std::vector<schema::CheckConstraint> listed = t.checks;
    for (const auto& x : t.exclusions)
        listed.push_back(
            {x.name,
             std::string("\x01") + static_cast<char>('0' + 4) + x.definition + '\x1f' + x.where,
             x.location, false, false, x.comment});
    t.checks.clear();
    t.exclusions.clear();
    a.list(listed, [&](schema::CheckConstraint& ck) {
        a(ck.name);
        // NO INHERIT / NOT VALID as a prefix of the expression ("\x01" and a digit, flags
        // 1 and 2), which no SQL starts with: the digests of tables without them stay.
        std::string expression = ck.expression;
        const bool encoded = expression.size() >= 2 && expression[0] == '\x01';
        if (!encoded && (ck.no_inherit || ck.not_valid))
            expression = std::string("\x01") +
                         static_cast<char>('0' + (ck.no_inherit ? 1 : 0) + (ck.not_valid ? 2 : 0)) +
                         expression;
        a(expression);
        int flags = 0;
        if (expression.size() >= 2 && expression[0] == '\x01') {
            flags = expression[1] - '0';
            expression.erase(0, 2);
        }
        fields(a, ck.location);
        if (flags & 4) {
            const auto sep = expression.find('\x1f');
            if (sep == std::string::npos) throw Corrupt{};
            t.exclusions.push_back({ck.name, expression.substr(0, sep), expression.substr(sep + 1),
                                    ck.location, ck.comment});
            return;
        }
        ck.no_inherit = (flags & 1) != 0;
        ck.not_valid = (flags & 2) != 0;
        ck.expression = std::move(expression);
        t.checks.push_back(ck);
    });
    if ((shape & 4U) != 0) object_comments(a, t);
}

template <typename A>
void fields(A& a, schema::Schema& s) {
    a.list(s.tables, [&](schema::Table& t) { fields(a, t); });
    a.list(s.enums, [&](schema::Enum& e) {
        a(e.schema);
        a(e.name);
        // The type's comment rides as a last label marked "\x01", which no label starts
        // with: the digests of enums without one, which autogen.sum records, stay.
        std::vector<std::string> labels = e.labels;
        if (!e.comment.empty()) labels.push_back("\x01" + e.comment);
        strings(a, labels);
        if (!labels.empty() && !labels.back().empty() && labels.back()[0] == '\x01') {
            e.comment = labels.back().substr(1);
            labels.pop_back();
        }
        e.labels = std::move(labels);
        fields(a, e.location);
    });
    a.list(s.objects, [&](schema::SqlObject& o) {
        a.enumeration(o.kind, std::end(schema::kObjectKinds)[-1]);
        a(o.schema);
        a(o.name);
        a(o.sql);
        a(o.definition);
        strings(a, o.columns);
        a(o.table);
        a(o.arguments);
        a(o.version);
        a(o.comment);
        std::vector<std::string> column_comments = schema::flat_column_comments(o.column_comments);
        strings(a, column_comments);
        o.column_comments = schema::column_comments_from(column_comments);
        fields(a, o.location);
    });
    a(s.declares_objects);
}

template <typename A>
void fields(A& a, CachedOutcome& o) {
    a.paths(o.result.files);
    fields(a, o.result.schema);
    a.list(o.diagnostics, [&](support::Diagnostic& d) {
        a.enumeration(d.severity, support::Severity::Error);
        a.enumeration(d.category, support::Category::Internal);
        a(d.message);
        fields(a, d.location);
        a(d.hint);
    });
}

}  // namespace

std::string encode_outcome(const CachedOutcome& outcome) {
    Writer w;
    w.out.reserve(64 * 1024);
    // The field lists take non-const references (one list for both directions); the
    // Writer never modifies what it is given.
    fields(w, const_cast<CachedOutcome&>(outcome));
    return std::move(w.out);
}

std::string encode_schema(const schema::Schema& schema) {
    Writer w;
    w.out.reserve(64 * 1024);
    fields(w, const_cast<schema::Schema&>(schema));  // never modified: see encode_outcome
    return std::move(w.out);
}

namespace {

/// `T` read from `bytes` with the field lists, nullopt unless they are exactly one.
template <typename T>
std::optional<T> decode_whole(std::string_view bytes) {
    Reader r(bytes);
    T out;
    try {
        fields(r, out);
    } catch (const Corrupt&) {
        return std::nullopt;
    }
    if (!r.at_end()) return std::nullopt;
    return out;
}

}  // namespace

std::optional<CachedOutcome> decode_outcome(std::string_view bytes) {
    return decode_whole<CachedOutcome>(bytes);
}

std::optional<schema::Schema> decode_schema(std::string_view bytes) {
    return decode_whole<schema::Schema>(bytes);
}

}  // namespace autogen::scan
