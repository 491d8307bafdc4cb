#include "tests/server/lec_helpers.hpp"

#include <catch2/catch.hpp>

#include "server/lec/lec_demo.hpp"
#include "shared/lec/level.hpp"

namespace test_server::lec {

int current_year() { return domain::academic_year_of(server::lec::today_in_thailand()); }

std::string base(int year) { return "/api/v1/lec/" + std::to_string(year); }

HttpResponse call(unsigned short port, const SignedIn& who, const std::string& method, const std::string& target,
                  const nlohmann::json& body) {
  Headers h = as(who);
  if (body.is_null()) return request(port, method, target, h);
  h["Content-Type"] = "application/json";
  return request(port, method, target, h, body.dump());
}

std::string national_id(std::int64_t seed) { return server::lec::demo_national_id(500000 + seed); }

nlohmann::json child_body(std::int64_t seed, const std::string& level, int year) {
  const auto l = domain::parse_level(level).value();
  const int ce = domain::to_ce_year(year);
  const domain::Date birth{ce - domain::info(l).min_age - 1, 9, 1 + static_cast<int>(seed % 28)};
  return {{"id_number", national_id(seed)}, {"title", seed % 2 ? "ด.ญ." : "ด.ช."},
          {"first_name", seed % 2 ? "ธัญชนก" : "ภูมิใจ"}, {"last_name", "ทดสอบ" + std::to_string(seed)},
          {"sex", seed % 2 ? "f" : "m"}, {"birth_date", domain::to_iso(birth)}, {"level", level}, {"room", "1"}};
}

std::int64_t add_child(unsigned short port, const SignedIn& who, int year, const std::string& institution,
                       const nlohmann::json& body) {
  auto r = call(port, who, "POST", base(year) + "/institutions/" + institution + "/children", body);
  INFO(r.body);
  REQUIRE(r.status == 201);
  return r.json()["id"].get<std::int64_t>();
}

int confirm(unsigned short port, const SignedIn& who, int year, const std::string& code) {
  return call(port, who, "POST", base(year) + "/confirmations/" + code, nlohmann::json::object()).status;
}

std::vector<std::string> codes(const nlohmann::json& voided) {
  std::vector<std::string> out;
  for (const auto& v : voided) out.push_back(v["code"].get<std::string>());
  return out;
}

}  // namespace test_server::lec
