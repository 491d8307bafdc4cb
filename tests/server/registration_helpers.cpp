#include "tests/server/registration_helpers.hpp"

#include <regex>
#include <stdexcept>

namespace test_server {

std::string otp_token(const ServerProcess& server, const std::string& phone, const std::string& purpose) {
  auto sent = request(server.port(), "POST", "/api/v1/otp", {{"Content-Type", "application/json"}},
                      nlohmann::json{{"phone", phone}, {"purpose", purpose}}.dump());
  if (sent.status != 202) throw std::runtime_error("OTP not sent: " + sent.body);
  auto outbox = get(server.port(), "/api/v1/dev/outbox?phone=" + phone).json();
  std::smatch m;
  const std::string text = outbox.at(0).at("text");
  if (!std::regex_search(text, m, std::regex("(\\d{6})"))) throw std::runtime_error("no code in " + text);
  auto verified = request(server.port(), "POST", "/api/v1/otp/verify", {{"Content-Type", "application/json"}},
                          nlohmann::json{{"otp_id", sent.json()["otp_id"]}, {"code", m[1].str()}}.dump());
  if (verified.status != 200) throw std::runtime_error("OTP not verified: " + verified.body);
  return verified.json()["otp_token"];
}

void advance_clock(const ServerProcess& server, int seconds) {
  auto r = request(server.port(), "POST", "/api/v1/dev/clock", {{"Content-Type", "application/json"}},
                   nlohmann::json{{"advance_seconds", seconds}}.dump());
  if (r.status != 200) throw std::runtime_error("clock not moved: " + r.body);
}

nlohmann::json registration_body() {
  return {{"affiliation", "obec"},
          {"institution_code", "1010720001"},
          {"officer",
           {{"title", "นางสาว"},
            {"first_name", "สมหญิง"},
            {"last_name", "ใจดี"},
            {"national_id", "1-1017-00203-45-0"},
            {"position", "ครู"},
            {"phone", "081-234-5678"},
            {"email", "somying@example.org"}}},
          {"legacy", {{"tsl_username", "tsl_1010720001"}, {"kiddiary_username", ""}}}};
}

HttpResponse register_school(const ServerProcess& server, nlohmann::json body) {
  std::string phone = body["officer"]["phone"];
  phone.erase(std::remove(phone.begin(), phone.end(), '-'), phone.end());
  // Bad phones never reach the OTP step in the client; send a token of a good one.
  try {
    body["otp_token"] = otp_token(server, phone);
  } catch (const std::exception&) {
    body["otp_token"] = "none";
  }
  return request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, body.dump());
}

HttpResponse upload_letter(const ServerProcess& server, const nlohmann::json& created, const std::string& file_bytes,
                           const std::string& filename, const std::string& username, const std::string& national_id) {
  const std::string boundary = "----school-test-boundary-7MA4YWxkTrZu0gW";
  std::string body;
  auto field = [&](const std::string& name, const std::string& value) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  field("username", username);
  field("national_id", national_id);
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file_bytes + "\r\n--" + boundary + "--\r\n";
  return request(server.port(), "POST",
                 "/api/v1/registrations/" + std::to_string(created["registration_id"].get<int>()) + "/signed-letter",
                 {{"Content-Type", "multipart/form-data; boundary=" + boundary},
                  {"Authorization", "Bearer " + created["registration_token"].get<std::string>()}},
                 body);
}

}  // namespace test_server
