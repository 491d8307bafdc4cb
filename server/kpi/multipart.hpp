#pragma once
// multipart/form-data bodies (RFC 7578): the parts of an upload, by field name.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace server::kpi {

struct FormPart {
  std::string name;       // the field name
  std::string file_name;  // empty for a plain field
  std::string content_type;
  std::string_view body;  // points into the request body
};

// nullopt when the Content-Type has no boundary or the body does not follow it.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace server::kpi
