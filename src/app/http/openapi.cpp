#include "app/http/openapi.hpp"

#include <algorithm>

#include "model/resources.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json FieldSchema(const model::Field& f) {
  ordered_json s;
  switch (f.type) {
    case model::FieldType::kInt:
    case model::FieldType::kRef: s["type"] = "integer"; break;
    case model::FieldType::kBool: s["type"] = "boolean"; break;
    case model::FieldType::kCenti:
    case model::FieldType::kTenths: s["type"] = "number"; break;
    case model::FieldType::kJson: s["type"] = "object"; break;
    case model::FieldType::kDate:
      s["type"] = "string";
      s["format"] = "date";
      break;
    case model::FieldType::kEnum:
      s["type"] = "string";
      s["enum"] = f.values;
      break;
    default:
      s["type"] = "string";
      if (f.timestamp) s["format"] = "date-time";  // RFC 3339 with offset (rules/record_checks)
  }
  if (!f.required) s["nullable"] = true;
  std::string doc = f.doc;
  if (f.type == model::FieldType::kRef) doc += " (id of a " + f.ref + " record)";
  if (f.sensitive) doc += "; masked as 138****5678 for roles that do not need it";
  if (f.immutable) doc += "; cannot be changed once set";
  s["description"] = doc;
  return s;
}

ordered_json Components() {
  ordered_json schemas;
  schemas["Error"] = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties",
           {{"code", {{"type", "string"},
                      {"enum", {"invalid_argument", "unauthenticated", "permission_denied",
                                "not_found", "conflict", "failed_precondition", "unavailable",
                                "too_many_requests", "internal"}}}},
            {"message", {{"type", "string"}}},
            {"field", {{"type", "string"}}}}},
          {"required", {"code", "message"}}}}}}};
  for (const auto& r : model::Resources()) {
    ordered_json props;
    props["id"] = {{"type", "integer"}, {"readOnly", true}};
    std::vector<std::string> required;
    for (const auto& f : r.fields) {
      props[f.name] = FieldSchema(f);
      if (f.required) required.push_back(f.name);
    }
    schemas[r.singular] = {{"type", "object"}, {"description", r.doc}, {"properties", props},
                           {"required", required}, {"additionalProperties", false}};
  }
  AddBodySchemas(schemas);
  AddAdminBodySchemas(schemas);
  AddSamplingBodySchemas(schemas);
  AddMonitoringSchemas(schemas);
  AddServiceSchemas(schemas);
  AddComplaintSchemas(schemas);
  AddRegulatorSchemas(schemas);
  AddRegulatorFlagSchemas(schemas);
  AddAccountSchemas(schemas);
  return {{"schemas", schemas},
          {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}};
}

ordered_json Ref(const std::string& schema) {
  return {{"$ref", "#/components/schemas/" + schema}};
}

