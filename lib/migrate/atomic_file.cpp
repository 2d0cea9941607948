// Atomic file writes for the migrations folder (see atomic_file.hpp).
#include "migrate/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <regex>
#include <string>

#include "migrate/revision_stamp.hpp"

namespace autogen::migrate {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempPrefix = ".autogen-tmp-";

bool write_all(int fd, std::string_view text) {
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

/// So that the new name survives a power cut, not only the bytes.
void sync_folder(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

int write_file_atomically(const fs::path& target, std::string_view text, bool replace,
                          bool durable) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // An unnamed file first: a kill at any moment before the link leaves nothing.
    // /proc/self/fd lets linkat name it without privileges.
    int fd = ::access("/proc/self/fd", X_OK) == 0
                 ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644)
                 : -1;
    fs::path named;  // the hidden stand-in, while it exists
    if (fd < 0) {
        named = dir / (std::string(kTempPrefix) + new_revision_id());
        fd = ::open(named.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) return errno;
    }
    int err = 0;
    if (!write_all(fd, text) || (durable && ::fsync(fd) != 0)) err = errno ? errno : EIO;
    if (!err && named.empty()) {
        const std::string self = "/proc/self/fd/" + std::to_string(fd);
        // Without replace, the final name directly (linkat fails if it exists); with it,
        // a hidden name first, renamed over the target at once.
        const fs::path link_to =
            replace ? dir / (std::string(kTempPrefix) + new_revision_id()) : target;
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, link_to.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            err = errno;
        } else if (replace) {
            named = link_to;
        }
    } else if (!err && !replace) {
        if (::link(named.c_str(), target.c_str()) != 0) err = errno;
    }
    if (::close(fd) != 0 && !err) err = errno;
    if (!err && replace && ::rename(named.c_str(), target.c_str()) != 0) err = errno;
    if (!named.empty()) ::unlink(named.c_str());  // gone already after a successful rename
    if (!err && durable) sync_folder(dir);
    return err;
}

int sync_file_system(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    int err = ::syncfs(fd) == 0 ? 0 : errno;
    ::close(fd);
    return err;
}

int remove_stale_temporaries(const fs::path& dir) {
    static const std::regex kOld(R"(^\..+\.tmp-[0-9a-f]{12}$)");
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(kTempPrefix, 0) != 0 && !std::regex_match(name, kOld)) continue;
        if (!it->is_regular_file(ec)) continue;
        std::error_code gone;
        if (fs::remove(it->path(), gone)) ++removed;
    }
    return removed;
}

}  // namespace autogen::migrate
