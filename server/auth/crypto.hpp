#pragma once
// The few cryptographic operations sign-in needs, all from libsodium: Argon2id password
// hashes, random tokens, token digests for storage, constant-time comparison.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace server::auth {

// Argon2id cost: OWASP's recommended 19 MiB with 2 passes, 1 lane. 46 MiB x 1 costs twice
// the time for the same strength here; 12 MiB x 3 is faster but weaker against GPUs. One
// verification takes 40-100 ms on a 2-core machine (bench/sign-in.sh prints logins/s).
struct Argon2Params {
  unsigned long long passes;
  std::size_t memory_bytes;
};
inline constexpr Argon2Params argon2_params{2, 19u * 1024 * 1024};

// Argon2id runs at most this many at once in the server (hash and verify alike); the
// others wait their turn.
inline constexpr std::ptrdiff_t hashing_slots = 2;

void init_crypto();  // once at start (sodium_init); throws if libsodium cannot start

// "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" (self-describing: old parameters still verify).
std::string hash_password(std::string_view password, Argon2Params params = argon2_params);
bool verify_password(std::string_view stored_hash, std::string_view password);
// Spends the same time as a real verification, for usernames that do not exist, so the
// reply time does not tell them apart.
void spend_verification_time(std::string_view password);

// `bytes` random bytes from the system CSPRNG, as lower-case hex (16 bytes = 128 bits).
std::string random_token(std::size_t bytes = 16);
// What is stored for a bearer token (session id, activation link...): BLAKE2b-256, hex.
// A copy of the database then lets no one sign in.
std::string token_digest(std::string_view token);
bool equal_in_constant_time(std::string_view a, std::string_view b);

std::string to_hex(const unsigned char* data, std::size_t size);
// Base64 (RFC 4648): `standard` with padding (sealed bytes in a text column), `url` without
// padding (JOSE, PKCE, URL tokens). Decoding gives nullopt for anything else.
enum class Base64 { standard, url };
std::string to_base64(std::string_view bytes, Base64 variant);
std::optional<std::string> from_base64(std::string_view text, Base64 variant);
std::string sha256_hex(std::string_view bytes);  // content addresses of stored files

// The server secret (DATA_DIR/server.key) and, derived from it for one use (OTP codes,
// registrations), a key to hash values and a key to seal them, so neither a copy of the
// database nor one leaked subkey gives the others away.
using SecretKey = std::array<unsigned char, 32>;
class DerivedKeys {
 public:
  // `*_context`: 8 characters naming the use ("otp-hash"); ids and contexts never change,
  // or what was stored cannot be read again.
  DerivedKeys(const SecretKey& secret, std::uint64_t hash_id, const char* hash_context, std::uint64_t seal_id,
              const char* seal_context);
  // Keyed BLAKE2b-256 of `value` in `context` ("token", an OTP id), hex.
  std::string keyed_hash(std::string_view context, std::string_view value) const;
  // hex(nonce + XSalsa20-Poly1305 box); unseal gives nullopt for anything not sealed here.
  std::string seal(std::string_view plain) const;
  std::optional<std::string> unseal(std::string_view sealed_hex) const;

 private:
  SecretKey hash_key_, seal_key_;
};

}  // namespace server::auth
