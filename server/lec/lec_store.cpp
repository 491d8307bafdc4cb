#include "server/lec/lec_store.hpp"

#include <functional>

#include "server/notifications/notification_store.hpp"
#include "server/lec/lec_store_detail.hpp"
#include "shared/lec/lec_messages.hpp"

namespace server::lec {

namespace detail {

std::string name_of(const domain::OrgTree& orgs, std::string_view code) {
  const auto* n = orgs.find(code);
  return n ? n->name_th : std::string(code);
}

domain::RoundState load_state(Database& db, int year) {
  domain::RoundState s;
  auto q = db.prepare("SELECT org_code FROM lec_confirmations WHERE year = ?");
  q.bind(1, std::int64_t{year});
  while (q.step()) s.confirmed.insert(q.text(0));
  auto f = db.prepare("SELECT lgo_code, school_code FROM lec_funded WHERE year = ? AND counts IS NULL ORDER BY school_code");
  f.bind(1, std::int64_t{year});
  while (f.step()) s.funded_missing[f.text(0)].push_back(f.text(1));
  return s;
}

// The rules of one write consult only the node, its ancestors and its direct children: a
// national round holds ~28,000 confirmations, which a write must not read each time.
domain::RoundState load_state_around(Database& db, const domain::OrgTree& orgs, int year, const std::string& code) {
  domain::RoundState s;
  auto nodes = orgs.path_to_root(code);
  for (auto& c : orgs.children(code)) nodes.push_back(std::move(c));
  if (nodes.empty()) nodes.push_back(code);
  auto q = db.prepare("SELECT 1 FROM lec_confirmations WHERE year = ? AND org_code = ?");
  for (const auto& n : nodes) {
    q.reset();
    q.bind(1, std::int64_t{year}).bind(2, n);
    if (q.step()) s.confirmed.insert(n);
  }
  auto f = db.prepare("SELECT school_code FROM lec_funded WHERE year = ? AND lgo_code = ? AND counts IS NULL ORDER BY school_code");
  f.bind(1, std::int64_t{year}).bind(2, code);
  while (f.step()) s.funded_missing[code].push_back(f.text(0));
  return s;
}

domain::LevelCounts counts_of_institution(Database& db, int year, const std::string& code) {
  domain::LevelCounts c;
  auto q = db.prepare("SELECT level, n FROM lec_counts WHERE year = ? AND institution_code = ?");
  q.bind(1, std::int64_t{year}).bind(2, code);
  while (q.step())
    if (auto l = domain::parse_level(q.text(0))) c[l.value()] = q.integer(1);
  return c;
}

void bump(Database& db, int year, const std::string& institution, domain::Level level, std::int64_t delta) {
  db.prepare(
        "INSERT INTO lec_counts (year, institution_code, level, n) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (year, institution_code, level) DO UPDATE SET n = lec_counts.n + excluded.n")
      .bind(1, std::int64_t{year})
      .bind(2, institution)
      .bind(3, domain::to_string(level))
      .bind(4, delta)
      .run();
}

// A funded school's counts as stored: k1..p6 only, what parse_funded_counts reads back.
std::string stored_counts(const domain::LevelCounts& c) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& l : domain::levels())
    if (domain::is_funded_school_level(l.level)) j[std::string(l.id)] = c[l.level];
  return j.dump();
}

