#include "server/directory/institutions_handler.hpp"

#include <nlohmann/json.hpp>

#include "server/http/errors.hpp"
#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::directory {

namespace {

constexpr domain::TextRule q_rule{"q", "คำค้น", "Search text", 100, false};
constexpr domain::TextRule province_rule{"province", "จังหวัด", "Province", 100, false};

// A present parameter, decoded; nullopt when absent; the error when undecodable.
using Param = std::optional<domain::Checked<std::string>>;

}  // namespace

domain::Checked<storage::InstitutionSearch> parse_institution_search(const http::Query& query) {
  storage::InstitutionSearch search;
  search.limit = default_search_limit;

  for (const char* name : {"code", "q", "affiliation", "province", "limit"}) {
    Param p = query.get(name);
    if (!p) continue;
    if (!*p) return p->error();
    const std::string value = domain::trim(p->value());
    const std::string_view n = name;

    if (n == "code" && !value.empty()) {
      auto code = domain::parse_institution_code(value);
      if (!code) return domain::in_field(code.error(), "code");
      search.code = code.value();
    } else if (n == "q") {
      auto text = domain::check_text(value, q_rule);
      if (!text) return text.error();
      // Digits in the search box (Thai or Arabic) look for codes starting with them.
      const std::string digits = domain::to_ascii_digits(text.value());
      if (domain::is_ascii_digits(digits) && digits.size() <= 10)
        search.code_prefix = digits;
      else
        search.name = text.value();
    } else if (n == "affiliation" && !value.empty()) {
      if (!domain::find_affiliation(value))
        return domain::FieldError{"unknown_affiliation", "affiliation", "ไม่รู้จักสังกัดนี้ (ใช้ obec หรือ dla)",
                                  "Unknown affiliation (use obec or dla)"};
      search.affiliation = value;
    } else if (n == "province") {
      auto province = domain::check_text(value, province_rule);
      if (!province) return province.error();
      search.province = province.value();
    } else if (n == "limit" && !value.empty()) {
      const std::string digits = domain::to_ascii_digits(value);
      if (!domain::is_ascii_digits(digits))
        return domain::FieldError{"limit_not_number", "limit", "จำนวนผลลัพธ์ต้องเป็นตัวเลข",
                                  "limit must be a whole number"};
      // More than the maximum is not an error: the client just gets the maximum.
      const std::string number = digits.substr(std::min(digits.find_first_not_of('0'), digits.size()));
      search.limit = number.size() > 4 ? max_search_limit : std::min(number.empty() ? 0 : std::stoi(number), max_search_limit);
      if (search.limit < 1)
        return domain::FieldError{"limit_range", "limit", "จำนวนผลลัพธ์ต้องมากกว่า 0",
                                  "limit must be at least 1"};
    }
  }
  return search;
}

void add_directory_routes(http::Router& router, storage::InstitutionStore& institutions) {
  router.add(http::Verb::get, "/api/v1/institutions", http::anyone(), [&institutions](const http::RequestContext& rq) {
    auto search = parse_institution_search(rq.query);
    if (!search) return http::bad_request(search.error());
    return http::json_reply(http::Status::ok, nlohmann::json(institutions.search(search.value())));
  });
}

}  // namespace server::directory
