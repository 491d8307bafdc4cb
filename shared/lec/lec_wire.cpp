#include "shared/lec/lec_wire.hpp"

namespace domain::lec_wire {

using nlohmann::json;

namespace {

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string str(const json& j, const char* key) {
  const json* m = member(j, key);
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

std::int64_t num(const json& j, const char* key, std::int64_t fallback = 0) {
  const json* m = member(j, key);
  if (m && m->is_number_integer()) return m->get<std::int64_t>();
  if (m && m->is_number()) return static_cast<std::int64_t>(m->get<double>());
  return fallback;
}

std::optional<std::int64_t> opt_num(const json& j, const char* key) {
  const json* m = member(j, key);
  if (!m || !m->is_number()) return std::nullopt;
  return num(j, key);
}

bool flag(const json& j, const char* key) {
  const json* m = member(j, key);
  return m && m->is_boolean() && m->get<bool>();
}

std::optional<Date> date(const json& j, const char* key) {
  std::string s = str(j, key);
  if (s.size() > 10) s.resize(10);  // a timestamp's day
  if (s.empty()) return std::nullopt;
  auto d = parse_iso_date(s);
  if (!d) return std::nullopt;
  return d.value();
}

LevelCounts level_counts(const json& j) {
  LevelCounts c;
  if (!j.is_object()) return c;
  for (const auto& [key, value] : j.items()) {
    auto level = parse_level(key);
    if (level && value.is_number()) c[level.value()] = value.is_number_integer() ? value.get<std::int64_t>()
                                                                                   : static_cast<std::int64_t>(value.get<double>());
  }
  return c;
}

std::optional<NodeState> node_state_of(std::string_view s) {
  for (NodeState n : {NodeState::confirmed, NodeState::ready, NodeState::blocked})
    if (to_string(n) == s) return n;
  return std::nullopt;
}

ProgressNode progress_node(const json& j) {
  ProgressNode n;
  n.code = str(j, "code");
  if (n.code.empty()) n.code = str(j, "org_code");
  n.name_th = str(j, "name_th");
  if (auto k = parse_org_kind(str(j, "kind"))) n.kind = k.value();
  n.confirmed = flag(j, "confirmed");
  n.confirmed_at = str(j, "confirmed_at");
  n.confirmed_by = str(j, "confirmed_by");
  n.deadline = date(j, "deadline");
  n.days_left = opt_num(j, "days_left");
  n.done = num(j, "done");
  n.total = num(j, "total");
  if (const json* c = member(j, "counts")) n.counts = parse_counts(*c);
  if (const json* b = member(j, "blocked_by")) n.blocked_by = parse_org_refs(*b);
  // The server's word on the state; without it, what the other fields say.
  if (auto s = node_state_of(str(j, "state"))) n.state = *s;
  else n.state = n.confirmed ? NodeState::confirmed : n.blocked_by.empty() ? NodeState::ready : NodeState::blocked;
  return n;
}

}  // namespace

FieldError unexpected_reply(std::string what) {
  return {"unexpected_reply", "", "คำตอบจากเซิร์ฟเวอร์ไม่ถูกต้อง (" + what + ")",
          "The server's reply was not understood (" + what + ")"};
}

std::vector<OrgRef> parse_org_refs(const json& j) {
  std::vector<OrgRef> out;
  if (!j.is_array()) return out;
  for (const auto& item : j)
    if (item.is_object()) out.push_back({str(item, "code"), str(item, "name_th")});
  return out;
}

std::vector<OrgRef> voided_of(const json& reply_body) {
  const json* v = member(reply_body, "voided");
  return v ? parse_org_refs(*v) : std::vector<OrgRef>{};
}

std::string ChildRow::full_name() const {
  std::string s = title;
  if (!s.empty()) s += ' ';
  return s + first_name + " " + last_name;
}

json ChildRow::form_body() const {
  return {{"id_number", ""},
          {"title", title},
          {"first_name", first_name},
          {"last_name", last_name},
          {"sex", std::string(to_string(sex))},
          {"birth_date", birth_date ? to_iso(*birth_date) : std::string()},
          {"level", std::string(to_string(level))},
          {"room", room}};
}

Checked<std::vector<ChildRow>> parse_children(const json& j) {
  if (!j.is_array()) return unexpected_reply("children");
  std::vector<ChildRow> out;
  out.reserve(j.size());
  for (const auto& item : j) {
    if (!item.is_object()) return unexpected_reply("children");
    ChildRow c;
    c.id = num(item, "id");
    c.id_kind = str(item, "id_kind") == "g_code" ? ChildIdKind::g_code : ChildIdKind::national_id;
    c.id_masked = str(item, "id_masked");
    c.title = str(item, "title");
    c.first_name = str(item, "first_name");
    c.last_name = str(item, "last_name");
    if (auto s = parse_sex(str(item, "sex"))) c.sex = s.value();
    c.birth_date = date(item, "birth_date");
    auto level = parse_level(str(item, "level"));
    if (!level) return unexpected_reply("level");
    c.level = level.value();
    c.room = str(item, "room");
    c.removed = str(item, "status") == "removed";
    const std::string reason = str(item, "removed_reason");
    for (const auto& r : removal_reasons())
      if (r.id == reason) c.removed_reason = r.reason;
    c.removed_note = str(item, "removed_note");
    c.updated_at = str(item, "updated_at");
    out.push_back(std::move(c));
  }
  return out;
}

Counts parse_counts(const json& j) {
  Counts c;
  if (const json* l = member(j, "levels")) c.levels = level_counts(*l);
  c.total = num(j, "total", c.levels.total());
  c.lunch = num(j, "lunch");
  c.milk = num(j, "milk");
  c.lunch_baht = num(j, "lunch_baht");
  c.milk_baht = num(j, "milk_baht");
  return c;
}

Checked<std::vector<FundedSchool>> parse_funded_schools(const json& j) {
  // A bare list, or {"schools":[...]}.
  const json* list = j.is_array() ? &j : member(j, "schools");
  if (!list || !list->is_array()) return unexpected_reply("funded-schools");
  std::vector<FundedSchool> out;
  for (const auto& item : *list) {
    if (!item.is_object()) return unexpected_reply("funded-schools");
    FundedSchool s;
    s.code = str(item, "code");
    if (s.code.empty()) s.code = str(item, "school_code");
    s.name_th = str(item, "name_th");
    if (const json* c = member(item, "counts")) {
      // Either the plain {"k1":n,...} of the PUT body or api.md's counts object.
      s.counts = member(*c, "levels") ? parse_counts(*c).levels : level_counts(*c);
      s.recorded = !c->is_null();
    }
    s.closed = flag(item, "closed");
    s.state = str(item, "state");
    if (const json* r = member(item, "recorded"); r && r->is_boolean()) s.recorded = r->get<bool>();
    else if (!s.state.empty()) s.recorded = s.state != "missing" && s.state != "not_recorded";
    out.push_back(std::move(s));
  }
  return out;
}

Checked<ProgressReply> parse_progress(const json& j) {
  if (!j.is_object()) return unexpected_reply("progress");
  ProgressReply p;
  p.node = progress_node(j);
  if (p.node.code.empty()) return unexpected_reply("progress");
  if (const json* below = member(j, "below"); below && below->is_array())
    for (const auto& b : *below)
      if (b.is_object()) p.below.push_back(progress_node(b));
  return p;
}

std::optional<Date> DeadlineDates::of(RoundLevel l) const {
  switch (l) {
    case RoundLevel::institution: return institution;
    case RoundLevel::local_government: return local_government;
    case RoundLevel::province: return province;
    case RoundLevel::department: return department;
  }
  return std::nullopt;
}

DeadlineDates parse_deadline_dates(const json& j) {
  // {"institution":"2026-06-10",...} or the same inside "deadlines".
  const json* d = member(j, "deadlines");
  const json& o = d && d->is_object() ? *d : j;
  return {date(o, "institution"), date(o, "local_government"), date(o, "province"), date(o, "department")};
}

Checked<ImportResult> parse_import_result(const json& j) {
  if (!j.is_object()) return unexpected_reply("import");
  ImportResult r;
  r.added = num(j, "added");
  r.updated = num(j, "updated");
  r.unchanged = num(j, "unchanged");
  if (const json* errors = member(j, "errors"); errors && errors->is_array())
    for (const auto& e : *errors)
      r.errors.push_back({num(e, "row"), {str(e, "code"), str(e, "field"), str(e, "message_th"), str(e, "message_en")}});
  return r;
}

std::vector<OrgRef> blocked_by_of(const json& error_body) {
  if (const json* b = member(error_body, "blocked_by")) return parse_org_refs(*b);
  if (const json* e = member(error_body, "error"))
    if (const json* b = member(*e, "blocked_by")) return parse_org_refs(*b);
  return {};
}

std::optional<OrgRef> enrolled_at_of(const json& error_body) {
  for (const json* where : {&error_body, member(error_body, "error")}) {
    if (!where) continue;
    for (const char* key : {"institution", "enrolled_at"})
      if (const json* i = member(*where, key); i && i->is_object()) {
        OrgRef r{str(*i, "code"), str(*i, "name_th")};
        if (!r.code.empty() || !r.name_th.empty()) return r;
      }
    OrgRef flat{str(*where, "institution_code"), str(*where, "institution_name_th")};
    if (!flat.code.empty() || !flat.name_th.empty()) return flat;
  }
  return std::nullopt;
}

}  // namespace domain::lec_wire
