#include "wasm/screens/home/institution_search.hpp"

#include <nlohmann/json.hpp>

#include "wasm/api/wire.hpp"
#include "wasm/platform/platform.hpp"

namespace home {
namespace {

std::string trimmed(std::string_view s) {
  const char* space = " \t\r\n";
  size_t b = s.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(space) - b + 1));
}

}  // namespace

std::string search_path(std::string_view query) {
  return "/api/v1/institutions?q=" + api::percent_encode(query);
}

std::optional<std::vector<domain::Institution>> parse_institutions(std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_array()) return std::nullopt;
  std::vector<domain::Institution> out;
  for (auto& item : json) {
    if (!item.is_object()) return std::nullopt;
    // Keep only text fields: the shared from_json reads them with defaults, and a null
    // (say, no parent_code) must not abort a build without exceptions.
    nlohmann::json clean = nlohmann::json::object();
    for (auto& [key, value] : item.items())
      if (value.is_string()) clean[key] = value;
    out.push_back(clean.get<domain::Institution>());
  }
  return out;
}

void InstitutionSearch::edited(double now) {
  if (trimmed(query).empty()) {
    ++generation_;  // forget any reply on its way
    results_.clear();
    status_ = Status::idle;
    return;
  }
  status_ = Status::typing;
  due_ = now + debounce_seconds;
}

void InstitutionSearch::submit() {
  if (!trimmed(query).empty()) send();
}

void InstitutionSearch::update(double now) {
  if (status_ == Status::typing && now >= due_) send();
}

void InstitutionSearch::send() {
  status_ = Status::searching;
  unsigned generation = ++generation_;
  platform::http_get(search_path(trimmed(query)), [this, generation](const platform::HttpResponse& r) {
    server_.saw_reply(r.status);
    if (generation != generation_) return;
    auto found = r.status == 200 ? parse_institutions(r.body) : std::nullopt;
    if (!found) {
      status_ = Status::failed;
      return;
    }
    results_ = std::move(*found);
    status_ = results_.empty() ? Status::not_found : Status::found;
  });
}

}  // namespace home
