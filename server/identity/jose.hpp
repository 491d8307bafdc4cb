#pragma once
// The JOSE work of an ID token, done by libraries: libjwt checks the signature, OpenSSL
// makes the provider's published RSA key (a JWK) into the PEM libjwt takes.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace server::identity {

// The public key of an RSA JWK ({"kty":"RSA","n","e"}) as PEM; nullopt for anything else.
std::optional<std::string> rsa_jwk_to_pem(const nlohmann::json& jwk);

struct JwtHeader {
  std::string alg, kid;
};
// The header of a compact JWS, read without checking anything; nullopt when it is not one.
std::optional<JwtHeader> peek_header(const std::string& token);

// The payload of `token` when its signature verifies with `pem` under RS256 (the only
// algorithm accepted: a token naming another, "none" or HS256 with the public key as secret,
// is refused); nullopt otherwise.
std::optional<nlohmann::json> verify_rs256(const std::string& token, const std::string& pem);

}  // namespace server::identity
