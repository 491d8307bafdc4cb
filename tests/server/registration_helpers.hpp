#pragma once
// Steps the registration tests share: an OTP token read from the dev outbox, a good form.
#include <nlohmann/json.hpp>
#include <string>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

namespace test_server {

// POST /otp, the code from GET /dev/outbox, POST /otp/verify: the otp_token.
std::string otp_token(const ServerProcess& server, const std::string& phone, const std::string& purpose = "registration");
// POST /api/v1/dev/clock: the server's OTP clock jumps forward.
void advance_clock(const ServerProcess& server, int seconds);
// A good body for 1010720001 (obec), officer นางสาวสมหญิง ใจดี, phone 0812345678.
nlohmann::json registration_body();
// Adds a fresh otp_token for the body's phone and POSTs it.
HttpResponse register_school(const ServerProcess& server, nlohmann::json body);
// multipart/form-data with `file` (named `filename`), `username`, `national_id`.
HttpResponse upload_letter(const ServerProcess& server, const nlohmann::json& created, const std::string& file_bytes,
                           const std::string& filename, const std::string& username = "1010720001",
                           const std::string& national_id = "1101700203450");

}  // namespace test_server
