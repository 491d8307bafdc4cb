#include "server/auth/crypto.hpp"
#include "server/kpi/kpi_store.hpp"

// The KPI store's files: uploads, and the documents attached to KPIs.
namespace server::kpi {

using storage::Transaction;

namespace {
constexpr const char* kFileColumns =
    "id, content_name, name, content_type, uploader_org, size, uploader_id, purpose, decoded_image";

StoredFile read_file(storage::Statement& q) {
  return {q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), q.integer(6), q.text(7), q.integer(8) != 0};
}

Refusal file_not_found() {
  return {400, {"file_not_found", "file_id", "ไม่พบไฟล์ที่แนบ โปรดอัปโหลดอีกครั้ง", "The file was not found: upload it again"}};
}

void insert_file(storage::Database& db, const StoredFile& f) {
  db.prepare("INSERT INTO kpi_files (id, content_name, name, size, content_type, uploader_id, uploader_org, purpose, "
             "decoded_image) VALUES (?,?,?,?,?,?,?,?,?)")
      .bind(1, f.id)
      .bind(2, f.content_name)
      .bind(3, f.name)
      .bind(4, f.size)
      .bind(5, f.content_type)
      .bind(6, f.uploader_id)
      .bind(7, f.uploader_org)
      .bind(8, f.purpose)
      .bind(9, std::int64_t{f.decoded_image})
      .run();
}
}  // namespace

void KpiStore::add_file(const StoredFile& f) {
  auto db = db_.acquire();
  insert_file(*db, f);
}

std::optional<StoredFile> KpiStore::file(const std::string& id) {
  auto db = db_.acquire();
  auto q = db->prepare(std::string("SELECT ") + kFileColumns + " FROM kpi_files WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_file(q);
}

std::vector<KpiStore::FileUse> KpiStore::file_uses(const std::string& file_id) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT kpi_id, unit_code FROM kpi_report_files WHERE file_id = ?1 "
      "UNION SELECT kpi_id, '' FROM kpi_documents WHERE file_id = ?1");
  q.bind(1, file_id);
  std::vector<FileUse> out;
  while (q.step()) out.push_back({q.integer(0), q.text(1)});
  return out;
}

// ---------------------------------------------------------------------------- documents

Result<KpiStore::Document> KpiStore::add_document(std::int64_t kpi_id, const std::string& kind,
                                                  const std::string& file_id, const std::string& label) {
  auto db = db_.acquire();
  Transaction tx(*db);
  auto f = db->prepare(std::string("SELECT ") + kFileColumns + " FROM kpi_files WHERE id = ?");
  f.bind(1, file_id);
  if (!f.step()) return file_not_found();
  StoredFile file = read_file(f);
  f.reset();
  // A file uploaded for something else, or already attached somewhere, is reused as a
  // copy of its own: each use keeps its own record, owned by the same uploader.
  auto used = db->prepare(
      "SELECT 1 FROM kpi_documents WHERE file_id = ?1 UNION ALL SELECT 1 FROM kpi_report_files WHERE file_id = ?1");
  used.bind(1, file_id);
  if (file.purpose != "kpi_document" || used.step()) {
    file.id = auth::random_token(16);
    file.purpose = "kpi_document";
    insert_file(*db, file);
  }
  used.reset();
  const std::int64_t id = db->prepare("INSERT INTO kpi_documents (kpi_id, kind, file_id, label) VALUES (?,?,?,?) RETURNING id")
      .bind(1, kpi_id)
      .bind(2, kind)
      .bind(3, file.id)
      .bind(4, label)
      .returned_id();
  tx.commit();
  return Document{id, kind, file.id, label, file.name};
}

std::vector<KpiStore::Document> KpiStore::documents(std::int64_t kpi_id) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT d.id, d.kind, d.file_id, d.label, f.name FROM kpi_documents d JOIN kpi_files f ON f.id = d.file_id "
      "WHERE d.kpi_id = ? ORDER BY d.id");
  q.bind(1, kpi_id);
  std::vector<Document> out;
  while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
  return out;
}

bool KpiStore::remove_document(std::int64_t kpi_id, std::int64_t document_id) {
  auto db = db_.acquire();
  db->prepare("DELETE FROM kpi_documents WHERE id = ? AND kpi_id = ?").bind(1, document_id).bind(2, kpi_id).run();
  if (db->changes() == 0) return false;
  return true;
}

}  // namespace server::kpi
