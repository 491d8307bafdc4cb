// The round endpoints: funded schools and their counts, counts of a subtree, confirmations,
// progress, deadlines and reminders.
#include <functional>
#include <set>

#include "server/http/api_replies.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec {

namespace {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using nlohmann::json;

using Node = AtNode;

template <class F>
Reply with_node(const Services& s, const RequestContext& rq, Permission needed, std::optional<domain::OrgKind> kind, F&& f) {
  return at_node(s, rq, {needed}, std::forward<F>(f), kind);
}

Reply written(const Services& s, const Result<WriteResult>& r) {
  if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);
  const auto& w = std::get<WriteResult>(r);
  send_notices(s, w.notices);
  return http::json_reply(Status::ok, {{"voided", voided_json(w.voided)}});
}

json deadlines_json(int year, const domain::Deadlines& d, const domain::Date& today) {
  json j = {{"year", year}, {"open", true}};
  for (auto l : {domain::RoundLevel::institution, domain::RoundLevel::local_government, domain::RoundLevel::province,
                 domain::RoundLevel::department}) {
    j[std::string(domain::to_string(l))] = domain::to_iso(d.of(l));
    j["days_left"][std::string(domain::to_string(l))] = domain::days_left(d.of(l), today);
  }
  return j;
}

// ------------------------------------------------------------------ funded schools

json funded_json(const FundedSchool& f) {
  return {{"code", f.code},
          {"name_th", f.name_th},
          {"affiliation", f.affiliation},
          {"province", f.province},
          {"counts", f.counts ? domain::counts_json(*f.counts) : json()},
          {"closed", f.closed},
          {"state", f.closed ? "closed" : f.counts ? "recorded" : "missing"}};
}

Reply get_funded(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::view, domain::OrgKind::local_government, [&](const Node& n) -> Reply {
    json out = json::array();
    for (const auto& f : s->store.funded_schools(n.year, n.node->code)) out.push_back(funded_json(f));
    return http::json_reply(Status::ok, out);
  });
}

Reply put_funded(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::children_edit, domain::OrgKind::local_government, [&](const Node& n) -> Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"school_codes", http::JsonType::array}})) return http::bad_request(*e);
    auto it = body.value().find("school_codes");
    if (it == body.value().end() || it->is_null())
      return http::bad_request({"school_codes_required", "school_codes", "กรุณาระบุรายการรหัสโรงเรียน (school_codes)",
                                "school_codes (a list of school codes) is required"});
    std::vector<std::string> codes;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& c = (*it)[i];
      if (!c.is_string() || c.get<std::string>().size() != 10 ||
          c.get<std::string>().find_first_not_of("0123456789") != std::string::npos)
        return http::bad_request({"school_code_format", "school_codes[" + std::to_string(i) + "]",
                                  "รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก", "A school code is 10 digits"});
      if (seen.insert(c.get<std::string>()).second) codes.push_back(c.get<std::string>());
    }
    auto r = s->store.set_funded_schools(n.year, n.node->code, codes, n.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, n.caller.user_id, "lec.funded.set", "org:" + n.node->code, {{"year", n.year}, {"schools", codes}});
    return written(s, r);
  });
}

Reply put_funded_counts(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::children_edit, domain::OrgKind::local_government, [&](const Node& n) -> Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"closed", http::JsonType::boolean}, {"counts", http::JsonType::object}}))
      return http::bad_request(*e);
    const bool closed = http::bool_field(body.value(), "closed", false).value();
    const json raw = body.value().contains("counts") ? body.value()["counts"] : json();
    auto counts = domain::parse_funded_counts(raw.is_null() && closed ? json::object() : raw);
    if (!counts) return http::bad_request(counts.error());
    const std::string school = rq.params.at("school_code");
    auto r = s->store.set_funded_counts(n.year, n.node->code, school, counts.value(), closed, n.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, n.caller.user_id, "lec.funded.counts", "school:" + school, {{"year", n.year}, {"lgo", n.node->code}});
    return written(s, r);
  });
}

// ------------------------------------------------------------------ counts, confirmations

Reply get_counts(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::view, std::nullopt, [&](const Node& n) -> Reply {
    const auto snap = s->store.snapshot(n.year);
    const auto& all = snap->counts;
    auto it = all.find(n.node->code);
    json j = domain::counts_json(it == all.end() ? domain::LevelCounts{} : it->second);
    j["org_code"] = n.node->code;
    return http::json_reply(Status::ok, j);
  });
}

