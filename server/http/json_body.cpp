#include "server/http/json_body.hpp"

namespace server::http {

namespace {

std::string label_th(const domain::TextRule& r) { return r.label_th.empty() ? std::string(r.field) : std::string(r.label_th); }
std::string label_en(const domain::TextRule& r) { return r.label_en.empty() ? std::string(r.field) : std::string(r.label_en); }

domain::FieldError wrong_type(const domain::TextRule& r) {
  return {"wrong_type", std::string(r.field), label_th(r) + ": ต้องเป็นข้อความ", label_en(r) + ": must be text"};
}

domain::FieldError required(const domain::TextRule& r) {
  return {"required", std::string(r.field), "กรุณากรอก" + label_th(r), label_en(r) + " is required"};
}

}  // namespace

domain::Checked<std::string> exact_text_field(const nlohmann::json& body, const domain::TextRule& rule) {
  auto it = body.find(std::string(rule.field));
  if (it == body.end() || it->is_null()) {
    if (rule.required) return required(rule);
    return std::string();
  }
  if (!it->is_string()) return wrong_type(rule);
  const auto& s = it->get_ref<const std::string&>();
  if (s.empty() && rule.required) return required(rule);
  if (auto e = domain::limit_length(s, rule)) return *e;
  return s;
}

domain::Checked<std::string> text_field(const nlohmann::json& body, const domain::TextRule& rule) {
  auto it = body.find(std::string(rule.field));
  if (it != body.end() && !it->is_null() && !it->is_string()) return wrong_type(rule);
  if (it == body.end() || it->is_null()) {
    if (rule.required) return required(rule);
    return std::string();
  }
  return domain::check_text(it->get_ref<const std::string&>(), rule);
}

domain::Checked<bool> bool_field(const nlohmann::json& body, std::string_view field, bool fallback) {
  auto it = body.find(std::string(field));
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    return domain::FieldError{"wrong_type", std::string(field), std::string(field) + ": ต้องเป็น true หรือ false",
                              std::string(field) + ": must be true or false"};
  return it->get<bool>();
}

namespace {

bool has_type(const nlohmann::json& v, JsonType type) {
  switch (type) {
    case JsonType::text: return v.is_string();
    case JsonType::boolean: return v.is_boolean();
    case JsonType::integer: return v.is_number_integer();
    case JsonType::text_or_integer: return v.is_string() || v.is_number_integer();
    case JsonType::array: return v.is_array();
    case JsonType::object: return v.is_object();
  }
  return false;
}

std::pair<const char*, const char*> type_words(JsonType type) {
  switch (type) {
    case JsonType::text: return {"ข้อความ", "text"};
    case JsonType::boolean: return {"true หรือ false", "true or false"};
    case JsonType::integer: return {"จำนวนเต็ม", "a whole number"};
    case JsonType::text_or_integer: return {"ข้อความหรือจำนวนเต็ม", "text or a whole number"};
    case JsonType::array: return {"รายการ (JSON array)", "a list (JSON array)"};
    case JsonType::object: return {"ออบเจ็กต์ JSON", "a JSON object"};
  }
  return {"", ""};
}

}  // namespace

std::optional<domain::FieldError> check_fields(const nlohmann::json& body, std::initializer_list<FieldSpec> fields) {
  for (const auto& f : fields) {
    const std::string name(f.name);
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
      if (f.required) return domain::FieldError{"required", name, "กรุณาระบุ " + name, name + " is required"};
      continue;
    }
    if (!has_type(*it, f.type)) {
      const auto [th, en] = type_words(f.type);
      return domain::FieldError{"wrong_type", name, name + ": ต้องเป็น" + th, name + ": must be " + en};
    }
  }
  return std::nullopt;
}

}  // namespace server::http
