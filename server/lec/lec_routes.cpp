// The register endpoints: list, add (and move in), edit, remove, restore, reveal one ID.
#include "server/lec/lec_routes.hpp"

#include <algorithm>

#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/path_params.hpp"
#include "shared/core/text.hpp"

namespace server::lec {

void add_round_routes(http::Router& router, const Services& s);   // lec_round_routes.cpp
void add_centre_routes(http::Router& router, const Services& s);  // centre_routes.cpp

namespace {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using nlohmann::json;

using Register = AtInstitution;


Reply no_child() {
  return http::error_reply(Status::not_found, {"child_not_found", "id", "ไม่พบข้อมูลเด็กรายนี้", "No such child"});
}

json child_json(const ChildRow& r) {
  return {{"id", r.id},
          {"id_kind", domain::to_string(r.id_kind)},
          {"id_masked", r.id_masked},
          {"title", r.title},
          {"first_name", r.first_name},
          {"last_name", r.last_name},
          {"sex", domain::to_string(r.sex)},
          {"birth_date", domain::to_iso(r.birth_date)},
          {"level", domain::to_string(r.level)},
          {"room", r.room},
          {"status", r.attending ? "attending" : "removed"},
          {"removed_reason", r.removed_reason},
          {"removed_note", r.removed_note},
          {"updated_at", r.updated_at}};
}

Reply written(const Services& s, const Result<WriteResult>& r, Status ok) {
  if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);
  const auto& w = std::get<WriteResult>(r);
  send_notices(s, w.notices);
  return http::json_reply(ok, {{"id", w.id}, {"voided", voided_json(w.voided)}});
}

Reply list(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::view, [&](const Register& g) -> Reply {
    ChildFilter filter;
    if (auto st = rq.query.get("status")) {
      if (!*st) return http::error_reply(Status::bad_request, st->error());
      const auto& v = st->value();
      if (v == "attending") filter.attending = true;
      else if (v == "removed") filter.attending = false;
      else if (!v.empty())
        return http::error_reply(Status::bad_request, {"status_unknown", "status", "สถานะต้องเป็น attending หรือ removed",
                                                       "The status must be attending or removed"});
    }
    if (auto q = rq.query.get("q")) {
      if (!*q) return http::error_reply(Status::bad_request, q->error());
      filter.q = domain::trim(q->value());
    }
    const auto rows = s->store.children(g.year, g.institution->code, filter);
    json out = json::array();
    for (const auto& r : rows) out.push_back(child_json(r));
    // Every read of the register is recorded; the search text may be an ID: only whether one was given.
    s->audit(rq, g.caller.user_id, "lec.children.read", "institution:" + g.institution->code,
             {{"year", g.year}, {"rows", rows.size()}, {"searched", !filter.q.empty()}});
    return http::json_reply(Status::ok, out);
  });
}

Reply add(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const Register& g) -> Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    // The child's own fields are typed by parse_child (shared with the import).
    if (auto e = http::check_fields(body.value(), {{"move_in", http::JsonType::boolean}})) return http::bad_request(*e);
    const auto type = domain::institution_type_from_name(g.institution->name_th);
    auto child = domain::parse_child(body.value(), g.year, s->today(), type);
    if (!child) return http::bad_request(child.error());
    const bool move_in = http::bool_field(body.value(), "move_in", false).value();
    auto r = s->store.add_child(g.year, g.institution->code, child.value(), move_in, g.caller.actor());
    auto reply = written(s, r, Status::created);
    if (auto* w = std::get_if<WriteResult>(&r)) {
      s->audit(rq, g.caller.user_id, "lec.child.add", "child:" + std::to_string(w->id),
               {{"year", g.year}, {"institution", g.institution->code}, {"move_in", move_in}});
      // The institution the child left hears of it (in the client from the store, and by SMS).
      if (!w->moved_from.empty() && s->sms_holders) s->sms_holders(w->moved_from, Permission::children_edit, w->moved_text);
    }
    return reply;
  });
}

