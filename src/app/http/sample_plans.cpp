#include "app/http/sample_plans.hpp"

#include "adapters/json/sample_plan_json.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/reports.hpp"
#include "app/http/sample_plan_export.hpp"
#include "core/decimal.hpp"
#include "services/sample_plan_service.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using nlohmann::ordered_json;
using rules::Role;

ordered_json PlanJson(const services::CompanySamplePlan& plan) {
  ordered_json j = {
      {"company_id", plan.company.id},     {"company_code", plan.company.code},
      {"company_name", plan.company.name}, {"policy", plan.company.policy},
      {"seed", std::to_string(plan.seed)}, {"generated_at", FormatLocal(plan.generated_at)}};
  const ordered_json computed = adapters::json::SamplePlanToJson(plan.plan, plan.households);
  for (const auto& [key, value] : computed.items()) j[key] = value;
  ordered_json chosen = ordered_json::array();
  for (size_t i : plan.plan.selected) {
    const rules::SampleHousehold& h = plan.households[i];
    const services::SampledHouseholdRef& r = plan.refs[i];
    chosen.push_back({{"household_id", r.household_id},
                      {"code", r.code},
                      {"address", OrNull(r.address)},
                      {"community", r.community},
                      {"building_id", r.building_id},
                      {"building_code", r.building_code},
                      {"floor", h.floor},
                      {"floors", h.floors},
                      {"floor_tier", rules::TierName(rules::TierOf(h))},
                      {"network_position", rules::PositionName(h.position)},
                      {"position_derived", r.position_derived},
                      {"orientation", rules::OrientationName(h.orientation)},
                      {"area_m2", ordered_json::parse(FormatFen(r.area_m2_centi))},
                      {"has_sensor", h.has_sensor}});
  }
  j["selected_households"] = std::move(chosen);
  return j;
}

}  // namespace

void AddSamplePlanRoutes(adapters::http::Router& router,
                         const services::CompanySamplePlanService& plans,
                         ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/sample-plan",
      [&plans, &records, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != Role::kAdmin && p->role != Role::kRegulator && p->role != Role::kManager &&
            p->role != Role::kTechnician) {
          return ErrorResponse(Error::PermissionDenied(
              "sampling plans are for managers, technicians, admins and regulators"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id", "seed", "format"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        auto company = CompanyFilter(req, records, scope);
        if (!company.ok()) return ErrorResponse(company.error());
        if (!*company) {
          return ErrorResponse(Error::InvalidArgument("company is required", "company"));
        }
        uint64_t seed = services::kDefaultSeed;
        if (auto it = req.query.find("seed"); it != req.query.end()) {
          auto parsed = services::ParseSeed(it->second);
          if (!parsed.ok()) return ErrorResponse(parsed.error());
          seed = *parsed;
        }
        auto format = req.query.find("format");
        const std::string kind = format == req.query.end() ? "json" : format->second;
        if (kind != "json" && kind != "csv" && kind != "xlsx") {
          return ErrorResponse(
              Error::InvalidArgument("format must be json, csv or xlsx", "format"));
        }
        auto plan = plans.Plan(**company, seed, scope);
        if (!plan.ok()) return ErrorResponse(plan.error());
        if (kind == "xlsx") {
          return XlsxAttachment(SamplePlanXlsx(*plan), SamplePlanFileStem(*plan) + ".xlsx");
        }
        if (kind == "csv") {
          adapters::http::Response r;
          r.status = 200;
          r.content_type = "text/csv; charset=utf-8";
          r.body = SamplePlanCsv(*plan);
          r.headers.emplace_back("Content-Disposition",
                                 "attachment; filename=\"" + SamplePlanFileStem(*plan) + ".csv\"");
          return r;
        }
        return adapters::http::Json(200, PlanJson(*plan));
      },
      {.summary = "A company's season sampling plan from its stored heated households "
                  "(R-SAMPLE-1..3): the required count, the quotas by network position, "
                  "orientation and floor tier, what the selection achieves, the shortfalls, and "
                  "the households selected; a building's position is derived from its pipe "
                  "distance by thirds within its substation when not set; company (id or code; "
                  "required for admin and regulator), seed (0 by default: the same seed and "
                  "records give the same plan), format=csv or xlsx to export",
       .query = {"company", "seed", "format"},
       .request_schema = "",
       .response_schema = "",
       .list = false});
}

}  // namespace hearth::app::http
