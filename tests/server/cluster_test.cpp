// Issue 13's cluster: three server processes on one database behind nginx (from Debian),
// under load from several clients; one server is killed with SIGKILL in the middle. Every
// write nginx acknowledged is in the database afterwards, sessions made through the dead
// server go on working through the others. (The at-most-two-school-users rule across three
// servers: access_request_test.cpp, in the same PostgreSQL run.)
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

unsigned short free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
  close(fd);
  return ntohs(a.sin_port);
}

// nginx as an operator would put it in front (docs/operations.md), in a folder of its own.
class Nginx {
 public:
  Nginx(const std::vector<unsigned short>& upstreams) : port_(free_port()) {
    const auto d = dir_.path().string();
    std::string servers;
    for (auto p : upstreams) servers += "server 127.0.0.1:" + std::to_string(p) + " max_fails=1 fail_timeout=30s; ";
    std::ofstream(dir_ / "nginx.conf")
        << "user root; worker_processes 1; daemon on; pid " << d << "/nginx.pid; error_log " << d << "/error.log;\n"
        << "events { worker_connections 512; }\n"
        << "http { access_log off; client_body_temp_path " << d << "/body; proxy_temp_path " << d << "/proxy;\n"
        << "  fastcgi_temp_path " << d << "/f; uwsgi_temp_path " << d << "/u; scgi_temp_path " << d << "/s;\n"
        << "  upstream school { " << servers << "keepalive 16; }\n"
        << "  server { listen 127.0.0.1:" << port_ << "; client_max_body_size 12m;\n"
        << "    location / { proxy_pass http://school; proxy_http_version 1.1; proxy_set_header Connection \"\";\n"
        << "      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $remote_addr;\n"
        << "      proxy_next_upstream error timeout; } } }\n";
    const auto started = run_command({"/usr/sbin/nginx", "-c", (dir_ / "nginx.conf").string()}, {}, 10s);
    if (started.exit_code != 0) throw std::runtime_error("nginx did not start: " + started.output);
    for (int i = 0; i < 100; ++i) {
      try {
        if (get(port_, "/api/v1/health").status == 200) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(50ms);
    }
    throw std::runtime_error("nginx does not answer on port " + std::to_string(port_));
  }
  ~Nginx() { run_command({"/usr/sbin/nginx", "-c", (dir_ / "nginx.conf").string(), "-s", "stop"}, {}, 10s); }
  unsigned short port() const { return port_; }

 private:
  TempDir dir_;
  unsigned short port_;
};

// A sign-in that may fail (the load goes on while a server dies): no Catch macros off the
// test's thread.
std::optional<SignedIn> try_sign_in(unsigned short port, const std::string& user) {
  try {
    auto r = post_json(port, "/api/v1/auth/login", {{"username", user}, {"password", demo_password(user)}});
    if (r.status != 200) return std::nullopt;
    return SignedIn{session_cookie_of(r), r.json()["csrf_token"].get<std::string>(), r.json()};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

TEST_CASE("cluster: three servers behind nginx, one killed under load, nothing acknowledged is lost",
          "[server][postgres][cluster]") {
  REQUIRE(on_postgres());
  ServerProcess a({.env = {{"TRUSTED_PROXY", "127.0.0.1"}}});
  ServerOptions same;
  same.data_dir = a.data_dir();
  same.env = {{"TRUSTED_PROXY", "127.0.0.1"}};
  ServerProcess b(same), c(same);
  Nginx nginx({a.port(), b.port(), c.port()});
  const auto port = nginx.port();

  // A KPI whose report thread takes the load's comments.
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  auto created = send_json(port, "POST", "/api/v1/kpi", controller,
                           {{"year", 2567}, {"number", "9"}, {"name", "ตัวชี้วัดของสามเครื่อง"}, {"type", "score_1_5"},
                            {"criteria", {2, 3, 4, 5}}, {"cadence", "once"}, {"open_periods", {"once"}},
                            {"status", "open"}});
  INFO(created.body);
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  REQUIRE(send_json(port, "PUT", kpi + "/periods/once/units", controller, {{"unit_codes", {"1040010001"}}}).status == 200);
  const std::string thread_path = kpi + "/periods/once/reports/1040010001/comments";

  // Four clients sign in and comment as fast as they can; B dies in the middle.
  std::mutex m;
  std::set<std::string> acknowledged;
  std::vector<SignedIn> sessions;
  std::atomic<int> refused{0}, cut{0}, failed{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t)
    clients.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        const auto who = i % 8 == 0 ? try_sign_in(port, "area.kpi") : std::optional<SignedIn>(controller);
        if (!who) {
          ++failed;
          continue;
        }
        if (i % 8 == 0) {
          std::lock_guard lock(m);
          sessions.push_back(*who);
        }
        const std::string body = "โหลด " + std::to_string(t) + "-" + std::to_string(i);
        try {
          const auto r = send_json(port, "POST", thread_path, *who, {{"body", body}});
          if (r.status == 201) {
            std::lock_guard lock(m);
            acknowledged.insert(body);
          } else if (r.status == 502) {
            ++cut;  // in flight on B when it died: nginx does not resend a POST; the client retries
          } else {
            ++refused;
          }
        } catch (const std::exception&) {
          ++failed;
        }
      }
    });
  std::this_thread::sleep_for(1500ms);
  const auto before_kill = [&] {
    std::lock_guard lock(m);
    return acknowledged.size();
  }();
  b.stop(SIGKILL);
  std::this_thread::sleep_for(2500ms);
  stop = true;
  for (auto& t : clients) t.join();
  WARN("acknowledged " << acknowledged.size() << " comments (" << before_kill << " before the kill), " << refused
                       << " refused, " << cut << " cut by the kill, " << failed << " failed, " << sessions.size() << " sessions");
  CHECK(before_kill > 20);
  CHECK(acknowledged.size() > before_kill);  // the two left carried on
  CHECK(refused == 0);
  CHECK(cut <= 4);  // at most the one request of each client that was on B

  // Every acknowledged comment is stored, once.
  std::set<std::string> stored;
  {
    server::storage::Database db(a.database());
    auto q = db.prepare("SELECT body FROM kpi_comments");
    while (q.step()) stored.insert(q.text(0));
  }
  std::size_t missing = 0;
  for (const auto& body : acknowledged) missing += !stored.count(body);
  CHECK(missing == 0);
  CHECK(query_int(a.database(), "SELECT COUNT(*) FROM kpi_comments") ==
        query_int(a.database(), "SELECT COUNT(DISTINCT body) FROM kpi_comments"));

  // Every session that was handed out works through the servers left, wherever it was made.
  std::size_t lost_sessions = 0;
  for (const auto& s : sessions) lost_sessions += get(port, "/api/v1/me", as(s)).status != 200;
  CHECK(lost_sessions == 0);
}
