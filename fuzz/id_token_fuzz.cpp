// What an identity provider sends back, as the relying party reads it: the ID token's
// header, the JWKS's keys made PEM, the signature check, and the claims' rules (times,
// audience, nonce, the national ID and names), the client's reading of a proof.
// Pieces (NUL-separated): the token, the JWKS document, a claims object.
#include "fuzz/fuzz_input.hpp"
#include "server/identity/jose.hpp"
#include "shared/identity/oidc.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = fuzz::pieces(data, size, 3);
  const std::string token(parts[0]);
  (void)server::identity::peek_header(token);
  const auto jwks = nlohmann::json::parse(parts[1], nullptr, false);
  if (jwks.is_object() && jwks.contains("keys") && jwks["keys"].is_array())
    for (const auto& key : jwks["keys"])
      if (auto pem = server::identity::rsa_jwk_to_pem(key)) (void)server::identity::verify_rs256(token, *pem);
  const auto claims = nlohmann::json::parse(parts[2], nullptr, false);
  if (claims.is_discarded()) return 0;
  (void)domain::check_id_token_claims(claims, {"https://idp.example", "school", "n0nce", 1'700'000'000});
  (void)domain::proven_identity("thaid", claims, "pid");
  (void)domain::parse_identity_summary(claims);
  (void)domain::parse_provider_choices(claims);
  return 0;
}
