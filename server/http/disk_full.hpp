#pragma once
// A write refused because the disk is full: 507 with what to do, not a 500 that reads like
// a bug. SQLite says so in its message; file writes through errno.
#include <cerrno>
#include <cstring>
#include <exception>
#include <system_error>

#include "server/http/errors.hpp"

namespace server::http {

inline bool is_disk_full(const std::exception& e) {
  if (const auto* s = dynamic_cast<const std::system_error*>(&e))
    if (s->code().category() == std::generic_category() && (s->code().value() == ENOSPC || s->code().value() == EDQUOT))
      return true;
  return std::strstr(e.what(), "database or disk is full") != nullptr;
}

inline Reply insufficient_storage() {
  return error_reply(Status::insufficient_storage,
                     {"disk_full", "",
                      "บันทึกไม่สำเร็จ: พื้นที่จัดเก็บของเซิร์ฟเวอร์เต็ม ไม่มีข้อมูลใดถูกบันทึก "
                      "กรุณาลองใหม่ภายหลังและแจ้งผู้ดูแลระบบ",
                      "Not saved: the server's storage is full and nothing was stored. Try again later and "
                      "tell the system administrator"});
}

}  // namespace server::http
