#pragma once
// The directory of institutions (schools and child-development centres), as on the wire.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

// Affiliations: only สพฐ. (obec) and อปท. (dla) are open for registration.
struct Affiliation {
  std::string_view id;  // wire value
  std::string_view name_th;
  std::string_view name_en;
  bool open;
};
const std::vector<Affiliation>& affiliations();
const Affiliation* find_affiliation(std::string_view id);

struct Institution {
  std::string code;  // 10 digits, from DMC (obec) or LEC (dla)
  std::string name_th;
  std::string affiliation;  // "obec" | "dla" | ...
  std::string province;
  std::string district;
  std::string parent_code;  // the office above it
};

void to_json(nlohmann::json& j, const Institution& i);
void from_json(const nlohmann::json& j, Institution& i);

}  // namespace domain
