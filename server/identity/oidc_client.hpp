#pragma once
// The relying party's side of one OpenID provider: discovery (cached an hour), the
// authorization URL, the code exchange (PKCE, client_secret_basic), the ID token verified
// against the provider's JWKS (cached; fetched again when a token names a key it does not
// hold, so a key rotation at the provider is followed without a restart), and userinfo when
// the ID token lacks the national ID claim. Thread-safe: every server thread shares one.
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "shared/core/field_error.hpp"
#include "shared/identity/oidc.hpp"

namespace server::identity {

struct Discovery {
  std::string authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint;
};

class OidcClient {
 public:
  OidcClient(domain::IdentityProvider provider, std::string redirect_uri);
  const domain::IdentityProvider& provider() const { return provider_; }
  const std::string& redirect_uri() const { return redirect_uri_; }

  // Where to send the browser; identity_provider_unreachable when discovery fails.
  domain::Checked<std::string> authorization_url(const std::string& state, const std::string& nonce,
                                                 const std::string& code_challenge);
  // The code redeemed and every check made: the verified claims (userinfo's added), or the
  // failure (domain::identity_failure codes).
  domain::Checked<nlohmann::json> redeem(const std::string& code, const std::string& verifier,
                                         const std::string& nonce, std::int64_t now);

 private:
  domain::Checked<Discovery> discovery();
  // The PEM of key `kid` ("" = the only key), fetching the JWKS again when it is unknown.
  domain::Checked<std::vector<std::string>> keys_for(const std::string& kid);
  domain::Checked<bool> fetch_jwks(const std::string& uri);

  domain::IdentityProvider provider_;
  std::string redirect_uri_;
  std::mutex mutex_;
  std::optional<Discovery> discovery_;
  std::chrono::steady_clock::time_point discovered_at_;
  std::map<std::string, std::string> keys_;  // kid -> PEM
  std::chrono::steady_clock::time_point jwks_at_;
};

// The S256 code challenge of a PKCE verifier (RFC 7636): base64url(SHA-256(verifier)).
std::string pkce_challenge(const std::string& verifier);
// `bytes` random bytes, base64url without padding (state, nonce, verifier, identity tokens).
std::string random_url_token(std::size_t bytes = 32);

}  // namespace server::identity
