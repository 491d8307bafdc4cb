// The client's infrastructure without a window: replies decoded into the api.md error,
// multipart bodies, header blocks, the native cookie jar, CSRF and bearer headers, the
// signed-in user, hash routes and which screen a route shows.
#include <catch2/catch.hpp>

#include "tests/client/fake_platform.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/app/session.hpp"

namespace {
std::string header(const platform::Headers& h, const std::string& name) {
  for (const auto& [k, v] : h)
    if (k == name) return v;
  return "<none>";
}
}  // namespace

TEST_CASE("an api.md error body becomes a FieldError for the field it names", "[api]") {
  auto r = api::decode_reply({400,
                              R"({"error":{"code":"phone_landline","message_th":"เบอร์บ้าน",
                                 "message_en":"Landline","field":"officer.phone"}})",
                              {}});
  CHECK_FALSE(r.ok());
  REQUIRE(r.error);
  CHECK(r.error->code == "phone_landline");
  CHECK(r.error->field == "officer.phone");
  CHECK(r.error->message_th == "เบอร์บ้าน");
  CHECK(r.code() == "phone_landline");

  auto none = api::decode_reply({401, R"({"error":{"code":"not_signed_in","message_th":"ก","message_en":"a","field":null}})", {}});
  REQUIRE(none.error);
  CHECK(none.error->field.empty());
}

TEST_CASE("no answer, a foreign error page and 429 all get a message to show", "[api]") {
  auto down = api::decode_reply({0, "", {}});
  REQUIRE(down.error);
  CHECK(down.error->code == "network");
  CHECK_FALSE(down.error->message_th.empty());
  CHECK_FALSE(down.error->message_en.empty());

  auto proxy = api::decode_reply({502, "<html>Bad Gateway</html>", {}});
  REQUIRE(proxy.error);
  CHECK(proxy.error->code == "unexpected_reply");
  CHECK(proxy.error->message_en.find("502") != std::string::npos);
  CHECK(proxy.body.is_null());

  auto slow = api::decode_reply(
      {429, R"({"error":{"code":"rate_limited","message_th":"รอ","message_en":"Wait","field":null}})",
       {{"retry-after", "42"}}});
  CHECK(slow.retry_after == 42);
  CHECK(slow.code() == "rate_limited");

  auto fine = api::decode_reply({200, R"({"a":1})", {}});
  CHECK(fine.ok());
  CHECK_FALSE(fine.error);
  CHECK(fine.body["a"] == 1);
}

TEST_CASE("Retry-After and header blocks are read", "[api]") {
  CHECK(api::parse_retry_after("") == 0);
  CHECK(api::parse_retry_after(" 120 ") == 120);
  CHECK(api::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 60);
  auto h = api::parse_header_block("Content-Type: application/json\r\nRetry-After:  5\r\nX-Odd\r\n");
  REQUIRE(h.size() == 2);
  CHECK(h[0].first == "content-type");
  CHECK(h[1] == std::pair<std::string, std::string>("retry-after", "5"));
  platform::HttpResponse r{200, "", h};
  CHECK(r.header("retry-after") == "5");
  CHECK(r.header("missing").empty());
}

TEST_CASE("multipart/form-data bodies are framed exactly", "[api][multipart]") {
  std::vector<api::FormPart> parts = {
      {"username", "1040010001", "", ""},
      {"file", std::string("%PDF-1.4\r\n\0binary", 18), "ใบแต่งตั้ง.pdf", "application/pdf"},
  };
  std::string body = api::encode_multipart(parts, "XyZ");
  CHECK(body ==
        "--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n1040010001\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ใบแต่งตั้ง.pdf\"\r\n"
        "Content-Type: application/pdf\r\n\r\n" + std::string("%PDF-1.4\r\n\0binary", 18) + "\r\n"
        "--XyZ--\r\n");
  // A quote in a name cannot end the header early.
  CHECK(api::encode_multipart({{"a\"b", "v", "x\".pdf", ""}}, "B").find("name=\"a%22b\"; filename=\"x%22.pdf\"") !=
        std::string::npos);
  // The boundary never occurs in the content.
  std::string b1 = api::pick_boundary({});
  std::string b2 = api::pick_boundary({{"f", "..." + b1 + "...", "", ""}});
  CHECK(b1 != b2);
  CHECK(api::content_type_for("SCAN.JPG") == "image/jpeg");
  CHECK(api::content_type_for("letter.pdf") == "application/pdf");
  CHECK(api::content_type_for("noext") == "application/octet-stream");
}

