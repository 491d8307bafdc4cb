#pragma once
// What a signed-in user does for themselves: complete the profile (first login) and change
// the password ("sign out everywhere"). Forgotten password by OTP joins here.
#include "server/accounts/account_service.hpp"
#include "server/auth/guard.hpp"
#include "server/http/router.hpp"
#include "server/otp/otp_service.hpp"
#include "server/sms/sms_gateway.hpp"

namespace server::accounts {

void add_self_service_routes(http::Router& router, auth::Guard& guard, AccountService& accounts,
                             otp::OtpService& otp, sms::SmsGateway& sms);

}  // namespace server::accounts
