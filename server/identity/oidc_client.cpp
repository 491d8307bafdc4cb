#include "server/identity/oidc_client.hpp"

#include <sodium.h>

#include "server/auth/crypto.hpp"
#include "server/http/outbound.hpp"
#include "server/identity/jose.hpp"

namespace server::identity {

namespace {

using domain::identity_failure;
using nlohmann::json;

constexpr auto kDiscoveryLifetime = std::chrono::hours(1);
// An unknown kid fetches the JWKS again, but not more often than this: a flood of forged
// tokens must not become a flood of requests to the provider.
constexpr auto kJwksRefetchPause = std::chrono::seconds(5);

std::string base64url(const unsigned char* data, std::size_t size) {
  return auth::to_base64(std::string_view(reinterpret_cast<const char*>(data), size), auth::Base64::url);
}

// A JSON object from `url`, or why not: unreachable, or not JSON.
domain::Checked<json> get_json(const std::string& url, const std::string& bearer = {}) {
  http::OutboundRequest rq;
  rq.url = url;
  rq.headers = {"Accept: application/json"};
  if (!bearer.empty()) rq.headers.push_back("Authorization: Bearer " + bearer);
  rq.timeout = std::chrono::milliseconds(8000);
  const auto reply = http::send_outbound(rq);
  if (!reply.reached || reply.status >= 500) return identity_failure("identity_provider_unreachable");
  auto j = json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || j.is_discarded() || !j.is_object()) return identity_failure("identity_provider_unreachable");
  return j;
}

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string pkce_challenge(const std::string& verifier) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  return base64url(digest, sizeof digest);
}

std::string random_url_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return base64url(raw.data(), raw.size());
}

OidcClient::OidcClient(domain::IdentityProvider provider, std::string redirect_uri)
    : provider_(std::move(provider)), redirect_uri_(std::move(redirect_uri)) {}

domain::Checked<Discovery> OidcClient::discovery() {
  {
    std::lock_guard lock(mutex_);
    if (discovery_ && std::chrono::steady_clock::now() - discovered_at_ < kDiscoveryLifetime) return *discovery_;
  }
  auto doc = get_json(provider_.issuer + "/.well-known/openid-configuration");
  if (!doc) return doc.error();
  // OpenID Connect Discovery 4.3: the document must name the very issuer asked for.
  if (text(doc.value(), "issuer") != provider_.issuer) return identity_failure("identity_issuer_wrong");
  Discovery d{text(doc.value(), "authorization_endpoint"), text(doc.value(), "token_endpoint"),
              text(doc.value(), "jwks_uri"), text(doc.value(), "userinfo_endpoint")};
  if (d.authorization_endpoint.empty() || d.token_endpoint.empty() || d.jwks_uri.empty())
    return identity_failure("identity_provider_unreachable");
  std::lock_guard lock(mutex_);
  discovery_ = d;
  discovered_at_ = std::chrono::steady_clock::now();
  return d;
}

domain::Checked<std::string> OidcClient::authorization_url(const std::string& state, const std::string& nonce,
                                                           const std::string& code_challenge) {
  auto d = discovery();
  if (!d) return d.error();
  const auto& at = d.value().authorization_endpoint;
  return at + (at.find('?') == std::string::npos ? "?" : "&") + "response_type=code&client_id=" +
         http::form_encode(provider_.client_id) + "&redirect_uri=" + http::form_encode(redirect_uri_) +
         "&scope=" + http::form_encode(provider_.scopes) + "&state=" + http::form_encode(state) +
         "&nonce=" + http::form_encode(nonce) + "&code_challenge=" + http::form_encode(code_challenge) +
         "&code_challenge_method=S256";
}

