#pragma once
// How every reply under /api leaves the server, in one place (the session calls it), so no
// feature has to think of it (docs/api.md "Caching and compression"):
// - Cache-Control: "public, …" (aggregates, the same for everyone) and "private, no-cache"
//   (a list or live view marked with revalidated()) stay; anything else becomes
//   "private, no-store": it may hold personal data, and school PCs are shared.
// - A JSON 200 to GET or HEAD carries a weak ETag over its body; a request whose
//   If-None-Match has it gets 304 and no body (a polling screen costs no bytes).
// - A JSON body over compress_above bytes goes out brotli or gzip encoded when the request's
//   Accept-Encoding allows, with Vary: Accept-Encoding.
#include <memory>

#include "server/http/message.hpp"

namespace server::http {

inline constexpr std::size_t compress_above = 1024;

// For the replies of lists and live views (queues, summaries, notifications) that hold no
// personal data: the browser may keep them, and must ask (If-None-Match) before each use.
Reply revalidated(Reply reply);

// A JSON body made ready once for everyone who will be sent it until it changes (a live
// view kept until the next write): its tag and its compressed copies, computed once.
struct ReadyJson {
  std::shared_ptr<const HeldBytes> plain, br, gzip;  // br, gzip: null when not smaller
  std::string etag;                                    // weak
};
std::shared_ptr<const ReadyJson> make_ready_json(std::string body);
// 200 with the copy the request accepts, or 304 when If-None-Match has the tag; marked
// revalidated(). Nothing is copied or compressed per request.
Reply ready_json_reply(const ReadyJson& ready, const Request& request);

// `request` is null when the request's headers could not be read.
void finish_api_reply(Reply& reply, const Request* request);

}  // namespace server::http
