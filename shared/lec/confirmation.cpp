#include "shared/lec/confirmation.hpp"

#include <algorithm>

#include "shared/core/text.hpp"

namespace domain {

namespace {

bool is_root_of_round(const OrgTree& tree, const OrgNode& node) {
  if (node.kind != OrgKind::department) return false;
  for (const auto& c : tree.children(node.code))
    if (const auto* n = tree.find(c); n && n->kind == OrgKind::province) return true;
  return false;
}

// Every taking-part node of the subtree of `code`, depth first.
void collect(const OrgTree& tree, std::string_view code, std::vector<std::string>& out) {
  if (!takes_part(tree, code)) return;
  out.emplace_back(code);
  for (const auto& c : tree.children(code)) collect(tree, c, out);
}

std::string counts_diff(const DataChange& c, bool thai) {
  std::string out;
  for (const auto& l : levels()) {
    if (c.before[l.level] == c.after[l.level]) continue;
    if (!out.empty()) out += ", ";
    out += std::string(thai ? l.short_th : l.id) + " " + std::to_string(c.before[l.level]) + " → " +
           std::to_string(c.after[l.level]);
  }
  // A centre's basic data changes no count: say what did change instead.
  if (c.what == "centre_profile") {
    const std::string what = thai ? "ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็กเปลี่ยน" : "the centre's basic data changed";
    return out.empty() ? what : what + ", " + out;
  }
  if (out.empty()) return thai ? "จำนวนเด็กไม่เปลี่ยน" : "no change in counts";
  return out;
}

}  // namespace

bool takes_part(const OrgTree& tree, std::string_view code) {
  const OrgNode* node = tree.find(code);
  if (!node || node->kind == OrgKind::centre || node->kind == OrgKind::area_office) return false;
  for (const auto& up : tree.path_to_root(code)) {
    const OrgNode* n = tree.find(up);
    if (n->kind == OrgKind::area_office) return false;
    if (n->kind == OrgKind::department) return is_root_of_round(tree, *n);
  }
  return false;
}

std::vector<std::string> round_roots(const OrgTree& tree) {
  std::vector<std::string> out;
  std::vector<std::string> queue = tree.roots();
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const OrgNode* n = tree.find(queue[i]);
    if (n->kind == OrgKind::department) {
      if (is_root_of_round(tree, *n)) out.push_back(n->code);
      continue;
    }
    for (const auto& c : tree.children(n->code)) queue.push_back(c);
  }
  return out;
}

std::vector<std::string> blockers(const OrgTree& tree, const RoundState& state, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& c : tree.children(code))
    if (takes_part(tree, c) && !state.confirmed.contains(c)) out.push_back(c);
  if (auto it = state.funded_missing.find(code); it != state.funded_missing.end())
    out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

std::optional<FieldError> check_confirm(const OrgTree& tree, const RoundState& state, std::string_view code) {
  if (!takes_part(tree, code))
    return FieldError{"confirmation_not_in_round", "", "หน่วยงานนี้ไม่อยู่ในรอบการยืนยันข้อมูล",
                      "This organisation takes no part in the confirmation round"};
  if (state.confirmed.contains(code))
    return FieldError{"confirmation_exists", "", "หน่วยงานนี้ยืนยันข้อมูลแล้ว", "This organisation has already confirmed"};
  if (!blockers(tree, state, code).empty())
    return FieldError{"confirmation_blocked", "", "ยังยืนยันไม่ได้: หน่วยงานในสังกัดยังยืนยันไม่ครบ",
                      "Cannot confirm yet: not every organisation below has confirmed"};
  return std::nullopt;
}

std::optional<FieldError> check_withdraw(const RoundState& state, std::string_view code) {
  if (state.confirmed.contains(code)) return std::nullopt;
  return FieldError{"confirmation_missing", "", "หน่วยงานนี้ยังไม่ได้ยืนยันข้อมูล", "This organisation has not confirmed"};
}

std::vector<std::string> voided_by_change(const OrgTree& tree, const RoundState& state, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& c : tree.path_to_root(code))
    if (state.confirmed.contains(c)) out.push_back(c);
  return out;
}

bool may_confirm(const std::vector<Grant>& grants, const OrgTree& tree, std::string_view code) {
  return allowed(grants, Permission::data_confirm, code, tree);
}

bool confirms_on_behalf(const std::vector<Grant>& grants, const OrgTree& tree, std::string_view code) {
  if (!may_confirm(grants, tree, code)) return false;
  return std::none_of(grants.begin(), grants.end(), [&](const Grant& g) {
    return g.permission == Permission::data_confirm && g.org_code == code;
  });
}

Progress progress(const OrgTree& tree, const RoundState& state, std::string_view code) {
  std::vector<std::string> nodes;
  collect(tree, code, nodes);
  Progress p;
  p.total = static_cast<std::int64_t>(nodes.size());
  for (const auto& n : nodes)
    if (state.confirmed.contains(n)) ++p.done;
  return p;
}

std::map<std::string, Progress, std::less<>> progress_all(const OrgTree& tree, const RoundState& state) {
  std::map<std::string, Progress, std::less<>> out;
  // Inside a round root everything takes part (takes_part is judged once, at the roots).
  auto walk = [&](auto&& self, const std::string& code) -> Progress {
    Progress p{state.confirmed.contains(code) ? 1 : 0, 1};
    for (const auto& c : tree.children(code)) {
      if (const auto* n = tree.find(c); !n || n->kind == OrgKind::area_office) continue;
      const Progress below = self(self, c);
      p.done += below.done;
      p.total += below.total;
    }
    out[code] = p;
    return p;
  };
  for (const auto& root : round_roots(tree)) walk(walk, root);
  return out;
}

