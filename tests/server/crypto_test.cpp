// The server's keyed hashes and sealed values: what OTP codes, registration tokens and
// national IDs rely on (sealed files: sealed_files_test.cpp).
#include <catch2/catch.hpp>

#include "server/auth/crypto.hpp"

using namespace server;

namespace {
auth::SecretKey secret(unsigned char fill) {
  auth::SecretKey k;
  k.fill(fill);
  return k;
}
}  // namespace

TEST_CASE("derived keys: sealed values open only with the same secret and use", "[server][crypto]") {
  auth::init_crypto();
  const auth::DerivedKeys otp(secret(1), 1, "otp-hash", 2, "otp-seal");
  const auth::DerivedKeys reg(secret(1), 3, "reg-hash", 4, "reg-seal");
  const auth::DerivedKeys other_server(secret(2), 1, "otp-hash", 2, "otp-seal");

  const std::string sealed = otp.seal("3100700512345");
  CHECK(sealed.find("3100700512345") == std::string::npos);
  CHECK(otp.seal("3100700512345") != sealed);  // a fresh nonce each time
  CHECK(otp.unseal(sealed) == std::optional<std::string>("3100700512345"));
  CHECK_FALSE(reg.unseal(sealed));
  CHECK_FALSE(other_server.unseal(sealed));
  std::string tampered = sealed;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  CHECK_FALSE(otp.unseal(tampered));
  CHECK_FALSE(otp.unseal("not hex"));
  CHECK_FALSE(otp.unseal(""));

  const std::string h = otp.keyed_hash("token", "abc");
  CHECK(h.size() == 64);
  CHECK(otp.keyed_hash("token", "abc") == h);
  CHECK(otp.keyed_hash("national_id", "abc") != h);
  CHECK(otp.keyed_hash("tokena", "bc") != otp.keyed_hash("token", "abc"));  // context and value stay apart
  CHECK(reg.keyed_hash("token", "abc") != h);
  CHECK(other_server.keyed_hash("token", "abc") != h);
}
