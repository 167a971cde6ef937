// The OpenAPI 3 document of the API, generated from the router's routes (their RouteDoc) and
// the record descriptors, so it cannot drift from what the server answers.
#pragma once

#include <nlohmann/json.hpp>

#include "adapters/http/router.hpp"

namespace hearth::app::http {

nlohmann::ordered_json OpenApiDocument(const adapters::http::Router& router);

/// The component schemas of bodies that are not records (openapi_bodies.cpp).
void AddBodySchemas(nlohmann::ordered_json& schemas);
/// Those of the admin's routes: accounts and calendar imports (openapi_admin.cpp).
void AddAdminBodySchemas(nlohmann::ordered_json& schemas);
/// Those of an adopted sampling plan (openapi_sampling.cpp); after the records' schemas.
void AddSamplingBodySchemas(nlohmann::ordered_json& schemas);

/// GET /api/openapi.json. Register it after every other route.
void AddOpenApiRoute(adapters::http::Router& router);

}  // namespace hearth::app::http
