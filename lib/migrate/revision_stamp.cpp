// new_revision_id() and format_created() (revision_stamp.hpp).
#include "migrate/revision_stamp.hpp"

#include <cstdint>
#include <ctime>
#include <random>

namespace autogen::migrate {

std::string new_revision_id() {
    static thread_local std::mt19937_64 gen{
        (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t bits = gen();
    std::string id;
    for (int i = 0; i < 12; ++i, bits >>= 4) id.push_back(kHex[bits & 0xf]);
    return id;
}

std::string format_created(std::chrono::system_clock::time_point t) {
    std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace autogen::migrate
