#pragma once
// Words of a kiosk (school-client --kiosk, or ?kiosk=1 in a browser): its strip, the idle
// countdown, the operator's exit.
#include "shared/ui/strings.hpp"

namespace ui::text {

inline constexpr Text kiosk_label{"ตู้บริการ", "Kiosk"};
inline constexpr Text kiosk_of_office{"ของหน่วยงาน", "of office"};
inline constexpr Text kiosk_finish{"เสร็จสิ้น (ล้างข้อมูลของท่าน)", "Finish (clear your data)"};
inline constexpr Text kiosk_countdown{"ไม่มีการใช้งาน หน้าจอจะเริ่มใหม่และล้างข้อมูลใน",
                                      "No one is using the kiosk: it starts afresh and clears all data in"};
inline constexpr Text kiosk_seconds{"วินาที", "s"};
inline constexpr Text kiosk_continue{"ใช้งานต่อ", "Keep going"};
inline constexpr Text kiosk_resetting{"กำลังออกจากระบบและล้างข้อมูล...", "Signing out and clearing data..."};
inline constexpr Text kiosk_not_offered{"ตู้บริการนี้ไม่มีบริการนี้", "This kiosk does not offer this"};
inline constexpr Text kiosk_not_offered_help{
    "งานนี้ทำได้ที่เครื่องของหน่วยงานท่านหรือในเบราว์เซอร์ของท่าน โปรดกลับไปที่หน้าแรกของตู้บริการ",
    "Do this at your office's own computer or in your browser. Please go back to the kiosk's home page."};
inline constexpr Text kiosk_registration_status{"ตรวจสอบสถานะการลงทะเบียน", "Check a registration's status"};
inline constexpr Text kiosk_exit_title{"ผู้ดูแลตู้บริการ: ใส่รหัส PIN เพื่อออก", "Kiosk operator: enter the PIN to leave"};
inline constexpr Text kiosk_exit_wrong{"รหัส PIN ไม่ถูกต้อง", "Wrong PIN"};
inline constexpr Text kiosk_exit_ok{"ออกจากตู้บริการ", "Leave the kiosk"};
inline constexpr Text kiosk_exit_clear{"ลบ", "Clear"};
inline constexpr Text kiosk_setting_wrong{"ตั้งค่าตู้บริการไม่ถูกต้อง จึงทำงานแบบปกติ:",
                                          "The kiosk settings are wrong, so this runs as a normal client:"};
// What became of a download on a kiosk: printed, never kept on the kiosk.
inline constexpr Text kiosk_printed{"ส่งไปพิมพ์ที่เครื่องพิมพ์ของตู้บริการแล้ว โปรดรับเอกสารที่เครื่องพิมพ์:",
                                    "Sent to the kiosk's printer. Please collect it from the printer:"};
inline constexpr Text kiosk_print_failed{
    "พิมพ์ไม่สำเร็จ โปรดแจ้งเจ้าหน้าที่ประจำตู้บริการให้ตรวจสอบเครื่องพิมพ์ แล้วลองใหม่:",
    "Printing failed. Please ask the office staff to check the printer, then try again:"};
inline constexpr Text kiosk_not_printable{
    "ตู้บริการพิมพ์ได้เฉพาะเอกสาร PDF และไม่เก็บไฟล์ไว้ โปรดดาวน์โหลดไฟล์นี้จากเครื่องของท่าน:",
    "The kiosk prints documents (PDF) only and keeps no files. Please download this one on your own computer:"};
// The on-screen keyboard's keys that are not characters.
inline constexpr Text osk_shift{"Shift", "Shift"};
inline constexpr Text osk_backspace{"ลบ", "Delete"};
inline constexpr Text osk_enter{"ตกลง", "Enter"};
inline constexpr Text osk_next{"ช่องถัดไป", "Next"};
inline constexpr Text osk_space{"เว้นวรรค", "Space"};

}  // namespace ui::text