domain::Checked<bool> OidcClient::fetch_jwks(const std::string& uri) {
  auto jwks = get_json(uri);
  if (!jwks) return jwks.error();
  std::map<std::string, std::string> keys;
  auto list = jwks.value().find("keys");
  if (list != jwks.value().end() && list->is_array())
    for (const auto& k : *list) {
      if (k.contains("use") && k["use"] != "sig") continue;
      if (auto pem = rsa_jwk_to_pem(k)) keys[text(k, "kid")] = *pem;
    }
  std::lock_guard lock(mutex_);
  keys_ = std::move(keys);
  jwks_at_ = std::chrono::steady_clock::now();
  return true;
}

domain::Checked<std::vector<std::string>> OidcClient::keys_for(const std::string& kid) {
  auto pick = [&]() {
    std::vector<std::string> pems;
    for (const auto& [id, pem] : keys_)
      if (kid.empty() || id == kid) pems.push_back(pem);
    return pems;
  };
  bool refetch = false;
  {
    std::lock_guard lock(mutex_);
    auto pems = pick();
    if (!pems.empty()) return pems;
    refetch = jwks_at_ == std::chrono::steady_clock::time_point{} ||
              std::chrono::steady_clock::now() - jwks_at_ >= kJwksRefetchPause;
  }
  if (refetch) {
    auto d = discovery();
    if (!d) return d.error();
    if (auto fetched = fetch_jwks(d.value().jwks_uri); !fetched) return fetched.error();
  }
  std::lock_guard lock(mutex_);
  auto pems = pick();
  if (pems.empty()) return identity_failure("identity_signature_invalid");
  return pems;
}

domain::Checked<json> OidcClient::redeem(const std::string& code, const std::string& verifier,
                                         const std::string& nonce, std::int64_t now) {
  auto d = discovery();
  if (!d) return d.error();
  http::OutboundRequest rq;
  rq.method = "POST";
  rq.url = d.value().token_endpoint;
  rq.headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
  rq.body = "grant_type=authorization_code&code=" + http::form_encode(code) +
            "&redirect_uri=" + http::form_encode(redirect_uri_) + "&code_verifier=" + http::form_encode(verifier);
  // client_secret_basic: RFC 6749 2.3.1 form-encodes both parts before Basic.
  rq.username = http::form_encode(provider_.client_id);
  rq.password = http::form_encode(provider_.client_secret);
  rq.timeout = std::chrono::milliseconds(8000);
  const auto reply = http::send_outbound(rq);
  if (!reply.reached || reply.status >= 500) return identity_failure("identity_provider_unreachable");
  auto tokens = json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || tokens.is_discarded() || text(tokens, "id_token").empty())
    return identity_failure("identity_code_refused");
  const std::string id_token = text(tokens, "id_token");

  auto header = peek_header(id_token);
  if (!header || header->alg != "RS256") return identity_failure("identity_signature_invalid");
  auto pems = keys_for(header->kid);
  if (!pems) return pems.error();
  std::optional<json> claims;
  for (const auto& pem : pems.value())
    if ((claims = verify_rs256(id_token, pem))) break;
  if (!claims) return identity_failure("identity_signature_invalid");

  domain::IdTokenExpectations expect{provider_.issuer, provider_.client_id, nonce, now};
  if (auto checked = domain::check_id_token_claims(*claims, expect); !checked) return checked.error();

  // ThaID puts the national ID in the ID token; a provider that keeps it in userinfo is asked
  // there, and its answer counts only for the same subject (OpenID Connect Core 5.3.2).
  if (!claims->contains(provider_.id_claim) && !d.value().userinfo_endpoint.empty() &&
      !text(tokens, "access_token").empty()) {
    auto info = get_json(d.value().userinfo_endpoint, text(tokens, "access_token"));
    if (!info) return info.error();
    if (text(info.value(), "sub") != text(*claims, "sub")) return identity_failure("identity_claim_missing");
    for (auto& [key, value] : info.value().items())
      if (!claims->contains(key)) (*claims)[key] = value;
  }
  return *claims;
}

}  // namespace server::identity
