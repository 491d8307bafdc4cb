#pragma once
// The registration endpoints of api.md (docs/api.md, "School account registration").
#include "server/identity/identity_service.hpp"
#include <functional>
#include <memory>
#include <optional>
#include <variant>

#include "server/http/router.hpp"
#include "server/registrations/registration_service.hpp"

namespace server::registrations {

// A signed-in user allowed to review registrations somewhere, and whether an institution
// lies within their subtree.
struct Reviewer {
  std::int64_t user_id = 0;
  std::function<bool(const std::string& institution_code)> may_review;
  bool sees(const Registration& r) const { return may_review && may_review(r.institution_code); }
};

struct RegistrationHooks {
  // The reviewer of this request, or the reply refusing it (401/403). Unset: nobody reviews.
  std::function<std::variant<Reviewer, http::Reply>(const http::RequestContext&)> reviewer;
  // Records a step in the audit log.
  std::function<void(const http::RequestContext&, std::optional<std::int64_t> actor, std::string action,
                     std::string target, nlohmann::json detail)>
      audit;
  // Proofs of identity that may stand in for the OTP ("identity_token"); unset: none accepted.
  std::shared_ptr<identity::IdentityService> identities;
};

inline constexpr std::uint64_t upload_body_limit = 12 * 1024 * 1024;  // the 10 MB file and the form around it

void add_registration_routes(http::Router& router, std::shared_ptr<RegistrationService> service,
                             RegistrationHooks hooks);

}  // namespace server::registrations
