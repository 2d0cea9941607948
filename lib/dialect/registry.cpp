// The registry: dialects by name and by URL scheme, the scheme-neutral URL entry point,
// and make_dialect_registry, the one list of the dialects this build supports.
#include <algorithm>

#include "db/endpoint.hpp"
#include "dialect/dialect.hpp"
#include "dialect/postgres_dialect.hpp"
#include "dialect/sqlite_dialect.hpp"
#include "support/text.hpp"

namespace autogen::dialect {

void DialectRegistry::add(Dialect dialect) {
    dialects_.push_back(std::make_unique<Dialect>(std::move(dialect)));
}

const Dialect* DialectRegistry::find(const std::string& name) const {
    for (const auto& d : dialects_) {
        if (d->name == name) return d.get();
    }
    return nullptr;
}

const Dialect* DialectRegistry::find_by_scheme(const std::string& scheme) const {
    for (const auto& d : dialects_) {
        if (std::find(d->schemes.begin(), d->schemes.end(), scheme) != d->schemes.end())
            return d.get();
    }
    return nullptr;
}

std::vector<std::string> DialectRegistry::name_list() const {
    std::vector<std::string> out;
    for (const auto& d : dialects_) out.push_back(d->name);
    return out;
}

std::string DialectRegistry::names(const std::string& separator) const {
    return support::join_with(name_list(), separator);
}

std::optional<db::DatabaseUrl> DialectRegistry::parse_url(const std::string& url,
                                                          const std::filesystem::path& base_dir,
                                                          support::Diagnostics& diags) const {
    const std::string scheme = db::url_scheme(url);
    if (const Dialect* d = scheme.empty() ? nullptr : find_by_scheme(scheme))
        return d->parse_url(url, base_dir, diags);
    std::vector<std::string> forms;
    for (const auto& d : dialects_)
        forms.insert(forms.end(), d->url_forms.begin(), d->url_forms.end());
    db::report_unsupported_url(url, std::move(forms), diags);
    return std::nullopt;
}

Dialect dialect_from(db::Endpoint endpoint) {
    Dialect d;
    d.name = std::move(endpoint.name);
    d.schemes = std::move(endpoint.schemes);
    d.url_forms = std::move(endpoint.url_forms);
    d.parse_url = std::move(endpoint.parse_url);
    d.connect = std::move(endpoint.connect);
    return d;
}

DialectRegistry make_dialect_registry() {
    DialectRegistry registry;
    registry.add(make_sqlite_dialect());
    registry.add(make_postgres_dialect());
    return registry;
}

}  // namespace autogen::dialect
