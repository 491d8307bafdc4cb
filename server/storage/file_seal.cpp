#include "server/storage/file_seal.hpp"

#include <sodium.h>

namespace server::storage {

namespace {
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
const unsigned char* u8(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
}  // namespace

// Ids and contexts never change, or stored files cannot be read again (1-6: otp, reg, lec).
FileKeys::FileKeys(const auth::SecretKey& server_key) {
  crypto_kdf_derive_from_key(name_key_.data(), name_key_.size(), 7, "filename", server_key.data());
  crypto_kdf_derive_from_key(seal_key_.data(), seal_key_.size(), 8, "fileseal", server_key.data());
}

std::string FileKeys::name_of(std::string_view plain) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, u8(plain), plain.size(), name_key_.data(), name_key_.size());
  return auth::to_hex(out, sizeof out);
}

std::string FileKeys::seal(std::string_view plain) const {
  const std::size_t chunks = plain.size() / kChunk + 1;  // the last may be empty: it carries the final tag
  std::string out(kSealedMagic);
  out.resize(kSealedMagic.size() + kHeader + plain.size() + chunks * kOverhead);
  auto* at = reinterpret_cast<unsigned char*>(out.data()) + kSealedMagic.size();
  crypto_secretstream_xchacha20poly1305_state st;
  crypto_secretstream_xchacha20poly1305_init_push(&st, at, seal_key_.data());
  at += kHeader;
  for (std::size_t i = 0; i < chunks; ++i) {
    const auto part = plain.substr(std::min(plain.size(), i * kChunk), kChunk);
    const unsigned char tag =
        i + 1 == chunks ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(&st, at, &written, u8(part), part.size(), nullptr, 0, tag);
    at += written;
  }
  return out;
}

std::optional<std::string> FileKeys::unseal(std::string_view stored) const {
  if (!is_sealed(stored) || stored.size() < kSealedMagic.size() + kHeader + kOverhead) return std::nullopt;
  stored.remove_prefix(kSealedMagic.size());
  crypto_secretstream_xchacha20poly1305_state st;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, u8(stored), seal_key_.data()) != 0) return std::nullopt;
  stored.remove_prefix(kHeader);
  std::string plain;
  plain.reserve(stored.size());
  unsigned char buf[kChunk];
  for (;;) {
    const auto part = stored.substr(0, kChunk + kOverhead);
    if (part.size() < kOverhead) return std::nullopt;  // cut before the final chunk
    unsigned long long n = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&st, buf, &n, &tag, u8(part), part.size(), nullptr, 0) != 0)
      return std::nullopt;
    plain.append(reinterpret_cast<const char*>(buf), n);
    stored.remove_prefix(part.size());
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) return stored.empty() ? std::optional(plain) : std::nullopt;
  }
}

}  // namespace server::storage
