// The web client's files: MIME types, precompressed copies, ETag revalidation, headers.
#include <catch2/catch.hpp>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;

TEST_CASE("static site: index.html at / with security headers and no-cache", "[server][static]") {
  ServerProcess server;
  auto r = get(server.port(), "/");
  CHECK(r.status == 200);
  CHECK(r.header("content-type") == "text/html; charset=utf-8");
  CHECK(r.body == read_file(server.site_dir() / "index.html"));
  CHECK(r.header("cache-control") == "no-cache");
  CHECK(r.header("x-content-type-options") == "nosniff");
  CHECK(r.header("content-security-policy").find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
  CHECK(!r.header("etag").empty());
  CHECK(get(server.port(), "/index.html").body == r.body);
}

TEST_CASE("static site: MIME types and precompressed copies", "[server][static]") {
  ServerProcess server;
  SECTION(".wasm is application/wasm, plain when the browser accepts no compression") {
    auto r = get(server.port(), "/app.wasm");
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/wasm");
    CHECK(r.header("content-encoding").empty());
    CHECK(r.body == read_file(server.site_dir() / "app.wasm"));
    CHECK(r.header("vary") == "Accept-Encoding");
  }
  SECTION("brotli copy when Accept-Encoding allows br") {
    auto r = get(server.port(), "/app.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/wasm");
    CHECK(r.header("content-encoding") == "br");
    CHECK(r.body == read_file(server.site_dir() / "app.wasm.br"));
    CHECK(r.header("vary") == "Accept-Encoding");
  }
  SECTION("br;q=0 means no brotli; gzip used when only it exists") {
    auto r = get(server.port(), "/app.wasm", {{"Accept-Encoding", "gzip, br;q=0"}});
    CHECK(r.header("content-encoding").empty());  // there is no app.wasm.gz
    auto js = get(server.port(), "/app.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    CHECK(js.header("content-type") == "application/javascript; charset=utf-8");
    CHECK(js.header("content-encoding") == "gzip");
    CHECK(js.body == read_file(server.site_dir() / "app.js.gz"));
  }
  SECTION("HEAD: headers only") {
    auto r = request(server.port(), "HEAD", "/app.wasm");
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    CHECK(r.header("content-length") == "4008");
  }
}

TEST_CASE("static site: If-None-Match with the current ETag gives 304", "[server][static]") {
  ServerProcess server;
  auto first = get(server.port(), "/app.wasm", {{"Accept-Encoding", "br"}});
  const std::string etag = first.header("etag");
  REQUIRE(!etag.empty());
  auto again = get(server.port(), "/app.wasm", {{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(again.header("etag") == etag);
  // The uncompressed variant has its own ETag: no 304 for it with the brotli one.
  CHECK(get(server.port(), "/app.wasm", {{"If-None-Match", etag}}).status == 200);
  CHECK(get(server.port(), "/app.wasm", {{"Accept-Encoding", "br"}, {"If-None-Match", "\"other\", W/" + etag}}).status == 304);
  // A rebuilt file gets a new ETag.
  write_file(server.site_dir() / "app.wasm.br", "rebuilt brotli bytes, longer than before");
  CHECK(get(server.port(), "/app.wasm", {{"Accept-Encoding", "br"}, {"If-None-Match", etag}}).status == 200);
}

TEST_CASE("static site: unknown files are 404 and other methods 405", "[server][static]") {
  ServerProcess server;
  CHECK(get(server.port(), "/missing.js").status == 404);
  CHECK(get(server.port(), "/sub/").status == 404);
  auto post = request(server.port(), "POST", "/index.html", {}, "x");
  CHECK(post.status == 405);
  CHECK(post.header("allow") == "GET, HEAD");
}

TEST_CASE("static site: content-hashed names are kept a year, other names revalidated", "[server][static]") {
  TempDir site;
  write_file(site / "index.html", "<!doctype html><script src=\"loader.0123abcd.js\"></script>\n");
  write_file(site / "app.3f9c1a2b.wasm", std::string("\0asm\1\0\0\0", 8) + std::string(3000, 'h'));
  write_file(site / "app.3f9c1a2b.wasm.br", "pretend-brotli-bytes");
  write_file(site / "loader.0123abcd.js", "console.log('loader');\n");
  write_file(site / "app.3f9c1a2g.wasm", "not hex: not a hashed name");
  write_file(site / "manifest.webmanifest", "{}");
  ServerProcess server({.site = site.path()});
  const std::string immutable = "public, max-age=31536000, immutable";
  for (auto encoding : {"", "br"}) {
    auto r = get(server.port(), "/app.3f9c1a2b.wasm", {{"Accept-Encoding", encoding}});
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/wasm");
    CHECK(r.header("cache-control") == immutable);
    CHECK(r.header("vary") == "Accept-Encoding");
  }
  CHECK(get(server.port(), "/loader.0123abcd.js").header("cache-control") == immutable);
  CHECK(get(server.port(), "/app.3f9c1a2g.wasm").header("cache-control") == "no-cache");
  CHECK(get(server.port(), "/manifest.webmanifest").header("cache-control") == "no-cache");
  CHECK(get(server.port(), "/").header("cache-control") == "no-cache");
}

TEST_CASE("static site: index.html answers 304 to its own ETag, 200 once it changed", "[server][static]") {
  ServerProcess server;
  auto first = get(server.port(), "/");
  const std::string etag = first.header("etag");
  REQUIRE(!etag.empty());
  auto again = get(server.port(), "/", {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(again.header("cache-control") == "no-cache");
  CHECK(get(server.port(), "/index.html", {{"If-None-Match", etag}}).status == 304);
  // A new build rewrites index.html (new hashed names in it): the old ETag no longer matches.
  write_file(server.site_dir() / "index.html", "<!doctype html><script src=\"loader.89abcdef.js\"></script>\n");
  auto rebuilt = get(server.port(), "/", {{"If-None-Match", etag}});
  CHECK(rebuilt.status == 200);
  CHECK(rebuilt.body.find("loader.89abcdef.js") != std::string::npos);
}

TEST_CASE("static site: files are held in memory from the start, rebuilt ones read again", "[server][static]") {
  TempDir site;
  write_file(site / "index.html", "<!doctype html><script src=\"loader.0123abcd.js\"></script>\n");
  const std::string wasm = std::string("\0asm\1\0\0\0", 8) + std::string(200000, 'm');
  write_file(site / "app.3f9c1a2b.wasm", wasm);
  write_file(site / "app.3f9c1a2b.wasm.br", "pretend-brotli-bytes");
  write_file(site / "stats.html", "<!doctype html><title>stats</title>\n");
  ServerProcess server({.site = site.path()});
  // A hashed name is never read from disk again: its bytes stay what they were at the start.
  fs::remove(site / "app.3f9c1a2b.wasm");
  fs::remove(site / "app.3f9c1a2b.wasm.br");
  auto r = get(server.port(), "/app.3f9c1a2b.wasm");
  CHECK(r.status == 200);
  CHECK(r.body == wasm);
  CHECK(r.header("content-length") == std::to_string(wasm.size()));
  CHECK(get(server.port(), "/app.3f9c1a2b.wasm", {{"Accept-Encoding", "br"}}).body == "pretend-brotli-bytes");
  CHECK(request(server.port(), "HEAD", "/app.3f9c1a2b.wasm").header("content-length") == std::to_string(wasm.size()));
  // A new build: a new hashed file appears (served at once), the old one goes with the next
  // rebuilt plain file.
  write_file(site / "app.89abcdef.wasm", "new build");
  CHECK(get(server.port(), "/app.89abcdef.wasm").body == "new build");
  write_file(site / "index.html", "<!doctype html><script src=\"loader.89abcdef.js\"></script>\n");
  CHECK(get(server.port(), "/").body.find("89abcdef") != std::string::npos);
  CHECK(get(server.port(), "/app.3f9c1a2b.wasm").status == 404);
  // A plain name removed from disk is gone.
  fs::remove(site / "stats.html");
  CHECK(get(server.port(), "/stats.html").status == 404);
  // ETags are over the content: the same bytes give the same tag after a restart.
  const std::string tag = get(server.port(), "/").header("etag");
  server.stop();
  ServerProcess again({.site = site.path()});
  CHECK(get(again.port(), "/").header("etag") == tag);
}
