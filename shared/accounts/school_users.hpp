#pragma once
// School website users (the EMIS rule): a person asks for access to one school in an
// education-area office; that area's admin approves or rejects with a reason; a school has
// at most 2 active users.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/accounts/profile.hpp"
#include "shared/core/field_error.hpp"
#include "shared/core/text.hpp"

namespace domain {

inline constexpr int max_active_school_users = 2;

// True while the school has fewer than 2 active users; else "school_user_quota".
Checked<bool> may_add_school_user(int active_count);

enum class AccessRequestStatus { pending, approved, rejected };
std::string_view to_string(AccessRequestStatus s);
Checked<AccessRequestStatus> parse_access_request_status(std::string_view id,
                                                         std::string field = "status");
// pending -> approved | rejected; both are final.
bool can_move(AccessRequestStatus from, AccessRequestStatus to);

inline constexpr std::size_t rejection_reason_max_length = 500;
inline constexpr TextRule rejection_reason_field{"reason", "เหตุผลที่ไม่อนุมัติ", "Reason for rejection",
                                                 rejection_reason_max_length, true, true};

struct AccessRequest {
  std::string area_code;    // the education-area office chosen first
  std::string school_code;  // an institution inside that office
  Profile person;           // e-mail required here
  AccessRequestStatus status = AccessRequestStatus::pending;
  std::string reason;  // why it was rejected; empty otherwise
  std::vector<Permission> rights;   // asked for beyond view (see requestable_rights)
  std::vector<Permission> granted;  // given at approval: some or all of `rights`
  std::string identity_provider;    // "thaid" when the person proved who they are there; "" = SMS code
  std::string id_masked;            // the proven national ID, masked ("1-2345-xxxxx-xx-1")
};

// What a school website user may ask for beyond seeing the school: reporting its KPIs.
const std::vector<Permission>& requestable_rights();
// The "rights" array of a request (`allowed` = requestable_rights(); refused:
// "right_not_requestable") or of an approval (`allowed` = the request's rights; refused:
// "right_not_requested"). Absent or null: none. Repeats count once; fields "rights[i]".
Checked<std::vector<Permission>> parse_rights(const nlohmann::json* rights, const std::vector<Permission>& allowed,
                                              bool approving);

// A new pending request: the area is an education-area office, the school an institution
// within it, the person's profile valid (fields "person.*"), and the school not yet full.
Checked<AccessRequest> open_access_request(std::string_view area_code, std::string_view school_code,
                                           const Profile& person, int active_school_users,
                                           const OrgTree& tree);
// Approval re-checks the quota with the count at that moment (the server does it in the same
// transaction as the write, so concurrent approvals cannot make a third user).
// `granted`: the rights given (parse_rights with the request's rights).
Checked<AccessRequest> approve(const AccessRequest& request, int active_school_users,
                               std::vector<Permission> granted = {});
Checked<AccessRequest> reject(const AccessRequest& request, std::string_view reason);

// Wire: {"area_code","school_code","person":{...},"status","reason"?,"rights":[...],"granted"?:[...],
// "identity"?:{"provider","id_masked"}}.
void to_json(nlohmann::json& j, const AccessRequest& r);

}  // namespace domain
