#pragma once
// Words of the account screens of the client: sign-in, first login, activation, forgotten
// password, access request, the admin's user list.
#include "shared/ui/strings.hpp"

namespace ui::text {

// --- sign-in
inline constexpr Text signin_heading{"เข้าสู่ระบบ", "Sign in"};
inline constexpr Text signin_username{"ชื่อผู้ใช้ (รหัสสถานศึกษาหรือชื่อบัญชี)", "Username (institution code or account name)"};
inline constexpr Text signin_password{"รหัสผ่าน", "Password"};
inline constexpr Text signin_submit{"เข้าสู่ระบบ", "Sign in"};
inline constexpr Text signin_forgot{"ลืมรหัสผ่าน", "Forgotten password"};
inline constexpr Text signin_wait{"ลองอีกครั้งได้ในอีก (วินาที):", "You can try again in (seconds):"};
inline constexpr Text field_required{"กรุณากรอกข้อมูลช่องนี้", "Please fill in this field"};

// --- passwords
inline constexpr Text password_new{"รหัสผ่านใหม่", "New password"};
inline constexpr Text password_confirm{"ยืนยันรหัสผ่านใหม่", "Confirm the new password"};
inline constexpr Text password_current{"รหัสผ่านปัจจุบัน (ที่ได้รับ)", "Current (issued) password"};
inline constexpr Text password_rules{
    "อย่างน้อย 8 ตัวอักษร ไม่มีชื่อผู้ใช้ ไม่ใช้รหัสที่เดาง่าย ตัวซ้ำ หรือเรียงกัน (1234, abcd, qwer)",
    "At least 8 characters, without the username, not a common password, repeated or "
    "sequential characters (1234, abcd, qwer)"};
inline constexpr Text password_mismatch{"รหัสผ่านทั้งสองช่องไม่ตรงกัน", "The two passwords differ"};
inline constexpr Text password_ok{"รหัสผ่านเป็นไปตามเงื่อนไข", "The password meets the rules"};

// --- first login
inline constexpr Text first_login_heading{"เข้าสู่ระบบครั้งแรก", "First sign-in"};
inline constexpr Text first_login_intro{
    "ก่อนเริ่มใช้งาน โปรดกรอกข้อมูลผู้ใช้ให้ครบ แล้วตั้งรหัสผ่านใหม่ของท่านเอง",
    "Before you start, complete your profile, then set a new password of your own."};
inline constexpr Text step_profile{"ข้อมูลผู้ใช้", "Profile"};
inline constexpr Text step_password{"ตั้งรหัสผ่าน", "Password"};
inline constexpr Text profile_title{"คำนำหน้าชื่อ", "Title"};
inline constexpr Text profile_first_name{"ชื่อ", "First name"};
inline constexpr Text profile_last_name{"นามสกุล", "Last name"};
inline constexpr Text profile_position{"ตำแหน่ง", "Position"};
inline constexpr Text profile_phone{"หมายเลขโทรศัพท์มือถือ", "Mobile phone number"};
inline constexpr Text profile_email{"อีเมล", "E-mail"};
inline constexpr Text profile_email_optional{"อีเมล (ถ้ามี)", "E-mail (optional)"};
inline constexpr Text save_and_continue{"บันทึกและไปต่อ", "Save and continue"};
inline constexpr Text set_password{"ตั้งรหัสผ่าน", "Set the password"};
inline constexpr Text first_login_done{
    "ตั้งรหัสผ่านเรียบร้อยแล้ว เริ่มใช้งานระบบได้", "Your password is set; you can now use the system."};

// --- activation
inline constexpr Text activate_heading{"เปิดใช้งานบัญชี", "Activate your account"};
inline constexpr Text activate_intro{
    "ตั้งรหัสผ่านสำหรับบัญชีสถานศึกษาที่ได้รับอนุมัติแล้ว ลิงก์นี้ใช้ได้ครั้งเดียว ภายใน 72 ชั่วโมง",
    "Set the password of your approved institution account. This link works once, within 72 hours."};
inline constexpr Text activate_submit{"เปิดใช้งานบัญชี", "Activate the account"};
inline constexpr Text activate_done{"เปิดใช้งานบัญชีเรียบร้อยแล้ว ชื่อผู้ใช้ของท่านคือ",
                                    "Your account is active. Your username is"};
inline constexpr Text activate_link_help{
    "หากลิงก์ใช้ไม่ได้ โปรดติดต่อหน่วยงานที่อนุมัติการลงทะเบียนเพื่อขอลิงก์ใหม่",
    "If the link does not work, ask the office that approved the registration for a new one."};
inline constexpr Text go_sign_in{"ไปหน้าเข้าสู่ระบบ", "Go to sign-in"};

// --- sign-in by a one-time QR code
inline constexpr Text qr_signin_heading{"เข้าสู่ระบบด้วย QR", "Sign in with a QR code"};
inline constexpr Text qr_signin_working{"กำลังเข้าสู่ระบบ…", "Signing in…"};
inline constexpr Text qr_signin_help{
    "เข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านของท่าน หรือขอ QR ใหม่จากผู้ดูแลระบบของหน่วยงาน",
    "Sign in with your username and password, or ask your organisation's administrator for a new QR code."};

// --- forgotten password
inline constexpr Text forgot_heading{"ลืมรหัสผ่าน", "Forgotten password"};
inline constexpr Text forgot_intro{
    "กรอกชื่อผู้ใช้และหมายเลขโทรศัพท์มือถือที่ลงทะเบียนไว้ ระบบจะส่งรหัส OTP ทาง SMS",
    "Enter your username and the mobile number on record: an OTP comes by SMS."};
inline constexpr Text send_otp{"ส่งรหัส OTP", "Send the OTP"};
inline constexpr Text resend_otp{"ส่งรหัส OTP อีกครั้ง", "Send the OTP again"};
inline constexpr Text otp_code{"รหัส OTP 6 หลัก", "6-digit OTP"};
inline constexpr Text otp_sent_ref{"ส่งรหัส OTP แล้ว รหัสอ้างอิง", "OTP sent, reference"};
inline constexpr Text otp_verify{"ยืนยันรหัส OTP", "Verify the OTP"};
inline constexpr Text otp_resend_in{"ส่งอีกครั้งได้ในอีก (วินาที):", "Can send again in (seconds):"};
inline constexpr Text forgot_done{
    "เปลี่ยนรหัสผ่านเรียบร้อยแล้ว โปรดเข้าสู่ระบบด้วยรหัสผ่านใหม่",
    "Your password is changed. Please sign in with the new password."};
inline constexpr Text step_otp{"ยืนยันโทรศัพท์", "Verify the phone"};
inline constexpr Text step_details{"ข้อมูล", "Details"};

// --- access request
inline constexpr Text access_heading{"ขอสิทธิ์ผู้ใช้เว็บไซต์โรงเรียน", "Request school website access"};
inline constexpr Text access_intro{
    "เลือกสำนักงานเขตพื้นที่การศึกษา แล้วเลือกโรงเรียน กรอกข้อมูลและยืนยันโทรศัพท์ด้วย OTP "
    "ผู้ดูแลของเขตจะพิจารณาคำขอ (โรงเรียนละไม่เกิน 2 คน)",
    "Pick the education-area office, then the school; fill in your details and prove your "
    "phone by OTP. The area's admin decides (at most 2 users per school)."};
inline constexpr Text access_area{"สำนักงานเขตพื้นที่การศึกษา", "Education-area office"};
inline constexpr Text access_school{"โรงเรียน", "School"};
inline constexpr Text access_pick_area_first{"เลือกเขตพื้นที่ก่อน", "Pick the area first"};
inline constexpr Text access_rights{"ขอสิทธิ์เพิ่ม (นอกจากดูข้อมูลของโรงเรียน)",
                                    "Also ask for (besides seeing the school's data)"};
inline constexpr Text access_submit{"ส่งคำขอ", "Send the request"};
inline constexpr Text access_done{
    "ส่งคำขอเรียบร้อยแล้ว ผู้ดูแลของเขตจะพิจารณาและแจ้งผลทาง SMS",
    "Your request is sent. The area's admin will decide and tell you by SMS."};
inline constexpr Text loading{"กำลังโหลด…", "Loading…"};

// --- admin: users
inline constexpr Text users_heading{"จัดการผู้ใช้", "Users"};
inline constexpr Text users_filter_org{"รหัสหน่วยงาน", "Organisation code"};
inline constexpr Text users_filter_status{"สถานะ", "Status"};
inline constexpr Text users_filter_permission{"สิทธิ์", "Permission"};
inline constexpr Text users_filter_text{"ค้นหาชื่อหรือชื่อผู้ใช้", "Search name or username"};
inline constexpr Text users_any{"ทั้งหมด", "All"};
inline constexpr Text users_search{"ค้นหา", "Search"};
inline constexpr Text users_none{"ไม่พบผู้ใช้ตามเงื่อนไข", "No user matches"};
inline constexpr Text status_active{"ใช้งาน", "Active"};
inline constexpr Text status_disabled{"ปิดใช้งาน", "Disabled"};
inline constexpr Text status_pending{"รอเปิดใช้งาน", "Pending"};
inline constexpr Text column_username{"ชื่อผู้ใช้", "Username"};
inline constexpr Text column_person{"ชื่อ", "Name"};
inline constexpr Text column_org{"หน่วยงาน", "Organisation"};
inline constexpr Text column_status{"สถานะ", "Status"};
inline constexpr Text column_actions{"ดำเนินการ", "Actions"};
inline constexpr Text user_enable{"เปิดใช้งาน", "Enable"};
inline constexpr Text user_disable{"ปิดใช้งาน", "Disable"};
inline constexpr Text user_issue_password{"ออกรหัสผ่าน", "Issue password"};
inline constexpr Text user_issue_qr{"ออก QR เข้าสู่ระบบ", "Issue sign-in QR"};
inline constexpr Text user_above_subtree{"(มีสิทธิ์นอกหน่วยงานที่ท่านดูแล จัดการที่นี่ไม่ได้)",
                                         "(holds permissions above your offices; cannot be managed here)"};
inline constexpr Text issued_password_is{
    "รหัสผ่านชั่วคราว (ใช้ได้ครั้งเดียว ภายใน 72 ชั่วโมง) ของ",
    "Temporary password (single use, 72 hours) of"};
inline constexpr Text qr_is{"QR เข้าสู่ระบบครั้งเดียวของ", "One-time sign-in QR of"};
inline constexpr Text requests_heading{"คำขอสิทธิ์ผู้ใช้เว็บไซต์โรงเรียน", "School website access requests"};
inline constexpr Text requests_none{"ไม่มีคำขอที่รอพิจารณา", "No request is waiting"};
inline constexpr Text user_holders{"ประวัติ", "History"};
inline constexpr Text holders_heading{"ผู้รับผิดชอบบัญชี", "Who held the account"};
inline constexpr Text holders_since{"ตั้งแต่", "from"};
inline constexpr Text holders_until{"ถึง", "until"};
inline constexpr Text holders_now{"ปัจจุบัน", "now"};
inline constexpr Text holders_failed{"โหลดประวัติไม่สำเร็จ โปรดลองอีกครั้ง", "Could not load the history; please try again"};
inline constexpr Text request_give{"ให้สิทธิ์ที่ขอ:", "Give the rights asked for:"};
inline constexpr Text request_approve{"อนุมัติ", "Approve"};
inline constexpr Text request_reject{"ไม่อนุมัติ", "Reject"};
inline constexpr Text request_reason{"เหตุผลที่ไม่อนุมัติ", "Reason for the rejection"};
inline constexpr Text close_notice{"ปิด", "Close"};

// --- admin: a user's permissions
inline constexpr Text user_edit_grants{"สิทธิ์", "Permissions"};
inline constexpr Text grants_heading{"สิทธิ์ของ", "Permissions of"};
inline constexpr Text grants_none{"ยังไม่มีสิทธิ์", "No permission yet"};
inline constexpr Text grants_not_managed{"(ให้โดยหน่วยงานอื่น แก้ไขที่นี่ไม่ได้)",
                                         "(given by another office; cannot be changed here)"};
inline constexpr Text grants_remove{"ถอนสิทธิ์", "Remove"};
inline constexpr Text grants_permission{"สิทธิ์ที่จะให้", "Permission to give"};
inline constexpr Text grants_org{"ในหน่วยงาน (รหัส ครอบคลุมหน่วยงานในสังกัด)",
                                 "On organisation (code; covers the ones under it)"};
inline constexpr Text grants_add{"ให้สิทธิ์", "Give"};
inline constexpr Text grants_pick_permission{"เลือกสิทธิ์", "Pick a permission"};

// --- admin: a new user, and the accounts of every institution under an office
inline constexpr Text user_new{"+ เพิ่มผู้ใช้", "+ New user"};
inline constexpr Text user_new_heading{"เพิ่มผู้ใช้ใหม่", "New user"};
inline constexpr Text user_new_org{"หน่วยงานของผู้ใช้", "The user's organisation"};
inline constexpr Text user_new_org_pick{"เลือกจากหน่วยงานที่ท่านดูแล", "Pick among the organisations you manage"};
inline constexpr Text user_new_org_code{"หรือพิมพ์รหัสหน่วยงาน", "or type its code"};
inline constexpr Text user_new_permissions{"สิทธิ์ที่จะให้ (แต่ละสิทธิ์ในหน่วยงานที่ระบุ)",
                                           "Permissions to give (each on the organisation named)"};
inline constexpr Text user_new_with_password{"สร้างและออกรหัสผ่าน", "Create, issue a password"};
inline constexpr Text user_new_with_qr{"สร้างและออก QR เข้าสู่ระบบ", "Create, issue a sign-in QR"};
inline constexpr Text user_new_cancel{"ยกเลิก", "Cancel"};
inline constexpr Text user_new_grant_org{"ในหน่วยงาน (รหัส)", "On organisation (code)"};
inline constexpr Text bulk_open{"บัญชีสถานศึกษาทั้งหมด", "Accounts for all institutions"};
inline constexpr Text bulk_heading{"สร้างบัญชีของสถานศึกษาทุกแห่งในสังกัด", "Accounts for every institution under an office"};
inline constexpr Text bulk_intro{
    "สถานศึกษาที่ยังไม่มีบัญชีจะได้บัญชีของตนเอง พร้อม QR เข้าสู่ระบบครั้งเดียว รวมในเอกสาร PDF ฉบับเดียวเพื่อพิมพ์แจก "
    "(ไม่มีรหัสผ่าน) ครั้งละไม่เกิน 200 บัญชี",
    "Each institution without an account gets one, with a one-time sign-in QR, all on one PDF sheet to print "
    "and hand out (no password). At most 200 accounts at a time."};
inline constexpr Text bulk_org{"รหัส อปท. จังหวัด หรือเขตพื้นที่การศึกษา", "Code of the LGO, province or area office"};
inline constexpr Text bulk_create_button{"สร้างบัญชี", "Create the accounts"};
inline constexpr Text bulk_none_left{"สถานศึกษาทุกแห่งในสังกัดนี้มีบัญชีแล้ว", "Every institution under it already has an account"};
inline constexpr Text bulk_created{"สร้างแล้ว", "Created"};
inline constexpr Text bulk_remaining{"ยังเหลือ (กดสร้างอีกครั้ง)", "Still waiting (create again):"};
inline constexpr Text bulk_accounts{"บัญชี", "accounts"};
inline constexpr Text bulk_download{"ดาวน์โหลด PDF QR เข้าสู่ระบบ", "Download the sign-in QR sheet (PDF)"};

}  // namespace ui::text