Reply confirm(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::data_confirm, std::nullopt, [&](const Node& n) -> Reply {
    const bool on_behalf = domain::confirms_on_behalf(n.caller.grants, s->store.orgs(), n.node->code);
    auto r = s->store.confirm(n.year, n.node->code, n.caller.actor(), on_behalf);
    if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);
    const auto& c = std::get<Confirmation>(r);
    s->audit(rq, n.caller.user_id, "lec.confirm", "org:" + n.node->code, {{"year", n.year}, {"on_behalf", on_behalf}});
    return http::json_reply(Status::created,
                            {{"confirmed_at", c.confirmed_at}, {"confirmed_by", c.confirmed_by}, {"on_behalf", c.on_behalf}});
  });
}

Reply withdraw(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::data_confirm, std::nullopt, [&](const Node& n) -> Reply {
    auto r = s->store.withdraw(n.year, n.node->code, n.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, n.caller.user_id, "lec.withdraw", "org:" + n.node->code, {{"year", n.year}});
    return written(s, r);
  });
}

// ------------------------------------------------------------------ progress

Reply progress(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::view, std::nullopt, [&](const Node& n) -> Reply {
    const auto& orgs = s->store.orgs();
    const auto snap = s->store.snapshot(n.year);  // its revision is read first
    const auto today = s->today();
    const std::string key = n.node->code + " " + std::to_string(n.year) + " " + domain::to_iso(today);
    if (auto kept = s->progress_replies.find(key, snap->revision)) return http::ready_json_reply(*kept, rq.request);
    const auto& state = snap->state;
    const auto& confirmed = snap->confirmations;
    const auto& counts = snap->counts;
    const auto deadlines = s->store.round(n.year);
    const auto counts_of = [&](const std::string& code) {
      auto it = counts.find(code);
      return domain::counts_json(it == counts.end() ? domain::LevelCounts{} : it->second);
    };
    const auto deadline_of = [&](const domain::OrgNode& node) -> std::optional<domain::Date> {
      auto level = domain::round_level(node.kind);
      if (!level || !deadlines) return std::nullopt;
      return deadlines->of(*level);
    };
    const auto describe = [&](const domain::OrgNode& node) {
      auto c = confirmed.find(node.code);
      const auto st = domain::node_state(orgs, state, node.code);
      const auto d = deadline_of(node);
      json j = {{"code", node.code},
                {"name_th", node.name_th},
                {"kind", domain::to_string(node.kind)},
                {"confirmed", c != confirmed.end()},
                {"confirmed_at", c != confirmed.end() ? json(c->second.confirmed_at) : json()},
                {"confirmed_by", c != confirmed.end() ? json(c->second.confirmed_by) : json()},
                {"on_behalf", c != confirmed.end() && c->second.on_behalf},
                {"deadline", d ? json(domain::to_iso(*d)) : json()},
                {"days_left", d ? json(domain::days_left(*d, today)) : json()},
                {"state", domain::to_string(st)},
                {"counts", counts_of(node.code)}};
      const auto pit = snap->progress.find(node.code);
      const auto p = pit == snap->progress.end() ? domain::Progress{} : pit->second;
      j["done"] = p.done;
      j["total"] = p.total;
      json blocked = json::array();
      for (const auto& b : domain::blockers(orgs, state, node.code)) {
        const auto* bn = orgs.find(b);
        blocked.push_back({{"code", b}, {"name_th", bn ? bn->name_th : b}});
      }
      j["blocked_by"] = blocked;
      return j;
    };
    json out = describe(*n.node);
    out["org_code"] = n.node->code;
    out["year"] = n.year;
    json below = json::array();
    for (const auto& c : orgs.children(n.node->code))
      if (domain::takes_part(orgs, c)) below.push_back(describe(*orgs.find(c)));
    out["below"] = below;
    if (n.node->kind == domain::OrgKind::local_government) {
      json funded = json::array();
      for (const auto& f : s->store.funded_schools(n.year, n.node->code)) funded.push_back(funded_json(f));
      out["funded"] = funded;
    }
    auto ready = http::make_ready_json(out.dump());
    s->progress_replies.keep(key, snap->revision, ready);
    return http::ready_json_reply(*ready, rq.request);
  });
}

// ------------------------------------------------------------------ deadlines, reminders

