#pragma once
// Who is calling, the one type every feature's handlers see (Guard::require_caller makes it
// from the session), and who made a stored change (shown as reporter, reviewer, confirmer).
#include <cstdint>
#include <string>
#include <vector>

#include "shared/accounts/permission.hpp"

namespace server::auth {

struct Actor {
  std::int64_t user_id = 0;
  std::string name;
};

struct Caller {
  std::int64_t user_id = 0;
  std::string name;      // the display name, or the username while there is none
  std::string org_code;  // home organisation (a school user: the school)
  std::vector<domain::Grant> grants;
  Actor actor() const { return {user_id, name}; }
};

}  // namespace server::auth
