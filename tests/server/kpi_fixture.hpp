#pragma once
// The KPI endpoints through the real router, store and SQLite file, with callers given
// directly (the accounts Guard is the boundary: its own tests cover sign-in): the test
// fixture shared by kpi_routes_test and kpi_body_types_test.
#include <catch2/catch.hpp>

#include "server/http/errors.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "server/notifications/notification_store.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/file_fixtures.hpp"
#include "tests/server/server_process.hpp"

namespace kpi_fixture {

using namespace server;
using nlohmann::json;
using domain::Permission;

inline const std::string kArea = "1040000001", kOtherArea = "1040000002";
inline const std::string kSchool1 = "1040010001", kSchool2 = "1040010002", kSchool3 = "1010720001",
                  kSchool4 = "1040010003", kOtherSchool = "1040020001";

inline domain::OrgTree tree() {
  std::vector<domain::OrgRow> rows = {
      {"0000000000", "", "centre", "ส่วนกลาง"},
      {kArea, "0000000000", "area_office", "สพป.ขอนแก่น เขต 1"},
      {kOtherArea, "0000000000", "area_office", "สพป.ขอนแก่น เขต 2"},
      {kSchool1, kArea, "institution", "โรงเรียนบ้านหนึ่ง"},
      {kSchool2, kArea, "institution", "โรงเรียนบ้านสอง"},
      {kSchool3, kArea, "institution", "โรงเรียนบ้านสาม"},
      {kSchool4, kArea, "institution", "โรงเรียนบ้านสี่"},
      {kOtherSchool, kOtherArea, "institution", "โรงเรียนเขตสอง"},
  };
  return domain::OrgTree::build(rows).value();
}

struct Response {
  unsigned status;
  std::string body;
  std::string content_type;
  json j() const { return json::parse(body, nullptr, false); }
  std::string code() const { return j()["error"]["code"].get<std::string>(); }
  std::string field() const { return j()["error"]["field"].is_string() ? j()["error"]["field"].get<std::string>() : ""; }
};

struct Api {
  test_server::TempDir dir;
  domain::OrgTree orgs = tree();
  std::map<std::string, kpi::Caller> users;
  http::Router router;
  std::shared_ptr<storage::ConnectionPool> pool;

  Api() {
    pool = std::make_shared<storage::ConnectionPool>(dir / "kpi.db");
    {
      auto db = pool->acquire();
      storage::migrate(*db);
    }
    auto s = std::make_shared<kpi::KpiServices>(pool);
    s->identify = [this](const http::RequestContext& rq) -> std::variant<kpi::Caller, http::Reply> {
      const auto it = users.find(std::string(rq.request["X-Test-User"]));
      if (it == users.end()) return http::error_reply(http::Status::unauthorized, {"not_signed_in", "", "th", "en"});
      return it->second;
    };
    s->orgs = [this]() -> const domain::OrgTree& { return orgs; };
    s->files_dir = dir / "files";
    s->file_keys = std::make_shared<storage::FileKeys>(test_server::test_key());
    kpi::add_kpi_routes(router, s);
    const auto user = [&](std::string name, std::string org, std::vector<Permission> perms) {
      kpi::Caller c{static_cast<std::int64_t>(users.size() + 1), name, org, {}};
      for (auto p : perms) c.grants.push_back({p, org});
      users[name] = c;
    };
    user("area.kpi", kArea, {Permission::kpi_manage, Permission::view});
    user("area.reviewer", kArea, {Permission::report_review, Permission::view});
    user("other.kpi", kOtherArea, {Permission::kpi_manage, Permission::view});
    user("other.reviewer", kOtherArea, {Permission::report_review, Permission::view});
    user(kSchool1, kSchool1, {Permission::report_submit, Permission::view});
    user(kSchool2, kSchool2, {Permission::report_submit, Permission::view});
    user(kOtherSchool, kOtherSchool, {Permission::report_submit, Permission::view});
  }

  Response call(http::Verb verb, const std::string& target, const std::string& user, const std::string& body = "",
                const std::string& content_type = "application/json") {
    http::Request req{verb, target, 11};
    if (!user.empty()) req.set("X-Test-User", user);
    req.set(http::beast::http::field::content_type, content_type);
    req.body() = body;
    req.prepare_payload();
    const auto t = http::split_target(target);
    const std::string path(t.raw_path);
    const http::Query query(t.raw_query);
    http::RequestContext ctx{req, path, query, {}};
    auto reply = router.dispatch(ctx);
    // A ready live view (the summary) is a shared body; everything else a string.
    if (auto* ready = std::get_if<http::SharedResponse>(&reply))
      return {static_cast<unsigned>(ready->result_int()), std::string(ready->body().data(), ready->body().size()),
              std::string((*ready)[http::beast::http::field::content_type])};
    auto& res = std::get<http::StringResponse>(reply);
    return {static_cast<unsigned>(res.result_int()), res.body(), std::string(res[http::beast::http::field::content_type])};
  }
  Response get(const std::string& t, const std::string& u) { return call(http::Verb::get, t, u); }
  // Notifications addressed to `org` (GET /api/v1/notifications is the Guard's: kpi_api_test).
  std::size_t notifications_to(const std::string& org) { return notifications::list(*pool->acquire(), {org}, 50).size(); }
  Response post(const std::string& t, const std::string& u, const json& b) { return call(http::Verb::post, t, u, b.dump()); }
  Response put(const std::string& t, const std::string& u, const json& b) { return call(http::Verb::put, t, u, b.dump()); }
  Response del(const std::string& t, const std::string& u) { return call(http::Verb::delete_, t, u); }

  std::string upload(const std::string& user, const std::string& name, const std::string& bytes) {
    const std::string boundary = "----kpitest";
    const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                             "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    auto r = call(http::Verb::post, "/api/v1/files", user, body, "multipart/form-data; boundary=" + boundary);
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.j()["file_id"].get<std::string>();
  }
};

inline const std::string kJpeg = test_server::tiny_jpeg();
inline const std::string kPdf = test_server::tiny_pdf("evidence");

inline json half_year(const std::string& number = "1") {
  return {{"year", 2567},       {"number", number},          {"name", "ระดับความสำเร็จในการบริหารจัดการ"},
          {"type", "score_1_5"}, {"criteria", {2, 3, 4, 5}}, {"owner_group", "กลุ่มนโยบายและแผน"},
          {"cadence", "half_year"}, {"open_periods", {"h1", "h2"}}, {"status", "open"}};
}

inline std::string report_path(std::int64_t id, const std::string& period, const std::string& unit) {
  return "/api/v1/kpi/" + std::to_string(id) + "/periods/" + period + "/reports/" + unit;
}

// A KPI with three schools assigned in h1; returns its id.
inline std::int64_t set_up(Api& api) {
  auto created = api.post("/api/v1/kpi", "area.kpi", half_year());
  INFO(created.body);
  REQUIRE(created.status == 201);
  const auto id = created.j()["id"].get<std::int64_t>();
  auto assigned = api.put("/api/v1/kpi/" + std::to_string(id) + "/periods/h1/units", "area.kpi",
                          {{"unit_codes", {kSchool1, kSchool2, kSchool3}}});
  INFO(assigned.body);
  REQUIRE(assigned.status == 200);
  CHECK(assigned.j()["total"] == 3);
  return id;
}


}  // namespace kpi_fixture
