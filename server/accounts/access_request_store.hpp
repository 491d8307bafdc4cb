#pragma once
// The SQL of school website access requests (EMIS) and of the pickers of the request form:
// plain structs in and out; the rules are in shared/accounts/school_users.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/accounts/school_users.hpp"

namespace server::accounts {

struct StoredRequest {
  std::int64_t id = 0;
  domain::AccessRequest request;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> user_id;
  std::string national_id_hash, national_id_sealed;  // when an identity provider proved the person
};

std::optional<StoredRequest> find_request(storage::Database& db, std::int64_t id);
// A new pending request: its id.
// `national_id_hash`/`_sealed`: the proven national ID (request.identity_provider set), else "".
std::int64_t insert_request(storage::Database& db, const domain::AccessRequest& request, std::int64_t now,
                            const std::string& national_id_hash = {}, const std::string& national_id_sealed = {});
// The decision on `stored` (status, reason, user, rights given), by `admin_id` at `now`.
void record_decision(storage::Database& db, const StoredRequest& stored, std::int64_t admin_id, std::int64_t now);
// Requests waiting for approval from `phone` for `school_code`.
std::int64_t pending_requests_from(storage::Database& db, std::string_view school_code, std::string_view phone);

// School users of `school_code` that are not disabled (pending activation counts).
int count_school_users(storage::Database& db, std::string_view school_code, std::int64_t except_user_id = 0);
// The first free username of the form <school code>-w<n>.
std::string next_school_username(storage::Database& db, const std::string& school_code);

struct OrgRow {
  std::string code, name_th, kind, province, parent_code;
};
// Organisations of one of `kinds` whose name holds `q`, or whose code starts with it, or in
// province `q` ("" = all); by code, at most 200.
std::vector<OrgRow> find_orgs(storage::Database& db, const std::vector<std::string>& kinds, const std::string& q);

struct InstitutionRow {
  std::string code, name_th, affiliation, province, district, parent_code;
};
// Institutions directly under `office` whose name holds `q` or whose code starts with it; at most 500.
std::vector<InstitutionRow> institutions_directly_under(storage::Database& db, const std::string& office,
                                                        const std::string& q);

}  // namespace server::accounts
