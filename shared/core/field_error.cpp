#include "shared/core/field_error.hpp"

namespace domain {

nlohmann::json to_error_body(const FieldError& e) {
  return {{"error",
           {{"code", e.code},
            {"message_th", e.message_th},
            {"message_en", e.message_en},
            {"field", e.field.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.field)}}}};
}

}  // namespace domain
