// Planning incremental scans and computing header dependencies (incremental_scan.hpp).
#include "scan/cache/incremental_scan.hpp"

#include <algorithm>

namespace autogen::scan {

namespace fs = std::filesystem;

namespace {

bool unchanged(const std::vector<FileHash>& files) {
    return std::all_of(files.begin(), files.end(), [](const FileHash& f) {
        auto now = hash_file(f.path);
        return now && *now == f.hash;
    });
}

}  // namespace

bool ProjectFolder::contains(const fs::path& file) const {
    fs::path normal = file.lexically_normal();
    return is_under(normal, root) && (cache_dir.empty() || !is_under(normal, cache_dir));
}

std::optional<IncrementalPlan> plan_incremental_scan(StoredUnits stored,
                                                     const std::vector<fs::path>& files) {
    if (!unchanged(stored.shared)) return std::nullopt;
    std::map<fs::path, HeaderUnit*> by_file;
    for (auto& unit : stored.units) by_file[unit.file.lexically_normal()] = &unit;
    IncrementalPlan plan;
    plan.shared = std::move(stored.shared);
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto it = by_file.find(files[i].lexically_normal());
        if (it != by_file.end() && unchanged(it->second->depends_on)) {
            HeaderUnit unit = std::move(*it->second);
            unit.file = files[i];
            plan.kept.emplace(i, std::move(unit));
        } else {
            plan.reparse.insert(i);
        }
    }
    return plan;
}

std::optional<std::map<std::size_t, std::vector<FileHash>>> header_dependencies(
    const std::vector<fs::path>& files, const std::set<std::size_t>& parsed,
    const IncludeSearch& search, const ProjectFolder& project, const std::vector<FileHash>& read,
    std::string* why) {
    auto fail = [&](std::string reason) {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    std::map<fs::path, std::string> read_hashes;
    for (const auto& f : read) read_hashes[f.path.lexically_normal()] = f.hash;

    std::map<std::size_t, std::vector<FileHash>> out;
    std::set<fs::path> reached;
    for (std::size_t u : parsed) {
        IncludeWalk walk = walk_includes({files[u]}, search, project.root);
        if (!walk.opaque_files.empty())
            return fail(walk.opaque_files.front().string() +
                        " has an #include the include walk cannot follow");
        auto& deps = out[u];
        for (const auto& p : walk.project_files) {
            fs::path normal = p.lexically_normal();
            reached.insert(normal);
            auto it = read_hashes.find(normal);
            std::optional<std::string> hash = it != read_hashes.end()
                                                  ? std::optional<std::string>(it->second)
                                                  : hash_file(normal);
            if (!hash) return fail("cannot read " + normal.string());
            deps.push_back({normal, *hash});
        }
    }
    for (const auto& [path, hash] : read_hashes)
        if (project.contains(path) && !reached.count(path))
            return fail("the parse read " + path.string() +
                        ", which no model header's #include lines reach");
    return out;
}

std::vector<FileHash> outside_files(const std::vector<FileHash>& read,
                                    const ProjectFolder& project) {
    // Paths stay as libclang spelled them: lexically normalising
    // "/../lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/string" through a
    // symlinked /lib gives a path that does not exist.
    std::map<fs::path, std::string> unique;
    for (const auto& f : read)
        if (!project.contains(f.path)) unique[f.path] = f.hash;
    std::vector<FileHash> out;
    for (auto& [path, hash] : unique) out.push_back({path, std::move(hash)});
    return out;
}

}  // namespace autogen::scan
