// Checks the -m text of revision and merge (revision_message.hpp).
#include "revision_message.hpp"

#include <algorithm>
#include <cctype>

namespace autogen::cli {

bool usable_revision_message(Session& session, const std::string& message, const char* command) {
    if (message.find('\n') != std::string::npos || message.find('\r') != std::string::npos) {
        session.diags.error(support::Category::Usage, "the message must be one line", {},
                            "shorten -m to one line");
        return false;
    }
    // Bytes of 0x80 and above belong to non-ASCII letters: a message in another script counts.
    bool words = std::any_of(message.begin(), message.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) != 0;
    });
    if (!words) {
        session.diags.error(
            support::Category::Usage,
            "the message \"" + message +
                "\" has no letters or digits, so the revision file would "
                "have no name to tell it by",
            {}, std::string("describe the change, e.g. autogen ") + command + " -m \"add users\"");
        return false;
    }
    return true;
}

}  // namespace autogen::cli
