#include "server/http/errors.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec {

std::variant<int, http::Reply> open_year(const Services& s, const http::RequestContext& rq) {
  auto y = domain::parse_academic_year(rq.params.at("year"));
  if (!y) return http::error_reply(http::Status::bad_request, y.error());
  if (!s->store.round(y.value()))
    return http::error_reply(http::Status::conflict,
                             {"round_not_open", "year",
                              "ยังไม่เปิดรอบการยืนยันข้อมูลปีการศึกษา " + std::to_string(y.value()),
                              "The round of academic year " + std::to_string(y.value()) + " is not open"});
  return y.value();
}

nlohmann::json voided_json(const std::vector<OrgRef>& voided) {
  auto out = nlohmann::json::array();
  for (const auto& v : voided) out.push_back({{"code", v.code}, {"name_th", v.name_th}});
  return out;
}

void send_notices(const Services& s, const std::vector<VoidNotice>& notices) {
  if (!s->sms_user) return;
  for (const auto& n : notices) s->sms_user(n.user_id, n.text);
}

}  // namespace server::lec
