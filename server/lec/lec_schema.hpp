#pragma once
// The local-education-data tables (migrations 500-599), listed in
// server/storage/sqlite_migrations.cpp.
#include <string_view>

namespace server::lec {

// 500: rounds, the children register (IDs sealed), live counts, funded schools, confirmations.
extern const std::string_view kSchema500;

}  // namespace server::lec