void void_for_change(Database& db, const domain::OrgTree& orgs, int year, const std::string& code,
                     const domain::DataChange& change, std::vector<OrgRef>& voided, std::vector<VoidNotice>& notices) {
  const auto state = load_state_around(db, orgs, year, code);
  for (const auto& node : domain::voided_by_change(orgs, state, code)) {
    auto who = db.prepare("SELECT confirmed_by_id FROM lec_confirmations WHERE year = ? AND org_code = ?");
    who.bind(1, std::int64_t{year}).bind(2, node);
    const std::int64_t user = who.step() ? who.integer(0) : 0;
    db.prepare("DELETE FROM lec_confirmations WHERE year = ? AND org_code = ?").bind(1, std::int64_t{year}).bind(2, node).run();
    const std::string name = name_of(orgs, node);
    const auto told = domain::confirmation_voided_notice(year, name, change);
    notifications::add(db, {node, domain::Permission::data_confirm, "lec_voided", told.th, told.en,
                            "#/lec/" + std::to_string(year) + "/progress/" + node});
    if (user) notices.push_back({user, domain::voided_sms(name, change)});
    bool seen = false;
    for (const auto& v : voided) seen = seen || v.code == node;
    if (!seen) voided.push_back({node, name});
  }
}

}  // namespace detail

using detail::Database;

// ------------------------------------------------------------------ rounds

std::optional<domain::Deadlines> LecStore::round(int year) {
  const auto at = revision(year);  // first: what is read after it is at least as new
  if (auto kept = rounds_.find(year, at)) return *kept;
  std::optional<domain::Deadlines> out;
  {
    auto db = db_.acquire();
    auto q = db->prepare("SELECT institution, local_government, province, department FROM lec_rounds WHERE year = ?");
    q.bind(1, std::int64_t{year});
    if (q.step()) {
      domain::Deadlines& d = out.emplace();
      domain::Date* slots[] = {&d.institution, &d.local_government, &d.province, &d.department};
      for (int i = 0; i < 4; ++i)
        if (auto date = domain::parse_iso_date(q.text(i))) *slots[i] = date.value();
    }
  }
  rounds_.keep(year, at, std::make_shared<const std::optional<domain::Deadlines>>(out));
  return out;
}

std::vector<int> LecStore::open_years() {
  auto db = db_.acquire();
  auto q = db->prepare("SELECT year FROM lec_rounds ORDER BY year DESC");
  std::vector<int> out;
  while (q.step()) out.push_back(static_cast<int>(q.integer(0)));
  return out;
}

void LecStore::open_round(int year, const domain::Deadlines& d, const Actor& actor) {
  auto db = db_.acquire();
  db->prepare(
        "INSERT INTO lec_rounds (year, institution, local_government, province, department, opened_by) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year) DO UPDATE SET institution = excluded.institution, "
        "local_government = excluded.local_government, province = excluded.province, "
        "department = excluded.department, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
      .bind(1, std::int64_t{year})
      .bind(2, domain::to_iso(d.institution))
      .bind(3, domain::to_iso(d.local_government))
      .bind(4, domain::to_iso(d.province))
      .bind(5, domain::to_iso(d.department))
      .bind(6, actor.user_id)
      .run();
}

// ------------------------------------------------------------------ counts

std::map<std::string, domain::LevelCounts> LecStore::institution_counts(int year) {
  auto db = db_.acquire();
  std::map<std::string, domain::LevelCounts> out;
  auto q = db->prepare("SELECT institution_code, level, n FROM lec_counts WHERE year = ? AND n <> 0");
  q.bind(1, std::int64_t{year});
  while (q.step())
    if (auto l = domain::parse_level(q.text(1))) out[q.text(0)][l.value()] = q.integer(2);
  return out;
}

std::map<std::string, domain::LevelCounts> LecStore::counts_by_node(int year) {
  const auto own = institution_counts(year);
  std::map<std::string, domain::LevelCounts> funded;  // by LGO
  {
    auto db = db_.acquire();
    auto q = db->prepare("SELECT lgo_code, counts FROM lec_funded WHERE year = ? AND counts IS NOT NULL");
    q.bind(1, std::int64_t{year});
    while (q.step())
      if (auto c = domain::parse_funded_counts(nlohmann::json::parse(q.text(1), nullptr, false))) funded[q.text(0)] += c.value();
  }
  std::map<std::string, domain::LevelCounts> out;
  std::function<domain::LevelCounts(const std::string&)> walk = [&](const std::string& code) {
    domain::LevelCounts sum;
    if (auto it = own.find(code); it != own.end()) sum += it->second;
    if (auto it = funded.find(code); it != funded.end()) sum += it->second;
    for (const auto& c : orgs_.children(code))
      if (domain::takes_part(orgs_, c)) sum += walk(c);
    out[code] = sum;
    return sum;
  };
  for (const auto& root : domain::round_roots(orgs_)) walk(root);
  return out;
}

// ------------------------------------------------------------------ funded schools

std::vector<FundedSchool> LecStore::funded_schools(int year, const std::string& lgo) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT f.school_code, COALESCE(i.name_th, ''), COALESCE(i.affiliation, ''), COALESCE(i.province, ''), f.counts, "
      "f.closed FROM lec_funded f LEFT JOIN institutions i ON i.code = f.school_code "
      "WHERE f.year = ? AND f.lgo_code = ? ORDER BY f.school_code");
  q.bind(1, std::int64_t{year}).bind(2, lgo);
  std::vector<FundedSchool> out;
  while (q.step()) {
    FundedSchool s{q.text(0), q.text(1), q.text(2), q.text(3), std::nullopt, q.integer(5) != 0};
    if (!q.is_null(4))
      if (auto c = domain::parse_funded_counts(nlohmann::json::parse(q.text(4), nullptr, false))) s.counts = c.value();
    out.push_back(std::move(s));
  }
  return out;
}

