#include "server/http/static_site.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <system_error>

#include "server/http/conditional.hpp"
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

// What a file looked like on disk when it was read: a rebuilt file differs in one of these.
struct Stamp {
  bool exists = false;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const Stamp&) const = default;
};

Stamp stamp_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  return {true, static_cast<std::int64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::shared_ptr<const HeldBytes> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
  return in.bad() ? nullptr : HeldBytes::of(std::move(bytes));
}

// "app.3f9c1a2b.wasm": scripts/make-site.sh puts 8 hex digits of the content's SHA-256 in
// the name, so the name never stands for other bytes and a browser may keep the file.
bool is_hashed_name(std::string_view name) {
  const std::size_t ext = name.rfind('.');
  if (ext == std::string_view::npos || ext < 10 || ext + 1 == name.size() || name[ext - 9] != '.') return false;
  return std::all_of(name.begin() + ext - 8, name.begin() + ext,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
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

struct StaticSite::File {
  // One representation: the file itself, or its precompressed <file>.br / <file>.gz copy.
  struct Copy {
    std::string_view coding;                   // "br", "gzip", "" for the file itself
    std::string_view suffix;                   // ".br", ".gz", ""
    Stamp stamp;                               // !exists: there is no such copy
    std::shared_ptr<const HeldBytes> bytes;    // null: too large to hold, streamed from disk
    std::string etag;
  };
  fs::path path;
  std::string_view type;
  bool immutable = false;
  std::array<Copy, 3> copies{{{"br", ".br"}, {"gzip", ".gz"}, {"", ""}}};  // in order of preference

  fs::path path_of(const Copy& c) const { return fs::path(path.native() + std::string(c.suffix)); }
  bool changed() const {
    return std::any_of(copies.begin(), copies.end(), [&](const Copy& c) { return stamp_of(path_of(c)) != c.stamp; });
  }
};

StaticSite::StaticSite(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root_, ec);
  if (ec) return;
  root_ = canonical;
  // Everything up front: the first visitor waits for no disk either.
  for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file(ec) && ext != ".br" && ext != ".gz")
      load(it->path().lexically_relative(root_).generic_string());
  }
}

StaticSite::~StaticSite() = default;

std::shared_ptr<const StaticSite::File> StaticSite::held(const std::string& relative) const {
  std::shared_lock lock(mutex_);
  auto it = files_.find(relative);
  return it == files_.end() ? nullptr : it->second;
}

// Reads a file and its compressed copies; null when it is not there (or leads outside the root).
std::shared_ptr<const StaticSite::File> StaticSite::load(const std::string& relative) const {
  auto file = std::make_shared<File>();
  file->path = root_ / fs::path(relative);
  File::Copy& identity = file->copies.back();
  if (!stamp_of(file->path).exists) return nullptr;
  // A symbolic link inside the site must not lead outside it.
  std::error_code ec;
  const fs::path real = fs::canonical(file->path, ec);
  if (ec || std::mismatch(root_.begin(), root_.end(), real.begin(), real.end()).first != root_.end()) return nullptr;
  file->type = mime_type(file->path);
  file->immutable = is_hashed_name(file->path.filename().native());
  bool complete = true;  // nothing was being rewritten while it was read
  for (File::Copy& c : file->copies) {
    const fs::path path = file->path_of(c);
    c.stamp = stamp_of(path);
    if (!c.stamp.exists) continue;
    if (static_cast<std::uintmax_t>(c.stamp.size) <= max_held_bytes) {
      c.bytes = read_all(path);
      complete = complete && c.bytes && stamp_of(path) == c.stamp &&
                 c.bytes->size() == static_cast<std::size_t>(c.stamp.size);
      if (c.bytes) c.etag = content_etag(c.bytes->view(), c.coding);
    } else {  // size and time: no hashing of a huge file
      char tag[64];
      std::snprintf(tag, sizeof tag, "\"%llx-%llx%s%.*s\"", static_cast<unsigned long long>(c.stamp.size),
                    static_cast<unsigned long long>(c.stamp.mtime_ns), c.coding.empty() ? "" : "-",
                    static_cast<int>(c.coding.size()), c.coding.data());
      c.etag = tag;
    }
  }
  if (!identity.stamp.exists) return nullptr;
  // Half-written (a build copying it right now): served this once, read again next time.
  if (!complete) return file;
  std::unique_lock lock(mutex_);
  auto [it, added] = files_.try_emplace(relative, file);
  if (!added) {
    it->second = file;
    // A rebuilt file means a new build: forget the files that build removed.
    std::erase_if(files_, [](const auto& entry) { return !stamp_of(entry.second->path).exists; });
  }
  return file;
}

Reply StaticSite::serve(const RequestContext& context) const {
  const Verb method = context.request.method();
  if (method != Verb::get && method != Verb::head) return method_not_allowed("GET, HEAD");
  if (!is_safe(context.path))
    return bad_request({"bad_path", "", "ที่อยู่ไม่ถูกต้อง", "Invalid path"});

  std::string relative(context.path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  auto file = held(relative);
  // A hashed name is never read again; any other is checked against the disk (a stat).
  if (!file || (!file->immutable && file->changed())) file = load(relative);
  if (!file) return plain_not_found();

  // Prefer brotli, then gzip, when there is a precompressed copy.
  std::string_view accept = context.request[field::accept_encoding];
  const File::Copy* copy = &file->copies.back();
  for (const File::Copy& c : file->copies)
    if (c.stamp.exists && (c.coding.empty() || accepts_coding(accept, c.coding))) {
      copy = &c;
      break;
    }

  auto set_common = [&](auto& res) {
    res.set(field::content_type, file->type);
    res.set(field::etag, copy->etag);
    // A hashed name is kept a year without asking. Any other (index.html, which names the
    // hashed files of the current build) is revalidated every time: a 304 costs no body.
    res.set(field::cache_control, file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    res.set(field::vary, "Accept-Encoding");
    res.set("Content-Security-Policy", content_security_policy);
    res.set("Referrer-Policy", "same-origin");
    if (!copy->coding.empty()) res.set(field::content_encoding, copy->coding);
  };

  if (etag_matches(context.request[field::if_none_match], copy->etag)) {
    EmptyResponse res{Status::not_modified, 11};
    set_common(res);
    res.erase(field::content_encoding);
    return res;
  }
  if (copy->bytes) {
    SharedResponse res{Status::ok, 11};
    res.body() = SharedBody::value_type(copy->bytes);
    set_common(res);
    res.prepare_payload();
    return res;
  }
  FileResponse res{Status::ok, 11};
  beast::error_code open_error;
  res.body().open(file->path_of(*copy).c_str(), beast::file_mode::scan, open_error);
  if (open_error) return plain_not_found();
  set_common(res);
  res.prepare_payload();
  return res;
}

}  // namespace server::http
