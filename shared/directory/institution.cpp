#include "shared/directory/institution.hpp"

namespace domain {

const std::vector<Affiliation>& affiliations() {
  static const std::vector<Affiliation> all = {
      {"obec", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สพฐ.)", "Office of the Basic Education Commission (OBEC)", true},
      {"dla", "องค์กรปกครองส่วนท้องถิ่น (อปท.)", "Local government organisations (DLA)", true},
      {"opec", "สำนักงานคณะกรรมการส่งเสริมการศึกษาเอกชน (สช.)", "Office of the Private Education Commission", false},
      {"bma", "กรุงเทพมหานคร (กทม.)", "Bangkok Metropolitan Administration", false},
      {"bpp", "กองบัญชาการตำรวจตระเวนชายแดน (ตชด.)", "Border Patrol Police", false},
  };
  return all;
}

const Affiliation* find_affiliation(std::string_view id) {
  for (const auto& a : affiliations())
    if (a.id == id) return &a;
  return nullptr;
}

void to_json(nlohmann::json& j, const Institution& i) {
  j = {{"code", i.code},         {"name_th", i.name_th},   {"affiliation", i.affiliation},
       {"province", i.province}, {"district", i.district}, {"parent_code", i.parent_code}};
}

void from_json(const nlohmann::json& j, Institution& i) {
  i.code = j.value("code", "");
  i.name_th = j.value("name_th", "");
  i.affiliation = j.value("affiliation", "");
  i.province = j.value("province", "");
  i.district = j.value("district", "");
  i.parent_code = j.value("parent_code", "");
}

}  // namespace domain
