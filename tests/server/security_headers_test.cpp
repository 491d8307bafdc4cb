// Headers every reply carries (issue 11, defect 15): a CSP that loads nothing and no framing
// on the API, errors and downloads; personal data never cached; the static site keeps the
// policy that lets the WebAssembly client run.
#include <catch2/catch.hpp>

#include "tests/server/file_fixtures.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;

namespace {

const std::string kApiPolicy = "default-src 'none'; frame-ancestors 'none'";

void check_api_headers(const HttpResponse& r) {
  CHECK(r.header("content-security-policy") == kApiPolicy);
  CHECK(r.header("x-content-type-options") == "nosniff");
  CHECK(r.header("x-frame-options") == "DENY");
  CHECK(r.header("cache-control") == "private, no-store");
}

}  // namespace

TEST_CASE("security headers: JSON replies, errors and downloads of the API", "[server][headers][http]") {
  ServerProcess server;
  const auto port = server.port();
  const auto school = sign_in(port, "1040010001", demo_password("1040010001"));

  SECTION("JSON replies") {
    auto me = get(port, "/api/v1/me", as(school));
    REQUIRE(me.status == 200);
    check_api_headers(me);
    auto health = get(port, "/api/v1/health");
    REQUIRE(health.status == 200);
    check_api_headers(health);
  }
  SECTION("error replies") {
    auto anonymous = get(port, "/api/v1/me");
    CHECK(anonymous.status == 401);
    check_api_headers(anonymous);
    auto unknown = get(port, "/api/v1/no-such-thing");
    CHECK(unknown.status == 404);
    check_api_headers(unknown);
    auto bad = get(port, "/api/v1/institutions?limit=abc");
    CHECK(bad.status == 400);
    check_api_headers(bad);
  }
  SECTION("evidence downloads: sandboxed, never sniffed, never cached") {
    Headers h = as(school);
    h["Content-Type"] = "multipart/form-data; boundary=XyZ";
    const std::string jpeg = tiny_jpeg();
    auto up = request(port, "POST", "/api/v1/files", h,
                      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n" + jpeg +
                          "\r\n--XyZ--\r\n");
    REQUIRE(up.status == 201);
    check_api_headers(up);
    auto down = get(port, "/api/v1/files/" + up.json()["file_id"].get<std::string>(), as(school));
    REQUIRE(down.status == 200);
    CHECK(down.body == jpeg);
    CHECK(down.header("content-security-policy") == "default-src 'none'; sandbox; frame-ancestors 'none'");
    CHECK(down.header("content-disposition") == "inline; filename=\"a.jpg\"; filename*=UTF-8''a.jpg");
    CHECK(down.header("x-content-type-options") == "nosniff");
    CHECK(down.header("x-frame-options") == "DENY");
    CHECK(down.header("cache-control") == "private, no-store");
  }
  SECTION("the static site keeps a policy the wasm client runs under, and no framing") {
    auto page = get(port, "/");
    REQUIRE(page.status == 200);
    CHECK(page.header("content-security-policy").find("'wasm-unsafe-eval'") != std::string::npos);
    CHECK(page.header("content-security-policy").find("frame-ancestors 'none'") != std::string::npos);
    CHECK(page.header("x-frame-options") == "DENY");
    CHECK(page.header("x-content-type-options") == "nosniff");
    auto missing = get(port, "/no-such-page.txt");
    CHECK(missing.status == 404);
    CHECK(missing.header("content-security-policy") == kApiPolicy);
  }
}
