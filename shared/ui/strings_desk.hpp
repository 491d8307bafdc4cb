#pragma once
// Words of the signed-in home screen, the desk (the cards' titles and counts are in
// shared/desk/desk.hpp, with the permission that offers each).
#include "shared/ui/strings.hpp"

namespace ui::text::desk {

inline constexpr Text heading{"งานของฉัน", "My work"};
inline constexpr Text loading{"กำลังโหลดงานของท่าน…", "Loading your work…"};
inline constexpr Text load_failed{"โหลดงานของท่านไม่สำเร็จ", "Your work could not be loaded"};
inline constexpr Text empty{"บัญชีนี้ยังไม่มีสิทธิ์ทำงานใด โปรดติดต่อผู้ดูแลระบบของหน่วยงาน",
                            "This account may not do any work yet: ask your organisation's administrator"};
inline constexpr Text open_work{"เปิด ›", "Open ›"};

}  // namespace ui::text::desk