std::string_view to_string(NodeState s) {
  switch (s) {
    case NodeState::confirmed: return "confirmed";
    case NodeState::ready: return "ready";
    case NodeState::blocked: return "blocked";
  }
  return "";
}
std::string_view label_th(NodeState s) {
  switch (s) {
    case NodeState::confirmed: return "ยืนยันแล้ว";
    case NodeState::ready: return "พร้อมยืนยัน";
    case NodeState::blocked: return "รอหน่วยงานในสังกัด";
  }
  return "";
}
std::string_view label_en(NodeState s) {
  switch (s) {
    case NodeState::confirmed: return "Confirmed";
    case NodeState::ready: return "Ready to confirm";
    case NodeState::blocked: return "Waiting for the organisations below";
  }
  return "";
}

NodeState node_state(const OrgTree& tree, const RoundState& state, std::string_view code) {
  if (state.confirmed.contains(code)) return NodeState::confirmed;
  return blockers(tree, state, code).empty() ? NodeState::ready : NodeState::blocked;
}

std::optional<RoundLevel> round_level(OrgKind kind) {
  switch (kind) {
    case OrgKind::institution: return RoundLevel::institution;
    case OrgKind::local_government: return RoundLevel::local_government;
    case OrgKind::province: return RoundLevel::province;
    case OrgKind::department: return RoundLevel::department;
    default: return std::nullopt;
  }
}

std::string_view to_string(RoundLevel l) {
  switch (l) {
    case RoundLevel::institution: return "institution";
    case RoundLevel::local_government: return "local_government";
    case RoundLevel::province: return "province";
    case RoundLevel::department: return "department";
  }
  return "";
}

Date Deadlines::of(RoundLevel l) const {
  switch (l) {
    case RoundLevel::institution: return institution;
    case RoundLevel::local_government: return local_government;
    case RoundLevel::province: return province;
    case RoundLevel::department: return department;
  }
  return department;
}

Checked<Deadlines> parse_deadlines(const nlohmann::json& body, const Date& today) {
  Deadlines d;
  Date* slots[] = {&d.institution, &d.local_government, &d.province, &d.department};
  const char* keys[] = {"institution", "local_government", "province", "department"};
  for (int i = 0; i < 4; ++i) {
    const std::string key = keys[i];
    auto it = body.is_object() ? body.find(key) : body.end();
    if (!body.is_object() || it == body.end() || !it->is_string() || it->get<std::string>().empty())
      return FieldError{"deadline_required", key, "กรุณาระบุวันกำหนดส่ง (" + key + ")",
                        "The deadline is required (" + key + ")"};
    auto date = parse_iso_date(it->get<std::string>());
    if (!date) return in_field(date.error(), key);
    if (date.value() < today)
      return FieldError{"deadline_past", key, "วันกำหนดส่งต้องไม่อยู่ในอดีต", "The deadline cannot be in the past"};
    if (i > 0 && date.value() < *slots[i - 1])
      return FieldError{"deadline_order", key, "วันกำหนดส่งของระดับบนต้องไม่ก่อนระดับล่าง",
                        "A level's deadline cannot be before the one of the level below"};
    *slots[i] = date.value();
  }
  return d;
}

std::int64_t days_left(const Date& deadline, const Date& today) { return days_between(today, deadline); }

std::string days_left_th(std::int64_t days) {
  if (days == 0) return "วันสุดท้าย";
  if (days > 0) return "เหลือ " + std::to_string(days) + " วัน";
  return "เลยกำหนด " + std::to_string(-days) + " วัน";
}

std::string days_left_en(std::int64_t days) {
  if (days == 0) return "last day";
  if (days > 0) return std::to_string(days) + (days == 1 ? " day left" : " days left");
  return std::to_string(-days) + (days == -1 ? " day late" : " days late");
}

std::string change_summary_th(const DataChange& c) { return c.institution_name_th + ": " + counts_diff(c, true); }
std::string change_summary_en(const DataChange& c) {
  return c.institution_name_th + " (" + c.institution_code + "): " + counts_diff(c, false);
}

std::string voided_sms(std::string_view node_name_th, const DataChange& c) {
  std::string text = "การยืนยันข้อมูลเด็กของ " + std::string(node_name_th) + " ถูกยกเลิก เพราะข้อมูลเปลี่ยน: " +
                     change_summary_th(c) + " กรุณาตรวจสอบและยืนยันใหม่";
  // Under 300 characters: cut the summary, never a character in half.
  if (utf8_length(text) >= 300) {
    std::u32string u = *decode_utf8(text);
    u.resize(296);
    std::string cut;
    for (char32_t ch : u) {
      if (ch < 0x80) cut += static_cast<char>(ch);
      else if (ch < 0x800) { cut += static_cast<char>(0xC0 | (ch >> 6)); cut += static_cast<char>(0x80 | (ch & 0x3F)); }
      else if (ch < 0x10000) {
        cut += static_cast<char>(0xE0 | (ch >> 12));
        cut += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
        cut += static_cast<char>(0x80 | (ch & 0x3F));
      } else {
        cut += static_cast<char>(0xF0 | (ch >> 18));
        cut += static_cast<char>(0x80 | ((ch >> 12) & 0x3F));
        cut += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
        cut += static_cast<char>(0x80 | (ch & 0x3F));
      }
    }
    text = cut + "...";
  }
  return text;
}

}  // namespace domain
