#include "shared/registration/signed_letter.hpp"

#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace domain {

std::string_view file_extension(LetterFileKind k) { return k == LetterFileKind::jpeg ? "jpg" : "pdf"; }
std::string_view media_type(LetterFileKind k) { return k == LetterFileKind::jpeg ? "image/jpeg" : "application/pdf"; }

Checked<LetterFileKind> check_letter_file(std::string_view bytes) {
  if (bytes.empty())
    return FieldError{"file_required", "file", "ไฟล์ว่างเปล่า (0 ไบต์) กรุณาเลือกไฟล์หนังสือแต่งตั้งที่ลงนามแล้ว",
                      "The file is empty (0 bytes); choose the signed letter"};
  if (bytes.size() > signed_letter_max_bytes)
    return FieldError{"file_too_large", "file", "ไฟล์ใหญ่เกิน 10 MB กรุณาสแกนให้มีขนาดเล็กลงหรือบันทึกเป็น JPG",
                      "The file is larger than 10 MB; scan it smaller or save it as JPG"};
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xD8 &&
      static_cast<unsigned char>(bytes[2]) == 0xFF)
    return LetterFileKind::jpeg;
  if (bytes.substr(0, 5) == "%PDF-") return LetterFileKind::pdf;
  return FieldError{"file_type", "file", "รับเฉพาะไฟล์ JPG หรือ PDF (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)",
                    "Only JPG or PDF files are accepted (checked by content, not by name)"};
}

std::optional<FieldError> declared_name_problem(std::string_view filename, LetterFileKind kind) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string ext = ascii_lower(filename.substr(dot + 1));
  std::optional<LetterFileKind> claimed;
  if (ext == "jpg" || ext == "jpeg") claimed = LetterFileKind::jpeg;
  if (ext == "pdf") claimed = LetterFileKind::pdf;
  if (!claimed || *claimed == kind) return std::nullopt;
  const bool is_pdf = kind == LetterFileKind::pdf;
  return FieldError{"file_type_mismatch", "file",
                    std::string("เนื้อไฟล์เป็น ") + (is_pdf ? "PDF" : "JPG") + " แต่ชื่อไฟล์ลงท้ายด้วย ." + ext +
                        " กรุณาบันทึกไฟล์ใหม่ให้ชนิดตรงกับชื่อ แล้วส่งอีกครั้ง",
                    std::string("The file holds a ") + (is_pdf ? "PDF" : "JPEG") + " but its name ends in ." + ext +
                        "; save it again with the right type and upload it again"};
}

unsigned letter_file_status(const FieldError& e) {
  if (e.code == "file_too_large") return 413;
  if (e.code == "file_type" || e.code == "file_corrupt" || e.code == "file_type_mismatch") return 415;
  return 400;
}

Checked<NationalId> check_upload_identity(std::string_view username, std::string_view national_id,
                                          std::string_view institution_code) {
  if (trim(username).empty())
    return FieldError{"username_required", "username", "กรุณากรอกชื่อผู้ใช้งาน (รหัสสถานศึกษา 10 หลัก)",
                      "Enter the username (the 10-digit institution code)"};
  auto code = parse_institution_code(username);
  if (!code || code.value() != institution_code)
    return FieldError{"username_mismatch", "username", "ชื่อผู้ใช้งานต้องเป็นรหัสสถานศึกษา 10 หลักของการลงทะเบียนนี้",
                      "The username must be the 10-digit institution code of this registration"};
  auto id = parse_national_id(national_id);
  if (!id) return in_field(id.error(), "national_id");
  return id.value();
}

FieldError national_id_mismatch() {
  return {"national_id_mismatch", "national_id", "เลขประจำตัวประชาชนไม่ตรงกับผู้ลงทะเบียน",
          "The national ID does not match the registrant's"};
}

}  // namespace domain
