#pragma once
// An instant from the server (ISO 8601 UTC) as a person in Thailand reads it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace domain {

// "2026-12-01T10:05:03Z" -> "1 ธ.ค. 2569 17:05" (thai) / "1 Dec 2026 17:05" (English), in
// Thailand time (UTC+7, no daylight saving). Text that is not such an instant comes back as is.
std::string format_thai_time(std::string_view iso_utc, bool thai);

// The same instant as people say it, seen at `now_unix` (seconds since 1970, UTC):
// "เมื่อสักครู่" / "just now", "5 นาทีที่แล้ว" / "5 minutes ago", "วันนี้ 14:05" / "today 14:05",
// "เมื่อวาน 09:12" / "yesterday 09:12", older (or in the future) as format_thai_time.
std::string format_relative_time(std::string_view iso_utc, std::int64_t now_unix, bool thai);

// "2026-12-01T10:05:03Z" (seconds optional) -> seconds since 1970; nothing for other text.
std::optional<std::int64_t> parse_iso_instant(std::string_view iso_utc);

}  // namespace domain
