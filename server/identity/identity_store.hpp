#pragma once
// The SQL of OpenID Connect flows and identity proofs, and of the national IDs they link to
// users and access requests: plain structs in and out; the rules are in shared/identity/oidc.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/database.hpp"

namespace server::identity {

struct Flow {
  std::string state_digest, provider, purpose, next_route, nonce, verifier_sealed;
  std::int64_t expires_at = 0;
};
void insert_flow(storage::Database& db, const Flow& flow, std::int64_t now);
// The unused, unexpired flow of `state_digest` at `provider`, marked used (a state works once).
std::optional<Flow> take_flow(storage::Database& db, const std::string& state_digest, const std::string& provider,
                              std::int64_t now);

struct Proof {
  std::string token_digest, provider, subject, purpose;
  std::string national_id_hash, national_id_sealed, id_masked;
  std::string title, first_name, last_name;
  std::int64_t created_at = 0, expires_at = 0;
};
void insert_proof(storage::Database& db, const Proof& proof);
// The unused, unexpired proof of `token_digest`.
std::optional<Proof> find_proof(storage::Database& db, const std::string& token_digest, std::int64_t now);
// Marks it used; false when it was used meanwhile.
bool use_proof(storage::Database& db, const std::string& token_digest, std::int64_t now);

// Active users whose national ID hashes to `hash`.
std::vector<std::int64_t> active_users_with_national_id(storage::Database& db, const std::string& hash);
void set_user_national_id(storage::Database& db, std::int64_t user_id, const std::string& hash,
                          const std::string& sealed);
// The account `username` takes the national ID of registration `registration_id`'s officer
// (the same keyed hash: server/identity/identity_service), so its holder may sign in with it.
void link_user_to_registration(storage::Database& db, const std::string& username, std::int64_t registration_id);

// The same person (by national ID) at one school: a pending request, or a user not disabled.
std::int64_t pending_requests_with_national_id(storage::Database& db, const std::string& school_code,
                                               const std::string& hash);
std::int64_t school_users_with_national_id(storage::Database& db, const std::string& school_code,
                                           const std::string& hash);

}  // namespace server::identity
