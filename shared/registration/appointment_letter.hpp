#pragma once
// The wording of the appointment letter (หนังสือแต่งตั้งเจ้าหน้าที่รับผิดชอบบัญชีผู้ใช้งาน) in the
// layout of a Thai official letter: ที่ / วันที่ / เรื่อง / เรียน, the appointment text, and the
// signature block of the director (สพฐ.) or the head of the child-development centre /
// authorised signer (อปท.). The server lays it out as a PDF; dates in B.E. with Thai digits.
#include <string>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"

namespace domain {

struct LetterFacts {
  std::string reference;  // the registration reference, also in the QR code
  std::string affiliation;  // obec | dla
  std::string institution_code, institution_name, province, district;
  std::string title, first_name, last_name, position;
  std::string masked_national_id;
  Date date;  // the day the letter is issued
};

struct AppointmentLetter {
  std::string heading;             // centred, bold
  std::string issuer;              // right: the institution and its place
  std::string number;              // ที่ ...
  std::string date;                // วันที่ ...
  std::string subject;             // เรื่อง ...
  std::string addressee;           // เรียน ...
  std::vector<std::string> body;   // paragraphs
  std::string closing;             // ขอแสดงความนับถือ
  std::vector<std::string> signer;        // lines under the signature line
  std::vector<std::string> officer_sign;  // the appointed officer acknowledges
  std::string reference_line;      // next to the QR code
  std::string officer_full_name;   // exactly as printed, e.g. "นางสาวสมหญิง ใจดี"
};

AppointmentLetter appointment_letter(const LetterFacts& facts);

}  // namespace domain
