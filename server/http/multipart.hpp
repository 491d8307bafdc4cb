#pragma once
// multipart/form-data (RFC 7578) parsed from a body held in memory: the parts' names,
// file names, content types and bytes (views into the body).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace server::http {

struct FormPart {
  std::string name;
  std::optional<std::string> filename;  // set for file fields
  std::string content_type;
  std::string_view data;
};

// nullopt when the Content-Type is not multipart/form-data with a boundary, or the body
// does not follow it.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace server::http
