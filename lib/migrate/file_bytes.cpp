// read_file_bytes() (file_bytes.hpp).
#include "migrate/file_bytes.hpp"

#include <fstream>

namespace autogen::migrate {

std::optional<std::string> read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    // Whatever the size did not cover (a file that grew meanwhile, or one whose size is
    // unknown): the rest, as a stream copy of the whole file would give it.
    char more[4096];
    while (in && (in.read(more, sizeof more) || in.gcount() > 0))
        bytes.append(more, static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace autogen::migrate
