#include <catch2/catch.hpp>

#include "shared/accounts/school_user_sms.hpp"
#include "shared/core/text.hpp"

using namespace domain;

TEST_CASE("school user SMS: approval names the username and the link; rejection the reason, cut", "[accounts][sms]") {
  auto ok = school_user_approved_sms("โรงเรียนบ้านหนองบัว", "1010720001-w1", "https://x.test/#/activate/abc");
  CHECK(ok.find("1010720001-w1") != std::string::npos);
  CHECK(ok.find("https://x.test/#/activate/abc") != std::string::npos);
  CHECK(ok.find("72 ชั่วโมง") != std::string::npos);
  auto no = school_user_rejected_sms("โรงเรียนบ้านหนองบัว", std::string(300, 'x'));
  CHECK(no.find(std::string(120, 'x') + "…") != std::string::npos);
  CHECK(no.find(std::string(121, 'x')) == std::string::npos);
  auto thai = school_user_rejected_sms("โรงเรียน", "ไม่ใช่บุคลากรของโรงเรียน");
  CHECK(is_valid_utf8(thai));
  CHECK(thai.find("ไม่ใช่บุคลากรของโรงเรียน") != std::string::npos);
}
