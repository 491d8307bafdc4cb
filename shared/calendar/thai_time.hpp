#pragma once
// An instant from the server (ISO 8601 UTC) as a person in Thailand reads it.
#include <string>
#include <string_view>

namespace domain {

// "2026-12-01T10:05:03Z" -> "1 ธ.ค. 2569 17:05" (thai) / "1 Dec 2026 17:05" (English), in
// Thailand time (UTC+7, no daylight saving). Text that is not such an instant comes back as is.
std::string format_thai_time(std::string_view iso_utc, bool thai);

}  // namespace domain
