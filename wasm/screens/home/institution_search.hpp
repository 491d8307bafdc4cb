#pragma once
// Finding one's institution in the directory, search as you type: the query goes to
// GET /api/v1/institutions 300 ms after the last keystroke, or at once on Enter; a reply
// to an older query is dropped.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/directory/institution.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/app/server_status.hpp"

namespace home {

class InstitutionSearch {
 public:
  static constexpr double debounce_seconds = 0.3;
  enum class Status { idle, typing, searching, found, not_found, failed };

  explicit InstitutionSearch(app::ServerStatus& server) : server_(server) {}

  std::string query;  // the search field edits this

  void edited(double now);  // query changed
  void submit();            // Enter: search now
  void update(double now);  // call every frame: sends once the typing pause is long enough
  double wake_at() const { return status_ == Status::typing ? due_ : app::FramePacer::never; }

  Status status() const { return status_; }
  const std::vector<domain::Institution>& results() const { return results_; }

 private:
  void send();

  app::ServerStatus& server_;
  Status status_ = Status::idle;
  double due_ = 0;
  unsigned generation_ = 0;  // bumped per request: only the latest reply counts
  std::vector<domain::Institution> results_;
};

// "/api/v1/institutions?q=<percent-encoded UTF-8>"
std::string search_path(std::string_view query);
// The reply body; nullopt when it is not the documented array.
std::optional<std::vector<domain::Institution>> parse_institutions(std::string_view body);

}  // namespace home
