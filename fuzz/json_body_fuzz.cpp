// A request's JSON body through the helpers every handler uses: json_body, then the typed
// field checks and the domain parsers that read whole bodies (a child, a removal).
#include "fuzz/fuzz_input.hpp"
#include "server/http/json_body.hpp"
#include "shared/lec/child.hpp"

using namespace server::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Request request;
  request.body().assign(reinterpret_cast<const char*>(data), size);
  const Query query;
  RequestContext context{request, "/api/v1/x", query};
  auto body = json_body(context);
  if (!body) return 0;
  const nlohmann::json& j = body.value();
  (void)check_fields(j, {{"name", JsonType::text, true},
                         {"enabled", JsonType::boolean},
                         {"count", JsonType::integer},
                         {"file_id", JsonType::text_or_integer},
                         {"items", JsonType::array},
                         {"detail", JsonType::object}});
  (void)text_field(j, domain::TextRule{"name", "ชื่อ", "Name", 200});
  (void)exact_text_field(j, domain::TextRule{"password", "", "", 200});
  (void)bool_field(j, "enabled", false);
  (void)domain::parse_child(j, 2568, domain::Date{2025, 6, 1}, domain::InstitutionType::school);
  (void)domain::parse_removal(j);
  return 0;
}
