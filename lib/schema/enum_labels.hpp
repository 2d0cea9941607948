// Labels of an enum replaced in place: the one reading of a label list change as renames,
// shared by the PostgreSQL planner (RENAME VALUE) and the data-loss gate (a renamed
// label keeps its rows). The differ makes the renames an AlterEnum of their own
// (diff/compare_enums.cpp), so this reads that AlterEnum's two lists.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace autogen::schema {

/// The positions where `to` holds a label `from` lacks in place of one `to` lacks, when
/// those are the only differences (same length, every other label at its place); empty
/// otherwise.
std::vector<std::size_t> renamed_positions(const std::vector<std::string>& from,
                                           const std::vector<std::string>& to);

}  // namespace autogen::schema
