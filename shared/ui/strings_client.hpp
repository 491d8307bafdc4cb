#pragma once
// Words of the client's own frame: navigation, sign-in state, widgets, and the messages
// for failures that come with no server error (no answer, an unreadable reply).
#include "shared/ui/strings.hpp"

namespace ui::text {

inline constexpr Text nav_home{"หน้าแรก", "Home"};
inline constexpr Text nav_sign_in{"เข้าสู่ระบบ", "Sign in"};
inline constexpr Text nav_sign_out{"ออกจากระบบ", "Sign out"};
inline constexpr Text nav_register{"ลงทะเบียนบัญชีสถานศึกษา", "Register an institution account"};
inline constexpr Text nav_access_request{"ขอสิทธิ์ผู้ใช้เว็บไซต์โรงเรียน", "Request school website access"};
inline constexpr Text nav_stats{"สถิติภาพรวม", "Public statistics"};
inline constexpr Text nav_users{"จัดการผู้ใช้", "Users"};
inline constexpr Text nav_back{"ย้อนกลับ", "Back"};
inline constexpr Text confirm_cancel{"ยกเลิก", "Cancel"};

inline constexpr Text page_not_found{"ไม่พบหน้าที่ต้องการ", "Page not found"};
inline constexpr Text page_not_found_help{
    "ลิงก์นี้อาจไม่ถูกต้องหรือหมดอายุแล้ว โปรดกลับไปที่หน้าแรก",
    "This link may be wrong or out of date. Please go back to the home page."};
inline constexpr Text sign_in_needed{
    "โปรดเข้าสู่ระบบเพื่อใช้งานหน้านี้", "Please sign in to use this page."};
inline constexpr Text not_permitted{
    "บัญชีของท่านไม่มีสิทธิ์ใช้งานหน้านี้", "Your account may not use this page."};
inline constexpr Text session_ended{
    "หมดเวลาการใช้งาน โปรดเข้าสู่ระบบอีกครั้ง", "Your session has ended. Please sign in again."};
inline constexpr Text signed_in_as{"ผู้ใช้", "Signed in as"};
// The top bar (wasm/app/top_bar.cpp); on a phone the user's items sit behind the menu button.
inline constexpr Text topbar_account{"บัญชีของฉัน", "My account"};
inline constexpr Text topbar_menu{"เมนู", "Menu"};
inline constexpr Text topbar_close_menu{"ปิดเมนู", "Close menu"};

inline constexpr Text no_answer{
    "ไม่สามารถติดต่อเซิร์ฟเวอร์ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง",
    "Cannot reach the server. Check the connection and try again."};
inline constexpr Text unexpected_reply{
    "เซิร์ฟเวอร์ตอบกลับไม่ถูกต้อง โปรดลองอีกครั้งภายหลัง",
    "The server gave an unexpected reply. Please try again later."};
inline constexpr Text working{"กำลังดำเนินการ…", "Working…"};

inline constexpr Text file_choose{"เลือกไฟล์", "Choose a file"};
inline constexpr Text file_path_hint{"ที่อยู่ไฟล์ หรือลากไฟล์มาวางที่หน้าต่างนี้",
                                     "File path, or drop a file on this window"};
inline constexpr Text file_load{"ใช้ไฟล์นี้", "Use this file"};
inline constexpr Text file_unreadable{"เปิดไฟล์ไม่ได้ โปรดตรวจสอบที่อยู่ไฟล์",
                                      "Cannot open the file; check its path"};
inline constexpr Text file_none{"ยังไม่ได้เลือกไฟล์", "No file chosen"};
inline constexpr Text download_saved{"บันทึกไฟล์แล้ว:", "File saved:"};
inline constexpr Text download_open{"เปิดไฟล์", "Open the file"};
inline constexpr Text download_dismiss{"ปิดข้อความนี้", "Dismiss"};
inline constexpr Text image_loading{"กำลังโหลดภาพ…", "Loading the image…"};
inline constexpr Text image_unreadable{
    "ไฟล์นี้ไม่ใช่ภาพที่แสดงในหน้านี้ได้ (JPEG หรือ PNG) โปรดดาวน์โหลดไฟล์ไปเปิดแทน",
    "This file is not an image this page can show (JPEG or PNG). Please download it and open it instead."};
inline constexpr Text image_no_texture{
    "แสดงภาพนี้บนอุปกรณ์นี้ไม่ได้ (ภาพใหญ่เกินไป) โปรดดาวน์โหลดไฟล์ไปเปิดแทน",
    "This device cannot show the image (too large). Please download it and open it instead."};
inline constexpr Text image_retry{"ลองอีกครั้ง", "Try again"};
inline constexpr Text image_download{"ดาวน์โหลดไฟล์แทน", "Download instead"};
inline constexpr Text image_zoom{"ขยายภาพ", "Enlarge"};
inline constexpr Text image_close{"ปิดภาพขยาย (Esc)", "Close (Esc)"};
inline constexpr Text show_password{"แสดงรหัสผ่าน", "Show password"};

}  // namespace ui::text
