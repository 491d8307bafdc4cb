#include "shared/registration/registration_state.hpp"

#include <string>

namespace domain {

std::string_view to_string(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::awaiting_letter: return "awaiting_letter";
    case RegistrationStatus::under_review: return "under_review";
    case RegistrationStatus::approved: return "approved";
    case RegistrationStatus::rejected: return "rejected";
    case RegistrationStatus::superseded: return "superseded";
  }
  return "awaiting_letter";
}

std::string_view to_string(RegistrationEvent e) {
  switch (e) {
    case RegistrationEvent::letter_uploaded: return "letter_uploaded";
    case RegistrationEvent::approved: return "approved";
    case RegistrationEvent::rejected: return "rejected";
    case RegistrationEvent::superseded: return "superseded";
  }
  return "letter_uploaded";
}

std::optional<RegistrationStatus> parse_registration_status(std::string_view id) {
  for (auto s : all_registration_statuses)
    if (to_string(s) == id) return s;
  return std::nullopt;
}

std::string_view status_name_th(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::awaiting_letter: return "รอส่งหนังสือแต่งตั้ง";
    case RegistrationStatus::under_review: return "รอตรวจสอบ";
    case RegistrationStatus::approved: return "อนุมัติแล้ว";
    case RegistrationStatus::rejected: return "ไม่อนุมัติ";
    case RegistrationStatus::superseded: return "ถูกแทนที่ด้วยการลงทะเบียนใหม่";
  }
  return "";
}

std::string_view status_name_en(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::awaiting_letter: return "Waiting for the signed letter";
    case RegistrationStatus::under_review: return "Under review";
    case RegistrationStatus::approved: return "Approved";
    case RegistrationStatus::rejected: return "Rejected";
    case RegistrationStatus::superseded: return "Replaced by a newer registration";
  }
  return "";
}

bool is_pending(RegistrationStatus s) {
  return s == RegistrationStatus::awaiting_letter || s == RegistrationStatus::under_review;
}

namespace {

FieldError refused(std::string th, std::string en) {
  return FieldError{"registration_state", "", std::move(th), std::move(en)};
}

}  // namespace

Checked<RegistrationStatus> next_status(RegistrationStatus from, RegistrationEvent event) {
  using S = RegistrationStatus;
  using E = RegistrationEvent;
  switch (from) {
    case S::approved:
      return refused("การลงทะเบียนนี้ได้รับอนุมัติแล้ว เปลี่ยนแปลงไม่ได้", "This registration is already approved");
    case S::rejected:
      return refused("การลงทะเบียนนี้ไม่ได้รับอนุมัติแล้ว กรุณาลงทะเบียนใหม่",
                     "This registration was rejected; please register again");
    case S::superseded:
      return refused("การลงทะเบียนนี้ถูกแทนที่ด้วยการลงทะเบียนใหม่ของสถานศึกษาเดียวกันแล้ว",
                     "This registration was superseded by a newer one for the same institution");
    case S::awaiting_letter:
      if (event == E::letter_uploaded) return S::under_review;
      if (event == E::superseded) return S::superseded;
      return refused("ยังไม่ได้ส่งหนังสือแต่งตั้งที่ลงนามแล้ว จึงยังพิจารณาไม่ได้",
                     "The signed letter has not been uploaded yet, so it cannot be decided");
    case S::under_review:
      if (event == E::approved) return S::approved;
      if (event == E::rejected) return S::rejected;
      if (event == E::superseded) return S::superseded;
      return refused("ส่งหนังสือแต่งตั้งแล้ว และอยู่ระหว่างการตรวจสอบ",
                     "The signed letter was already uploaded and is under review");
  }
  return refused("สถานะไม่ถูกต้อง", "Unknown state");
}

}  // namespace domain
