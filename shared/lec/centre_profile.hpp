#pragma once
// The basic data a child-development centre records besides its children (seed 003,
// 5.3.2 (3): "ข้อมูลพื้นฐานอื่นๆ ของศูนย์พัฒนาเด็กเล็ก"): its staff, rooms and the ages it
// takes. The centre confirms it together with its children, so a change voids the same
// confirmations a change of a child does.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

struct CentreProfile {
  int teachers = 0;         // ครูผู้ดูแลเด็ก
  int carers = 0;           // ผู้ดูแลเด็ก
  int rooms = 0;            // ห้องเรียน
  int min_age_months = 24;  // the youngest child taken (months)
  int max_age_months = 71;  // the oldest (a child leaves for kindergarten 1 at about 6)
  int capacity = 0;         // children the centre can take
  bool operator==(const CentreProfile&) const = default;
};

// {"teachers","carers","rooms","min_age_months","max_age_months","capacity"}: whole numbers;
// staff 0..200, rooms 0..100, capacity 1..2000, ages 0..84 months with min <= max; a centre
// with children needs at least one teacher or carer. Error codes (field = the key):
// required, wrong_type, count_negative, count_too_high, age_order, staff_required.
Checked<CentreProfile> parse_centre_profile(const nlohmann::json& body);
void to_json(nlohmann::json& j, const CentreProfile& p);

// Fields that differ, for the history and the voided-confirmation message.
std::vector<std::string> changed_fields(const CentreProfile& before, const CentreProfile& after);

// Children per carer (teachers and carers together), for the progress view: the DLA
// standard is at most 20 children per carer; 0 when the centre has no staff recorded.
double children_per_carer(const CentreProfile& p, long long children);
constexpr int kMaxChildrenPerCarer = 20;

}  // namespace domain
