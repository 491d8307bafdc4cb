#pragma once
// Words of the registration wizard (#/register) and the reviewers' screen.
#include "shared/ui/strings.hpp"

namespace ui::text {

inline constexpr Text reg_title{"ลงทะเบียนบัญชีสถานศึกษา", "Register an institution account"};
inline constexpr Text reg_step_affiliation{"สังกัด", "Affiliation"};
inline constexpr Text reg_step_institution{"สถานศึกษา", "Institution"};
inline constexpr Text reg_step_legacy{"ชื่อผู้ใช้เดิม", "Old usernames"};
inline constexpr Text reg_step_holder{"ผู้รับผิดชอบบัญชี", "Account holder"};
inline constexpr Text reg_step_otp{"ยืนยัน OTP", "OTP"};
inline constexpr Text reg_step_letter{"หนังสือแต่งตั้ง", "Letter"};
inline constexpr Text reg_step_upload{"ส่งหนังสือที่ลงนาม", "Upload"};
inline constexpr Text reg_step_status{"สถานะ", "Status"};
inline constexpr Text reg_next{"ถัดไป", "Next"};
inline constexpr Text reg_back{"ย้อนกลับ", "Back"};
inline constexpr Text reg_not_open{"ยังไม่เปิดให้ลงทะเบียน", "not open yet"};
inline constexpr Text reg_code{"รหัสสถานศึกษา 10 หลัก", "10-digit institution code"};
inline constexpr Text reg_find_code{"ค้นหาด้วยรหัส", "Find by code"};
inline constexpr Text reg_name{"ชื่อสถานศึกษา (บางส่วน)", "Institution name (part)"};
inline constexpr Text reg_province{"จังหวัด", "Province"};
inline constexpr Text reg_find_name{"ค้นหาด้วยชื่อและจังหวัด", "Find by name and province"};
inline constexpr Text reg_chosen{"สถานศึกษาที่เลือก:", "Chosen institution:"};
inline constexpr Text reg_choose_institution{"กรุณาเลือกสถานศึกษา", "Choose the institution"};
inline constexpr Text reg_legacy_intro{
    "ถ้าเคยมีชื่อผู้ใช้ระบบ Thai School Lunch หรือ KidDiary เดิม กรอกไว้เพื่อย้ายข้อมูล (ไม่บังคับ)",
    "Old Thai School Lunch or KidDiary usernames, if any, to move the data (optional)"};
inline constexpr Text reg_tsl{"ชื่อผู้ใช้ Thai School Lunch เดิม", "Old Thai School Lunch username"};
inline constexpr Text reg_kiddiary{"ชื่อผู้ใช้ KidDiary เดิม", "Old KidDiary username"};
inline constexpr Text reg_title_field{"คำนำหน้า", "Title"};
inline constexpr Text reg_first_name{"ชื่อ", "First name"};
inline constexpr Text reg_last_name{"นามสกุล", "Last name"};
inline constexpr Text reg_national_id{"เลขประจำตัวประชาชน 13 หลัก", "13-digit national ID"};
inline constexpr Text reg_position{"ตำแหน่ง", "Position"};
inline constexpr Text reg_phone{"เบอร์โทรศัพท์มือถือ (รับ OTP)", "Mobile phone (for the OTP)"};
inline constexpr Text reg_email{"อีเมล (ไม่บังคับ)", "E-mail (optional)"};
inline constexpr Text reg_otp_sent{"ส่งรหัส OTP ทาง SMS แล้ว รหัสอ้างอิง", "The OTP was sent by SMS, reference"};
inline constexpr Text reg_otp_code{"รหัส OTP 6 หลัก", "6-digit OTP code"};
inline constexpr Text reg_otp_verify{"ยืนยันและลงทะเบียน", "Confirm and register"};
inline constexpr Text reg_otp_resend{"ขอรหัสใหม่", "Send the code again"};
inline constexpr Text reg_registered{"ลงทะเบียนแล้ว ชื่อผู้ใช้งาน (username) ของท่านคือ",
                                     "Registered. Your username is"};
inline constexpr Text reg_letter_intro{
    "ดาวน์โหลดหนังสือแต่งตั้ง ให้ผู้อำนวยการ (สพฐ.) หรือหัวหน้าศูนย์พัฒนาเด็กเล็ก/ผู้มีอำนาจลงนาม (อปท.) ลงนาม แล้วสแกนเป็น JPG หรือ PDF",
    "Download the appointment letter, have the director (OBEC) or the head of the child-development centre / "
    "authorised signer (DLA) sign it, and scan it as JPG or PDF"};
inline constexpr Text reg_letter_download{"ดาวน์โหลดหนังสือแต่งตั้ง (PDF)", "Download the letter (PDF)"};
inline constexpr Text reg_upload_intro{
    "ส่งหนังสือที่ลงนามแล้ว: JPG หรือ PDF ไม่เกิน 10 MB พร้อมชื่อผู้ใช้งาน 10 หลักและเลขประจำตัวประชาชนของผู้ลงทะเบียน",
    "Upload the signed letter: JPG or PDF up to 10 MB, with the 10-digit username and the registrant's national ID"};
inline constexpr Text reg_username{"ชื่อผู้ใช้งาน (รหัสสถานศึกษา 10 หลัก)", "Username (10-digit institution code)"};
inline constexpr Text reg_upload{"ส่งหนังสือ", "Upload"};
inline constexpr Text reg_status_now{"สถานะการลงทะเบียน:", "Registration status:"};
inline constexpr Text reg_refresh{"ตรวจสอบสถานะอีกครั้ง", "Check the status again"};
inline constexpr Text reg_wait_sms{"เมื่อผ่านการตรวจสอบ ระบบจะส่งลิงก์ตั้งรหัสผ่านทาง SMS",
                                   "Once reviewed, a link to set the password comes by SMS"};
inline constexpr Text reg_resume_link{"ลงทะเบียนไว้แล้ว? ดูสถานะหรือทำต่อจากเดิม",
                                      "Registered already? Check its status or continue it"};
inline constexpr Text reg_resume_title{"ดูสถานะหรือทำการลงทะเบียนต่อ", "Check or continue a registration"};
inline constexpr Text reg_resume_intro{
    "กรอกรหัสสถานศึกษาและเบอร์มือถือที่ใช้ลงทะเบียนไว้ ระบบจะส่งรหัส OTP ใหม่ไปที่เบอร์นั้น "
    "แล้วแสดงสถานะล่าสุดของการลงทะเบียน",
    "Enter the institution code and the mobile number you registered with; a new OTP goes to that number, "
    "then you see where the registration stands"};
inline constexpr Text reg_resume_submit{"ดูสถานะ", "Check"};
inline constexpr Text reg_state_awaiting{"รอส่งหนังสือแต่งตั้งที่ลงนามแล้ว", "waiting for the signed letter"};
inline constexpr Text reg_state_review{"รอตรวจสอบ", "being reviewed"};
inline constexpr Text reg_state_approved{"อนุมัติแล้ว", "approved"};
inline constexpr Text reg_state_rejected{"ไม่อนุมัติ", "not approved"};
inline constexpr Text reg_state_superseded{"ถูกแทนที่ด้วยการลงทะเบียนใหม่", "replaced by a newer registration"};
inline constexpr Text reg_next_awaiting{"ดาวน์โหลดหนังสือแต่งตั้ง ให้ผู้บริหารลงนาม แล้วอัปโหลดไฟล์ที่ลงนามแล้ว",
                                        "Download the appointment letter, have it signed, then upload the signed file"};
inline constexpr Text reg_next_approved{
    "ตั้งรหัสผ่านด้วยลิงก์ที่ส่งทาง SMS (ใช้ได้ 72 ชั่วโมง) แล้วเข้าสู่ระบบด้วยรหัสสถานศึกษา "
    "หากลิงก์หมดอายุก่อนตั้งรหัสผ่าน ขอลิงก์ใหม่ได้ที่นี่",
    "Set the password with the link sent by SMS (it works for 72 hours), then sign in with the institution "
    "code. If the link lapsed before you used it, ask for a new one here"};
inline constexpr Text reg_next_rejected{"แก้ไขตามเหตุผลด้านล่าง แล้วลงทะเบียนใหม่",
                                        "Put right what the reason below says, then register again"};
inline constexpr Text reg_next_superseded{"การลงทะเบียนที่ใหม่กว่าของสถานศึกษานี้ใช้แทนรายการนี้แล้ว",
                                          "A newer registration of this institution took its place"};
inline constexpr Text reg_reason{"เหตุผล:", "Reason:"};
inline constexpr Text reg_status_upload{"ส่งหนังสือที่ลงนามแล้ว", "Upload the signed letter"};
inline constexpr Text reg_renew_link{"ขอลิงก์ตั้งรหัสผ่านใหม่", "Send a new activation link"};
inline constexpr Text reg_link_sent{"ส่งลิงก์ตั้งรหัสผ่านใหม่ทาง SMS แล้ว ไปที่เบอร์", "A new activation link was sent by SMS to"};
inline constexpr Text reg_register_again{"ลงทะเบียนใหม่", "Register again"};
inline constexpr Text reg_resume_new{"ลงทะเบียนใหม่แทน", "Start a new registration instead"};
inline constexpr Text reg_open_intro{"สถานศึกษานี้มีการลงทะเบียนที่ยังไม่เสร็จอยู่แล้ว:",
                                     "This institution already has a registration in progress:"};
inline constexpr Text reg_open_started{"เริ่มเมื่อ", "started"};
inline constexpr Text reg_open_phone{"เบอร์โทร", "phone"};
inline constexpr Text reg_open_resume{"เป็นของฉัน: ทำต่อจากเดิม", "It is mine: continue it"};
inline constexpr Text reg_supersede{
    "ลงทะเบียนใหม่แทนที่รายการเดิม (รายการเดิมจะถูกยกเลิก และผู้ลงทะเบียนเดิมจะได้รับ SMS แจ้ง)",
    "Register anew, replacing it (the earlier one is cancelled and its registrant told by SMS)"};
inline constexpr Text reg_supersede_required{"กรุณาเลือกทำต่อจากเดิม หรือยืนยันให้ลงทะเบียนใหม่แทนที่รายการเดิม",
                                             "Continue the earlier registration, or confirm that this one replaces it"};
inline constexpr Text reg_superseded_done{"การลงทะเบียนเดิมถูกแทนที่แล้ว และได้แจ้งผู้ลงทะเบียนเดิมทาง SMS",
                                          "The earlier registration was replaced and its registrant told by SMS"};
inline constexpr Text rev_title{"ตรวจสอบการลงทะเบียน", "Review registrations"};
inline constexpr Text rev_status_any{"ทุกสถานะ", "Any status"};
inline constexpr Text rev_affiliation_any{"ทุกสังกัด", "Any affiliation"};
inline constexpr Text rev_load{"แสดงรายการ", "Show"};
inline constexpr Text rev_empty{"ไม่มีรายการ", "Nothing to review"};
inline constexpr Text rev_legacy{"ชื่อผู้ใช้เดิม:", "Old usernames:"};
inline constexpr Text rev_preview{"ดาวน์โหลดหนังสือที่ส่งมา", "Download the uploaded letter"};
inline constexpr Text rev_letter{"หนังสือที่ลงนามแล้ว (หน้าแรก)", "The signed letter (first page)"};
inline constexpr Text rev_no_letter{"ยังไม่ได้ส่งหนังสือที่ลงนามแล้ว", "No signed letter uploaded yet"};
inline constexpr Text rev_approve{"อนุมัติ", "Approve"};
inline constexpr Text rev_reject{"ไม่อนุมัติ", "Reject"};
inline constexpr Text rev_reason{"เหตุผลที่ไม่อนุมัติ", "Reason for the rejection"};
inline constexpr Text rev_done{"บันทึกผลแล้ว และส่ง SMS แจ้งผู้ลงทะเบียนแล้ว", "Saved; the registrant was told by SMS"};

}  // namespace ui::text