Reply edit(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const Register& g) -> Reply {
    auto id = http::id_param(rq);
    if (!id) return no_child();
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    // Left out, the ID stays as it is: the client holds only its mask, and an edit of a name
    // should not have to unseal an ID into anyone's hands.
    auto& b = body.value();
    if (b.is_object() && (!b.contains("id_number") || b["id_number"].is_null() || b["id_number"] == "")) {
      const auto row = s->store.child(g.year, *id);
      const auto kept = row && row->institution_code == g.institution->code ? s->store.reveal(g.year, *id) : std::nullopt;
      if (!kept) return no_child();
      b["id_number"] = kept->value();
    }
    const auto type = domain::institution_type_from_name(g.institution->name_th);
    auto child = domain::parse_child(b, g.year, s->today(), type);
    if (!child) return http::bad_request(child.error());
    auto r = s->store.edit_child(g.year, g.institution->code, *id, child.value(), g.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, g.caller.user_id, "lec.child.edit", "child:" + std::to_string(*id),
               {{"year", g.year}, {"institution", g.institution->code}});
    return written(s, r, Status::ok);
  });
}

Reply remove_one(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const Register& g) -> Reply {
    auto id = http::id_param(rq);
    if (!id) return no_child();
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"reason", http::JsonType::text}, {"note", http::JsonType::text}}))
      return http::bad_request(*e);
    auto removal = domain::parse_removal(body.value());
    if (!removal) return http::bad_request(removal.error());
    auto r = s->store.remove_child(g.year, g.institution->code, *id, removal.value(), g.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, g.caller.user_id, "lec.child.remove", "child:" + std::to_string(*id),
               {{"year", g.year}, {"institution", g.institution->code}, {"reason", domain::to_string(removal.value().reason)}});
    return written(s, r, Status::ok);
  });
}

Reply restore(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const Register& g) -> Reply {
    auto id = http::id_param(rq);
    if (!id) return no_child();
    auto r = s->store.restore_child(g.year, g.institution->code, *id, g.caller.actor());
    if (std::holds_alternative<WriteResult>(r))
      s->audit(rq, g.caller.user_id, "lec.child.restore", "child:" + std::to_string(*id),
               {{"year", g.year}, {"institution", g.institution->code}});
    return written(s, r, Status::ok);
  });
}

// One full ID, to the institution's own editors only (a grant on the institution itself,
// not one above it), and recorded.
Reply reveal(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const Register& g) -> Reply {
    const bool own = std::any_of(g.caller.grants.begin(), g.caller.grants.end(), [&](const domain::Grant& gr) {
      return gr.permission == Permission::children_edit && gr.org_code == g.institution->code;
    });
    if (!own) return forbidden(Permission::children_edit);
    auto id = http::id_param(rq);
    if (!id) return no_child();
    auto row = s->store.child(g.year, *id);
    if (!row || row->institution_code != g.institution->code) return no_child();
    auto plain = s->store.reveal(g.year, *id);
    if (!plain) return no_child();
    s->audit(rq, g.caller.user_id, "lec.child.reveal", "child:" + std::to_string(*id),
             {{"year", g.year}, {"institution", g.institution->code}, {"id_masked", row->id_masked}});
    return http::json_reply(Status::ok, {{"id", *id}, {"id_number", plain->value()}, {"id_masked", row->id_masked}});
  });
}

}  // namespace

void add_lec_routes(http::Router& router, std::shared_ptr<LecServices> services) {
  const Services s = std::move(services);
  const std::string base = "/api/v1/lec/{year}/institutions/{code}/children";
  router.add(http::Verb::get, base, http::permission("view", http::Scope::path, "code"), [s](const RequestContext& rq) { return list(s, rq); });
  router.add(http::Verb::post, base, http::permission("children.edit", http::Scope::path, "code"), [s](const RequestContext& rq) { return add(s, rq); });
  router.add(http::Verb::put, base + "/{id}", http::permission("children.edit", http::Scope::path, "code"), [s](const RequestContext& rq) { return edit(s, rq); });
  router.add(http::Verb::post, base + "/{id}/remove", http::permission("children.edit", http::Scope::path, "code"), [s](const RequestContext& rq) { return remove_one(s, rq); });
  router.add(http::Verb::post, base + "/{id}/restore", http::permission("children.edit", http::Scope::path, "code"), [s](const RequestContext& rq) { return restore(s, rq); });
  router.add(http::Verb::post, base + "/{id}/reveal", http::permission("children.edit", http::Scope::exact, "code"), [s](const RequestContext& rq) { return reveal(s, rq); });
  add_round_routes(router, s);
  add_centre_routes(router, s);
}

}  // namespace server::lec
