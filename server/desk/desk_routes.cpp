#include "server/desk/desk_routes.hpp"

#include <algorithm>
#include <set>

#include "server/accounts/account_store.hpp"
#include "server/http/api_replies.hpp"
#include "server/http/errors.hpp"
#include "shared/desk/desk.hpp"
#include "shared/lec/level.hpp"

namespace server::desk {

namespace {

using domain::DeskEntry;
using domain::DeskKind;
using domain::Permission;

struct Work {
  const DeskSources& s;
  const auth::Principal& p;
  domain::Date today;

  bool can(Permission perm, std::string_view org) const { return s.guard.allowed(p, perm, org); }

  std::int64_t registrations() const {
    registrations::QueueFilter f;
    f.status = domain::RegistrationStatus::under_review;
    std::int64_t n = 0;
    for (const auto& r : s.registrations->queue(f))
      if (can(Permission::registrations_review, r.institution_code)) ++n;
    return n;
  }

  std::int64_t access_requests() const {
    auto db = s.accounts.acquire();
    const auto pending = accounts::access_requests_with_status(*db, "pending");
    return std::count_if(pending.begin(), pending.end(),
                         [&](const auto& r) { return can(Permission::users_manage, r.school_code); });
  }

  // Reports waiting for review of the KPIs of the offices the user reviews (as /kpi/queue).
  std::int64_t kpi_reviews() const {
    std::vector<std::int64_t> ids;
    for (const auto& k : s.kpi->store.list(domain::fiscal_year_of(today)))
      if (can(Permission::report_review, k.office_code)) ids.push_back(k.id);
    return static_cast<std::int64_t>(s.kpi->store.review_queue(ids).size());
  }

  // Reports of the user's units still to send in the periods open now.
  DeskEntry kpi_reports() const {
    const int year = domain::fiscal_year_of(today);
    std::int64_t n = 0;
    std::vector<std::int64_t> days;
    for (const auto& k : s.kpi->store.list(year))
      for (const auto& period : domain::periods_of(k.definition.cadence)) {
        if (!k.definition.is_open(period)) continue;
        for (const auto& u : s.kpi->store.unit_reports(k.id, period))
          if (domain::unit_must_send(u.status) && can(Permission::report_submit, u.unit_code)) {
            ++n;
            days.push_back(domain::period_days_left(period, year, today));
          }
      }
    return {DeskKind::kpi_report, n, domain::nearest_closing(days)};
  }

  // Nodes of the user's subtrees not yet confirmed in this academic year's round, and the
  // days left to the deadline of the user's own level.
  DeskEntry lec_confirmations() const {
    DeskEntry e{DeskKind::lec_confirm, 0, std::nullopt};
    const int year = domain::academic_year_of(today);
    const auto deadlines = s.lec->store.round(year);
    if (!deadlines) return e;  // no round open: nothing to confirm
    const auto& orgs = s.guard.orgs();
    std::set<std::string> nodes;
    for (const auto& g : p.grants)
      if ((g.permission == Permission::children_edit || g.permission == Permission::data_confirm) &&
          domain::takes_part(orgs, g.org_code))
        nodes.insert(g.org_code);
    const auto snap = s.lec->store.snapshot(year);
    std::vector<std::int64_t> days;
    for (const auto& code : nodes) {
      // A node inside another granted node is counted with it.
      if (std::any_of(nodes.begin(), nodes.end(), [&](const auto& o) { return o != code && orgs.is_within(code, o); }))
        continue;
      if (auto it = snap->progress.find(code); it != snap->progress.end()) *e.count += it->second.total - it->second.done;
      const auto* node = orgs.find(code);
      if (auto level = node ? domain::round_level(node->kind) : std::nullopt)
        days.push_back(domain::days_left(deadlines->of(*level), today));
    }
    e.days_left = domain::nearest_closing(days);
    return e;
  }

  DeskEntry entry(DeskKind kind) const {
    switch (kind) {
      case DeskKind::registrations_review: return {kind, registrations(), std::nullopt};
      case DeskKind::access_requests: return {kind, access_requests(), std::nullopt};
      case DeskKind::kpi_review: return {kind, kpi_reviews(), std::nullopt};
      case DeskKind::kpi_report: return kpi_reports();
      case DeskKind::lec_confirm: return lec_confirmations();
      default: return {kind, std::nullopt, std::nullopt};
    }
  }
};

}  // namespace

void add_desk_routes(http::Router& router, std::shared_ptr<DeskSources> sources) {
  router.add(http::Verb::get, "/api/v1/me/desk", http::signed_in(http::Scope::subtree),
             [s = std::move(sources)](const http::RequestContext& rq) -> http::Reply {
               auto who = s->guard.require_user(rq);
               if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
               const auto& p = std::get<auth::Principal>(who);
               const Work work{*s, p, s->today()};
               std::vector<DeskEntry> entries;
               for (auto kind : domain::desk_for(p.grants)) entries.push_back(work.entry(kind));
               return http::revalidated(http::json_reply(http::Status::ok, domain::desk_json(entries)));
             });
}

}  // namespace server::desk
