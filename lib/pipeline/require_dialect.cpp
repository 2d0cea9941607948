// require_dialect() (require_dialect.hpp).
#include "require_dialect.hpp"

namespace autogen::pipeline {

const dialect::Dialect* require_dialect(const dialect::DialectRegistry& dialects,
                                        const std::string& name, support::Diagnostics& diags) {
    if (const dialect::Dialect* d = dialects.find(name)) return d;
    diags.error(support::Category::Config, "dialect '" + name + "' is not supported by this build",
                {}, "use one of: " + dialects.names());
    return nullptr;
}

}  // namespace autogen::pipeline
