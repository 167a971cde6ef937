#include "adapters/json/error_json.hpp"

namespace hearth::adapters::json {

nlohmann::ordered_json ErrorToJson(const Error& error) {
  nlohmann::ordered_json e;
  e["code"] = ErrorCodeName(error.code);
  e["message"] = error.message;
  if (!error.field.empty()) e["field"] = error.field;
  return nlohmann::ordered_json{{"error", e}};
}

}  // namespace hearth::adapters::json
