#pragma once
// The request target: path and query string, percent-decoded on demand. A bad escape or
// invalid UTF-8 is reported against the parameter it sits in, so the client is told
// which field to fix.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/core/field_error.hpp"

namespace server::http {

// "%41+b" -> "A b" when plus_is_space; nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

class Query {
 public:
  Query() = default;
  explicit Query(std::string_view raw);  // the part after '?', undecoded

  // The first `name` parameter, decoded; nullopt when absent; a FieldError (field = name)
  // when its encoding is malformed or it is not valid UTF-8.
  std::optional<domain::Checked<std::string>> get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string_view>> pairs_;  // decoded name, raw value
  std::string raw_;
};

struct Target {
  std::string_view raw_path;  // as received (logged: never the query, it may hold personal data)
  std::string_view raw_query;
};
Target split_target(std::string_view target);

}  // namespace server::http
