#pragma once
// School website users (the EMIS rule): a person picks the area office, a school in it,
// gives name, surname, position, phone (proven by OTP) and e-mail, or proves who they are with
// an identity provider (ThaID: names and national ID from it, one request per person); that area's admin
// approves or rejects with a reason. At most 2 school users per school that are not
// disabled: the count and the write happen in one BEGIN IMMEDIATE transaction, so
// concurrent requests or approvals cannot make a third.
// Also the pickers: GET /api/v1/orgs?kind=&q= and GET /api/v1/orgs/{code}/institutions.
#include "server/accounts/access_request_store.hpp"
#include "server/accounts/account_service.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/identity/identity_service.hpp"
#include "server/notifications/notifier.hpp"
#include "server/otp/otp_service.hpp"
#include "server/sms/sms_gateway.hpp"

namespace server::accounts {

// A new request tells the admins who decide it (users.manage on the school or above), in the
// client and by SMS.
void add_access_request_routes(http::Router& router, const Config& config, auth::Guard& guard,
                               AccountService& accounts, otp::OtpService& otp, sms::SmsGateway& sms,
                               std::shared_ptr<notifications::Notifier> notifier,
                               std::shared_ptr<identity::IdentityService> identities);

}  // namespace server::accounts