TEST_CASE("the cookie jar keeps, replaces and deletes cookies", "[api][cookies]") {
  api::CookieJar jar;
  CHECK(jar.header().empty());
  jar.store("__Host-session=abc123; Path=/; Secure; HttpOnly; SameSite=Strict");
  jar.store("lang=th");
  CHECK(jar.header() == "__Host-session=abc123; lang=th");
  jar.store("__Host-session=def456; Path=/; Max-Age=1800");
  CHECK(jar.get("__Host-session") == "def456");
  jar.store("__Host-session=; Path=/; Max-Age=0");
  CHECK_FALSE(jar.get("__Host-session"));
  jar.store("lang=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  CHECK(jar.header().empty());
  jar.store("garbage");
  CHECK(jar.header().empty());
}

TEST_CASE("state changes carry the CSRF token once there is one; a bearer when asked", "[api]") {
  fake_platform::requests.clear();
  api::Client client;
  client.post("/api/v1/otp", {{"phone", "0812345678"}}, {});
  REQUIRE(fake_platform::requests.size() == 1);
  auto& first = fake_platform::requests[0].http;
  CHECK(first.method == "POST");
  CHECK(header(first.headers, "X-CSRF-Token") == "<none>");
  CHECK(header(first.headers, "Content-Type") == "application/json");
  CHECK(nlohmann::json::parse(first.body)["phone"] == "0812345678");

  client.set_csrf_token("tok");
  client.get("/api/v1/me", {});
  client.del("/api/v1/x", {});
  client.send({"PUT", "/api/v1/y", nlohmann::json{{"a", 1}}, "reg-token"}, {});
  CHECK(header(fake_platform::requests[1].http.headers, "X-CSRF-Token") == "<none>");  // a GET
  CHECK(header(fake_platform::requests[2].http.headers, "X-CSRF-Token") == "tok");
  CHECK(fake_platform::requests[2].http.method == "DELETE");
  CHECK(header(fake_platform::requests[3].http.headers, "Authorization") == "Bearer reg-token");

  client.upload("/api/v1/files", {{"file", "abc", "a.jpg", ""}}, {});
  auto& up = fake_platform::requests[4].http;
  std::string type = header(up.headers, "Content-Type");
  REQUIRE(type.rfind("multipart/form-data; boundary=", 0) == 0);
  CHECK(up.body.find("Content-Type: image/jpeg") != std::string::npos);
  CHECK(up.body.find(type.substr(30)) != std::string::npos);
  CHECK(header(up.headers, "X-CSRF-Token") == "tok");
}

TEST_CASE("replies reach the observer, then the screen; a Pending drops stale ones", "[api]") {
  fake_platform::requests.clear();
  api::Client client;
  std::vector<int> seen;
  client.observer = [&](const api::Reply& r) { seen.push_back(r.status); };
  api::Pending pending;
  int delivered = 0;
  client.get("/a", pending.guard([&](const api::Reply&) { ++delivered; }));
  pending.reset();
  client.get("/b", pending.guard([&](const api::Reply&) { ++delivered; }));
  fake_platform::answer(0, 200, "{}");
  fake_platform::answer(1, 200, "{}");
  CHECK(seen == std::vector<int>{200, 200});
  CHECK(delivered == 1);
}

TEST_CASE("form errors sit under their field, the rest goes to the form", "[api]") {
  api::FormErrors errors;
  errors.set({"phone_landline", "phone", "ก", "a"});
  errors.set({"rate_limited", "", "ข", "b"});
  REQUIRE(errors.of("phone"));
  CHECK(errors.of("phone")->code == "phone_landline");
  CHECK(errors.general({"phone"})->code == "rate_limited");
  errors.check("phone", std::nullopt);
  CHECK_FALSE(errors.of("phone"));
  errors.check("password", domain::FieldError{"password_too_short", "x", "", ""});
  CHECK(errors.of("password")->field == "password");
}

TEST_CASE("hash routes parse into decoded segments and a query, and back", "[route]") {
  auto r = app::parse_route("#/activate/AbC-123_x?next=%23%2Fkpi&lang=en");
  CHECK(r.segments == std::vector<std::string>{"activate", "AbC-123_x"});
  CHECK(r.get("next") == "#/kpi");
  CHECK(r.get("lang") == "en");
  CHECK(r.get("none").empty());
  CHECK(app::parse_route("").segments.empty());
  CHECK(app::parse_route("#/").segments.empty());
  CHECK(app::parse_route("#").segments.empty());
  CHECK(app::parse_route("#signin").segments == std::vector<std::string>{"signin"});
  CHECK(app::parse_route("#//review//registrations/").segments ==
        std::vector<std::string>{"review", "registrations"});
  CHECK(app::parse_route("#/q/%E0%B8%81").segments[1] == "ก");
  CHECK(app::route_string({"signin"}, {{"next", "#/admin/users"}}) == "#/signin?next=%23%2Fadmin%2Fusers");
  CHECK(app::parse_route(app::route_string({"a b", "ก"})).segments == std::vector<std::string>{"a b", "ก"});
}

namespace {
struct Named : app::Screen {
  void draw(app::Context&) override {}
};
}  // namespace

TEST_CASE("the longest registered prefix shows; the rest of the route are its params", "[route]") {
  app::Screens screens;
  screens.add("", std::make_unique<Named>());
  screens.add("activate", std::make_unique<Named>());
  screens.add("review", std::make_unique<Named>());
  screens.add("review/registrations", std::make_unique<Named>(), app::Access::user());

  auto home = app::parse_route("#/");
  REQUIRE(screens.match(home));
  CHECK(screens.match(home)->prefix.empty());

  auto activate = app::parse_route("#/activate/tok123");
  auto* e = screens.match(activate);
  REQUIRE(e);
  CHECK(e->prefix == std::vector<std::string>{"activate"});
  CHECK(activate.param(0) == "tok123");
  CHECK(activate.param(1).empty());

  auto review = app::parse_route("#/review/registrations/17");
  e = screens.match(review);
  REQUIRE(e);
  CHECK(e->prefix.size() == 2);
  CHECK(e->access.signed_in);
  CHECK(review.params == std::vector<std::string>{"17"});

  auto unknown = app::parse_route("#/nowhere");
  CHECK_FALSE(screens.match(unknown));
}

TEST_CASE("the signed-in user comes from the login reply, with the CSRF token", "[session]") {
  fake_platform::requests.clear();
  api::Client client;
  app::Session session(client);
  CHECK(session.state() == app::Session::State::unknown);
  session.check();
  REQUIRE(fake_platform::requests.size() == 1);
  CHECK(fake_platform::requests[0].path == "/api/v1/me");
  fake_platform::answer(0, 401, R"({"error":{"code":"not_signed_in","message_th":"ก","message_en":"a","field":null}})");
  CHECK(session.state() == app::Session::State::signed_out);
  CHECK_FALSE(session.user());

  session.signed_in(nlohmann::json::parse(R"({
    "user":{"id":7,"username":"area.admin","display_name":"สมชาย ใจดี","org_code":"1040000001",
            "grants":[{"permission":"users.manage","org_code":"1040000001"},
                      {"permission":"view","org_code":"1040000001"},
                      {"permission":"no.such","org_code":"1"}]},
    "must_change_password":true,"must_complete_profile":false,"csrf_token":"c5rf"})"));
  REQUIRE(session.user());
  CHECK(session.state() == app::Session::State::signed_in);
  CHECK(session.user()->id == 7);
  CHECK(session.user()->display_name == "สมชาย ใจดี");
  CHECK(session.user()->grants.size() == 2);
  CHECK(session.user()->can(domain::Permission::users_manage));
  CHECK_FALSE(session.user()->can(domain::Permission::kpi_manage));
  CHECK(session.user()->first_login_pending());
  CHECK(client.csrf_token() == "c5rf");

  session.ended();
  CHECK(session.ended_by_server());
  CHECK_FALSE(session.user());
  CHECK(client.csrf_token().empty());
}
