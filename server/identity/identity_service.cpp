#include "server/identity/identity_service.hpp"

namespace server::identity {

IdentityService::IdentityService(const Config& config, const auth::SecretKey& secret, storage::ConnectionPool& pool)
    : providers_(config.identity_providers), keys_(secret, 3, "reg-hash", 4, "reg-seal"), pool_(pool) {
  for (const auto& p : providers_)
    clients_[p.id] = std::make_unique<OidcClient>(p, domain::oidc_redirect_uri(config.public_url, p.id));
}

OidcClient* IdentityService::client(const std::string& provider_id) {
  auto it = clients_.find(provider_id);
  return it == clients_.end() ? nullptr : it->second.get();
}

std::string IdentityService::national_id_hash(const domain::NationalId& id) const {
  return keys_.keyed_hash("national_id", id.digits());
}

std::string IdentityService::seal(const domain::NationalId& id) const { return keys_.seal(id.digits()); }

std::optional<Proof> IdentityService::peek(storage::Database& db, const std::string& token,
                                           domain::IdentityPurpose purpose, std::int64_t now) const {
  if (token.empty() || token.size() > 200) return std::nullopt;
  auto proof = find_proof(db, auth::token_digest(token), now);
  // A proof serves the form it was made for: one made to register does not ask for access.
  if (proof && proof->purpose != domain::to_string(purpose)) return std::nullopt;
  return proof;
}

std::optional<Proof> IdentityService::peek(const std::string& token, domain::IdentityPurpose purpose,
                                           std::int64_t now) const {
  return peek(*pool_.acquire(), token, purpose, now);
}

std::optional<Proof> IdentityService::redeem(storage::Database& db, const std::string& token,
                                             domain::IdentityPurpose purpose, std::int64_t now) const {
  auto proof = peek(db, token, purpose, now);
  if (!proof || !use_proof(db, proof->token_digest, now)) return std::nullopt;
  return proof;
}

}  // namespace server::identity
