// endpoints() and open_url() (endpoint.hpp): the one list of client libraries.
#include "db/endpoint.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace autogen::db {

namespace fs = std::filesystem;

const std::vector<Endpoint>& endpoints() {
    static const std::vector<Endpoint> list{sqlite_endpoint(), postgres_endpoint()};
    return list;
}

void report_unsupported_url(const std::string& url, std::vector<std::string> forms,
                            support::Diagnostics& diags) {
    std::string accepted = forms.empty() ? std::string() : forms.back();
    if (forms.size() > 1) {
        forms.pop_back();
        accepted = support::join_with(forms) + " and " + accepted;
    }
    DatabaseUrl unknown;
    unknown.original = url;
    diags.error(support::Category::Config, "unsupported database URL '" + unknown.redacted() + "'",
                {}, "autogen supports " + accepted);
}

std::optional<OpenedDatabase> open_url(const std::string& url, const fs::path& base_dir,
                                       Access access, support::Diagnostics& diags) {
    const std::string scheme = url_scheme(url);
    const auto& list = endpoints();
    auto it = std::find_if(list.begin(), list.end(), [&](const Endpoint& e) {
        return !scheme.empty() &&
               std::find(e.schemes.begin(), e.schemes.end(), scheme) != e.schemes.end();
    });
    if (it == list.end()) {
        std::vector<std::string> forms;
        for (const auto& e : list)
            forms.insert(forms.end(), e.url_forms.begin(), e.url_forms.end());
        report_unsupported_url(url, std::move(forms), diags);
        return std::nullopt;
    }
    auto parsed = it->parse_url(url, base_dir, diags);
    if (!parsed) return std::nullopt;
    OpenedDatabase opened{&*it, *parsed, nullptr};
    opened.conn = it->connect(opened.url, access, diags);
    if (!opened.conn) return std::nullopt;
    return opened;
}

}  // namespace autogen::db
