// SHA-256 of a byte string, as lowercase hex: the checksum of a revision file
// (Revision::checksum, the version table, migrations/autogen.sum). Implemented here
// (FIPS 180-4) so that no crypto library is needed for one digest.
#pragma once

#include <string>
#include <string_view>

namespace autogen::migrate {

/// The SHA-256 digest of `bytes`, 64 lowercase hex characters (as `sha256sum` prints).
std::string sha256_hex(std::string_view bytes);

}  // namespace autogen::migrate
