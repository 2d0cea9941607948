// SHA-256 against digests printed by `sha256sum`, around the padding boundaries.
#include "migrate/sha256.hpp"

#include <doctest/doctest.h>

using autogen::migrate::sha256_hex;

TEST_CASE("sha256: known digests (as sha256sum prints them)") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex(std::string(55, 'a')) ==
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) ==
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'b')) ==
          "a0fab1377f49a759b57f63318262ebe89fabfc990e8e93ceac2984561482b9d4");
    CHECK(sha256_hex(std::string(1000, 'x')) ==
          "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f");
}
