#pragma once
// A platform for unit tests: requests are recorded, and the test answers them.
#include <string>
#include <vector>

#include "wasm/platform/platform.hpp"

namespace fake_platform {

struct Request {
  std::string path;
  platform::HttpCallback done;
};
inline std::vector<Request> requests;

inline void answer(size_t i, int status, std::string body) {
  requests.at(i).done({status, std::move(body)});
}

}  // namespace fake_platform
