// Building blocks of the hand-written OpenAPI schemas (openapi_bodies.cpp, openapi_admin.cpp,
// openapi_sampling.cpp): small JSON Schema nodes, each with its description.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hearth::app::http::schema {

using nlohmann::ordered_json;

/// An object with exactly these properties, `required` among them.
inline ordered_json Object(ordered_json properties, std::vector<std::string> required) {
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}
inline ordered_json Text(const std::string& description) {
  return {{"type", "string"}, {"description", description}};
}
inline ordered_json Enum(std::vector<std::string> values, const std::string& description) {
  return {{"type", "string"}, {"enum", std::move(values)}, {"description", description}};
}
inline ordered_json Integer(const std::string& description) {
  return {{"type", "integer"}, {"description", description}};
}
inline ordered_json Number(const std::string& description) {
  return {{"type", "number"}, {"description", description}};
}
inline ordered_json Boolean(const std::string& description) {
  return {{"type", "boolean"}, {"description", description}};
}
inline ordered_json ArrayOf(ordered_json items, int min_items, int max_items = 0) {
  ordered_json a = {{"type", "array"}, {"items", std::move(items)}, {"minItems", min_items}};
  if (max_items > 0) a["maxItems"] = max_items;
  return a;
}
/// `s`, which may also be null.
inline ordered_json Nullable(ordered_json s) {
  s["nullable"] = true;
  return s;
}
/// rules::RoleName's roles.
inline ordered_json RoleEnum(const std::string& description) {
  return Enum({"admin", "regulator", "manager", "agent", "technician", "household"}, description);
}
/// A reference to component schema `name`.
inline ordered_json RefTo(const std::string& name) {
  return {{"$ref", "#/components/schemas/" + name}};
}

}  // namespace hearth::app::http::schema
