#include "server/identity/jose.hpp"

#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <memory>

#include "server/auth/crypto.hpp"

namespace server::identity {

namespace {

using Jwt = std::unique_ptr<jwt_t, decltype(&jwt_free)>;

Jwt decode(const std::string& token, const std::string& pem) {
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, token.c_str(), reinterpret_cast<const unsigned char*>(pem.data()), static_cast<int>(pem.size())) != 0)
    raw = nullptr;
  return Jwt(raw, jwt_free);
}

}  // namespace

std::optional<std::string> rsa_jwk_to_pem(const nlohmann::json& jwk) {
  if (!jwk.is_object() || jwk.value("kty", "") != "RSA" || !jwk.contains("n") || !jwk.contains("e") ||
      !jwk["n"].is_string() || !jwk["e"].is_string())
    return std::nullopt;
  auto n = auth::from_base64(jwk["n"].get<std::string>(), auth::Base64::url),
       e = auth::from_base64(jwk["e"].get<std::string>(), auth::Base64::url);
  if (!n || !e || n->size() < 256) return std::nullopt;  // RSA below 2048 bits is refused
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr), BN_free);
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_e(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr), BN_free);
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!bn_n || !bn_e || !build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
      !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()))
    return std::nullopt;
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(build.get()), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                                  EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
    return std::nullopt;
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> owned(key, EVP_PKEY_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) return std::nullopt;
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

// The header is read here, not by libjwt: decoding without a key, libjwt 1.10 reports every
// token as alg "none". Only which key to try comes from it; libjwt checks the signature.
std::optional<JwtHeader> peek_header(const std::string& token) {
  const auto dot = token.find('.');
  if (dot == std::string::npos || token.find('.', dot + 1) == std::string::npos) return std::nullopt;
  auto raw = auth::from_base64(token.substr(0, dot), auth::Base64::url);
  if (!raw) return std::nullopt;
  auto j = nlohmann::json::parse(*raw, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("alg") || !j["alg"].is_string()) return std::nullopt;
  JwtHeader h{j["alg"].get<std::string>(), ""};
  if (j.contains("kid") && j["kid"].is_string()) h.kid = j["kid"].get<std::string>();
  return h;
}

std::optional<nlohmann::json> verify_rs256(const std::string& token, const std::string& pem) {
  auto header = peek_header(token);
  if (!header || header->alg != "RS256") return std::nullopt;
  auto jwt = decode(token, pem);
  if (!jwt || jwt_get_alg(jwt.get()) != JWT_ALG_RS256) return std::nullopt;
  char* payload = jwt_get_grants_json(jwt.get(), nullptr);
  if (!payload) return std::nullopt;
  auto claims = nlohmann::json::parse(payload, nullptr, false);
  free(payload);
  if (claims.is_discarded() || !claims.is_object()) return std::nullopt;
  return claims;
}

}  // namespace server::identity
