// Checks a JSON answer against the schema the OpenAPI document declares for it, so that an API
// test catches a documented shape that drifted from what the route answers (and the console's
// generated types with it). The subset of JSON Schema that app/http/openapi*.cpp writes: type
// (object, array, string, integer, number, boolean), nullable, enum, properties, required,
// additionalProperties (false or a schema), items, minItems, maxItems, oneOf and $ref to
// #/components/schemas/…; formats are not checked. CheckAnswers checks every answer of a
// router in process.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/http/router.hpp"
#include "app/http/openapi.hpp"

namespace hearth::support {

/// The problems of `value` against `schema` (within `document`, for $ref), each naming its JSON
/// path from `path`; empty when it conforms.
inline std::vector<std::string> SchemaProblems(const nlohmann::ordered_json& document,
                                               const nlohmann::ordered_json& schema,
                                               const nlohmann::json& value,
                                               const std::string& path = "$") {
  std::vector<std::string> out;
  if (auto ref = schema.find("$ref"); ref != schema.end()) {
    const std::string name = ref->get<std::string>().substr(sizeof("#/components/schemas/") - 1);
    const auto& schemas = document["components"]["schemas"];
    if (!schemas.contains(name)) return {path + ": $ref to an undeclared schema " + name};
    return SchemaProblems(document, schemas[name], value, path);
  }
  if (value.is_null()) {
    if (schema.value("nullable", false) || !schema.contains("type")) return out;
    return {path + ": null, but not nullable"};
  }
  if (auto one = schema.find("oneOf"); one != schema.end()) {
    size_t matching = 0;
    for (const auto& s : *one) {
      if (SchemaProblems(document, s, value, path).empty()) ++matching;
    }
    if (matching != 1) out.push_back(path + ": matches " + std::to_string(matching) + " of oneOf");
    return out;
  }
  const std::string type = schema.value("type", "");
  const bool ok = type.empty() || (type == "object" && value.is_object()) ||
                  (type == "array" && value.is_array()) ||
                  (type == "string" && value.is_string()) ||
                  (type == "integer" && value.is_number_integer()) ||
                  (type == "number" && value.is_number()) ||
                  (type == "boolean" && value.is_boolean());
  if (!ok) return {path + ": " + std::string(value.type_name()) + ", not " + type};
  if (auto values = schema.find("enum"); values != schema.end()) {
    bool listed = false;
    for (const auto& v : *values) listed |= v.dump() == value.dump();  // scalars
    if (!listed) out.push_back(path + ": " + value.dump() + " is not in its enum");
  }
  if (value.is_object()) {
    const auto props = schema.value("properties", nlohmann::ordered_json::object());
    for (const auto& r : schema.value("required", nlohmann::ordered_json::array())) {
      const std::string key = r.get<std::string>();
      if (!value.contains(key)) out.push_back(path + ": no " + key);
    }
    const auto extra = schema.find("additionalProperties");
    for (const auto& [key, v] : value.items()) {
      const std::string at = path + "." + key;
      std::vector<std::string> more;
      if (props.contains(key)) {
        more = SchemaProblems(document, props[key], v, at);
      } else if (extra != schema.end() && extra->is_boolean() && !extra->get<bool>()) {
        more = {at + ": not declared"};
      } else if (extra != schema.end() && extra->is_object()) {
        more = SchemaProblems(document, *extra, v, at);
      }
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  if (value.is_array()) {
    const auto n = static_cast<int64_t>(value.size());
    if (schema.contains("minItems") && n < schema["minItems"].get<int64_t>()) {
      out.push_back(path + ": fewer items than minItems");
    }
    if (schema.contains("maxItems") && n > schema["maxItems"].get<int64_t>()) {
      out.push_back(path + ": more items than maxItems");
    }
    if (auto items = schema.find("items"); items != schema.end()) {
      for (size_t i = 0; i < value.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        auto more = SchemaProblems(document, *items, value[i], at);
        out.insert(out.end(), more.begin(), more.end());
      }
    }
  }
  return out;
}

/// The problems of `answer` against component schema `name`.
inline std::vector<std::string> AnswerProblems(const nlohmann::ordered_json& document,
                                               const std::string& name,
                                               const nlohmann::json& answer) {
  return SchemaProblems(document, {{"$ref", "#/components/schemas/" + name}}, answer);
}

/// Checks every JSON answer `router` gives from now on against the schema the OpenAPI document
/// declares for its route and status (the success, a status answered with the same body, or the
/// default: the Error), reporting each problem as a failure of the running test. Call after every
/// route is added: the document is built here. Takes the router's observer.
inline void CheckAnswers(adapters::http::Router& router) {
  auto document =
      std::make_shared<const nlohmann::ordered_json>(app::http::OpenApiDocument(router));
  router.SetObserver([document](const adapters::http::Request& req, const std::string& route,
                                const adapters::http::Response& resp, double) {
    if (route.empty() || resp.body.empty() || req.method == "HEAD" ||
        resp.content_type.rfind("application/json", 0) != 0) {
      return;
    }
    std::string method = req.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& paths = (*document)["paths"];
    if (!paths.contains(route) || !paths[route].contains(method)) return;
    const auto& responses = paths[route][method]["responses"];
    const std::string status = std::to_string(resp.status);
    const auto& declared = responses.contains(status) ? responses[status] : responses["default"];
    const std::string where = req.method + " " + route + " " + status;
    if (!declared.contains("content")) {
      ADD_FAILURE() << where << ": a body, where the document declares none";
      return;
    }
    const auto body = nlohmann::json::parse(resp.body, nullptr, false);
    if (body.is_discarded()) {
      ADD_FAILURE() << where << ": not JSON";
      return;
    }
    const auto& schema = declared["content"]["application/json"]["schema"];
    for (const auto& problem : SchemaProblems(*document, schema, body)) {
      ADD_FAILURE() << where << ": " << problem;
    }
  });
}

}  // namespace hearth::support
