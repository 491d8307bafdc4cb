// The JOSE work of ID tokens (server/identity/jose): a JWK made into a PEM by OpenSSL, RS256
// signatures checked by libjwt, and the classic forgeries refused.
#include <jwt.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <catch2/catch.hpp>
#include <memory>

#include "server/auth/crypto.hpp"
#include "server/identity/jose.hpp"

using server::identity::peek_header;
using server::identity::rsa_jwk_to_pem;
using server::identity::verify_rs256;

namespace {

struct RsaKey {
  std::string private_pem, public_pem;
  nlohmann::json jwk;
};

std::string b64url(const std::string& bytes) { return server::auth::to_base64(bytes, server::auth::Base64::url); }

std::string bn_bytes(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(key, name, &bn);
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(bn);
  return out;
}

std::string pem_of(EVP_PKEY* key, bool with_private) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (with_private) PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  else PEM_write_bio_PUBKEY(bio.get(), key);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

RsaKey make_key(const std::string& kid) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  RsaKey k{pem_of(key.get(), true), pem_of(key.get(), false), {}};
  k.jwk = {{"kty", "RSA"}, {"kid", kid}, {"use", "sig"},
           {"n", b64url(bn_bytes(key.get(), OSSL_PKEY_PARAM_RSA_N))},
           {"e", b64url(bn_bytes(key.get(), OSSL_PKEY_PARAM_RSA_E))}};
  return k;
}

std::string sign(jwt_alg_t alg, const std::string& key, const std::string& kid) {
  jwt_t* jwt = nullptr;
  jwt_new(&jwt);
  jwt_add_grant(jwt, "sub", "u-17");
  jwt_add_grant(jwt, "pid", "1101700230708");
  if (!kid.empty()) jwt_add_header(jwt, "kid", kid.c_str());
  jwt_set_alg(jwt, alg, key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()),
              static_cast<int>(key.size()));
  char* token = jwt_encode_str(jwt);
  std::string out = token ? token : "";
  free(token);
  jwt_free(jwt);
  return out;
}

}  // namespace

TEST_CASE("an RS256 ID token verifies against the provider's JWK, forgeries do not", "[identity][jose]") {
  const auto key = make_key("k1"), other = make_key("k1");  // the same kid, another key
  const auto pem = rsa_jwk_to_pem(key.jwk);
  REQUIRE(pem);
  CHECK(*pem == key.public_pem);

  const auto token = sign(JWT_ALG_RS256, key.private_pem, "k1");
  REQUIRE_FALSE(token.empty());
  auto header = peek_header(token);
  REQUIRE(header);
  CHECK(header->alg == "RS256");
  CHECK(header->kid == "k1");
  auto claims = verify_rs256(token, *pem);
  REQUIRE(claims);
  CHECK((*claims)["pid"] == "1101700230708");

  // Signed by another key under the same kid.
  CHECK_FALSE(verify_rs256(sign(JWT_ALG_RS256, other.private_pem, "k1"), *pem));
  // The public key used as an HMAC secret (algorithm confusion), and no signature at all.
  CHECK_FALSE(verify_rs256(sign(JWT_ALG_HS256, *pem, "k1"), *pem));
  CHECK_FALSE(verify_rs256(sign(JWT_ALG_NONE, "", "k1"), *pem));
  // A payload changed after signing.
  auto parts = token;
  const auto dot1 = parts.find('.'), dot2 = parts.rfind('.');
  parts.replace(dot1 + 1, dot2 - dot1 - 1, b64url(R"({"sub":"u-17","pid":"3100600000001"})"));
  CHECK_FALSE(verify_rs256(parts, *pem));
  CHECK_FALSE(peek_header("not a token"));
}

TEST_CASE("only RSA keys of 2048 bits or more become PEM", "[identity][jose]") {
  auto k = make_key("k2").jwk;
  CHECK(rsa_jwk_to_pem(k));
  auto ec = k;
  ec["kty"] = "EC";
  CHECK_FALSE(rsa_jwk_to_pem(ec));
  auto small = k;
  small["n"] = b64url(std::string(128, '\x7f'));  // 1024 bits
  CHECK_FALSE(rsa_jwk_to_pem(small));
  auto broken = k;
  broken["n"] = "***";
  CHECK_FALSE(rsa_jwk_to_pem(broken));
}
