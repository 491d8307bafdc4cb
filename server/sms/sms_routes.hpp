#pragma once
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/sms/sms_gateway.hpp"

namespace server::sms {

// The gateway the configuration asks for: SMS_GATEWAY=outbox|http (default: the outbox in
// development, http in production), SMS_GATEWAY_URL, SMS_GATEWAY_USER,
// SMS_GATEWAY_PASSWORD, SMS_SENDER, SMS_GATEWAY_BODY (template), SMS_GATEWAY_CONTENT_TYPE,
// SMS_GATEWAY_TIMEOUT_MS, SMS_GATEWAY_ATTEMPTS. Production without a URL fails every send.
std::unique_ptr<SmsGateway> make_gateway(const Config& config, storage::ConnectionPool& pool);

// GET /api/v1/dev/outbox?phone= in development mode (a plain 404 otherwise).
void add_sms_routes(http::Router& router, const Config& config, std::shared_ptr<storage::ConnectionPool> pool);

}  // namespace server::sms
