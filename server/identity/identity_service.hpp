#pragma once
// Identity proofs for the features that accept them (access requests, registrations):
// the configured providers' clients, the keys that hash and seal a proven national ID, and
// the one-time identity tokens the callback hands to the client.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server/auth/crypto.hpp"
#include "server/config.hpp"
#include "server/identity/identity_store.hpp"
#include "server/identity/oidc_client.hpp"
#include "server/storage/connection_pool.hpp"

namespace server::identity {

class IdentityService {
 public:
  IdentityService(const Config& config, const auth::SecretKey& secret, storage::ConnectionPool& pool);

  // nullptr when no such provider is configured.
  OidcClient* client(const std::string& provider_id);
  const std::vector<domain::IdentityProvider>& providers() const { return providers_; }

  // Keyed hash and sealed copy of a national ID: the same derivation as the registrations'
  // (server/registrations), so a person is recognised across registrations, requests and users.
  std::string national_id_hash(const domain::NationalId& id) const;
  std::string seal(const domain::NationalId& id) const;
  std::string seal_text(const std::string& text) const { return keys_.seal(text); }
  std::optional<std::string> unseal_text(const std::string& sealed) const { return keys_.unseal(sealed); }

  // The proof behind `token`, still unused, unexpired and made for `purpose` (no change).
  std::optional<Proof> peek(storage::Database& db, const std::string& token, domain::IdentityPurpose purpose,
                            std::int64_t now) const;
  std::optional<Proof> peek(const std::string& token, domain::IdentityPurpose purpose, std::int64_t now) const;
  // The same, marked used: call inside the caller's write transaction, so a refused form
  // (rolled back) leaves the proof usable.
  std::optional<Proof> redeem(storage::Database& db, const std::string& token, domain::IdentityPurpose purpose,
                              std::int64_t now) const;

 private:
  std::vector<domain::IdentityProvider> providers_;
  std::map<std::string, std::unique_ptr<OidcClient>> clients_;
  auth::DerivedKeys keys_;
  storage::ConnectionPool& pool_;
};

}  // namespace server::identity
