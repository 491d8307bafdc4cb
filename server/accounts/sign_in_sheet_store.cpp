#include "server/accounts/sign_in_sheet_store.hpp"

#include <sodium.h>

#include "server/auth/crypto.hpp"

namespace server::accounts {

namespace {

// Sealed bytes as base64 text: one column type that every database engine stores alike.
std::string to_base64(const std::string& bytes) {
  const auto variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

}  // namespace

std::string keep_sheet(storage::Database& db, const storage::FileKeys& keys, std::int64_t owner,
                       const StoredSheet& sheet, std::int64_t now, std::int64_t expires_at) {
  db.prepare("DELETE FROM sign_in_sheets WHERE expires_at <= ?").bind(1, now).run();
  std::string id = auth::random_token(16);
  db.prepare("INSERT INTO sign_in_sheets (id, owner, org_code, file_name, pdf_sealed, expires_at) "
             "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, owner)
      .bind(3, sheet.org_code)
      .bind(4, sheet.file_name)
      .bind(5, to_base64(keys.seal(sheet.pdf)))
      .bind(6, expires_at)
      .run();
  return id;
}

std::optional<StoredSheet> find_sheet(storage::Database& db, const storage::FileKeys& keys, const std::string& id,
                                      std::int64_t owner, std::int64_t now) {
  auto q = db.prepare("SELECT org_code, file_name, pdf_sealed FROM sign_in_sheets "
                      "WHERE id = ? AND owner = ? AND expires_at > ?");
  q.bind(1, id).bind(2, owner).bind(3, now);
  if (!q.step()) return std::nullopt;
  auto sealed = from_base64(q.text(2));
  auto pdf = sealed ? keys.unseal(*sealed) : std::nullopt;
  if (!pdf) return std::nullopt;
  return StoredSheet{q.text(0), q.text(1), std::move(*pdf)};
}

}  // namespace server::accounts
