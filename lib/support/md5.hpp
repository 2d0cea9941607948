// MD5 (RFC 1321), written from the RFC for one job: the 4-hex-digit suffix SQLAlchemy
// puts on a convention name too long for the database (support/naming.hpp), so that a
// database named by SQLAlchemy and the models agree. Not for anything secret.
#pragma once

#include <string>
#include <string_view>

namespace autogen::support {

/// The MD5 digest of `bytes` as 32 lower-case hex digits.
std::string md5_hex(std::string_view bytes);

}  // namespace autogen::support
