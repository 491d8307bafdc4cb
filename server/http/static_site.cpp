#include "server/http/static_site.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <system_error>

#include "server/http/errors.hpp"
#include "shared/core/text.hpp"

namespace server::http {

namespace fs = std::filesystem;
using field = beast::http::field;

const char* const content_security_policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

std::string_view mime_type(const fs::path& file) {
  static const std::array<std::pair<std::string_view, std::string_view>, 16> types{{
      {".html", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".data", "application/octet-stream"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".ttf", "font/ttf"},
      {".woff2", "font/woff2"},
      {".pdf", "application/pdf"},
      {".jpg", "image/jpeg"},
  }};
  const std::string ext = domain::ascii_lower(file.extension().string());
  for (const auto& [e, type] : types)
    if (e == ext) return type;
  return "application/octet-stream";
}

namespace {

// Does "Accept-Encoding: gzip, deflate, br;q=0.5" allow `coding`? (q=0 means "never")
bool accepts(std::string_view header, std::string_view coding) {
  bool star = false;
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    std::size_t semi = item.find(';');
    std::string name = domain::ascii_lower(domain::trim(item.substr(0, semi)));
    bool zero = false;
    if (semi != std::string_view::npos) {
      std::string params = domain::trim(item.substr(semi + 1));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      zero = params.rfind("q=0", 0) == 0 && params.find_first_not_of("0.", 2) == std::string::npos;
    }
    if (name == coding) return !zero;
    if (name == "*") star = !zero;
  }
  return star;
}

// Weak validator: size and modification time, cheap to compute (no hashing of a
// multi-megabyte app.wasm on every request) and it changes whenever the build rewrites the file.
std::string etag_of(const fs::path& file, std::uintmax_t size, std::string_view coding) {
  auto mtime = fs::last_write_time(file).time_since_epoch().count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%jx-%llx%s%.*s\"", size, static_cast<unsigned long long>(mtime),
                coding.empty() ? "" : "-", static_cast<int>(coding.size()), coding.data());
  return buf;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (domain::trim(if_none_match) == "*") return true;
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string tag = domain::trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);  // weak comparison, as RFC 9110 asks for GET
    if (tag == etag) return true;
  }
  return false;
}

// "app.3f9c1a2b.wasm": scripts/make-site.sh puts 8 hex digits of the content's SHA-256 in
// the name, so the name never stands for other bytes and a browser may keep the file.
bool is_hashed_name(std::string_view name) {
  const std::size_t ext = name.rfind('.');
  if (ext == std::string_view::npos || ext < 10 || ext + 1 == name.size() || name[ext - 9] != '.') return false;
  return std::all_of(name.begin() + ext - 8, name.begin() + ext,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_regular(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// Refuses "..", ".", empty names in the middle, backslashes and NULs: no way out of the root.
bool is_safe(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  std::size_t start = 1;
  while (start < path.size()) {
    std::size_t slash = path.find('/', start);
    std::string_view segment = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment == ".." || segment == "." || (segment.empty() && slash != std::string_view::npos)) return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

Reply plain_not_found() {
  StringResponse res{Status::not_found, 11};
  res.set(field::content_type, "text/plain; charset=utf-8");
  res.body() = "ไม่พบหน้านี้ / Not found\n";
  res.prepare_payload();
  return res;
}

}  // namespace

StaticSite::StaticSite(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root_, ec);
  if (!ec) root_ = canonical;
}

Reply StaticSite::serve(const RequestContext& context) const {
  const Verb method = context.request.method();
  if (method != Verb::get && method != Verb::head) return method_not_allowed("GET, HEAD");
  if (!is_safe(context.path))
    return bad_request({"bad_path", "", "ที่อยู่ไม่ถูกต้อง", "Invalid path"});

  std::string relative(context.path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  const fs::path file = root_ / fs::path(relative);
  if (!is_regular(file)) return plain_not_found();
  // A symbolic link inside the site must not lead outside it.
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec || std::mismatch(root_.begin(), root_.end(), real.begin(), real.end()).first != root_.end())
    return plain_not_found();

  // Prefer brotli, then gzip, when a precompressed copy sits next to the file.
  std::string_view accept = context.request[field::accept_encoding];
  fs::path served = file;
  std::string_view coding;
  for (std::string_view candidate : {"br", "gzip"}) {
    fs::path variant = file;
    variant += candidate == "br" ? ".br" : ".gz";
    if (accepts(accept, candidate) && is_regular(variant)) {
      served = variant;
      coding = candidate;
      break;
    }
  }

  std::uintmax_t size = fs::file_size(served, ec);
  if (ec) return plain_not_found();
  const std::string etag = etag_of(served, size, coding);

  // A hashed name is kept a year without asking. Any other (index.html, which names the
  // hashed files of the current build) is revalidated every time: a 304 costs no body.
  const bool immutable = is_hashed_name(file.filename().native());
  auto set_common = [&](auto& res) {
    res.set(field::content_type, mime_type(file));
    res.set(field::etag, etag);
    res.set(field::cache_control, immutable ? "public, max-age=31536000, immutable" : "no-cache");
    res.set(field::vary, "Accept-Encoding");
    res.set("Content-Security-Policy", content_security_policy);
    res.set("Referrer-Policy", "same-origin");
  };

  if (etag_matches(context.request[field::if_none_match], etag)) {
    EmptyResponse res{Status::not_modified, 11};
    set_common(res);
    return res;
  }

  FileResponse res{Status::ok, 11};
  beast::error_code open_error;
  res.body().open(served.c_str(), beast::file_mode::scan, open_error);
  if (open_error) return plain_not_found();
  set_common(res);
  if (!coding.empty()) res.set(field::content_encoding, coding);
  res.prepare_payload();
  return res;
}

}  // namespace server::http
