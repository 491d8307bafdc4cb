#pragma once
// Proving who someone is through an OpenID Connect provider (ThaID, the state digital ID):
// the provider settings, the purposes a proof serves, the checks on an ID token's claims,
// the identity the claims prove, and every failure as a Thai/English message. The server
// does the I/O (discovery, JWKS, token exchange, signatures); the rules are here.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"
#include "shared/identity/national_id.hpp"

namespace domain {

// One configured provider: OIDC_<P>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _ID_CLAIM, _SCOPES.
struct IdentityProvider {
  std::string id;  // "thaid": lower case, in the URLs
  std::string name_th, name_en;
  std::string issuer, client_id, client_secret;
  std::string id_claim = "pid";  // the claim that holds the national ID
  std::string scopes = "openid pid profile";
};

struct IdentityProviderEnv {  // the raw values, each named by its variable in errors
  std::string id, issuer, client_id, client_secret, id_claim, scopes, name;
};
// The issuer must be https://, or http:// on a loopback address (a test provider); the
// client id and secret are required. Errors name the variable (field "OIDC_THAID_ISSUER").
Checked<IdentityProvider> parse_identity_provider(const IdentityProviderEnv& env);
// The name people know a provider by when none is configured: "thaid" -> "ThaID", else the id.
std::string identity_provider_name(std::string_view provider_id);
// "{public_url}/api/v1/auth/oidc/{p}/callback"
std::string oidc_redirect_uri(std::string_view public_url, std::string_view provider_id);

enum class IdentityPurpose { access_request, registration, sign_in };
std::string_view to_string(IdentityPurpose p);
Checked<IdentityPurpose> parse_identity_purpose(std::string_view raw, std::string field = "purpose");
// Where the client goes back to: a route of the app ("/access-request"), no scheme, host or
// "//"; absent = the purpose's own screen.
Checked<std::string> parse_next_route(std::string_view raw, IdentityPurpose purpose);

// What the relying party expects of an ID token (OpenID Connect Core 3.1.3.7).
struct IdTokenExpectations {
  std::string issuer, client_id, nonce;
  std::int64_t now = 0;
  std::int64_t skew = 120;     // seconds of clock difference tolerated either way
  std::int64_t max_age = 600;  // an iat older than this is refused
};
// The claims of a token whose signature was verified: iss, aud (string or array, and azp
// when several), exp, iat and nonce. Error codes: identity_issuer_wrong,
// identity_audience_wrong, identity_token_expired, identity_token_not_yet_valid,
// identity_nonce_mismatch, identity_claim_missing.
Checked<bool> check_id_token_claims(const nlohmann::json& claims, const IdTokenExpectations& e);

// What the provider proved: the national ID (sealed at rest by the server, masked on the wire) and names.
struct ProvenIdentity {
  std::string provider, subject;
  NationalId national_id;
  std::string title, first_name, last_name;
};
// From the verified claims (the ID token's, with userinfo's added): the national ID in
// `id_claim`, names from title/given_name/family_name (or "name" split at its spaces).
// identity_claim_missing, identity_national_id_invalid.
Checked<ProvenIdentity> proven_identity(std::string_view provider, const nlohmann::json& claims,
                                        std::string_view id_claim);

// What the client reads: GET /api/v1/auth/providers, and GET /api/v1/auth/identity/{token}.
struct ProviderChoice {
  std::string id, name_th, name_en;
};
std::vector<ProviderChoice> parse_provider_choices(const nlohmann::json& list);
struct IdentitySummary {
  std::string provider, provider_name_th, provider_name_en;
  std::string title, first_name, last_name, id_masked;
  std::int64_t expires_in = 0;
};
// Refused (field "identity_token") when a part is missing or of the wrong type.
Checked<IdentitySummary> parse_identity_summary(const nlohmann::json& body);

// One-time identity tokens live this long between the proof and the form that uses it.
inline constexpr std::int64_t identity_token_lifetime = 30 * 60;
// A flow (start -> callback) must come back within this time.
inline constexpr std::int64_t identity_flow_lifetime = 10 * 60;

// Every failure of a proof, by code (the client shows it on #/identity-failed?code=...),
// saying what to do next. Unknown codes get a general message.
FieldError identity_failure(std::string_view code);
FieldError provider_unknown_error(std::string_view provider);
FieldError identity_token_invalid_error();  // an identity_token unknown, used or expired
// The proof's national ID is already in a pending request for this school, or a user of it.
FieldError identity_already_requested_error();
FieldError identity_already_user_error();

}  // namespace domain