Result<WriteResult> LecStore::set_funded_schools(int year, const std::string& lgo, const std::vector<std::string>& codes,
                                                 const Actor&) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string field = "school_codes[" + std::to_string(i) + "]";
    auto q = db->prepare("SELECT affiliation FROM institutions WHERE code = ?");
    q.bind(1, codes[i]);
    if (!q.step())
      return Refusal{400, domain::school_unknown_error(field, codes[i])};
    if (q.text(0) == "dla")
      return Refusal{400, domain::school_not_other_affiliation_error(field, codes[i])};
  }
  const auto before = funded_schools(year, lgo);
  db->prepare("DELETE FROM lec_funded WHERE year = ? AND lgo_code = ?").bind(1, std::int64_t{year}).bind(2, lgo).run();
  bool changed = before.size() != codes.size();
  for (const auto& code : codes) {
    const FundedSchool* old = nullptr;
    for (const auto& b : before)
      if (b.code == code) old = &b;
    changed = changed || !old;
    auto ins = db->prepare("INSERT INTO lec_funded (year, lgo_code, school_code, counts, closed) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
    ins.bind(1, std::int64_t{year}).bind(2, lgo).bind(3, code).bind(5, std::int64_t{old && old->closed});
    if (old && old->counts) ins.bind(4, detail::stored_counts(*old->counts));
    else ins.bind_null(4);
    ins.run();
  }
  WriteResult out;
  if (changed) {
    domain::DataChange change{lgo, detail::name_of(orgs_, lgo), "funded_counts", {}, {}};
    for (const auto& b : before) {
      if (!b.counts) continue;
      change.before += *b.counts;
      for (const auto& code : codes)
        if (code == b.code) change.after += *b.counts;
    }
    detail::void_for_change(*db, orgs_, year, lgo, change, out.voided, out.notices);
  }
  tx.commit();
  return out;
}

