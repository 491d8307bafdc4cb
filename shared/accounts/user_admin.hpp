#pragma once
// Who may act on a user account. users.manage on a node covers the accounts of its subtree,
// but an account is only as low as its highest grant: a user who lives in an area and holds
// a grant on the centre is a centre account, and whoever could reset its password could act
// as the centre. So an admin acts on a user only when the user's home organisation AND every
// organisation the user holds a grant on lie within the admin's users.manage subtree.
#include <string_view>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// True when the admin may change this account (password, sign-in QR, enable/disable, grants).
bool may_manage_user(const std::vector<Grant>& admin_grants, std::string_view target_home_org,
                     const std::vector<Grant>& target_grants, const OrgTree& tree);

// The refusal for a user who holds a grant above the admin's subtree (403).
FieldError user_above_subtree();

}  // namespace domain
