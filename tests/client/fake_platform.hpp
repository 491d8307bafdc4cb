#pragma once
// A platform for unit tests: requests are recorded, and the test answers them.
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

inline void answer(size_t i, int status, std::string body, platform::Headers headers = {}) {
  requests.at(i).done({status, std::move(body), std::move(headers)});
}

}  // namespace fake_platform
