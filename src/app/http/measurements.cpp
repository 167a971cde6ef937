// /api/v1/measurements: manual measurements (R-TEMP-4), see monitoring.hpp.
#include <nlohmann/json.hpp>

#include "adapters/json/json_input.hpp"
#include "adapters/json/measurement_json.hpp"
#include "app/http/filters.hpp"
#include "app/http/monitoring.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

bool IsStaff(rules::Role role) {
  return role == rules::Role::kAdmin || role == rules::Role::kManager ||
         role == rules::Role::kAgent || role == rules::Role::kTechnician;
}

Error NotStaff(rules::Role role, const char* what) {
  return Error::PermissionDenied("role " + std::string(rules::RoleName(role)) + " may not " + what);
}

Result<int64_t> Id(const std::string& text, const std::string& field, bool not_found) {
  auto id = adapters::http::ParseDigits(text);
  if (!id) {
    return not_found ? Error::NotFound("no measurement " + text, field)
                     : Error::InvalidArgument(field + " must be a number", field);
  }
  return *id;
}

adapters::http::Response Post(const adapters::http::Request& req,
                              services::MeasurementService& service, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (!IsStaff(p->role))
    return adapters::http::ErrorResponse(NotStaff(p->role, "record measurements"));
  if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  auto input = adapters::json::ParseMeasurementJson(req.body);
  if (!input.ok()) return adapters::http::ErrorResponse(input.error());
  auto out = service.Add(*input, services::ScopeOf(*p), p->username);
  if (!out.ok()) return adapters::http::ErrorResponse(out.error());
  if (!out->stored) {
    // R-TEMP-4: rejected, every broken rule named; nothing was stored.
    std::string message = "the measurement breaks R-TEMP-4: ";
    for (size_t i = 0; i < out->violations.size(); ++i) {
      message += (i ? "; " : "") + out->violations[i].Text();
    }
    ordered_json body{{"error",
                       {{"code", "invalid_argument"},
                        {"message", message},
                        {"field", "measurement"},
                        {"violations", adapters::json::ViolationsToJson(out->violations)}}}};
    return adapters::http::Json(400, body);
  }
  return adapters::http::Json(201, adapters::json::MeasurementToJson(*out->stored));
}

adapters::http::Response List(const adapters::http::Request& req,
                              services::MeasurementService& service, ports::RecordStore& records,
                              services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  if (auto s = adapters::http::OnlyParams(req, {"household_id", "company", "company_id",
                                                "district_id", "from", "to", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  const ports::Scope scope = services::ScopeOf(*p);
  ports::MeasurementQuery q;
  for (const char* key : {"household_id", "district_id"}) {
    auto it = req.query.find(key);
    if (it == req.query.end()) continue;
    auto id = Id(it->second, key, false);
    if (!id.ok()) return adapters::http::ErrorResponse(id.error());
    (std::string(key) == "household_id" ? q.household_id : q.district_id) = *id;
  }
  if (!scope.household_id) {
    auto company = CompanyFilter(req, records, scope);
    if (!company.ok()) return adapters::http::ErrorResponse(company.error());
    q.company_id = *company;
  }
  auto from = TimeParam(req, "from", false);
  if (!from.ok()) return adapters::http::ErrorResponse(from.error());
  auto to = TimeParam(req, "to", true);
  if (!to.ok()) return adapters::http::ErrorResponse(to.error());
  q.from = *from;
  q.to = *to;
  q.after = page->cursor;
  q.limit = page->limit + 1;  // one more tells whether there is a next page
  auto list = service.List(q, scope);
  if (!list.ok()) return adapters::http::ErrorResponse(list.error());
  ordered_json items = ordered_json::array();
  std::optional<int64_t> next;
  for (size_t i = 0; i < list->size(); ++i) {
    if (i == static_cast<size_t>(page->limit)) {
      next = (*list)[i - 1].id;
      break;
    }
    items.push_back(adapters::json::MeasurementToJson((*list)[i]));
  }
  return adapters::http::Json(200, PageJson(std::move(items), next));
}

adapters::http::Response Patch(const adapters::http::Request& req,
                               services::MeasurementService& service, services::AuthService& auth) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return AuthErrorResponse(p.error());
  const bool household = p->role == rules::Role::kHousehold;
  if (!IsStaff(p->role) && !household) {
    return adapters::http::ErrorResponse(NotStaff(p->role, "change measurements"));
  }
  if (auto s = adapters::http::OnlyParams(req, {}); !s.ok())
    return adapters::http::ErrorResponse(s.error());
  auto id = Id(req.params.at("id"), "id", true);
  if (!id.ok()) return adapters::http::ErrorResponse(id.error());
  auto parsed = adapters::json::ParseInput(req.body);
  if (!parsed.ok()) return adapters::http::ErrorResponse(parsed.error());
  nlohmann::json& body = *parsed;
  if (!body.is_object()) {
    return adapters::http::ErrorResponse(
        Error::InvalidArgument("the body must be {\"signature\":…, \"overridden\":…}", "body"));
  }
  std::optional<std::string> signature;
  std::optional<bool> overridden;
  for (const auto& [key, value] : body.items()) {
    if (key == "signature" && value.is_string()) {
      signature = value.get<std::string>();
    } else if (key == "overridden" && value.is_boolean()) {
      overridden = value.get<bool>();
    } else {
      return adapters::http::ErrorResponse(Error::InvalidArgument(
          key + ": only signature (text) and overridden (true/false) may change", key));
    }
  }
  auto m = service.Update(*id, signature, overridden,
                          {p->username, household, services::ScopeOf(*p)});
  if (!m.ok()) return adapters::http::ErrorResponse(m.error());
  return adapters::http::Json(200, adapters::json::MeasurementToJson(*m));
}

}  // namespace

void AddMeasurementRoutes(adapters::http::Router& router,
                          services::MeasurementService& measurements, ports::RecordStore& records,
                          services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/measurements",
      [&measurements, &auth](const adapters::http::Request& req) {
        return Post(req, measurements, auth);
      },
      {.summary = "Record a manual room-temperature measurement (R-TEMP-4): validated against "
                  "the household's profile; a measurement breaking a rule is rejected (400) "
                  "with every rule it broke, and nothing is stored (admin, manager, agent, "
                  "technician)",
       .query = {},
       .request_schema = "MeasurementInput",
       .response_schema = "Measurement",
       .list = false});
  router.Add(
      "GET", "/api/v1/measurements",
      [&measurements, &records, &auth](const adapters::http::Request& req) {
        return List(req, measurements, records, auth);
      },
      {.summary = "Manual measurements by id, with their signature, third-party and overridden "
                  "status and whether they are evidence (R-REFUND-5); filters: household_id, "
                  "company (id or code), district_id, from/to (date or RFC 3339, the time "
                  "taken); a household sees its own",
       .query = {"household_id", "company", "district_id", "from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Measurement",
       .list = true});
  router.Add("PATCH", "/api/v1/measurements/{id}",
             [&measurements, &auth](const adapters::http::Request& req) {
               return Patch(req, measurements, auth);
             },
             {.summary = "The household signs or refuses its own pending measurement (R-TEMP-4: "
                         "staff cannot sign for it; final once given), or staff mark a "
                         "measurement overridden by a third-party test of the same day",
              .query = {},
              .request_schema = "MeasurementPatch",
              .response_schema = "Measurement",
              .list = false});
}

}  // namespace hearth::app::http
