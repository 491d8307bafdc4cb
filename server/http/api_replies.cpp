#include "server/http/api_replies.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <array>
#include <mutex>
#include <optional>

#include "server/http/conditional.hpp"

namespace server::http {

namespace {

using field = beast::http::field;

constexpr std::string_view no_store = "private, no-store";
constexpr std::string_view no_cache = "private, no-cache";

// Quality 5 and level 6: about 2 ms for a 170 KB KPI summary, a tenth of its size or less.
std::optional<std::string> brotli(std::string_view in) {
  std::string out(BrotliEncoderMaxCompressedSize(in.size()), '\0');
  std::size_t size = out.size();
  if (out.empty() || !BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, in.size(),
                                            reinterpret_cast<const std::uint8_t*>(in.data()), &size,
                                            reinterpret_cast<std::uint8_t*>(out.data())))
    return std::nullopt;
  out.resize(size);
  return out;
}

std::optional<std::string> gzip(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const bool done = deflate(&z, Z_FINISH) == Z_STREAM_END;
  out.resize(z.total_out);
  deflateEnd(&z);
  if (!done) return std::nullopt;
  return out;
}

bool is_json(const StringResponse& r) { return r[field::content_type].starts_with("application/json"); }

// The last few large bodies compressed, by their tag and coding: a live view that many
// people poll (an office's KPI summary) is compressed once per change, not per request.
class Packed {
 public:
  static constexpr std::size_t worth_keeping = 16 * 1024;
  std::optional<std::string> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    for (const auto& [k, bytes] : slots_)
      if (k == key) return bytes;
    return std::nullopt;
  }
  void keep(std::string key, std::string bytes) {
    std::lock_guard lock(mutex_);
    slots_[next_] = {std::move(key), std::move(bytes)};
    next_ = (next_ + 1) % slots_.size();
  }

 private:
  std::mutex mutex_;
  std::array<std::pair<std::string, std::string>, 16> slots_;
  std::size_t next_ = 0;
};
Packed packed_bodies;

std::string_view chosen_coding(const Request& request) {
  const std::string_view accept = request[field::accept_encoding];
  return accepts_coding(accept, "br") ? "br" : accepts_coding(accept, "gzip") ? "gzip" : "";
}

}  // namespace

std::shared_ptr<const ReadyJson> make_ready_json(std::string body) {
  auto ready = std::make_shared<ReadyJson>();
  ready->etag = "W/" + content_etag(body);
  auto smaller = [&](std::optional<std::string> packed) -> std::shared_ptr<const HeldBytes> {
    if (body.size() <= compress_above || !packed || packed->size() >= body.size()) return nullptr;
    return HeldBytes::of(std::move(*packed));
  };
  ready->br = smaller(brotli(body));
  ready->gzip = smaller(gzip(body));
  ready->plain = HeldBytes::of(std::move(body));
  return ready;
}

Reply ready_json_reply(const ReadyJson& ready, const Request& request) {
  const auto headers = [&](auto& r) {
    r.set(field::cache_control, no_cache);
    r.set(field::etag, ready.etag);
    r.set(field::vary, "Accept-Encoding");
  };
  if (etag_matches(request[field::if_none_match], ready.etag)) {
    EmptyResponse not_modified{Status::not_modified, request.version()};
    headers(not_modified);
    return not_modified;
  }
  const std::string_view coding = chosen_coding(request);
  const auto& packed = coding == "br" ? ready.br : coding == "gzip" ? ready.gzip : ready.plain;
  SharedResponse ok{Status::ok, request.version()};
  headers(ok);
  ok.set(field::content_type, "application/json; charset=utf-8");
  if (packed && packed != ready.plain) ok.set(field::content_encoding, coding);
  ok.body() = SharedBody::value_type(packed ? packed : ready.plain);
  ok.prepare_payload();
  return ok;
}

Reply revalidated(Reply reply) {
  std::visit([](auto& r) { r.set(field::cache_control, no_cache); }, reply);
  return reply;
}

void finish_api_reply(Reply& reply, const Request* request) {
  std::visit(
      [](auto& r) {
        const auto policy = r[field::cache_control];
        const bool kept = policy.starts_with("public,") || (policy == no_cache && r.result_int() < 400);
        if (!kept) r.set(field::cache_control, no_store);
      },
      reply);
  auto* response = std::get_if<StringResponse>(&reply);
  if (!request || !response || !is_json(*response)) return;
  response->set(field::vary, "Accept-Encoding");

  const Verb method = request->method();
  std::string etag;
  if (response->result() == Status::ok && (method == Verb::get || method == Verb::head)) {
    // Weak: the same tag for the brotli, gzip and plain copies of one body.
    etag = "W/" + content_etag(response->body());
    response->set(field::etag, etag);
    if (etag_matches((*request)[field::if_none_match], etag)) {
      EmptyResponse not_modified{Status::not_modified, response->version()};
      for (field f : {field::cache_control, field::etag, field::vary})
        not_modified.set(f, (*response)[f]);
      reply = std::move(not_modified);
      return;
    }
  }

  if (response->body().size() <= compress_above || response->count(field::content_encoding)) return;
  const std::string_view coding = chosen_coding(*request);
  if (coding.empty()) return;
  const bool keep = !etag.empty() && response->body().size() >= Packed::worth_keeping;
  const std::string key = keep ? etag + std::string(coding) : std::string();
  std::optional<std::string> packed = keep ? packed_bodies.find(key) : std::nullopt;
  if (!packed) {
    packed = coding == "br" ? brotli(response->body()) : gzip(response->body());
    if (packed && keep) packed_bodies.keep(key, *packed);
  }
  if (!packed || packed->size() >= response->body().size()) return;
  response->body() = std::move(*packed);
  response->set(field::content_encoding, coding);
  response->prepare_payload();
}

}  // namespace server::http
