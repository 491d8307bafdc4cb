#include "server/http/errors.hpp"

#include <string>

namespace server::http {

Status status_of(const Reply& r) {
  return std::visit([](const auto& res) { return res.result(); }, r);
}

Reply json_reply(Status status, const nlohmann::json& body) {
  StringResponse res{status, 11};
  res.set(beast::http::field::content_type, "application/json; charset=utf-8");
  res.set(beast::http::field::cache_control, "private, no-store");
  res.body() = body.dump();
  res.prepare_payload();
  return res;
}

Reply error_reply(Status status, const domain::FieldError& error) {
  return json_reply(status, domain::to_error_body(error));
}

Reply bad_request(const domain::FieldError& error) { return error_reply(Status::bad_request, error); }

Reply malformed_request() {
  return error_reply(Status::bad_request,
                     {"malformed_request", "", "คำขอไม่ถูกต้องตามรูปแบบ HTTP", "The HTTP request is malformed"});
}

Reply not_found() {
  return error_reply(Status::not_found, {"not_found", "", "ไม่พบสิ่งที่ร้องขอ", "Not found"});
}

Reply redirect(const std::string& location) {
  StringResponse res{Status::found, 11};
  res.set(beast::http::field::location, location);
  res.set(beast::http::field::cache_control, "no-store");
  res.prepare_payload();
  return res;
}

Reply method_not_allowed(std::string_view allow) {
  Reply r = error_reply(Status::method_not_allowed,
                        {"method_not_allowed", "", "ไม่รองรับวิธีการเรียกนี้สำหรับที่อยู่นี้",
                         "This method is not allowed on this path"});
  std::get<StringResponse>(r).set(beast::http::field::allow, allow);
  return r;
}

Reply body_too_large(std::uint64_t limit_bytes) {
  std::string kib = std::to_string(limit_bytes / 1024);
  return error_reply(Status::payload_too_large,
                     {"body_too_large", "", "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป (ไม่เกิน " + kib + " KiB)",
                      "The request body is too large (at most " + kib + " KiB)"});
}

Reply headers_too_large() {
  return error_reply(Status::request_header_fields_too_large,
                     {"headers_too_large", "", "ส่วนหัวของคำขอมีขนาดใหญ่เกินไป",
                      "The request headers are too large"});
}

Reply internal_error() {
  return error_reply(Status::internal_server_error,
                     {"internal_error", "", "เกิดข้อผิดพลาดภายในระบบ โปรดลองอีกครั้ง",
                      "Internal error, please try again"});
}

}  // namespace server::http
