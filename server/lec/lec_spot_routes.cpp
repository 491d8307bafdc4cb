// Spot checks by a provincial office: POST/GET /api/v1/lec/{year}/spot-checks?org= and
// PUT /api/v1/lec/{year}/spot-checks/{id}/items/{item}.
#include <random>

#include "server/http/json_body.hpp"
#include "server/lec/lec_file_common.hpp"
#include "server/lec/lec_file_routes.hpp"
#include "server/lec/lec_file_store.hpp"

namespace server::lec {

namespace files {

namespace {

using FileStore = std::shared_ptr<LecFileStore>;

std::optional<std::int64_t> number_param(const RequestContext& rq, const char* key) {
  const auto& v = rq.params.at(key);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(v);
}

bool may_spot_check(const domain::OrgNode& n) {
  return n.kind == domain::OrgKind::province || n.kind == domain::OrgKind::department;
}
Reply not_an_office() {
  return http::bad_request({"spot_check_org", "org", "การสุ่มตรวจทำได้ที่สำนักงานจังหวัด (หรือกรม) เท่านั้น",
                            "Spot checks are drawn by a provincial office (or the department)"});
}

// The check with each sampled child as shown (ID masked). Reading the names is audited by the caller.
json check_json(const Services& s, const SpotCheck& c) {
  const auto& orgs = s->store.orgs();
  json items = json::array();
  std::int64_t done = 0;
  for (const auto& i : c.items) {
    const auto* inst = orgs.find(i.institution_code);
    json j{{"id", i.id},
           {"institution_code", i.institution_code},
           {"institution_name_th", inst ? inst->name_th : ""},
           {"child_id", i.child_id},
           {"found", i.found ? json(*i.found) : json(nullptr)},
           {"note", i.note},
           {"checked_by", i.checked_by},
           {"checked_at", i.checked_at}};
    if (auto r = s->store.child(c.year, i.child_id)) {
      j["id_masked"] = r->id_masked;
      j["title"] = r->title;
      j["first_name"] = r->first_name;
      j["last_name"] = r->last_name;
      j["level"] = domain::to_string(r->level);
      j["room"] = r->room;
      j["status"] = r->attending ? "attending" : "removed";
    }
    done += i.found.has_value();
    items.push_back(std::move(j));
  }
  return {{"id", c.id}, {"year", c.year}, {"org_code", c.org_code}, {"created_by", c.created_by},
          {"created_at", c.created_at}, {"checked", done}, {"total", c.items.size()}, {"items", items}};
}

Reply draw(const Services& s, const FileStore& fs, const RequestContext& rq) {
  return at_node(s, rq, {Permission::data_confirm}, [&](const AtNode& g) -> Reply {
    if (!may_spot_check(*g.node)) return not_an_office();
    auto body = rq.request.body().empty() ? domain::Checked<json>(json::object()) : http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"institutions", http::JsonType::integer}, {"children", http::JsonType::integer}}))
      return http::bad_request(*e);
    auto size = domain::parse_spot_check_size(body.value());
    if (!size) return http::bad_request(size.error());
    const auto& orgs = s->store.orgs();
    std::vector<domain::SamplePool> pool;
    for (auto& p : fs->attending_pool(g.year))
      if (orgs.is_within(p.institution_code, g.node->code)) pool.push_back(std::move(p));
    std::random_device rd;
    const std::uint64_t seed = (std::uint64_t{rd()} << 32) ^ rd();
    const auto sample = domain::draw_sample(pool, size.value().institutions, size.value().children, seed);
    if (sample.empty())
      return http::error_reply(Status::conflict, {"spot_check_empty", "org", "ยังไม่มีข้อมูลเด็กในหน่วยงานนี้ให้สุ่มตรวจ",
                                                  "There are no children recorded below this office to sample"});
    const auto id = fs->add_spot_check(g.year, g.node->code, seed, g.caller.actor(), sample);
    s->audit(rq, g.caller.user_id, "lec.spot_check.draw", "org:" + g.node->code, {{"year", g.year}, {"spot_check", id}});
    return http::json_reply(Status::created, check_json(s, *fs->spot_check(g.year, id)));
  });
}

Reply list(const Services& s, const FileStore& fs, const RequestContext& rq) {
  return at_node(s, rq, {Permission::view, Permission::data_confirm}, [&](const AtNode& g) -> Reply {
    json out = json::array();
    for (const auto& c : fs->spot_checks(g.year, g.node->code)) out.push_back(check_json(s, c));
    s->audit(rq, g.caller.user_id, "lec.spot_checks.read", "org:" + g.node->code, {{"year", g.year}, {"checks", out.size()}});
    return http::json_reply(Status::ok, out);
  });
}

Reply record(const Services& s, const FileStore& fs, const RequestContext& rq) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<Reply>(&year)) return std::move(*reply);
  const auto id = number_param(rq, "id");
  const auto item = number_param(rq, "item");
  const auto check = id ? fs->spot_check(std::get<int>(year), *id) : std::nullopt;
  const auto missing = [] {
    return http::error_reply(Status::not_found, {"spot_check_not_found", "id", "ไม่พบรายการสุ่มตรวจนี้", "No such spot check"});
  };
  if (!check || !item || !can(s, caller, Permission::view, check->org_code)) return missing();
  if (!can(s, caller, Permission::data_confirm, check->org_code)) return forbidden(Permission::data_confirm);
  auto body = http::json_body(rq);
  if (!body) return http::bad_request(body.error());
  if (auto e = http::check_fields(body.value(), {{"found", http::JsonType::boolean}, {"note", http::JsonType::text}}))
    return http::bad_request(*e);
  auto finding = domain::parse_spot_check_finding(body.value());
  if (!finding) return http::bad_request(finding.error());
  if (!fs->set_finding(check->id, *item, finding.value(), caller.actor())) return missing();
  s->audit(rq, caller.user_id, "lec.spot_check.record", "spot_check:" + std::to_string(check->id),
           {{"item", *item}, {"found", finding.value().found}});
  return http::json_reply(Status::ok, check_json(s, *fs->spot_check(check->year, check->id)));
}

}  // namespace

void add_spot_routes(http::Router& router, const Services& s) {
  auto fs = std::make_shared<LecFileStore>(*s->pool);
  router.add(http::Verb::post, "/api/v1/lec/{year}/spot-checks", http::permission("data.confirm", http::Scope::query, "org"), [s, fs](const RequestContext& rq) { return draw(s, fs, rq); });
  router.add(http::Verb::get, "/api/v1/lec/{year}/spot-checks", http::permission(std::vector<std::string>{"view", "data.confirm"}, http::Scope::query, "org"), [s, fs](const RequestContext& rq) { return list(s, fs, rq); });
  router.add(http::Verb::put, "/api/v1/lec/{year}/spot-checks/{id}/items/{item}", http::permission("data.confirm", http::Scope::object, "id"),
             [s, fs](const RequestContext& rq) { return record(s, fs, rq); });
}

}  // namespace files

}  // namespace server::lec
