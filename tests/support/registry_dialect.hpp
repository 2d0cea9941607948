// A dialect for tests, taken from the registry the CLI uses (lib/dialect), so the
// harnesses test the same assembly of connection, inspector, rules and planner that
// autogen runs instead of building their own. Header-only: only the tests that include
// it link autogen_dialect (tests/conformance), not every stage's unit tests.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "db/url.hpp"
#include "dialect/dialect.hpp"

namespace autogen::testing {

class RegistryDialect {
  public:
    /// The registered dialect `name` ("sqlite", "postgresql"); fails the test when absent.
    explicit RegistryDialect(const std::string& name)
        : registry_(dialect::make_dialect_registry()) {
        dialect_ = registry_.find(name);
        REQUIRE_MESSAGE(dialect_,
                        "no dialect " << name << " in the registry (" << registry_.names() << ")");
    }

    const dialect::Dialect& operator*() const { return *dialect_; }
    const dialect::Dialect* operator->() const { return dialect_; }

    /// A read-write connection to `url` through the dialect's own connect (nullptr after
    /// reporting into `diags`).
    std::unique_ptr<db::Connection> connect(const std::string& url,
                                            support::Diagnostics& diags) const {
        auto parsed = registry_.parse_url(url, {}, diags);
        return parsed ? dialect_->connect(*parsed, db::Access::ReadWrite, diags) : nullptr;
    }

  private:
    dialect::DialectRegistry registry_;
    const dialect::Dialect* dialect_ = nullptr;
};

}  // namespace autogen::testing
