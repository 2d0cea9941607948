// The property generator's profiles of the two dialects (property_generator.hpp): what
// each database accepts and keeps. Shared by the property tests and the per-table memo
// test (header-only, for tests only).
#pragma once

#include "tests/support/property_generator.hpp"

namespace autogen::testing::property {

inline Profile sqlite_profile() {
    Profile p;
    p.dialect = "sqlite";
    p.enum_types = false;
    p.unnamed_constraints = true;
    p.identity_anywhere = false;
    p.collations = {"NOCASE", "RTRIM", "BINARY"};
    p.sql_types = {{"NUMERIC(12,2)", Logical::Double},
                   {"VARCHAR(40)", Logical::Text},
                   {"INT8", Logical::BigInt}};
    p.defaults = portable_defaults();
    p.defaults[Logical::Boolean] = {"0", "1", "TRUE", "FALSE"};
    p.defaults[Logical::Blob] = {"X'00FF'"};
    p.defaults[Logical::TimestampTz] = {"CURRENT_TIMESTAMP", "datetime('now')"};
    p.true_literal = "1";
    p.blob_literal = [](const std::string& hex) { return "X'" + hex + "'"; };
    return p;
}

inline Profile postgres_profile() {
    Profile p;
    p.dialect = "postgresql";
    p.enum_types = true;
    p.unnamed_constraints = false;
    p.identity_anywhere = true;
    p.collations = {"C", "POSIX"};
    p.sql_types = {{"NUMERIC(12,2)", Logical::Double},
                   {"VARCHAR(40)", Logical::Text},
                   {"INT8", Logical::BigInt}};
    p.defaults = portable_defaults();
    p.defaults[Logical::Boolean] = {"true", "FALSE"};
    p.defaults[Logical::Blob] = {"'\\x00ff'::bytea"};
    p.defaults[Logical::TimestampTz] = {"CURRENT_TIMESTAMP", "now()"};
    p.true_literal = "TRUE";
    p.blob_literal = [](const std::string& hex) { return "'\\x" + hex + "'::bytea"; };
    return p;
}

}  // namespace autogen::testing::property