ordered_json Operation(const adapters::http::Router::Route& route) {
  const adapters::http::RouteDoc& doc = route.doc;
  ordered_json op;
  op["summary"] = doc.summary;
  ordered_json params = ordered_json::array();
  for (const auto& seg : route.segments) {
    if (seg.size() > 2 && seg.front() == '{') {
      params.push_back({{"name", seg.substr(1, seg.size() - 2)}, {"in", "path"},
                        {"required", true}, {"schema", {{"type", "string"}}}});
    }
  }
  for (const auto& q : doc.query) {
    ordered_json param{{"name", q}, {"in", "query"}, {"required", false},
                       {"schema", {{"type", "string"}}}};
    // Paging is the same on every list (app/http/paging.hpp).
    if (q == "cursor") {
      param["description"] = "the next_cursor of the page before, given back unchanged";
    } else if (q == "limit") {
      param["schema"] = {{"type", "integer"}, {"minimum", 1}};
      param["description"] = "how many items a page holds at most";
    } else if (q == "company") {  // one name per idea across the API (app/http/filters.hpp)
      param["description"] = "a company's id or code; company staff see their own company only";
    } else if (q == "season") {
      param["schema"] = {{"type", "integer"}, {"minimum", 2000}, {"maximum", 2200}};
      param["description"] = "the year the season starts: 2025 for 2025-11-15 … 2026-03-15";
    } else if (q == "from" || q == "to") {
      param["description"] = q == "from" ? "a date (from its first second, local time) or an "
                                           "RFC 3339 time"
                                         : "a date (to its last second, local time) or an "
                                           "RFC 3339 time";
    }
    params.push_back(std::move(param));
  }
  if (!params.empty()) op["parameters"] = params;
  if (doc.request_schema == "csv") {
    op["requestBody"] = {{"required", true},
                         {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}};
  } else if (!doc.request_schema.empty()) {
    ordered_json content = {{"application/json", {{"schema", Ref(doc.request_schema)}}}};
    if (doc.csv_too) content["text/csv"] = {{"schema", {{"type", "string"}}}};
    op["requestBody"] = {{"required", true}, {"content", content}};
  }
  ordered_json ok_schema = {{"type", "object"}};
  if (!doc.response_schema.empty()) ok_schema = Ref(doc.response_schema);
  if (doc.list) {
    ok_schema = {{"type", "object"},
                 {"properties",
                  {{"items", {{"type", "array"}, {"items", ok_schema}}},
                   {"next_cursor", {{"type", "string"}, {"nullable", true}}}}}};
  }
  std::string ok = doc.status != 0 ? std::to_string(doc.status)
                   : route.method == "POST" && doc.request_schema != "csv" &&
                           !doc.request_schema.empty()
                       ? "201"
                   : route.method == "DELETE" ? "204"
                                              : "200";
  ordered_json responses;
  if (ok == "204") {
    responses[ok] = {{"description", "done"}};
  } else {
    responses[ok] = {{"description", "success"},
                     {"content", {{"application/json", {{"schema", ok_schema}}}}}};
  }
  // A route that takes async=true starts a job instead (app/http/jobs.hpp: JobAccepted).
  if (std::find(doc.query.begin(), doc.query.end(), "async") != doc.query.end()) {
    responses["202"] = {{"description", "async=true: started as a job; poll its Location"},
                        {"content", {{"application/json", {{"schema", Ref("Job")}}}}}};
  }
  for (const auto& [status, when] : doc.same_body) {
    responses[std::to_string(status)] = {
        {"description", when}, {"content", {{"application/json", {{"schema", ok_schema}}}}}};
  }
  responses["default"] = {{"description", "an error"},
                          {"content", {{"application/json", {{"schema", Ref("Error")}}}}}};
  op["responses"] = responses;
  return op;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

ordered_json OpenApiDocument(const adapters::http::Router& router) {
  ordered_json paths = ordered_json::object();
  for (const auto& route : router.routes()) {
    paths[route.pattern][Lower(route.method)] = Operation(route);
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "Hearth API"}, {"version", "0.1.0"},
                    {"description", "District-heating service platform: records, rules and "
                                    "calculators of the Weihai standard and the Zibo opinions."}}},
          {"servers", {{{"url", "/"}}}},
          {"security", {{{"bearer", ordered_json::array()}}}},
          {"paths", paths},
          {"components", Components()}};
}

void AddOpenApiRoute(adapters::http::Router& router) {
  // The document is built once, when the route is added: every route is registered by then.
  auto doc = std::make_shared<std::string>();
  router.Add("GET", "/api/openapi.json",
             [doc](const adapters::http::Request&) {
               return adapters::http::Response{200, "application/json", *doc, {}};
             },
             {.summary = "This OpenAPI 3 document", .query = {}, .request_schema = "",
              .response_schema = "", .list = false, .gated = false});
  *doc = OpenApiDocument(router).dump();
}

}  // namespace hearth::app::http
