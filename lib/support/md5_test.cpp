// MD5 against RFC 1321's test suite and Python's hashlib (padding edges: 55, 56, 64 and
// 119 bytes; non-ASCII bytes).
#include "support/md5.hpp"

#include <doctest/doctest.h>

#include <string>

using autogen::support::md5_hex;

TEST_CASE("md5: RFC 1321 vectors and padding edges") {
    CHECK(md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(md5_hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
    CHECK(md5_hex(std::string(55, 'a')) == "ef1772b6dff9a122358552954ad0df65");
    CHECK(md5_hex(std::string(56, 'a')) == "3b0c8ac703f828b04c6c197006d17218");
    CHECK(md5_hex(std::string(64, 'a')) == "014842d480b571495a4a0363793f7367");
    CHECK(md5_hex(std::string(119, 'a')) == "8a7bd0732ed6a28ce75f6dabc90e1613");
    CHECK(md5_hex("gr\xc3\xb6\xc3\x9f"
                  "e") == "fdbb3a56280acfa9031707622c599ccb");
}
