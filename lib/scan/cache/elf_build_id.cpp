// GNU build ids (elf_build_id.hpp).
#include "scan/cache/elf_build_id.hpp"

#include <link.h>  // ElfW: this machine's ELF class

#include <cstring>
#include <fstream>
#include <vector>

namespace autogen::scan {

std::string build_id_in_notes(const char* notes, std::size_t size, std::size_t align) {
    auto padded = [align](std::size_t n) { return (n + align - 1) & ~(align - 1); };
    std::size_t at = 0;  // offsets, not pointers: a corrupt size must never point past the block
    while (at <= size && size - at >= sizeof(ElfW(Nhdr))) {
        ElfW(Nhdr) note;
        std::memcpy(&note, notes + at, sizeof note);
        std::size_t name_at = at + sizeof note;
        std::size_t desc_at = name_at + padded(note.n_namesz);
        if (desc_at > size || note.n_descsz > size - desc_at) break;  // truncated or corrupt
        if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
            std::memcmp(notes + name_at, "GNU", 4) == 0) {
            static const char* digits = "0123456789abcdef";
            std::string id;
            for (std::size_t k = 0; k < note.n_descsz; ++k) {
                auto byte = static_cast<unsigned char>(notes[desc_at + k]);
                id += digits[byte >> 4];
                id += digits[byte & 0xF];
            }
            return id;
        }
        at = desc_at + padded(note.n_descsz);
    }
    return {};
}

std::string file_build_id(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    ElfW(Ehdr) header;
    if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return {};
    constexpr unsigned char kThisClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
        header.e_ident[EI_CLASS] != kThisClass || header.e_phentsize != sizeof(ElfW(Phdr)))
        return {};
    // Linkers put .note.gnu.build-id in a PT_NOTE segment of every executable and
    // shared object, so the program headers suffice (no section table walk).
    std::vector<ElfW(Phdr)> segments(header.e_phnum);
    in.seekg(static_cast<std::streamoff>(header.e_phoff));
    if (!in.read(reinterpret_cast<char*>(segments.data()),
                 static_cast<std::streamsize>(segments.size() * sizeof(ElfW(Phdr)))))
        return {};
    for (const auto& s : segments) {
        if (s.p_type != PT_NOTE || s.p_filesz == 0 || s.p_filesz > (1u << 20)) continue;
        std::string notes(s.p_filesz, '\0');
        in.seekg(static_cast<std::streamoff>(s.p_offset));
        if (!in.read(notes.data(), static_cast<std::streamsize>(notes.size()))) return {};
        std::string id = build_id_in_notes(notes.data(), notes.size(), s.p_align == 8 ? 8 : 4);
        if (!id.empty()) return id;
    }
    return {};
}

}  // namespace autogen::scan
