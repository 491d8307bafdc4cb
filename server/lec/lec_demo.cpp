#include "server/lec/lec_demo.hpp"

#include <chrono>

#include "shared/identity/national_id.hpp"

namespace server::lec {

namespace {

// Invented children: common Thai given names and surnames.
constexpr const char* kBoys[] = {"ภูมิใจ", "ธนกร", "กิตติพัฒน์", "ณัฐวุฒิ", "ปัณณวัฒน์", "ศุภกร", "อนุวัฒน์", "ชยพล", "วรเมธ", "พีรพัฒน์"};
constexpr const char* kGirls[] = {"ปุณยวีร์", "กัญญาณัฐ", "ณิชาภัทร", "พิมพ์ชนก", "ธัญชนก", "อริสา", "ชนิดาภา", "วริศรา", "สุภัสสรา", "กมลชนก"};
constexpr const char* kSurnames[] = {"ใจดี", "ศรีสุข", "ทองมา", "แก้วประเสริฐ", "บุญมี", "รักษ์ไทย", "สุขสวัสดิ์", "พรหมมา", "วงศ์ใหญ่", "มั่นคง"};

domain::ChildInput demo_child(std::int64_t n, domain::Level level, int year, const std::string& room) {
  const bool boy = n % 2 == 0;
  const auto& info = domain::info(level);
  const int ce = domain::to_ce_year(year);
  // Born after 16 May of (start - age - 1) and before 16 May of (start - age): age min_age.
  const int month = 6 + static_cast<int>(n % 7);  // June..December
  const domain::Date birth{ce - info.min_age - 1, month, 1 + static_cast<int>(n % 28)};
  const bool small = level <= domain::Level::k3;
  const std::string title = boy ? (small ? "ด.ช." : "เด็กชาย") : (small ? "ด.ญ." : "เด็กหญิง");
  return {domain::parse_child_id(demo_national_id(n)).value(),
          title,
          boy ? kBoys[n % 10] : kGirls[n % 10],
          kSurnames[(n / 3) % 10],
          boy ? domain::Sex::m : domain::Sex::f,
          birth,
          level,
          room};
}

}  // namespace

domain::Date today_in_thailand() {
  using namespace std::chrono;
  const auto today = floor<std::chrono::days>(system_clock::now() + hours(7));
  const year_month_day ymd{today};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

domain::Date plus_days(const domain::Date& d, int n) {
  using namespace std::chrono;
  const sys_days start = year_month_day{year{d.y}, month{static_cast<unsigned>(d.m)}, day{static_cast<unsigned>(d.d)}};
  const year_month_day out{start + days{n}};
  return {static_cast<int>(out.year()), static_cast<int>(static_cast<unsigned>(out.month())),
          static_cast<int>(static_cast<unsigned>(out.day()))};
}

std::string demo_national_id(std::int64_t seed) {
  // Category 1 (Thai, born after 1984), a Samut Prakan registry office, running number.
  std::string first12 = "111" + std::to_string(100000000 + seed % 900000000);
  first12 = first12.substr(0, 12);
  return first12 + std::to_string(domain::national_id_check_digit(first12));
}

int seed_demo(LecStore& store, const domain::Date& today) {
  const int year = domain::academic_year_of(today);
  const Actor system{0, "ระบบ (ข้อมูลตัวอย่าง)"};
  if (!store.round(year))
    store.open_round(year, {plus_days(today, 14), plus_days(today, 21), plus_days(today, 28), plus_days(today, 35)}, system);
  const auto counts = store.institution_counts(year);
  int added = 0;
  const auto seed = [&](const std::string& code, std::vector<std::pair<domain::Level, int>> plan, std::int64_t base) {
    if (!store.orgs().contains(code) || counts.contains(code)) return;
    std::vector<domain::ChildInput> rows;
    std::int64_t n = base;
    for (const auto& [level, how_many] : plan)
      for (int i = 0; i < how_many; ++i) rows.push_back(demo_child(n++, level, year, std::string(domain::info(level).short_th) + "/1"));
    auto r = store.apply_children(year, code, rows, system);
    if (auto* ok = std::get_if<ApplyResult>(&r)) added += static_cast<int>(ok->added);
  };
  using L = domain::Level;
  seed("5110405002", {{L::k1, 3}, {L::k2, 3}, {L::k3, 4}, {L::p1, 5}, {L::p2, 4}, {L::p3, 4}, {L::p4, 3}, {L::p5, 4}, {L::p6, 3}},
       1000);
  seed("5110405001", {{L::cdc, 8}}, 2000);
  seed("5110111001", {{L::cdc, 6}}, 3000);
  // เทศบาลเมืองบางหญ้าแพรก funds a สพฐ. school of its district, its counts still to record.
  if (store.orgs().contains("5011040500") && store.funded_schools(year, "5011040500").empty())
    store.set_funded_schools(year, "5011040500", {"1011040001"}, system);
  return added;
}

}  // namespace server::lec
