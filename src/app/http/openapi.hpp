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

/// The answers' schemas of a household's judged days, readings, refunds, alerts and the calendar's state (days.cpp, readings.cpp, refunds.cpp, alerts.cpp, health.cpp, weather.cpp) (openapi_monitoring.cpp).
void AddMonitoringSchemas(nlohmann::ordered_json& schemas);
/// The answers' schemas of measurements, policies, the audit log, notifications, accounts, the calculators, imports and quarantined or conflicting readings (openapi_service.cpp).
void AddServiceSchemas(nlohmann::ordered_json& schemas);
/// The answers' schemas of work orders, outages, findings, insurance claims, mass complaints and the hotline (openapi_complaints.cpp).
void AddComplaintSchemas(nlohmann::ordered_json& schemas);
/// The answers' schemas of indicators, the regulator's comparisons and flags, energy reports, public information and reports (openapi_regulator.cpp).
void AddRegulatorSchemas(nlohmann::ordered_json& schemas);
/// The regulator's comparison of companies, licence and season flags (openapi_regulator_flags.cpp); after AddRegulatorSchemas.
void AddRegulatorFlagSchemas(nlohmann::ordered_json& schemas);
/// The answers' schemas of bills, arrears, connections, heating changes, meter disputes and price notices (openapi_accounts.cpp).
void AddAccountSchemas(nlohmann::ordered_json& schemas);

/// GET /api/openapi.json. Register it after every other route.
void AddOpenApiRoute(adapters::http::Router& router);

}  // namespace hearth::app::http
