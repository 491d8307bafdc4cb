// HTTPS served by the server itself (--tls-cert/--tls-key): a real self-signed certificate
// made by the openssl tool, real TLS on loopback spoken by curl.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/test_database.hpp"

using namespace test_server;

namespace {

// The full path of a tool on PATH (run_command does not search PATH).
std::string tool(const std::string& name) {
  std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
  for (std::string dir; std::getline(path, dir, ':');)
    if (!dir.empty() && fs::exists(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  FAIL("the test needs '" << name << "' on PATH");
  return {};
}

struct SelfSigned {
  TempDir dir;
  fs::path cert = dir / "cert.pem", key = dir / "key.pem";
  SelfSigned() {
    auto made = run_command({tool("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                             "-keyout", key.string(), "-out", cert.string()},
                            {});
    REQUIRE(made.exit_code == 0);
  }
  std::vector<std::string> args() const { return {"--tls-cert", cert.string(), "--tls-key", key.string()}; }
};

Finished curl(const std::vector<std::string>& extra, const std::string& url) {
  std::vector<std::string> args{tool("curl"), "-sS", "-k", "-i", "--max-time", "10"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(url);
  return run_command(args, {});
}

}  // namespace

TEST_CASE("HTTPS: health answers over TLS with HSTS, plain HTTP on the TLS port is not served",
          "[server][tls]") {
  SelfSigned certificate;
  ServerProcess server({.args = certificate.args()});
  const std::string port = std::to_string(server.port());
  CHECK(server.output().find("Serving https://localhost:" + port + " ") != std::string::npos);

  const auto https = curl({"--tlsv1.2"}, "https://127.0.0.1:" + port + "/api/v1/health");
  INFO(https.output);
  CHECK(https.exit_code == 0);
  CHECK(https.output.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(https.output.find("Strict-Transport-Security: max-age=31536000") != std::string::npos);

  // Keep-alive over TLS: two requests on one connection, both answered.
  const std::string health = "https://127.0.0.1:" + port + "/api/v1/health";
  const auto twice = curl({health}, health);
  CHECK(twice.exit_code == 0);
  CHECK(std::count(twice.output.begin(), twice.output.end(), '\n') > 4);
  CHECK(twice.output.find("HTTP/1.1 200") != twice.output.rfind("HTTP/1.1 200"));

  // TLS 1.1 and older are refused.
  const auto old = curl({"--tlsv1.1", "--tls-max", "1.1"}, health);
  CHECK(old.exit_code != 0);
  CHECK(old.output.find("HTTP/1.1 200") == std::string::npos);

  // Plain HTTP to the HTTPS port: the handshake fails and nothing is answered.
  const std::string raw = raw_exchange(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(raw.find("200 OK") == std::string::npos);
  CHECK(raw.find("\"status\"") == std::string::npos);

  CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("HTTPS: plain HTTP servers send no HSTS", "[server][tls]") {
  ServerProcess server;
  const auto reply = get(server.port(), "/api/v1/health");
  CHECK(reply.status == 200);
  CHECK(reply.header("strict-transport-security").empty());
}

TEST_CASE("HTTPS: a missing certificate or a key that is not the certificate's stops the start", "[server][tls]") {
  SelfSigned certificate, other;
  TempDir data;
  auto env = data_env(data.path());
  env["PORT"] = "0";
  const std::string missing = (data / "no-such-cert.pem").string();

  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {SERVER_BINARY, "--assets", std::string(SOURCE_DIR) + "/assets"});
    return run_command(args, env, std::chrono::seconds(30));
  };
  const auto no_cert = run({"--tls-cert", missing, "--tls-key", certificate.key.string()});
  CHECK(no_cert.exit_code != 0);
  CHECK(no_cert.output.find("cannot use TLS certificate '" + missing + "'") != std::string::npos);
  CHECK(no_cert.output.find("Serving") == std::string::npos);

  const auto wrong_key = run({"--tls-cert", certificate.cert.string(), "--tls-key", other.key.string()});
  CHECK(wrong_key.exit_code != 0);
  CHECK(wrong_key.output.find("cannot use TLS key '" + other.key.string() + "'") != std::string::npos);

  const auto half = run({"--tls-cert", certificate.cert.string()});
  CHECK(half.exit_code == 2);
  CHECK(half.output.find("needs both --tls-cert and --tls-key") != std::string::npos);
}
