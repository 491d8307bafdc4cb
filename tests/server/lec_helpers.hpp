#pragma once
// Local education data over loopback HTTP: the demo chain of สมุทรปราการ
// (5000000000 -> 5011000000 -> 5011040500 -> 5110405001, 5110405002) and valid children.
#include <string>

#include "tests/server/sign_in_helpers.hpp"

namespace test_server::lec {

// The academic year development mode opened (the current one, in Thailand).
int current_year();
std::string base(int year);  // "/api/v1/lec/2569"
HttpResponse call(unsigned short port, const SignedIn& who, const std::string& method, const std::string& target,
                  const nlohmann::json& body = nullptr);
// A valid child of `level` for `year`; `seed` picks a distinct checksummed national ID.
nlohmann::json child_body(std::int64_t seed, const std::string& level, int year);
std::string national_id(std::int64_t seed);
// POST .../children, asserting 201; returns the record id.
std::int64_t add_child(unsigned short port, const SignedIn& who, int year, const std::string& institution,
                       const nlohmann::json& body);
// POST /confirmations/{code}: the status.
int confirm(unsigned short port, const SignedIn& who, int year, const std::string& code);
// The codes of a voided list.
std::vector<std::string> codes(const nlohmann::json& voided);

}  // namespace test_server::lec
