// GET /api/v1/institutions against the real server with the demo directory (assets/).
#include <catch2/catch.hpp>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;

namespace {

HttpResponse search(const ServerProcess& server, const std::string& query) {
  return get(server.port(), "/api/v1/institutions?" + query);
}

}  // namespace

TEST_CASE("health answers ok with the version and the mode", "[server][api]") {
  ServerProcess server;
  auto r = get(server.port(), "/api/v1/health");
  CHECK(r.status == 200);
  CHECK(r.header("content-type") == "application/json; charset=utf-8");
  CHECK(r.header("x-content-type-options") == "nosniff");
  CHECK(r.json() == nlohmann::json{{"status", "ok"}, {"version", "0.1.0"}, {"mode", "development"}});
  ServerProcess production({.mode = "production"});
  CHECK(get(production.port(), "/api/v1/health").json()["mode"] == "production");

  auto head = request(server.port(), "HEAD", "/api/v1/health");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.header("content-length") == std::to_string(r.body.size()));
}

TEST_CASE("institutions: search by code or Thai name or province and affiliation", "[server][api][directory]") {
  ServerProcess server;

  SECTION("by code: exactly that institution, all api.md fields") {
    auto r = search(server, "code=1010720001");
    REQUIRE(r.status == 200);
    auto list = r.json();
    REQUIRE(list.size() == 1);
    CHECK(list[0] == nlohmann::json{{"code", "1010720001"},
                                    {"name_th", "โรงเรียนบ้านหนองบัว"},
                                    {"affiliation", "obec"},
                                    {"province", "ขอนแก่น"},
                                    {"district", "เมืองขอนแก่น"},
                                    {"parent_code", "1040000001"}});
    CHECK(search(server, "code=" + url_encode("๑๐๑๐๗๒๐๐๐๑")).json() == list);  // Thai digits
    CHECK(search(server, "code=1099999999").json().empty());
  }

  SECTION("by a Thai substring of the name (trigram index), ordered by code") {
    auto list = search(server, "q=" + url_encode("หนองบัว") + "&limit=200").json();
    REQUIRE(list.size() > 10);
    bool found = false;
    std::string previous;
    for (const auto& i : list) {
      CHECK(i["name_th"].get<std::string>().find("หนองบัว") != std::string::npos);
      CHECK(i["code"].get<std::string>() > previous);
      previous = i["code"];
      found = found || i["code"] == "1010720001";
    }
    CHECK(found);
  }

  SECTION("a short Thai search (under three characters) still matches") {
    auto list = search(server, "q=" + url_encode("วั") + "&limit=5").json();
    REQUIRE(list.size() == 5);
    for (const auto& i : list) CHECK(i["name_th"].get<std::string>().find("วั") != std::string::npos);
  }

  SECTION("temple schools") {
    auto list = search(server, "q=" + url_encode("วัดป่าเลไลยก์")).json();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["province"] == "สุพรรณบุรี");
  }

  SECTION("by province: default limit 50") {
    auto list = search(server, "province=" + url_encode("ขอนแก่น")).json();
    CHECK(list.size() == 50);
    for (const auto& i : list) CHECK(i["province"] == "ขอนแก่น");
  }

  SECTION("affiliation filter combined with text") {
    auto list = search(server, "affiliation=dla&province=" + url_encode("ขอนแก่น") + "&q=" + url_encode("หนองบัว")).json();
    REQUIRE(!list.empty());
    for (const auto& i : list) {
      CHECK(i["affiliation"] == "dla");
      CHECK(i["province"] == "ขอนแก่น");
    }
    CHECK(list[0]["code"] == "5400101999");
  }

  SECTION("digits in q look for codes starting with them") {
    auto list = search(server, "q=10400&limit=10").json();
    REQUIRE(!list.empty());
    for (const auto& i : list) CHECK(i["code"].get<std::string>().rfind("10400", 0) == 0);
  }

  SECTION("empty search: the first institutions by code; limit is capped at 200") {
    CHECK(search(server, "").json().size() == 50);
    CHECK(search(server, "limit=3").json()[0]["code"] == "1010720001");
    CHECK(search(server, "limit=100000").json().size() == 200);
  }

  SECTION("wildcards and quotes are plain text") {
    CHECK(search(server, "q=" + url_encode("%%%")).json().empty());
    CHECK(search(server, "q=" + url_encode("_")).json().empty());
    CHECK(search(server, "q=" + url_encode("\"หนอง")).json().empty());
  }
}

TEST_CASE("institutions: bad parameters are refused with 400 naming the field", "[server][api][directory]") {
  ServerProcess server;
  struct Case {
    std::string query, field;
  };
  const Case cases[] = {
      {"code=123", "code"},
      {"code=10107200x1", "code"},
      {"affiliation=school", "affiliation"},
      {"limit=ten", "limit"},
      {"limit=0", "limit"},
      {"limit=-5", "limit"},
      {"q=%E0%B8", "q"},            // cut-off UTF-8 sequence
      {"q=%ZZ", "q"},               // broken percent-encoding
      {"province=%FF%FE", "province"},
      {"q=" + url_encode(std::string(101, 'a')), "q"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    auto r = search(server, c.query);
    CHECK(r.status == 400);
    auto body = r.json();
    CHECK(body["error"]["field"] == c.field);
    CHECK(!body["error"]["code"].get<std::string>().empty());
    CHECK(!body["error"]["message_th"].get<std::string>().empty());
    CHECK(!body["error"]["message_en"].get<std::string>().empty());
  }
}

TEST_CASE("unknown API paths and wrong methods answer JSON errors", "[server][api]") {
  ServerProcess server;
  auto missing = get(server.port(), "/api/v1/no-such-thing");
  CHECK(missing.status == 404);
  CHECK(missing.header("content-type") == "application/json; charset=utf-8");
  auto body = missing.json();
  CHECK(body["error"]["code"] == "not_found");
  CHECK(body["error"]["field"].is_null());
  CHECK(body["error"].contains("message_th"));
  CHECK(body["error"].contains("message_en"));

  CHECK(get(server.port(), "/api").status == 404);
  CHECK(get(server.port(), "/api/v2/health").json()["error"]["code"] == "not_found");

  auto post = request(server.port(), "POST", "/api/v1/institutions", {{"Content-Type", "application/json"}}, "{}");
  CHECK(post.status == 405);
  CHECK(post.header("allow") == "GET, HEAD");
  CHECK(post.json()["error"]["code"] == "method_not_allowed");
}
