#pragma once
// Words of proving who one is with an identity provider (ThaID): the button, the proof
// shown on the form, the page of a failed proof.
#include "shared/ui/strings.hpp"

namespace ui::text {

inline constexpr Text identity_prove{"ยืนยันตัวตนด้วย", "Prove who you are with"};
inline constexpr Text identity_sign_in{"เข้าสู่ระบบด้วย", "Sign in with"};
inline constexpr Text identity_first{
    "แนะนำ: ยืนยันตัวตนก่อน ระบบจะกรอกชื่อและเลขประจำตัวประชาชนให้จากผู้ให้บริการ และไม่ต้องใช้รหัส OTP",
    "Recommended: prove who you are first. Your names and national ID then come from the provider, "
    "and no SMS code is needed."};
inline constexpr Text identity_sms_only{"การยืนยันตัวตนใช้รหัส OTP ทาง SMS ไปยังเบอร์โทรศัพท์ของท่าน",
                                        "Identity is proved by an SMS code (OTP) sent to your phone."};
inline constexpr Text identity_proved{"ยืนยันตัวตนแล้วด้วย", "Identity proved by"};
inline constexpr Text identity_checking{"กำลังตรวจผลการยืนยันตัวตน...", "Checking the identity proof..."};
inline constexpr Text identity_names_from_provider{"ชื่อ-นามสกุลมาจากผู้ให้บริการยืนยันตัวตน แก้ไขไม่ได้",
                                                   "The names come from the identity provider and cannot be changed."};
inline constexpr Text identity_failed_heading{"ยืนยันตัวตนไม่สำเร็จ", "The identity check did not succeed"};
inline constexpr Text identity_try_again{"ขอสิทธิ์ใช้งานอีกครั้ง (ThaID หรือรหัส OTP ทาง SMS)",
                                         "Ask for access again (ThaID or an SMS code)"};
inline constexpr Text identity_sign_in_password{"เข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน", "Sign in with username and password"};
inline constexpr Text identity_admin_proved{"ยืนยันตัวตนด้วย", "Identity proved with"};
inline constexpr Text identity_admin_sms{"ยืนยันเบอร์โทรศัพท์ด้วย OTP (ไม่ได้ยืนยันตัวตน)",
                                         "Phone proved by OTP (identity not proved)"};

}  // namespace ui::text
