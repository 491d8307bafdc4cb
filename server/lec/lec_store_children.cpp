// The register half of LecStore: children added, edited, removed, restored, imported.
#include <algorithm>

#include "server/lec/lec_store.hpp"
#include "server/notifications/notification_store.hpp"
#include "server/lec/lec_store_detail.hpp"
#include "shared/lec/lec_messages.hpp"

namespace server::lec {

namespace {

using detail::Database;

constexpr const char* kColumns =
    "id, institution_code, id_kind, id_masked, title, first_name, last_name, sex, birth_date, level, room, status, "
    "removed_reason, removed_note, updated_at, id_sealed";

ChildRow read_row(const storage::Statement& q) {
  ChildRow r;
  r.id = q.integer(0);
  r.institution_code = q.text(1);
  r.id_kind = q.text(2) == "g_code" ? domain::ChildIdKind::g_code : domain::ChildIdKind::national_id;
  r.id_masked = q.text(3);
  r.title = q.text(4);
  r.first_name = q.text(5);
  r.last_name = q.text(6);
  r.sex = q.text(7) == "f" ? domain::Sex::f : domain::Sex::m;
  if (auto d = domain::parse_iso_date(q.text(8))) r.birth_date = d.value();
  if (auto l = domain::parse_level(q.text(9))) r.level = l.value();
  r.room = q.text(10);
  r.attending = q.text(11) == "attending";
  r.removed_reason = q.text(12);
  r.removed_note = q.text(13);
  r.updated_at = q.text(14);
  return r;
}

struct Loaded {
  ChildRow row;
  std::string sealed;
};

std::optional<Loaded> load(Database& db, int year, std::int64_t id) {
  auto q = db.prepare(std::string("SELECT ") + kColumns + " FROM lec_children WHERE year = ? AND id = ?");
  q.bind(1, std::int64_t{year}).bind(2, id);
  if (!q.step()) return std::nullopt;
  return Loaded{read_row(q), q.text(15)};
}

struct Attending {
  std::int64_t id;
  std::string institution;
};
std::optional<Attending> attending_by_hash(Database& db, int year, const std::string& hash) {
  auto q = db.prepare("SELECT id, institution_code FROM lec_children WHERE year = ? AND id_hash = ? AND status = 'attending'");
  q.bind(1, std::int64_t{year}).bind(2, hash);
  if (!q.step()) return std::nullopt;
  return Attending{q.integer(0), q.text(1)};
}

void history(Database& db, std::int64_t child, std::string_view action, const nlohmann::json& detail, const Actor& a) {
  db.prepare("INSERT INTO lec_child_history (child_id, action, detail, actor_id) VALUES (?,?,?,?)")
      .bind(1, child)
      .bind(2, action)
      .bind(3, detail.dump())
      .bind(4, a.user_id)
      .run();
}

Refusal not_found() {
  return {404, domain::child_not_found_error()};
}

}  // namespace

// The fields an edit compares (the ID is compared by the caller of this).
static domain::ChildInput as_input(const ChildRow& r, const domain::ChildId& id) {
  return {id, r.title, r.first_name, r.last_name, r.sex, r.birth_date, r.level, r.room};
}

static void write_fields(storage::Statement& q, int first, const domain::ChildInput& c) {
  q.bind(first, c.title)
      .bind(first + 1, c.first_name)
      .bind(first + 2, c.last_name)
      .bind(first + 3, domain::to_string(c.sex))
      .bind(first + 4, domain::to_iso(c.birth_date))
      .bind(first + 5, domain::to_string(c.level))
      .bind(first + 6, c.room);
}

std::vector<ChildRow> LecStore::children(int year, const std::string& institution, const ChildFilter& filter) {
  auto db = db_.acquire();
  std::string sql = std::string("SELECT ") + kColumns + " FROM lec_children WHERE year = ? AND institution_code = ?";
  if (filter.attending) sql += *filter.attending ? " AND status = 'attending'" : " AND status = 'removed'";
  std::optional<std::string> hash;
  if (!filter.q.empty()) {
    if (auto id = domain::parse_child_id(filter.q)) hash = keys_.keyed_hash("child", id.value().value());
    sql += hash ? " AND id_hash = ?" : " AND instr(title || first_name || ' ' || last_name, ?) > 0";
  }
  auto q = db->prepare(sql);
  q.bind(1, std::int64_t{year}).bind(2, institution);
  if (!filter.q.empty()) q.bind(3, hash ? *hash : filter.q);
  std::vector<ChildRow> out;
  while (q.step()) out.push_back(read_row(q));
  std::stable_sort(out.begin(), out.end(), [](const ChildRow& a, const ChildRow& b) {
    if (a.level != b.level) return a.level < b.level;
    if (a.first_name != b.first_name) return a.first_name < b.first_name;
    return a.last_name < b.last_name;
  });
  return out;
}

std::optional<ChildRow> LecStore::child(int year, std::int64_t id) {
  auto db = db_.acquire();
  auto l = load(*db, year, id);
  if (!l) return std::nullopt;
  return l->row;
}

std::optional<domain::ChildId> LecStore::reveal(int year, std::int64_t id) {
  auto db = db_.acquire();
  auto l = load(*db, year, id);
  if (!l) return std::nullopt;
  auto plain = keys_.unseal(l->sealed);
  if (!plain) return std::nullopt;
  auto parsed = domain::parse_child_id(*plain);
  if (!parsed) return std::nullopt;
  return parsed.value();
}

std::optional<Enrolment> LecStore::find_enrolment(int year, const domain::ChildId& id) {
  auto db = db_.acquire();
  auto a = attending_by_hash(*db, year, keys_.keyed_hash("child", id.value()));
  if (!a) return std::nullopt;
  return Enrolment{a->id, a->institution, detail::name_of(orgs_, a->institution)};
}

Result<WriteResult> LecStore::add_child(int year, const std::string& institution, const domain::ChildInput& c, bool move_in,
                                        const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  const std::string hash = keys_.keyed_hash("child", c.id.value());
  WriteResult out;
  if (auto there = attending_by_hash(*db, year, hash)) {
    const std::string name = detail::name_of(orgs_, there->institution);
    if (there->institution == institution)
      return Refusal{409, domain::child_exists_error()};
    if (!move_in) {
      Refusal r{409, domain::enrolled_elsewhere(name, there->institution)};
      r.extra["institution"] = {{"code", there->institution}, {"name_th", name}};
      return r;
    }
    domain::DataChange moved{there->institution, name, "move_out", detail::counts_of_institution(*db, year, there->institution), {}};
    auto row = load(*db, year, there->id);
    db->prepare("UPDATE lec_children SET status = 'removed', removed_reason = 'moved', removed_note = ?, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
        .bind(1, domain::moved_to_note(detail::name_of(orgs_, institution)))
        .bind(2, there->id)
        .run();
    detail::bump(*db, year, there->institution, row->row.level, -1);
    history(*db, there->id, "moved_out", {{"to", institution}}, actor);
    moved.after = detail::counts_of_institution(*db, year, there->institution);
    const auto told = domain::child_moved_out_notice(row->row.id_masked, detail::name_of(orgs_, institution));
    notifications::add(*db, {there->institution, domain::Permission::children_edit, "lec_moved_out", told.th, told.en,
                             "#/lec/" + std::to_string(year) + "/children/" + there->institution});
    detail::void_for_change(*db, orgs_, year, there->institution, moved, out.voided, out.notices);
    out.moved_from = there->institution;
    out.moved_text = domain::child_moved_text(row->row.id_masked, detail::name_of(orgs_, institution), name);
  }
  domain::DataChange change{institution, detail::name_of(orgs_, institution), move_in ? "move_in" : "child_added",
                            detail::counts_of_institution(*db, year, institution), {}};
  auto ins = db->prepare(
      "INSERT INTO lec_children (year, institution_code, id_kind, id_sealed, id_hash, id_masked, title, first_name, "
      "last_name, sex, birth_date, level, room) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  ins.bind(1, std::int64_t{year}).bind(2, institution).bind(3, domain::to_string(c.id.kind()));
  ins.bind(4, keys_.seal(c.id.value())).bind(5, hash).bind(6, c.id.masked());
  write_fields(ins, 7, c);
  out.id = ins.returned_id();
  detail::bump(*db, year, institution, c.level, +1);
  history(*db, out.id, "added", {{"move_in", move_in}}, actor);
  change.after = detail::counts_of_institution(*db, year, institution);
  detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  tx.commit();
  return out;
}

Result<WriteResult> LecStore::edit_child(int year, const std::string& institution, std::int64_t id,
                                         const domain::ChildInput& c, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto l = load(*db, year, id);
  if (!l || l->row.institution_code != institution) return not_found();
  if (!l->row.attending)
    return Refusal{409, domain::child_removed_edit_error()};
  auto old_plain = keys_.unseal(l->sealed);
  auto old_id = domain::parse_child_id(old_plain ? *old_plain : "");
  if (!old_id) throw storage::StorageError("a sealed child ID could not be read (key changed?)");
  if (auto e = domain::check_id_change(old_id.value(), c.id)) return Refusal{400, *e};
  const std::string hash = keys_.keyed_hash("child", c.id.value());
  if (auto there = attending_by_hash(*db, year, hash); there && there->id != id) {
    Refusal r{409, domain::enrolled_elsewhere(detail::name_of(orgs_, there->institution), there->institution)};
    r.extra["institution"] = {{"code", there->institution}, {"name_th", detail::name_of(orgs_, there->institution)}};
    return r;
  }
  const auto fields = domain::changed_fields(as_input(l->row, old_id.value()), c);
  WriteResult out{id, {}, {}};
  if (fields.empty()) return out;
  domain::DataChange change{institution, detail::name_of(orgs_, institution), "child_edited",
                            detail::counts_of_institution(*db, year, institution), {}};
  auto up = db->prepare(
      "UPDATE lec_children SET title = ?, first_name = ?, last_name = ?, sex = ?, birth_date = ?, level = ?, room = ?, "
      "id_kind = ?, id_sealed = ?, id_hash = ?, id_masked = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
      "WHERE id = ?");
  write_fields(up, 1, c);
  up.bind(8, domain::to_string(c.id.kind())).bind(9, keys_.seal(c.id.value())).bind(10, hash).bind(11, c.id.masked());
  up.bind(12, id).run();
  if (l->row.level != c.level) {
    detail::bump(*db, year, institution, l->row.level, -1);
    detail::bump(*db, year, institution, c.level, +1);
  }
  history(*db, id, "edited", {{"fields", fields}}, actor);
  change.after = detail::counts_of_institution(*db, year, institution);
  detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  tx.commit();
  return out;
}

Result<WriteResult> LecStore::remove_child(int year, const std::string& institution, std::int64_t id,
                                           const domain::Removal& r, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto l = load(*db, year, id);
  if (!l || l->row.institution_code != institution) return not_found();
  if (!l->row.attending)
    return Refusal{409, domain::child_already_removed_error()};
  domain::DataChange change{institution, detail::name_of(orgs_, institution), "child_removed",
                            detail::counts_of_institution(*db, year, institution), {}};
  db->prepare("UPDATE lec_children SET status = 'removed', removed_reason = ?, removed_note = ?, "
              "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
      .bind(1, domain::to_string(r.reason))
      .bind(2, r.note)
      .bind(3, id)
      .run();
  detail::bump(*db, year, institution, l->row.level, -1);
  history(*db, id, "removed", {{"reason", domain::to_string(r.reason)}}, actor);
  change.after = detail::counts_of_institution(*db, year, institution);
  WriteResult out{id, {}, {}};
  detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  tx.commit();
  return out;
}

Result<WriteResult> LecStore::restore_child(int year, const std::string& institution, std::int64_t id, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto l = load(*db, year, id);
  if (!l || l->row.institution_code != institution) return not_found();
  if (l->row.attending)
    return Refusal{409, domain::child_attending_error()};
  auto hash = db->prepare("SELECT id_hash FROM lec_children WHERE id = ?");
  hash.bind(1, id);
  hash.step();
  if (auto there = attending_by_hash(*db, year, hash.text(0))) {
    Refusal r{409, domain::enrolled_elsewhere(detail::name_of(orgs_, there->institution), there->institution)};
    r.extra["institution"] = {{"code", there->institution}, {"name_th", detail::name_of(orgs_, there->institution)}};
    return r;
  }
  domain::DataChange change{institution, detail::name_of(orgs_, institution), "child_added",
                            detail::counts_of_institution(*db, year, institution), {}};
  db->prepare("UPDATE lec_children SET status = 'attending', removed_reason = '', removed_note = '', "
              "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
      .bind(1, id)
      .run();
  detail::bump(*db, year, institution, l->row.level, +1);
  history(*db, id, "restored", nlohmann::json::object(), actor);
  change.after = detail::counts_of_institution(*db, year, institution);
  WriteResult out{id, {}, {}};
  detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  tx.commit();
  return out;
}

Result<ApplyResult> LecStore::apply_children(int year, const std::string& institution,
                                             const std::vector<domain::ChildInput>& rows, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  ApplyResult out;
  domain::DataChange change{institution, detail::name_of(orgs_, institution), "import",
                            detail::counts_of_institution(*db, year, institution), {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = rows[i];
    const std::string hash = keys_.keyed_hash("child", c.id.value());
    auto there = attending_by_hash(*db, year, hash);
    if (there && there->institution != institution) {
      auto e = domain::enrolled_elsewhere(detail::name_of(orgs_, there->institution), there->institution);
      e.field = "rows[" + std::to_string(i) + "].id_number";
      return Refusal{409, e};  // the transaction rolls back: nothing written
    }
    if (there) {
      auto l = load(*db, year, there->id);
      const auto fields = domain::changed_fields(as_input(l->row, c.id), c);
      if (fields.empty()) {
        ++out.unchanged;
        continue;
      }
      auto up = db->prepare(
          "UPDATE lec_children SET title = ?, first_name = ?, last_name = ?, sex = ?, birth_date = ?, level = ?, "
          "room = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
      write_fields(up, 1, c);
      up.bind(8, there->id).run();
      if (l->row.level != c.level) {
        detail::bump(*db, year, institution, l->row.level, -1);
        detail::bump(*db, year, institution, c.level, +1);
      }
      history(*db, there->id, "edited", {{"fields", fields}, {"import", true}}, actor);
      ++out.updated;
      continue;
    }
    auto ins = db->prepare(
        "INSERT INTO lec_children (year, institution_code, id_kind, id_sealed, id_hash, id_masked, title, first_name, "
        "last_name, sex, birth_date, level, room) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    ins.bind(1, std::int64_t{year}).bind(2, institution).bind(3, domain::to_string(c.id.kind()));
    ins.bind(4, keys_.seal(c.id.value())).bind(5, hash).bind(6, c.id.masked());
    write_fields(ins, 7, c);
    const std::int64_t id = ins.returned_id();
    detail::bump(*db, year, institution, c.level, +1);
    history(*db, id, "added", {{"import", true}}, actor);
    ++out.added;
  }
  if (out.added || out.updated) {
    change.after = detail::counts_of_institution(*db, year, institution);
    detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  }
  tx.commit();
  return out;
}

}  // namespace server::lec
