// POST /api/v1/otp and POST /api/v1/otp/verify (docs/api.md, "OTP and SMS").
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/otp/otp_service.hpp"

namespace server::otp {

void add_dev_clock_route(http::Router& router, std::shared_ptr<std::atomic<std::int64_t>> offset) {
  router.add(http::Verb::post, "/api/v1/dev/clock", http::anyone(), [offset](const http::RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& j = body.value();
    if (auto e = http::check_fields(j, {{"advance_seconds", http::JsonType::integer, true}})) return http::bad_request(*e);
    if (j["advance_seconds"].get<std::int64_t>() < 0 || j["advance_seconds"].get<std::int64_t>() > 7 * 24 * 3600)
      return http::bad_request({"advance_seconds", "advance_seconds", "ต้องเป็นจำนวนวินาที 0 ถึง 604800",
                                "Must be a number of seconds from 0 to 604800"});
    const auto now = *offset += j["advance_seconds"].get<std::int64_t>();
    return http::json_reply(http::Status::ok, {{"offset_seconds", now}});
  });
}

void add_otp_routes(http::Router& router, std::shared_ptr<OtpService> otp) {
  router.add(http::Verb::post, "/api/v1/otp", http::anyone(), [otp](const http::RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"phone", http::JsonType::text, true}, {"purpose", http::JsonType::text, true}}))
      return http::bad_request(*e);
    auto request = domain::parse_otp_request(body.value());
    if (!request) return http::bad_request(request.error());
    auto sent = otp->send(request.value(), rq.client_address);
    if (auto* r = std::get_if<Refusal>(&sent)) return http::refuse(*r);
    const auto& s = std::get<OtpSent>(sent);
    return http::json_reply(http::Status::accepted, {{"otp_id", s.otp_id},
                                                     {"ref", s.reference},
                                                     {"expires_in", s.expires_in},
                                                     {"resend_after", s.resend_after}});
  });

  router.add(http::Verb::post, "/api/v1/otp/verify", http::anyone(), [otp](const http::RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto otp_id = http::exact_text_field(body.value(), {"otp_id", "รหัสคำขอ OTP (otp_id)", "otp_id", 64});
    if (!otp_id) return http::bad_request(otp_id.error());
    auto code = http::exact_text_field(body.value(), {"code", "รหัส OTP", "The OTP code", 16});
    if (!code) return http::bad_request(code.error());
    auto verified = otp->verify(otp_id.value(), code.value());
    if (auto* r = std::get_if<Refusal>(&verified)) return http::refuse(*r);
    return http::json_reply(http::Status::ok,
                            {{"otp_token", std::get<std::string>(verified)}, {"expires_in", otp_token_lifetime}});
  });
}

}  // namespace server::otp
