// Bytes on the wire for every JSON reply (server/http/api_replies.hpp): compressed when large
// and the client accepts it, the same JSON once decoded; an ETag and 304 on GETs; who may
// keep a reply (Cache-Control).
#include <brotli/decode.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;

namespace {

std::string gunzip(const std::string& in) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(in.size() * 50 + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  CHECK(status == Z_STREAM_END);
  return out;
}

std::string unbrotli(const std::string& in) {
  std::string out(in.size() * 50 + 1024, '\0');
  std::size_t size = out.size();
  CHECK(BrotliDecoderDecompress(in.size(), reinterpret_cast<const std::uint8_t*>(in.data()), &size,
                                reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

const std::string big_list = "/api/v1/institutions?limit=200";

}  // namespace

TEST_CASE("api: a large JSON reply goes out compressed when asked, the same JSON once decoded", "[server][api][compression]") {
  ServerProcess server;
  auto plain = get(server.port(), big_list);
  REQUIRE(plain.status == 200);
  REQUIRE(plain.body.size() > 4096);
  CHECK(plain.header("content-encoding").empty());
  CHECK(plain.header("vary") == "Accept-Encoding");
  CHECK(plain.json().size() > 10);

  auto gz = get(server.port(), big_list, {{"Accept-Encoding", "gzip, deflate"}});
  CHECK(gz.status == 200);
  CHECK(gz.header("content-encoding") == "gzip");
  CHECK(gz.header("vary") == "Accept-Encoding");
  CHECK(gz.header("content-length") == std::to_string(gz.body.size()));
  CHECK(gz.body.size() * 3 < plain.body.size());
  CHECK(gunzip(gz.body) == plain.body);
  CHECK(get(server.port(), big_list, {{"Accept-Encoding", "gzip"}}).body == gz.body);  // kept, not redone

  auto br = get(server.port(), big_list, {{"Accept-Encoding", "gzip, deflate, br"}});
  CHECK(br.header("content-encoding") == "br");
  CHECK(br.body.size() * 3 < plain.body.size());
  CHECK(unbrotli(br.body) == plain.body);
  // One validator for the three copies of one body.
  CHECK(!plain.header("etag").empty());
  CHECK(gz.header("etag") == plain.header("etag"));
  CHECK(br.header("etag") == plain.header("etag"));

  // q=0 means "never"; an unknown coding alone gets the plain reply.
  CHECK(get(server.port(), big_list, {{"Accept-Encoding", "gzip;q=0, br;q=0"}}).body == plain.body);
  CHECK(get(server.port(), big_list, {{"Accept-Encoding", "zstd"}}).body == plain.body);
  // HEAD: the headers of the compressed reply, no body.
  auto head = request(server.port(), "HEAD", big_list, {{"Accept-Encoding", "gzip"}});
  CHECK(head.header("content-encoding") == "gzip");
  CHECK(head.header("content-length") == std::to_string(gz.body.size()));
  CHECK(head.body.empty());
}

TEST_CASE("api: a small JSON reply is not compressed", "[server][api][compression]") {
  ServerProcess server;
  auto r = get(server.port(), "/api/v1/health", {{"Accept-Encoding", "gzip, deflate, br"}});
  CHECK(r.status == 200);
  CHECK(r.body.size() < 1024);
  CHECK(r.header("content-encoding").empty());
  CHECK(r.json()["status"] == "ok");
  auto error = get(server.port(), "/api/v1/no-such-thing", {{"Accept-Encoding", "gzip"}});
  CHECK(error.status == 404);
  CHECK(error.header("content-encoding").empty());
  CHECK(error.header("etag").empty());  // only a 200 to a GET has a validator
}

TEST_CASE("api: a JSON GET with the ETag it was given answers 304 without a body", "[server][api][etag]") {
  ServerProcess server;
  const std::string url = "/api/v1/institutions?code=1010720001";
  auto first = get(server.port(), url, {{"Accept-Encoding", "gzip"}});
  REQUIRE(first.status == 200);
  const std::string etag = first.header("etag");
  REQUIRE(etag.rfind("W/\"", 0) == 0);

  auto again = get(server.port(), url, {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(again.header("etag") == etag);
  CHECK(again.header("cache-control") == first.header("cache-control"));
  CHECK(again.header("vary") == "Accept-Encoding");
  // The strong form of the tag, a list holding it, and HEAD match too.
  CHECK(get(server.port(), url, {{"If-None-Match", etag.substr(2)}}).status == 304);
  CHECK(get(server.port(), url, {{"If-None-Match", "W/\"0000000000000000\", " + etag}}).status == 304);
  CHECK(request(server.port(), "HEAD", url, {{"If-None-Match", etag}}).status == 304);
  // Another tag, or another reply (a different query), is sent in full.
  CHECK(get(server.port(), url, {{"If-None-Match", "W/\"0000000000000000\""}}).status == 200);
  auto other = get(server.port(), "/api/v1/institutions?code=1010720002", {{"If-None-Match", etag}});
  CHECK(other.status == 200);
  CHECK(other.header("etag") != etag);
}

TEST_CASE("api: live views may be kept and revalidated; personal data is never stored", "[server][api][etag]") {
  ServerProcess server;
  auto who = sign_in(server.port(), "area.kpi", demo_password("area.kpi"));
  auto notes = get(server.port(), "/api/v1/notifications", as(who, false));
  REQUIRE(notes.status == 200);
  CHECK(notes.header("cache-control") == "private, no-cache");
  auto unchanged = get(server.port(), "/api/v1/notifications",
                       [&] { auto h = as(who, false); h["If-None-Match"] = notes.header("etag"); return h; }());
  CHECK(unchanged.status == 304);
  // Someone's own details: never kept, by any cache.
  auto me = get(server.port(), "/api/v1/me", as(who, false));
  REQUIRE(me.status == 200);
  CHECK(me.header("cache-control") == "private, no-store");
  // Signed out, the same request is refused, not answered from the tag.
  auto anonymous = get(server.port(), "/api/v1/notifications", {{"If-None-Match", notes.header("etag")}});
  CHECK(anonymous.status == 401);
  CHECK(anonymous.header("cache-control") == "private, no-store");
}

TEST_CASE("api: the KPI summary is served ready: one tag for its copies, 304, and a new tag after a write",
          "[server][api][etag][kpi]") {
  ServerProcess server;
  const auto port = server.port();
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto school = sign_in(port, "1040010001", demo_password("1040010001"));
  auto created = send_json(port, "POST", "/api/v1/kpi", controller,
                           {{"year", 2567}, {"number", "1"}, {"name", "การประเมินภายใน"}, {"type", "score_1_5"},
                            {"criteria", {2, 3, 4, 5}}, {"cadence", "monthly"},
                            {"open_periods", {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10",
                                              "m11", "m12"}},
                            {"status", "open"}});
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  for (const char* m : {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"})
    REQUIRE(send_json(port, "PUT", kpi + "/periods/" + m + "/units", controller, {{"unit_codes", {"1040010001"}}})
                .status == 200);
  const std::string summary = kpi + "/summary";
  auto with = [&](Headers extra) {
    auto h = as(controller, false);
    for (auto& [k, v] : extra) h[k] = v;
    return get(port, summary, h);
  };
  auto plain = with({});
  REQUIRE(plain.status == 200);
  INFO(plain.body);
  REQUIRE(plain.body.size() > 1024);
  CHECK(plain.header("cache-control") == "private, no-cache");
  CHECK(plain.header("content-type") == "application/json; charset=utf-8");
  CHECK(plain.header("content-encoding").empty());
  const std::string etag = plain.header("etag");
  REQUIRE(etag.rfind("W/\"", 0) == 0);
  // Twice, to be served from what was made ready the first time.
  for (int i = 0; i < 2; ++i) {
    auto gz = with({{"Accept-Encoding", "gzip"}});
    CHECK(gz.header("content-encoding") == "gzip");
    CHECK(gunzip(gz.body) == plain.body);
    auto br = with({{"Accept-Encoding", "gzip, br"}});
    CHECK(br.header("content-encoding") == "br");
    CHECK(unbrotli(br.body) == plain.body);
    CHECK(br.header("etag") == etag);
    CHECK(br.header("vary") == "Accept-Encoding");
    CHECK(with({}).body == plain.body);
  }
  // Kept ready, and still judged for each caller: someone outside the office is told no
  // such KPI, as before it was kept.
  const auto outsider = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  auto outside = get(port, summary, as(outsider, false));
  CHECK(outside.status == 404);
  CHECK(outside.body.find("1040010001") == std::string::npos);
  auto unchanged = with({{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
  CHECK(unchanged.status == 304);
  CHECK(unchanged.body.empty());
  CHECK(unchanged.header("etag") == etag);
  CHECK(unchanged.header("cache-control") == "private, no-cache");

  // The school reports: the next summary has it, under a new tag.
  REQUIRE(send_json(port, "PUT", kpi + "/periods/m01/reports/1040010001", school, {{"self_score", 4}}).status == 200);
  auto after = with({{"If-None-Match", etag}});
  CHECK(after.status == 200);
  CHECK(after.header("etag") != etag);
  CHECK(after.body != plain.body);
}