Result<WriteResult> LecStore::set_funded_counts(int year, const std::string& lgo, const std::string& school,
                                                const domain::LevelCounts& counts, bool closed, const Actor&) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto q = db->prepare("SELECT counts, COALESCE((SELECT name_th FROM institutions WHERE code = school_code), school_code) "
                       "FROM lec_funded WHERE year = ? AND lgo_code = ? AND school_code = ?");
  q.bind(1, std::int64_t{year}).bind(2, lgo).bind(3, school);
  if (!q.step())
    return Refusal{404, domain::funded_school_unknown_error()};
  domain::DataChange change{school, q.text(1), "funded_counts", {}, closed ? domain::LevelCounts{} : counts};
  if (!q.is_null(0))
    if (auto c = domain::parse_funded_counts(nlohmann::json::parse(q.text(0), nullptr, false))) change.before = c.value();
  db->prepare("UPDATE lec_funded SET counts = ?, closed = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
              "WHERE year = ? AND lgo_code = ? AND school_code = ?")
      .bind(1, detail::stored_counts(change.after))
      .bind(2, std::int64_t{closed})
      .bind(3, std::int64_t{year})
      .bind(4, lgo)
      .bind(5, school)
      .run();
  WriteResult out;
  detail::void_for_change(*db, orgs_, year, lgo, change, out.voided, out.notices);
  tx.commit();
  return out;
}

// ------------------------------------------------------------------ confirmations

domain::RoundState LecStore::state(int year) {
  auto db = db_.acquire();
  return detail::load_state(*db, year);
}

std::map<std::string, Confirmation> LecStore::confirmations(int year) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT org_code, confirmed_at, confirmed_by, confirmed_by_id, on_behalf FROM lec_confirmations WHERE year = ?");
  q.bind(1, std::int64_t{year});
  std::map<std::string, Confirmation> out;
  while (q.step()) out[q.text(0)] = {q.text(0), q.text(1), q.text(2), q.integer(3), q.integer(4) != 0};
  return out;
}

Result<Confirmation> LecStore::confirm(int year, const std::string& org, const Actor& actor, bool on_behalf) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  const auto state = detail::load_state_around(*db, orgs_, year, org);
  if (auto e = domain::check_confirm(orgs_, state, org)) {
    Refusal r{e->code == "confirmation_not_in_round" ? 400u : 409u, *e};
    if (e->code == "confirmation_blocked") {
      r.extra["blocked_by"] = nlohmann::json::array();
      for (const auto& b : domain::blockers(orgs_, state, org)) {
        std::string name = detail::name_of(orgs_, b);
        if (!orgs_.contains(b)) {
          auto n = db->prepare("SELECT name_th FROM institutions WHERE code = ?");
          n.bind(1, b);
          if (n.step()) name = n.text(0);
        }
        r.extra["blocked_by"].push_back({{"code", b}, {"name_th", name}});
      }
    }
    return r;
  }
  db->prepare("INSERT INTO lec_confirmations (year, org_code, confirmed_by, confirmed_by_id, on_behalf) VALUES (?,?,?,?,?)")
      .bind(1, std::int64_t{year})
      .bind(2, org)
      .bind(3, actor.name)
      .bind(4, actor.user_id)
      .bind(5, std::int64_t{on_behalf})
      .run();
  auto q = db->prepare("SELECT confirmed_at FROM lec_confirmations WHERE year = ? AND org_code = ?");
  q.bind(1, std::int64_t{year}).bind(2, org);
  q.step();
  Confirmation c{org, q.text(0), actor.name, actor.user_id, on_behalf};
  tx.commit();
  return c;
}

Result<WriteResult> LecStore::withdraw(int year, const std::string& org, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  const auto state = detail::load_state_around(*db, orgs_, year, org);
  if (auto e = domain::check_withdraw(state, org)) return Refusal{409, *e};
  db->prepare("DELETE FROM lec_confirmations WHERE year = ? AND org_code = ?").bind(1, std::int64_t{year}).bind(2, org).run();
  WriteResult out;
  const auto* node = orgs_.find(org);
  if (node && !node->parent_code.empty()) {
    domain::DataChange change{org, node->name_th, "withdrawn", {}, {}};
    detail::void_for_change(*db, orgs_, year, node->parent_code, change, out.voided, out.notices);
  }
  (void)actor;
  tx.commit();
  return out;
}

}  // namespace server::lec
