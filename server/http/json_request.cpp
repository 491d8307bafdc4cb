#include "server/http/json_request.hpp"

#include "shared/core/text.hpp"

namespace server::http {

domain::Checked<nlohmann::json> json_body(const RequestContext& rq) {
  const std::string& body = rq.request.body();
  if (!domain::is_valid_utf8(body))
    return domain::FieldError{"invalid_utf8", "", "ข้อมูลที่ส่งไม่ใช่ UTF-8 ที่ถูกต้อง", "The body is not valid UTF-8"};
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded())
    return domain::FieldError{"malformed_json", "", "ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง", "The body is not valid JSON"};
  if (!j.is_object())
    return domain::FieldError{"wrong_type", "", "ข้อมูลต้องเป็นออบเจ็กต์ JSON", "The body must be a JSON object"};
  return j;
}

}  // namespace server::http
