#include "server/audit/audit_routes.hpp"

#include <algorithm>
#include <variant>

#include "server/http/errors.hpp"
#include "server/kpi/table_export.hpp"
#include "shared/audit/audit_filter.hpp"

namespace server::audit {

namespace {

using http::Reply;
using http::RequestContext;
using nlohmann::json;

// An export holds at most this many entries (newest first); page with before_id for more.
constexpr int export_max = 10000;

json entry_json(const auth::AuditEntry& e) {
  json actor = nullptr;
  if (e.event.actor_user_id) actor = {{"user_id", *e.event.actor_user_id}, {"username", e.actor_username}};
  return {{"id", e.id},
          {"at", e.at},
          {"actor", actor},
          {"action", e.event.action},
          {"target", e.event.target},
          {"org_code", e.event.org_code},
          {"client_address", e.event.client_address},
          {"detail", e.event.detail}};
}

kpi::Table entry_table(const std::vector<auth::AuditEntry>& entries) {
  kpi::Table t{"audit",
               {"id", "เวลา (UTC) / at", "รหัสผู้ใช้ / user id", "ชื่อผู้ใช้ / username", "การกระทำ / action",
                "เป้าหมาย / target", "หน่วยงาน / organisation", "ที่อยู่เครื่อง / client address", "รายละเอียด / detail"},
               {}};
  for (const auto& e : entries)
    t.rows.push_back({static_cast<double>(e.id), e.at,
                      e.event.actor_user_id ? kpi::Cell(static_cast<double>(*e.event.actor_user_id)) : kpi::Cell(),
                      e.actor_username, e.event.action, e.event.target, e.event.org_code, e.event.client_address,
                      e.event.detail.dump()});
  return t;
}

}  // namespace

void add_audit_routes(http::Router& router, auth::Guard& guard, auth::AuditLog& log) {
  // The caller's filtered query, or the reply refusing it (401, 403 forbidden, 400 naming the field).
  auto prepare = [&guard](const RequestContext& rq, bool exporting,
                          std::int64_t& actor) -> std::variant<auth::AuditQuery, Reply> {
    auto who = guard.require_user(rq);
    if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
    const auto& p = std::get<auth::Principal>(who);
    actor = p.user_id;
    domain::AuditFilterInput in;
    const std::pair<const char*, std::string*> fields[] = {{"person", &in.person}, {"action", &in.action},
                                                           {"from", &in.from},     {"to", &in.to},
                                                           {"before_id", &in.before_id}, {"limit", &in.limit}};
    for (auto [name, value] : fields) {
      auto v = rq.query.get(name);
      if (!v) continue;
      if (!*v) return http::bad_request(v->error());
      *value = v->value();
    }
    auto f = domain::parse_audit_filter(in);
    if (!f) return http::bad_request(f.error());
    auth::AuditQuery q;
    q.orgs = domain::audit_scope(p.grants, guard.orgs());
    q.person = f.value().person;
    q.action = f.value().action;
    if (f.value().from) q.from = domain::thai_day_start_utc(*f.value().from);
    if (f.value().to) q.to = domain::thai_day_start_utc(domain::next_day(*f.value().to));
    q.before_id = f.value().before_id;
    q.limit = exporting && in.limit.empty() ? export_max : f.value().limit;
    return q;
  };
  // Never the filter values themselves (a person's username): which filters were used.
  auto read_detail = [](const auth::AuditQuery& q, std::size_t count) {
    return json{{"count", count}, {"person", !q.person.empty()}, {"action", q.action},
                {"dates", !q.from.empty() || !q.to.empty()}, {"before_id", q.before_id}};
  };

  router.add(http::Verb::get, "/api/v1/audit",
             http::permission(std::string(domain::to_string(domain::audit_permission)), http::Scope::subtree), [&log, prepare, read_detail](const RequestContext& rq) -> Reply {
    std::int64_t actor = 0;
    auto q = prepare(rq, false, actor);
    if (auto* reply = std::get_if<Reply>(&q)) return std::move(*reply);
    const auto& query = std::get<auth::AuditQuery>(q);
    const auto entries = log.find(query);
    json list = json::array();
    for (const auto& e : entries) list.push_back(entry_json(e));
    log.record({actor, "audit.read", "audit", rq.client_address, read_detail(query, entries.size())});
    const bool more = static_cast<int>(entries.size()) == query.limit;
    return http::json_reply(http::Status::ok,
                            {{"entries", list}, {"next_before_id", more ? json(entries.back().id) : json(nullptr)}});
  });

  router.add(http::Verb::get, "/api/v1/audit/export.csv",
             http::permission(std::string(domain::to_string(domain::audit_permission)), http::Scope::subtree), [&log, prepare, read_detail](const RequestContext& rq) -> Reply {
    std::int64_t actor = 0;
    auto q = prepare(rq, true, actor);
    if (auto* reply = std::get_if<Reply>(&q)) return std::move(*reply);
    const auto& query = std::get<auth::AuditQuery>(q);
    const auto entries = log.find(query);
    log.record({actor, "audit.export", "audit", rq.client_address, read_detail(query, entries.size())});
    http::StringResponse res{http::Status::ok, 11};
    res.set(http::beast::http::field::content_type, "text/csv; charset=utf-8");
    res.set(http::beast::http::field::cache_control, "private, no-store");
    res.set(http::beast::http::field::content_disposition, "attachment; filename=\"audit.csv\"");
    res.body() = kpi::to_csv(entry_table(entries));
    res.prepare_payload();
    return res;
  }).slow();
}

}  // namespace server::audit
