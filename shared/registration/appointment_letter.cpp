#include "shared/registration/appointment_letter.hpp"

#include "shared/core/text.hpp"
#include "shared/directory/institution.hpp"

namespace domain {

AppointmentLetter appointment_letter(const LetterFacts& f) {
  const bool dla = f.affiliation == "dla";
  const Affiliation* a = find_affiliation(f.affiliation);
  const std::string affiliation = a ? std::string(a->name_th) : f.affiliation;
  const std::string name = f.title + f.first_name + " " + f.last_name;

  AppointmentLetter l;
  l.officer_full_name = name;
  l.heading = "หนังสือแต่งตั้งเจ้าหน้าที่รับผิดชอบบัญชีผู้ใช้งาน";
  l.issuer = f.institution_name + " อำเภอ" + f.district + " จังหวัด" + f.province;
  l.number = "ที่ ..................................";
  l.date = "วันที่ " + to_thai_digits(format_thai_date(f.date));
  l.subject = "เรื่อง แต่งตั้งเจ้าหน้าที่รับผิดชอบบัญชีผู้ใช้งานระบบ Thai School Lunch และ KidDiary School";
  l.addressee = "เรียน ผู้ดูแลระบบลงทะเบียนบัญชีผู้ใช้งานสถานศึกษา";
  l.body = {
      "ด้วย" + f.institution_name + " รหัสสถานศึกษา " + f.institution_code + " สังกัด" + affiliation +
          " ได้ลงทะเบียนขอรับชื่อผู้ใช้งานและรหัสผ่านชุดใหม่ในนามสถานศึกษา เพื่อเข้าใช้งานระบบ Thai School Lunch "
          "และ KidDiary School ซึ่งมีข้อมูลส่วนบุคคลของเด็กตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. " +
          to_thai_digits("2562"),
      "จึงขอแต่งตั้ง " + name + " ตำแหน่ง " + f.position + " เลขประจำตัวประชาชน " + f.masked_national_id +
          " เป็นเจ้าหน้าที่รับผิดชอบบัญชีผู้ใช้งานของสถานศึกษา ชื่อผู้ใช้งาน " + f.institution_code +
          " มีหน้าที่ดูแลรักษาชื่อผู้ใช้งานและรหัสผ่านไว้เป็นความลับ ใช้ข้อมูลเฉพาะเพื่อการปฏิบัติงานของสถานศึกษา "
          "และแจ้งผู้ดูแลระบบทันทีเมื่อพ้นจากหน้าที่",
      "จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป",
  };
  l.closing = "ขอแสดงความนับถือ";
  l.signer = {"(ลงชื่อ) ..............................", "(..............................)"};
  if (dla) {
    l.signer.push_back("หัวหน้าศูนย์พัฒนาเด็กเล็ก / ผู้มีอำนาจลงนาม");
    l.signer.push_back(f.institution_name);
  } else {
    l.signer.push_back("ผู้อำนวยการ" + f.institution_name);
  }
  l.officer_sign = {"(ลงชื่อ) ..............................", "(" + name + ")",
                    "ผู้ได้รับแต่งตั้ง ตำแหน่ง " + f.position};
  l.reference_line = "รหัสอ้างอิงการลงทะเบียน " + f.reference;
  return l;
}

}  // namespace domain
