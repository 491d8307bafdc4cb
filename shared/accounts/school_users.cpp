#include "shared/accounts/school_users.hpp"

#include <algorithm>

#include "shared/core/text.hpp"

namespace domain {

namespace {

FieldError not_pending(AccessRequestStatus now) {
  const bool approved = now == AccessRequestStatus::approved;
  return {"request_not_pending", "status",
          approved ? "คำขอนี้ได้รับอนุมัติไปแล้ว" : "คำขอนี้ถูกปฏิเสธไปแล้ว",
          approved ? "This request has already been approved" : "This request has already been rejected"};
}

}  // namespace

Checked<bool> may_add_school_user(int active_count) {
  if (active_count < max_active_school_users) return true;
  return FieldError{"school_user_quota", "school_code",
                    "โรงเรียนนี้มีผู้ใช้งานเว็บไซต์ครบ 2 คนแล้ว ขอเพิ่มได้เมื่อมีผู้ใช้เดิมถูกปิดการใช้งาน",
                    "This school already has 2 website users; a new one can be added only after "
                    "an existing user is disabled"};
}

std::string_view to_string(AccessRequestStatus s) {
  switch (s) {
    case AccessRequestStatus::pending: return "pending";
    case AccessRequestStatus::approved: return "approved";
    case AccessRequestStatus::rejected: return "rejected";
  }
  return "pending";
}

Checked<AccessRequestStatus> parse_access_request_status(std::string_view id, std::string field) {
  for (auto s : {AccessRequestStatus::pending, AccessRequestStatus::approved, AccessRequestStatus::rejected})
    if (to_string(s) == id) return s;
  return FieldError{"status_unknown", std::move(field), "ไม่รู้จักสถานะคำขอ \"" + std::string(id) + "\"",
                    "Unknown request status \"" + std::string(id) + "\""};
}

bool can_move(AccessRequestStatus from, AccessRequestStatus to) {
  return from == AccessRequestStatus::pending && to != AccessRequestStatus::pending;
}

Checked<AccessRequest> open_access_request(std::string_view area_code, std::string_view school_code,
                                           const Profile& person, int active_school_users,
                                           const OrgTree& tree) {
  const auto* area = tree.find(area_code);
  if (!area || area->kind != OrgKind::area_office)
    return FieldError{"area_unknown", "area_code", "ไม่พบสำนักงานเขตพื้นที่การศึกษาที่เลือก",
                      "The chosen education-area office was not found"};
  const auto* school = tree.find(school_code);
  if (!school || school->kind != OrgKind::institution || !tree.is_within(school_code, area_code))
    return FieldError{"school_not_in_area", "school_code",
                      "ไม่พบโรงเรียนนี้ในสำนักงานเขตพื้นที่การศึกษาที่เลือก",
                      "This school is not in the chosen education-area office"};
  auto checked = check_profile(person, "person", EmailRule::required);
  if (!checked) return checked.error();
  auto room = may_add_school_user(active_school_users);
  if (!room) return room.error();
  return AccessRequest{std::string(area_code), std::string(school_code), checked.value(),
                       AccessRequestStatus::pending, ""};
}

const std::vector<Permission>& requestable_rights() {
  static const std::vector<Permission> rights = {Permission::report_submit};
  return rights;
}

Checked<std::vector<Permission>> parse_rights(const nlohmann::json* rights, const std::vector<Permission>& allowed,
                                              bool approving) {
  std::vector<Permission> out;
  if (!rights || rights->is_null()) return out;
  if (!rights->is_array())
    return FieldError{"wrong_type", "rights", "สิทธิ์ที่ขอต้องเป็นรายการ", "rights must be a list"};
  for (std::size_t i = 0; i < rights->size(); ++i) {
    const std::string field = "rights[" + std::to_string(i) + "]";
    const auto& item = (*rights)[i];
    auto p = item.is_string() ? parse_permission(item.get<std::string>(), field)
                              : Checked<Permission>(FieldError{"wrong_type", field, "สิทธิ์ต้องเป็นข้อความ",
                                                               "A right must be text"});
    if (!p) return p.error();
    if (std::find(allowed.begin(), allowed.end(), p.value()) == allowed.end()) {
      const std::string name_th(info(p.value()).name_th), name_en(info(p.value()).name_en);
      if (approving)
        return FieldError{"right_not_requested", field, "ผู้ขอไม่ได้ขอสิทธิ์ \"" + name_th + "\"",
                          "The person did not ask for \"" + name_en + "\""};
      return FieldError{"right_not_requestable", field,
                        "ขอสิทธิ์ \"" + name_th + "\" ผ่านคำขอนี้ไม่ได้ ติดต่อผู้ดูแลระบบของเขตพื้นที่",
                        "\"" + name_en + "\" cannot be asked for here; ask the area's admin"};
    }
    if (std::find(out.begin(), out.end(), p.value()) == out.end()) out.push_back(p.value());
  }
  return out;
}

Checked<AccessRequest> approve(const AccessRequest& request, int active_school_users,
                               std::vector<Permission> granted) {
  if (!can_move(request.status, AccessRequestStatus::approved)) return not_pending(request.status);
  auto room = may_add_school_user(active_school_users);
  if (!room) return room.error();
  auto out = request;
  out.status = AccessRequestStatus::approved;
  out.granted = std::move(granted);
  return out;
}

Checked<AccessRequest> reject(const AccessRequest& request, std::string_view reason) {
  if (!can_move(request.status, AccessRequestStatus::rejected)) return not_pending(request.status);
  auto text = check_text(reason, rejection_reason_field);
  if (!text) return text.error();
  auto out = request;
  out.status = AccessRequestStatus::rejected;
  out.reason = text.value();
  return out;
}

void to_json(nlohmann::json& j, const AccessRequest& r) {
  j = {{"area_code", r.area_code},
       {"school_code", r.school_code},
       {"person", r.person},
       {"status", to_string(r.status)}};
  if (r.status == AccessRequestStatus::rejected) j["reason"] = r.reason;
  auto ids = [](const std::vector<Permission>& ps) {
    auto list = nlohmann::json::array();
    for (auto p : ps) list.push_back(to_string(p));
    return list;
  };
  j["rights"] = ids(r.rights);
  if (r.status == AccessRequestStatus::approved) j["granted"] = ids(r.granted);
  // How the person proved who they are: an identity provider (names and ID from it), or else an SMS code.
  if (!r.identity_provider.empty())
    j["identity"] = {{"provider", r.identity_provider}, {"id_masked", r.id_masked}};
}

}  // namespace domain
