#include "shared/ui/confirmations.hpp"

namespace ui::confirm {
namespace {

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

}  // namespace

Words issue_password(Language l, std::string_view u) {
  if (l == Language::th)
    return {cat({"ออกรหัสผ่านใหม่ให้ ", u, " หรือไม่"}),
            "รหัสผ่านเดิมจะใช้ไม่ได้ทันที และผู้ใช้จะถูกออกจากระบบทุกเครื่อง รหัสผ่านใหม่แสดงเพียงครั้งเดียว "
            "ใช้ได้ 72 ชั่วโมง ผู้รับต้องกรอกข้อมูลผู้รับผิดชอบและตั้งรหัสผ่านของตนเองเมื่อเข้าสู่ระบบครั้งแรก "
            "(หากเป็นผู้รับผิดชอบคนใหม่ ข้อมูลของคนเดิมจะเก็บไว้ในประวัติ) ย้อนกลับไม่ได้",
            "ออกรหัสผ่านใหม่"};
  return {cat({"Issue a new password to ", u, "?"}),
          "Their current password stops working at once and they are signed out everywhere. The new "
          "password is shown once, lasts 72 hours; at the first sign-in the holder gives their details and "
          "sets their own password (a new person responsible: the previous one is kept in the history). "
          "This cannot be undone.",
          "Issue new password"};
}

Words create_user(Language l, std::string_view u, std::string_view org, bool qr) {
  if (l == Language::th)
    return {cat({"สร้างบัญชี ", u, " ในหน่วยงาน ", org, " หรือไม่"}),
            qr ? "ระบบจะออก QR เข้าสู่ระบบครั้งเดียว (ใช้ได้ 72 ชั่วโมง) แสดงเพียงครั้งเดียว โปรดส่งให้เจ้าของบัญชีเท่านั้น "
                 "ท่านปิดใช้งานบัญชีได้ภายหลังจากรายการผู้ใช้"
               : "ระบบจะออกรหัสผ่านชั่วคราว (ใช้ได้ 72 ชั่วโมง) แสดงเพียงครั้งเดียว ผู้ใช้ต้องตั้งรหัสผ่านของตนเองเมื่อเข้าสู่ระบบครั้งแรก "
                 "ท่านปิดใช้งานบัญชีได้ภายหลังจากรายการผู้ใช้",
            qr ? "สร้างและออก QR" : "สร้างและออกรหัสผ่าน"};
  return {cat({"Create the account ", u, " in ", org, "?"}),
          qr ? "A one-time sign-in QR (72 hours) is issued and shown once. Give it to the account's owner only. "
               "You can disable the account later from the users list."
             : "A temporary password (72 hours) is issued and shown once; they set their own at the first "
               "sign-in. You can disable the account later from the users list.",
          qr ? "Create, issue QR" : "Create, issue password"};
}

Words create_institution_accounts(Language l, std::string_view office, std::int64_t n) {
  const std::string count = std::to_string(n);
  if (l == Language::th)
    return {cat({"สร้างบัญชีสถานศึกษา ", count, " บัญชี ภายใต้ ", office, " หรือไม่"}),
            cat({"สถานศึกษา ", count, " แห่งที่ยังไม่มีบัญชีจะได้บัญชีของตนเอง และได้ QR เข้าสู่ระบบครั้งเดียว (ใช้ได้ 72 ชั่วโมง) "
                 "รวมในเอกสาร PDF หนึ่งฉบับเพื่อพิมพ์แจก ผู้ที่ถือ QR เข้าสู่ระบบได้โดยไม่ต้องใช้รหัสผ่าน "
                 "ท่านปิดใช้งานบัญชีใดก็ได้ภายหลังจากรายการผู้ใช้"}),
            cat({"สร้าง ", count, " บัญชี"})};
  return {cat({"Create ", count, " institution accounts under ", office, "?"}),
          cat({"The ", count, " institutions without an account each get one, with a one-time sign-in QR (72 hours) "
               "on one PDF sheet to print and hand out. Whoever holds a QR can sign in without a password. "
               "You can disable any of the accounts later from the users list."}),
          cat({"Create ", count, " accounts"})};
}

Words issue_sign_in_qr(Language l, std::string_view u) {
  if (l == Language::th)
    return {cat({"ออก QR เข้าสู่ระบบให้ ", u, " หรือไม่"}),
            "ผู้ที่ถือ QR นี้เข้าสู่ระบบในชื่อผู้ใช้นี้ได้หนึ่งครั้งภายใน 72 ชั่วโมง โดยไม่ต้องใช้รหัสผ่าน "
            "โปรดส่งให้เจ้าของบัญชีเท่านั้น",
            "ออก QR"};
  return {cat({"Issue a sign-in QR to ", u, "?"}),
          "Whoever holds this QR can sign in as this user once within 72 hours, without a password. "
          "Give it to the account's owner only.",
          "Issue QR"};
}

Words disable_user(Language l, std::string_view u) {
  if (l == Language::th)
    return {cat({"ปิดใช้งานบัญชี ", u, " หรือไม่"}),
            "ผู้ใช้จะถูกออกจากระบบทุกเครื่องและเข้าสู่ระบบไม่ได้จนกว่าจะเปิดใช้งานอีกครั้ง "
            "ท่านเปิดใช้งานบัญชีนี้ได้ภายหลังจากรายการผู้ใช้",
            "ปิดใช้งาน"};
  return {cat({"Disable the account ", u, "?"}),
          "They are signed out everywhere and cannot sign in until the account is enabled again. You can "
          "enable it later from the users list.",
          "Disable"};
}

Words remove_grant(Language l, std::string_view u, std::string_view g) {
  if (l == Language::th)
    return {cat({"ถอนสิทธิ์ของ ", u, " หรือไม่"}),
            cat({"ผู้ใช้จะไม่มีสิทธิ์ \"", g, "\" อีกตั้งแต่คำขอถัดไป ท่านให้สิทธิ์นี้อีกครั้งได้ภายหลัง"}),
            "ถอนสิทธิ์"};
  return {cat({"Remove a permission from ", u, "?"}),
          cat({"They lose \"", g, "\" from their next request on. You can give it again later."}),
          "Remove permission"};
}

Words approve_access(Language l, std::string_view person, std::string_view school, std::string_view rights) {
  if (l == Language::th)
    return {cat({"อนุมัติคำขอของ ", person, " หรือไม่"}),
            cat({"จะสร้างบัญชีผู้ใช้เว็บไซต์ของ ", school, " สิทธิ์ดูข้อมูล", rights.empty() ? "" : " และ", rights,
                 " แล้วส่งชื่อผู้ใช้กับลิงก์ตั้งรหัสผ่าน (ใช้ได้ 72 ชั่วโมง) ทาง SMS ไปยังผู้ขอ "
                 "(โรงเรียนหนึ่งมีผู้ใช้ได้ไม่เกิน 2 คน) ท่านปิดใช้งานบัญชีหรือแก้สิทธิ์ได้ภายหลัง"}),
            "อนุมัติ"};
  return {cat({"Approve the request of ", person, "?"}),
          cat({"A school website account is created for ", school, " with view rights",
               rights.empty() ? "" : " and ", rights,
               ", and the username with a link to set a password (valid 72 hours) goes to the "
               "requester by SMS (at most 2 users per school). You can disable the account or change its rights "
               "later."}),
          "Approve"};
}

Words reject_access(Language l, std::string_view person, std::string_view school) {
  if (l == Language::th)
    return {cat({"ไม่อนุมัติคำขอของ ", person, " หรือไม่"}),
            cat({"ผู้ขอจะได้รับ SMS แจ้งเหตุผลที่ท่านพิมพ์ไว้ และไม่มีบัญชีของ ", school,
                 " ย้อนกลับไม่ได้ ผู้ขอส่งคำขอใหม่ได้"}),
            "ไม่อนุมัติ"};
  return {cat({"Reject the request of ", person, "?"}),
          cat({"The requester gets an SMS with the reason you typed and no account for ", school,
               ". This cannot be undone; they may send a new request."}),
          "Reject"};
}

Words approve_registration(Language l, std::string_view institution, std::string_view officer) {
  if (l == Language::th)
    return {cat({"อนุมัติการลงทะเบียนของ ", institution, " หรือไม่"}),
            cat({officer, " จะเป็นผู้รับผิดชอบบัญชีของสถานศึกษา และได้รับลิงก์เปิดใช้บัญชีทาง SMS "
                          "ซึ่งใช้ได้ 72 ชั่วโมง ย้อนกลับไม่ได้"}),
            "อนุมัติ"};
  return {cat({"Approve the registration of ", institution, "?"}),
          cat({officer, " becomes responsible for the institution's account and gets an activation link by "
                        "SMS, valid for 72 hours. This cannot be undone."}),
          "Approve"};
}

Words reject_registration(Language l, std::string_view institution, std::string_view reason) {
  if (l == Language::th)
    return {cat({"ไม่อนุมัติการลงทะเบียนของ ", institution, " หรือไม่"}),
            cat({"ผู้ลงทะเบียนจะได้รับ SMS แจ้งเหตุผล \"", reason,
                 "\" และต้องลงทะเบียนใหม่ ย้อนกลับไม่ได้"}),
            "ไม่อนุมัติ"};
  return {cat({"Reject the registration of ", institution, "?"}),
          cat({"The registrant gets an SMS with the reason \"", reason,
               "\" and must register again. This cannot be undone."}),
          "Reject"};
}

Words close_reporting(Language l, std::string_view kpi, std::string_view periods, std::int64_t submitted,
                      std::int64_t reviewed) {
  const std::string s = std::to_string(submitted), r = std::to_string(reviewed);
  if (l == Language::th)
    return {periods.empty() ? cat({"ปิดตัวชี้วัด ", kpi, " หรือไม่"}) : cat({"ปิดรอบ ", periods, " ของตัวชี้วัด ", kpi, " หรือไม่"}),
            cat({"มีรายงานที่ส่งแล้ว ", s, " รายงาน (ตรวจแล้ว ", r,
                 " รายงาน) ซึ่งจะถูกเก็บไว้ทั้งหมด แต่สถานศึกษาจะส่งหรือแก้ไขรายงานไม่ได้อีก "
                 "ท่านเปิดอีกครั้งได้ภายหลัง"}),
            periods.empty() ? "ปิดตัวชี้วัด" : "ปิดรอบ"};
  return {periods.empty() ? cat({"Close the KPI ", kpi, "?"}) : cat({"Close ", periods, " of the KPI ", kpi, "?"}),
          cat({"There are ", s, " submitted reports (", r,
               " reviewed). They are all kept, but schools can no longer send or change them. You can open it "
               "again later."}),
          periods.empty() ? "Close KPI" : "Close period"};
}

Words remove_kpi_document(Language l, std::string_view d, std::string_view k) {
  if (l == Language::th)
    return {cat({"นำเอกสาร \"", d, "\" ออกจากตัวชี้วัดหรือไม่"}),
            cat({"สถานศึกษาและผู้ตรวจจะไม่เห็นเอกสารนี้ในตัวชี้วัด ", k, " อีก ท่านแนบเอกสารใหม่ได้ภายหลัง"}),
            "นำเอกสารออก"};
  return {cat({"Remove \"", d, "\" from the KPI?"}),
          cat({"Schools and reviewers will no longer see it on KPI ", k, ". You can attach a document again later."}),
          "Remove document"};
}

Words copy_kpis(Language l, int from, int to) {
  const std::string f = std::to_string(from), t = std::to_string(to);
  if (l == Language::th)
    return {cat({"คัดลอกตัวชี้วัดของปีงบประมาณ ", f, " ไปยังปีงบประมาณ ", t, " หรือไม่"}),
            "ตัวชี้วัดที่มีเลขเดียวกันในปีถัดไปแล้วจะข้ามไป ตัวชี้วัดที่คัดลอกจะเปิดรับรายงานและยังไม่มีหน่วยงานที่ได้รับมอบหมาย "
            "ท่านแก้ไขหรือปิดตัวชี้วัดที่คัดลอกได้ภายหลัง",
            "คัดลอก"};
  return {cat({"Copy the KPIs of fiscal year ", f, " into ", t, "?"}),
          "Numbers already there are skipped; the copies are open and have no units assigned yet. You can "
          "edit or close them afterwards.",
          "Copy them"};
}

Words confirm_lec_data(Language l, std::string_view node) {
  if (l == Language::th)
    return {cat({"ยืนยันข้อมูลของ ", node, " หรือไม่"}),
            "ท่านรับรองว่าข้อมูลถูกต้องครบถ้วน และหน่วยงานที่อยู่เหนือขึ้นไปจะเห็นว่ายืนยันแล้ว หากมีการแก้ไขภายหลัง "
            "การยืนยันนี้และของหน่วยงานที่อยู่เหนือขึ้นไปจะถูกยกเลิก ท่านถอนการยืนยันได้ภายหลัง",
            "ยืนยันข้อมูล"};
  return {cat({"Confirm the data of ", node, "?"}),
          "You vouch that the data is right and complete, and the offices above see it confirmed. A later change "
          "voids this confirmation and those above it. You can withdraw it afterwards.",
          "Confirm the data"};
}

Words remind_unconfirmed(Language l, std::string_view node) {
  if (l == Language::th)
    return {cat({"ส่ง SMS เตือนหน่วยงานในสังกัด ", node, " ที่ยังไม่ยืนยันหรือไม่"}),
            "ผู้รับผิดชอบของทุกหน่วยงานในสังกัดที่ยังไม่ยืนยันจะได้รับ SMS หนึ่งข้อความ SMS ที่ส่งแล้วเรียกคืนไม่ได้",
            "ส่ง SMS"};
  return {cat({"Remind by SMS everything below ", node, " that has not confirmed?"}),
          "The people responsible for every node below that has not confirmed each get one SMS. An SMS sent cannot "
          "be recalled.",
          "Send the SMS"};
}

Words rollover_register(Language l, std::string_view institution, int year) {
  const std::string y = std::to_string(year);
  if (l == Language::th)
    return {cat({"เริ่มทะเบียนปีการศึกษา ", y, " ของ ", institution, " จากปีที่แล้วหรือไม่"}),
            "เด็กที่กำลังศึกษาในปีที่แล้วจะเลื่อนชั้นขึ้นหนึ่งระดับ ผู้ที่จบชั้นสูงสุดจะออกเป็นจบการศึกษา "
            "โปรดตรวจรายชื่อหลังจากนี้ แล้วแก้ไขหรือจำหน่ายผู้ที่ไม่ได้มาเรียน (ผู้ที่จำหน่ายแล้วนำกลับได้)",
            "เลื่อนชั้น"};
  return {cat({"Start ", institution, "'s register of ", y, " from last year's?"}),
          "Last year's children move up one level; those past the top level leave as graduated. Review the list "
          "afterwards: edit, or remove those who did not come back (a removed child can be restored).",
          "Move them up"};
}

Words end_session(Language l, std::string_view device) {
  if (l == Language::th)
    return {cat({"ให้ ", device, " ออกจากระบบหรือไม่"}),
            "อุปกรณ์นั้นจะออกจากระบบทันที และต้องเข้าสู่ระบบใหม่ด้วยรหัสผ่านหากจะใช้งานต่อ", "ให้ออกจากระบบ"};
  return {cat({"Sign out ", device, "?"}),
          "That device is signed out at once and must sign in again with the password to go on.", "Sign it out"};
}

Words end_other_sessions(Language l) {
  if (l == Language::th)
    return {"ออกจากระบบทุกอุปกรณ์ยกเว้นอุปกรณ์นี้หรือไม่",
            "ทุกอุปกรณ์อื่นจะออกจากระบบทันที และต้องเข้าสู่ระบบใหม่ด้วยรหัสผ่านหากจะใช้งานต่อ", "ออกจากระบบที่อื่นทั้งหมด"};
  return {"Sign out every device but this one?",
          "Every other device is signed out at once and must sign in again with the password to go on.",
          "Sign out everywhere else"};
}

}  // namespace ui::confirm
