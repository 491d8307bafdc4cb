// The server's keyed hashes, sealed values and content-addressed files: what OTP codes,
// registration tokens, national IDs and uploads rely on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "server/auth/crypto.hpp"
#include "server/storage/content_store.hpp"

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

TEST_CASE("content store: one file per content, named by its SHA-256, private to the server", "[server][crypto][files]") {
  const auto dir = std::filesystem::temp_directory_path() / ("content-store-" + auth::random_token(6));
  CHECK(auth::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string sha = storage::store_by_content(dir / "letters", "abc", ".pdf");
  CHECK(sha == auth::sha256_hex("abc"));
  const auto path = dir / "letters" / (sha + ".pdf");
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str() == "abc");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(storage::store_by_content(dir / "letters", "abc", ".pdf") == sha);
  CHECK(std::distance(std::filesystem::directory_iterator(dir / "letters"), {}) == 1);  // no temporary left
  std::filesystem::remove_all(dir);
}
