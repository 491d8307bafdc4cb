// What a careless or hostile client sends: oversized headers and bodies, garbage,
// path traversal. The server answers each with the right status and keeps serving.
#include <catch2/catch.hpp>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;

TEST_CASE("headers over 8 KiB are refused with 431", "[server][http]") {
  ServerProcess server;
  auto raw = raw_exchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Padding: " +
                                             std::string(9000, 'a') + "\r\n\r\n");
  CHECK(raw_status(raw) == 431);
  CHECK(raw.find("\"headers_too_large\"") != std::string::npos);
  CHECK(get(server.port(), "/api/v1/health").status == 200);  // still serving
}

TEST_CASE("bodies over 1 MiB are refused with 413", "[server][http]") {
  ServerProcess server;
  SECTION("announced by Content-Length: refused before the body is read") {
    auto raw = raw_exchange(server.port(),
                            "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            "Content-Length: 2097152\r\n\r\n{\"a\":");
    CHECK(raw_status(raw) == 413);
    CHECK(raw.find("\"body_too_large\"") != std::string::npos);
  }
  SECTION("chunked: refused once the limit is passed") {
    std::string chunk(600 * 1024, 'x');
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    std::string bytes = "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) bytes += size + chunk + "\r\n";
    bytes += "0\r\n\r\n";
    CHECK(raw_status(raw_exchange(server.port(), bytes)) == 413);
  }
  CHECK(get(server.port(), "/api/v1/health").status == 200);
}

TEST_CASE("malformed requests get 400 and do not stop the server", "[server][http]") {
  ServerProcess server;
  for (std::string garbage : {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n",
                              "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n"}) {
    INFO(garbage);
    CHECK(raw_status(raw_exchange(server.port(), garbage)) == 400);
  }
  // A target that is not a path, and a path that does not decode.
  CHECK(raw_status(raw_exchange(server.port(), "GET http://elsewhere/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) == 400);
  CHECK(get(server.port(), "/api/v1/health%").status == 400);
  CHECK(get(server.port(), "/%FF").status == 400);
  CHECK(get(server.port(), "/api/v1/health").status == 200);
}

TEST_CASE("path traversal out of the site is refused", "[server][http][static]") {
  ServerProcess server;
  write_file(server.site_dir().parent_path() / "secret.txt", "top secret");
  for (std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2E%2E%2Fsecret.txt",
                             "/sub/../../secret.txt", "/..\\secret.txt", "/%00index.html", "/./index.html"}) {
    INFO(target);
    auto raw = raw_exchange(server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    auto status = raw_status(raw);
    CHECK((status == 400 || status == 404));
    CHECK(raw.find("top secret") == std::string::npos);
  }
}

TEST_CASE("keep-alive: several requests on one connection", "[server][http]") {
  ServerProcess server;
  Connection c(server.port());
  CHECK(c.request("GET", "/api/v1/health").status == 200);
  CHECK(c.request("GET", "/api/v1/institutions?code=1010720001").status == 200);
  CHECK(c.request("GET", "/index.html").status == 200);
  CHECK(c.request("GET", "/api/nothing").status == 404);
  CHECK(c.request("GET", "/api/v1/health").status == 200);
}
