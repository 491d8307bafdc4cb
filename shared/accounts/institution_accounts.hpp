#pragma once
// The accounts of every institution under an office, made in one action by an admin
// (POST /api/v1/admin/institution-accounts): which offices qualify, which institutions
// are under one, and what an institution's own account holds.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// At most this many accounts are made (and printed on one sheet) per call; the next call
// makes the next ones (those already made are skipped).
inline constexpr std::size_t institution_accounts_per_call = 200;

// Only a local-government organisation, a province or an area office (400 naming the field:
// `org_unknown`, `org_kind_not_office`).
Checked<std::string> check_accounts_office(const OrgTree& tree, std::string_view code, std::string field = "org_code");

// The institutions (schools and child centres) anywhere under `office`, by code.
std::vector<std::string> institutions_under(const OrgTree& tree, std::string_view office);

// An institution's own account (username = its code, like an approved registration) holds
// on it: under a local-government organisation, what the LEC needs (view, children.edit,
// data.confirm); otherwise a school's (view, report.submit).
std::vector<Grant> institution_account_grants(const OrgTree& tree, std::string_view institution);

}  // namespace domain
