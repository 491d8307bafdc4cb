#include "server/http/refusal.hpp"

#include <string>

#include "server/http/errors.hpp"

namespace server::http {

Reply refuse(const Refusal& r) {
  auto body = domain::to_error_body(r.error);
  for (const auto& [k, v] : r.extra.items()) {  // both places: older clients read the top level
    body[k] = v;
    body["error"][k] = v;
  }
  auto reply = json_reply(static_cast<Status>(r.status), body);
  if (r.retry_after > 0)
    std::get<StringResponse>(reply).set(beast::http::field::retry_after, std::to_string(r.retry_after));
  return reply;
}

Reply forbidden(domain::Permission p) {
  const auto& i = domain::info(p);
  return error_reply(Status::forbidden, {"forbidden", "", "ท่านไม่มีสิทธิ์ทำรายการนี้ (ต้องมีสิทธิ์ " + std::string(i.name_th) + ")",
                                         "You are not allowed to do this (needs " + std::string(i.name_en) + ")"});
}

}  // namespace server::http
