#pragma once
// The clients' words, Thai first, English second. Screens never hold literals: every
// message is one entry here, so a missing translation does not compile.
#include <string_view>

namespace ui {

enum class Language { th, en };

struct Text {
  std::string_view th;
  std::string_view en;
  constexpr std::string_view in(Language l) const { return l == Language::th ? th : en; }
};

namespace text {

inline constexpr Text app_title{
    "ระบบลงทะเบียนบัญชีสถานศึกษาและรายงานตัวชี้วัด",
    "School Account Registration and KPI Reporting"};
inline constexpr Text language_th{"ไทย", "ไทย"};  // each language names itself
inline constexpr Text language_en{"English", "English"};
// The text size button: the same in both languages, a Thai letter and "larger".
inline constexpr std::string_view text_size_label = "ก+";
inline constexpr Text text_size{"ขนาดตัวอักษร", "Text size"};

inline constexpr Text development_mode{
    "โหมดพัฒนาระบบ: ข้อมูลสาธิต ไม่มีการส่ง SMS จริง",
    "Development mode: demo data, no real SMS is sent"};
inline constexpr Text server_unreachable{
    "ไม่สามารถติดต่อเซิร์ฟเวอร์ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง",
    "Cannot reach the server. Check the connection and try again."};
inline constexpr Text server_untrusted{
    "ใบรับรองความปลอดภัยของเซิร์ฟเวอร์ไม่ผ่านการตรวจสอบ จึงไม่ได้ส่งข้อมูลใด ๆ โปรดแจ้งผู้ดูแลเครื่องให้ตรวจสอบ SERVER_URL และ SERVER_CA_FILE",
    "The server's security certificate failed verification, so nothing was sent. Ask whoever looks after this computer to check SERVER_URL and SERVER_CA_FILE."};
inline constexpr Text retry{"ลองอีกครั้ง", "Try again"};
inline constexpr Text help{"วิธีใช้ (พิมพ์ได้)", "Help (printable)"};

inline constexpr Text search_heading{"ค้นหาสถานศึกษาของท่าน", "Find your institution"};
inline constexpr Text search_intro{
    "เริ่มลงทะเบียนบัญชีโดยค้นหาสถานศึกษาจากชื่อหรือรหัส 10 หลัก",
    "Start registering by finding your institution by name or 10-digit code"};
inline constexpr Text search_hint{"ชื่อหรือรหัสสถานศึกษา", "Institution name or code"};
inline constexpr Text searching{"กำลังค้นหา…", "Searching…"};
inline constexpr Text search_failed{
    "ค้นหาไม่สำเร็จ โปรดลองอีกครั้ง", "The search failed, please try again"};
inline constexpr Text results_found{"ผลการค้นหา", "Results"};

inline constexpr Text column_code{"รหัส", "Code"};
inline constexpr Text column_name{"ชื่อสถานศึกษา", "Institution"};
inline constexpr Text column_province{"จังหวัด", "Province"};
inline constexpr Text column_district{"อำเภอ", "District"};

// What the home page offers for the institution chosen in the search.
inline constexpr Text next_steps_title{"สิ่งที่ทำได้สำหรับ", "What you can do for"};
inline constexpr Text next_register{"ลงทะเบียนบัญชีผู้รับผิดชอบของสถานศึกษานี้",
                                    "Register this institution's account"};
inline constexpr Text next_resume{"ทำการลงทะเบียนที่เริ่มไว้ต่อ หรือดูสถานะ",
                                  "Continue a registration or check where it stands"};
inline constexpr Text next_access{"ขอสิทธิ์ผู้ใช้เว็บไซต์โรงเรียน", "Ask for a school website account"};
inline constexpr Text next_stats{"สถิติตัวชี้วัดของหน่วยงานต้นสังกัด (สาธารณะ)",
                                 "Public KPI figures of its office"};
inline constexpr Text next_other{"เลือกสถานศึกษาอื่น", "Choose another institution"};

inline constexpr Text not_found_title{"ไม่พบสถานศึกษา", "No institution found"};
inline constexpr Text not_found_guidance{
    "หากไม่พบสถานศึกษาของท่าน โปรดแจ้งหน่วยงานต้นสังกัดให้เพิ่มข้อมูลในระบบ DMC (สพฐ.) "
    "หรือระบบ LEC (อปท.) แล้วค้นหาอีกครั้ง",
    "If your institution is not listed, ask your affiliation to add it to DMC (OBEC) "
    "or LEC (DLA), then search again."};

}  // namespace text
}  // namespace ui
