#pragma once
// A platform for unit tests: requests are recorded, and the test answers them.
#include <set>
#include <string>
#include <vector>

#include "wasm/platform/platform.hpp"

namespace fake_platform {

struct Request {
  std::string path;
  platform::HttpCallback done;
  platform::HttpRequest http;
  platform::ProgressCallback progress;
};
inline std::vector<Request> requests;
inline std::string route;
inline std::vector<std::string> opened_pages;  // open_page() paths

// Images handed to decode_image(), for the test to answer; textures alive.
struct Decode {
  std::string bytes;
  std::function<void(platform::Image)> done;
};
inline std::vector<Decode> decodes;
inline std::set<unsigned> textures;
inline unsigned last_texture = 0;

inline void answer(size_t i, int status, std::string body, platform::Headers headers = {}) {
  requests.at(i).done({status, std::move(body), std::move(headers)});
}

}  // namespace fake_platform
