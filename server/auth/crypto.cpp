#include "server/auth/crypto.hpp"

#include <sodium.h>

#include <mutex>
#include <semaphore>
#include <stdexcept>
#include <vector>

namespace server::auth {

namespace {

int sodium_variant(Base64 v) {
  return v == Base64::url ? sodium_base64_VARIANT_URLSAFE_NO_PADDING : sodium_base64_VARIANT_ORIGINAL;
}

}  // namespace

std::string to_base64(std::string_view bytes, Base64 variant) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_variant(variant)), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_variant(variant));
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(std::string_view text, Base64 variant) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_variant(variant)) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return to_hex(digest, sizeof digest);
}

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

namespace {

// At most `hashing_slots` Argon2id runs at once, server-wide: each takes a core and 19 MiB,
// and a burst of activations or resets must leave threads free for everything else.
std::counting_semaphore<hashing_slots> slots{hashing_slots};
struct HashingSlot {
  HashingSlot() { slots.acquire(); }
  ~HashingSlot() { slots.release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;
};

}  // namespace

std::string hash_password(std::string_view password, Argon2Params params) {
  HashingSlot slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params.passes, params.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("Argon2id: out of memory");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string stored(stored_hash);  // needs NUL termination
  HashingSlot slot;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void spend_verification_time(std::string_view password) {
  static const std::string dummy = hash_password("not a password anyone has");
  verify_password(dummy, password);
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string token_digest(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return to_hex(digest, sizeof digest);
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

DerivedKeys::DerivedKeys(const SecretKey& secret, std::uint64_t hash_id, const char* hash_context,
                         std::uint64_t seal_id, const char* seal_context) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  crypto_kdf_derive_from_key(hash_key_.data(), hash_key_.size(), hash_id, hash_context, secret.data());
  crypto_kdf_derive_from_key(seal_key_.data(), seal_key_.size(), seal_id, seal_context, secret.data());
}

std::string DerivedKeys::keyed_hash(std::string_view context, std::string_view value) const {
  unsigned char out[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, hash_key_.data(), hash_key_.size(), sizeof out);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(context.data()), context.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(value.data()), value.size());
  crypto_generichash_final(&st, out, sizeof out);
  return to_hex(out, sizeof out);
}

std::string DerivedKeys::seal(std::string_view plain) const {
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), box.data(), seal_key_.data());
  return to_hex(box.data(), box.size());
}

std::optional<std::string> DerivedKeys::unseal(std::string_view sealed_hex) const {
  std::vector<unsigned char> box(sealed_hex.size() / 2);
  std::size_t n = 0;
  if (sodium_hex2bin(box.data(), box.size(), sealed_hex.data(), sealed_hex.size(), nullptr, &n, nullptr) != 0 ||
      n < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  std::string plain(n - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), box.data() + crypto_secretbox_NONCEBYTES,
                                 n - crypto_secretbox_NONCEBYTES, box.data(), seal_key_.data()) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace server::auth
