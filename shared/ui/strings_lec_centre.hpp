#pragma once
// Words of a child-development centre's basic data (ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก).
#include "shared/ui/strings.hpp"

namespace ui::text::lec_centre {

inline constexpr Text title{"ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก", "The centre's basic data"};
inline constexpr Text teachers{"จำนวนครูผู้ดูแลเด็ก", "Teachers"};
inline constexpr Text carers{"จำนวนผู้ดูแลเด็ก", "Carers"};
inline constexpr Text rooms{"จำนวนห้องเรียน", "Rooms"};
inline constexpr Text min_age{"อายุต่ำสุดที่รับ (เดือน)", "Youngest age taken (months)"};
inline constexpr Text max_age{"อายุสูงสุดที่รับ (เดือน)", "Oldest age taken (months)"};
inline constexpr Text capacity{"จำนวนเด็กที่รับได้", "Capacity"};
inline constexpr Text save{"บันทึกข้อมูลพื้นฐาน", "Save the basic data"};
inline constexpr Text saved{"บันทึกข้อมูลพื้นฐานแล้ว", "Basic data saved"};
inline constexpr Text none_yet{"ยังไม่ได้บันทึกข้อมูลพื้นฐาน", "No basic data recorded yet"};
inline constexpr Text whole_number{"กรุณากรอกเป็นจำนวนเต็ม", "Type a whole number"};
inline constexpr Text per_carer{"เด็กต่อผู้ดูแล 1 คน: ", "Children per carer: "};
inline constexpr Text over_standard{" (เกินเกณฑ์ ", " (above the standard of "};

}  // namespace ui::text::lec_centre
