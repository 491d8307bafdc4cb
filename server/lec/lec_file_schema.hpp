#pragma once
// Tables of the LEC files helper (spot checks), listed in server/storage/migrations.cpp.
#include <string_view>

namespace server::lec {

// 550: spot checks drawn by a provincial office and what its officers found.
extern const std::string_view kSchema550;

}  // namespace server::lec
