// scratch_available() (scratch_available.hpp).
#include "scratch_available.hpp"

namespace autogen::pipeline {

bool scratch_available(const dialect::Dialect& dialect, const support::Config& config,
                       std::string& why) {
    support::Diagnostics probe;
    if (dialect.scratch_ready(config, probe)) return true;
    why = probe.items().empty() ? "no scratch database" : probe.items().front().message;
    return false;
}

}  // namespace autogen::pipeline
