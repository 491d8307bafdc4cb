#pragma once
// Words of "My account" (#/account): the profile, a new password, the signed-in sessions.
#include "shared/ui/strings.hpp"

namespace ui::text::my_account {

inline constexpr Text nav_account{"บัญชีของฉัน", "My account"};
inline constexpr Text heading{"บัญชีของฉัน", "My account"};
inline constexpr Text profile_heading{"ข้อมูลผู้ใช้", "Profile"};
inline constexpr Text profile_save{"บันทึกข้อมูลผู้ใช้", "Save the profile"};
inline constexpr Text profile_saved{"บันทึกข้อมูลผู้ใช้แล้ว", "The profile is saved"};
inline constexpr Text password_heading{"เปลี่ยนรหัสผ่าน", "Change the password"};
inline constexpr Text password_current{"รหัสผ่านปัจจุบัน", "Current password"};
inline constexpr Text password_save{"เปลี่ยนรหัสผ่าน", "Change the password"};
inline constexpr Text password_changed{
    "เปลี่ยนรหัสผ่านแล้ว อุปกรณ์อื่นที่เข้าสู่ระบบไว้ถูกออกจากระบบทั้งหมด",
    "The password is changed; every other device was signed out"};
inline constexpr Text sessions_heading{"อุปกรณ์ที่เข้าสู่ระบบอยู่", "Signed-in sessions"};
inline constexpr Text sessions_intro{
    "หากพบอุปกรณ์ที่ท่านไม่รู้จัก ให้สิ้นสุดการเข้าสู่ระบบนั้นแล้วเปลี่ยนรหัสผ่าน",
    "If you see a device you do not know, end that session and change your password"};
inline constexpr Text sessions_loading{"กำลังโหลด…", "Loading…"};
inline constexpr Text this_device{"อุปกรณ์นี้", "This device"};
inline constexpr Text unknown_browser{"เบราว์เซอร์ที่ไม่รู้จัก", "Unknown browser"};
inline constexpr Text on_system{"บน", "on"};
inline constexpr Text phone_or_tablet{"โทรศัพท์หรือแท็บเล็ต", "phone or tablet"};
inline constexpr Text signed_in_at{"เข้าสู่ระบบเมื่อ", "Signed in"};
inline constexpr Text last_used_at{"ใช้งานล่าสุด", "Last used"};
inline constexpr Text from_address{"จากที่อยู่ IP", "From IP address"};
inline constexpr Text end_session{"ให้ออกจากระบบ", "Sign it out"};
inline constexpr Text end_others{"ออกจากระบบที่อื่นทั้งหมด", "Sign out everywhere else"};
inline constexpr Text ended_one{"สิ้นสุดการเข้าสู่ระบบนั้นแล้ว", "That session has ended"};
inline constexpr Text ended_others{"ออกจากระบบอุปกรณ์อื่นแล้ว", "The other devices are signed out"};
inline constexpr Text only_this_device{"ไม่มีอุปกรณ์อื่นเข้าสู่ระบบอยู่", "No other device is signed in"};

}  // namespace ui::text::my_account
