#pragma once
// The registrations table: every statement the registration feature runs, on the caller's
// connection so that the service can put several in one transaction. Plain structs in and
// out; the rules (states, who may do what) stay in shared/registration and the service.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/accounts/profile.hpp"
#include "shared/registration/registration_state.hpp"

namespace server::registrations {

struct Registration {
  std::int64_t id = 0;
  std::string reference;
  domain::RegistrationStatus status = domain::RegistrationStatus::awaiting_letter;
  std::string affiliation, institution_code, institution_name, province, district, parent_code;
  domain::Profile officer;
  std::string national_id_masked;
  std::string tsl_username, kiddiary_username;
  std::string letter_file, letter_type;
  std::int64_t letter_bytes = 0;
  std::string reason, created_at, updated_at;
  std::optional<std::int64_t> superseded_by;
};

// A registration as it is first stored (awaiting_letter): the national ID only sealed,
// keyed-hashed and masked, the bearer token only hashed.
struct NewRegistration {
  Registration shown;  // reference, affiliation, institution, officer, masked ID, legacy usernames
  std::string token_hash, national_id_sealed, national_id_hash;
};

struct QueueFilter {
  std::optional<domain::RegistrationStatus> status;
  std::string affiliation, province;
  int limit = 1000;
};

namespace store {

std::optional<Registration> load(storage::Database& db, std::int64_t id);
// The institution's registrations in progress (awaiting_letter, under_review), oldest first.
std::vector<Registration> load_open(storage::Database& db, std::string_view institution_code);
// The institution's newest registration that was not superseded.
std::optional<Registration> latest(storage::Database& db, std::string_view institution_code);
std::vector<Registration> queue(storage::Database& db, const QueueFilter& f);

std::int64_t insert(storage::Database& db, const NewRegistration& r);
// Superseded before the new one is inserted (one pending registration per institution, by
// a unique index), then pointed at it.
void supersede(storage::Database& db, std::int64_t id);
void set_superseded_by(storage::Database& db, std::int64_t id, std::int64_t by);
void set_token_hash(storage::Database& db, std::int64_t id, const std::string& hash);
std::optional<std::string> token_hash(storage::Database& db, std::int64_t id);
std::optional<std::string> national_id_hash(storage::Database& db, std::int64_t id);
// The signed letter arrived: under_review, with the stored file's name, type and size.
void set_letter(storage::Database& db, std::int64_t id, const std::string& file, const std::string& type,
                std::int64_t bytes);
// A decision; `reason` empty for an approval.
void set_decision(storage::Database& db, std::int64_t id, domain::RegistrationStatus status, std::string_view reason,
                  std::int64_t decided_by);
// An approval whose account could not be made goes back to the state before it.
void undo_decision(storage::Database& db, std::int64_t id, domain::RegistrationStatus before);

}  // namespace store
}  // namespace server::registrations