Reply put_deadlines(const Services& s, const RequestContext& rq) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = domain::parse_academic_year(rq.params.at("year"));
  if (!year) return http::bad_request(year.error());
  const auto& orgs = s->store.orgs();
  bool allowed = false;
  for (const auto& root : domain::round_roots(orgs)) allowed = allowed || domain::may_confirm(caller.grants, orgs, root);
  if (!allowed) return forbidden(Permission::data_confirm);
  auto body = http::json_body(rq);
  if (!body) return http::bad_request(body.error());
  if (auto e = http::check_fields(body.value(), {{"institution", http::JsonType::text}, {"local_government", http::JsonType::text},
                                                 {"province", http::JsonType::text}, {"department", http::JsonType::text}}))
    return http::bad_request(*e);
  auto d = domain::parse_deadlines(body.value(), s->today());
  if (!d) return http::bad_request(d.error());
  s->store.open_round(year.value(), d.value(), caller.actor());
  s->audit(rq, caller.user_id, "lec.round.open", "year:" + std::to_string(year.value()), json::object());
  return http::json_reply(Status::ok, deadlines_json(year.value(), d.value(), s->today()));
}

Reply get_deadlines(const Services& s, const RequestContext& rq) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<Reply>(&year)) return std::move(*reply);
  return http::json_reply(Status::ok, deadlines_json(std::get<int>(year), *s->store.round(std::get<int>(year)), s->today()));
}

// One SMS to the confirmers of every node below `org` that has not confirmed.
Reply reminders(const Services& s, const RequestContext& rq) {
  return with_node(s, rq, Permission::data_confirm, std::nullopt, [&](const Node& n) -> Reply {
    const auto& orgs = s->store.orgs();
    const auto state = s->store.state(n.year);
    const auto deadlines = s->store.round(n.year);
    std::int64_t nodes = 0, sent = 0;
    std::function<void(const std::string&)> walk = [&](const std::string& code) {
      for (const auto& c : orgs.children(code)) {
        if (!domain::takes_part(orgs, c)) continue;
        walk(c);
        if (state.confirmed.contains(c)) continue;
        const auto* node = orgs.find(c);
        std::string text = "โปรดยืนยันข้อมูลเด็กปีการศึกษา " + std::to_string(n.year) + " ของ " + node->name_th;
        if (auto level = domain::round_level(node->kind); level && deadlines)
          text += " (" + domain::days_left_th(domain::days_left(deadlines->of(*level), s->today())) + ")";
        ++nodes;
        if (s->sms_holders) sent += s->sms_holders(c, Permission::data_confirm, text);
      }
    };
    walk(n.node->code);
    s->audit(rq, n.caller.user_id, "lec.reminders", "org:" + n.node->code, {{"year", n.year}, {"nodes", nodes}, {"sent", sent}});
    return http::json_reply(Status::ok, {{"sent", sent}, {"nodes", nodes}});
  });
}

}  // namespace

void add_round_routes(http::Router& router, const Services& s) {
  using http::Verb;
  router.add(Verb::get, "/api/v1/lec/{year}/funded-schools", http::permission("view", http::Scope::query, "org"), [s](const RequestContext& rq) { return get_funded(s, rq); });
  router.add(Verb::put, "/api/v1/lec/{year}/funded-schools", http::permission("children.edit", http::Scope::query, "org"), [s](const RequestContext& rq) { return put_funded(s, rq); });
  router.add(Verb::put, "/api/v1/lec/{year}/funded-schools/{school_code}/counts", http::permission("children.edit", http::Scope::query, "org"),
             [s](const RequestContext& rq) { return put_funded_counts(s, rq); });
  router.add(Verb::get, "/api/v1/lec/{year}/counts", http::permission("view", http::Scope::query, "org"), [s](const RequestContext& rq) { return get_counts(s, rq); });
  router.add(Verb::post, "/api/v1/lec/{year}/confirmations/{org_code}", http::permission("data.confirm", http::Scope::path, "org_code"), [s](const RequestContext& rq) { return confirm(s, rq); });
  router.add(Verb::delete_, "/api/v1/lec/{year}/confirmations/{org_code}", http::permission("data.confirm", http::Scope::path, "org_code"), [s](const RequestContext& rq) { return withdraw(s, rq); });
  router.add(Verb::get, "/api/v1/lec/{year}/progress", http::permission("view", http::Scope::query, "org"), [s](const RequestContext& rq) { return http::revalidated(progress(s, rq)); });
  router.add(Verb::put, "/api/v1/lec/{year}/deadlines", http::permission("data.confirm", http::Scope::root), [s](const RequestContext& rq) { return put_deadlines(s, rq); });
  router.add(Verb::get, "/api/v1/lec/{year}/deadlines", http::signed_in(http::Scope::none), [s](const RequestContext& rq) { return get_deadlines(s, rq); });
  router.add(Verb::post, "/api/v1/lec/{year}/reminders", http::permission("data.confirm", http::Scope::query, "org"), [s](const RequestContext& rq) { return reminders(s, rq); });
}

}  // namespace server::lec
