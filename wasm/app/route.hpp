#pragma once
// Hash routes: "#/activate/<token>?next=..." -> segments {"activate", "<token>"} and the
// query, percent-decoded. The same routes on the web (location.hash) and natively.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct Route {
  std::vector<std::string> segments;  // decoded; empty: the home screen
  std::map<std::string, std::string> query;
  std::vector<std::string> params;  // the segments after the registered screen's prefix

  std::string param(size_t i) const { return i < params.size() ? params[i] : std::string(); }
  std::string get(const std::string& key) const {
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  }
};

// Accepts "#/a/b", "#a/b", "/a/b", "a/b", "" (home); empty segments are dropped.
Route parse_route(std::string_view hash);
// "#/" + encoded segments (+ "?k=v..."): the inverse of parse_route.
std::string route_string(const std::vector<std::string>& segments,
                         const std::map<std::string, std::string>& query = {});

}  // namespace app
