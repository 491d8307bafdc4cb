#pragma once
// The local-education-data tables (migrations 500-599), listed in
// server/storage/migrations.cpp.
#include <string_view>

namespace server::lec {

// 500: rounds, the children register (IDs sealed), live counts, funded schools, confirmations.
extern const std::string_view kSchema500;
// 501: a child-development centre's basic data per year.
extern const std::string_view kSchema501;
// 502: a revision per year, moved by triggers in the transaction of every write that the
// progress view reads (counts, confirmations, funded schools, the round).
extern const std::string_view kSchema502;

}  // namespace server::lec
