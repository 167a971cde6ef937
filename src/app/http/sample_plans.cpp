#include "app/http/sample_plans.hpp"

#include "adapters/json/sample_plan_json.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/jobs.hpp"
#include "app/http/reports.hpp"
#include "app/http/sample_plan_export.hpp"
#include "core/decimal.hpp"
#include "adapters/json/record_json.hpp"
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

// The company and seed of a plan's request (?company=&seed=), as GET previews it and POST
// adopts it.
Result<std::pair<int64_t, uint64_t>> CompanyAndSeed(const adapters::http::Request& req,
                                                    ports::RecordStore& records,
                                                    const ports::Scope& scope) {
  auto company = CompanyFilter(req, records, scope);
  if (!company.ok()) return company.error();
  if (!*company) return Error::InvalidArgument("company is required", "company");
  uint64_t seed = services::kDefaultSeed;
  if (auto it = req.query.find("seed"); it != req.query.end()) {
    auto parsed = services::ParseSeed(it->second);
    if (!parsed.ok()) return parsed.error();
    seed = *parsed;
  }
  return std::pair{**company, seed};
}

// The body of POST /api/v1/sample-plan: {"season","from","to","staff":[…]}.
Result<services::PlanAdoption> AdoptionOf(const std::string& text) {
  auto body = ObjectBody(text, {"season", "from", "to", "staff"});
  if (!body.ok()) return body.error();
  services::PlanAdoption a;
  auto season = SeasonMember(*body);
  if (!season.ok()) return season.error();
  a.season = *season;
  auto from = DateField(*body, "from");
  if (!from.ok()) return from.error();
  auto to = DateField(*body, "to");
  if (!to.ok()) return to.error();
  a.from = *from;
  a.to = *to;
  auto staff = body->find("staff");
  if (staff != body->end() && !staff->is_null()) {
    if (!staff->is_array()) {
      return Error::InvalidArgument("staff must be a list of technicians' usernames", "staff");
    }
    for (const auto& s : *staff) {
      if (!s.is_string() || s.get<std::string>().empty()) {
        return Error::InvalidArgument("staff must be a list of technicians' usernames", "staff");
      }
      a.staff.push_back(s.get<std::string>());
    }
  }
  return a;
}

}  // namespace

void AddSamplePlanRoutes(adapters::http::Router& router,
                         const services::CompanySamplePlanService& plans,
                         const services::SamplePlanAdoptionService& adoption,
                         ports::RecordStore& records, services::AuthService& auth,
                         services::JobRunner& jobs) {
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
        auto asked = CompanyAndSeed(req, records, scope);
        if (!asked.ok()) return ErrorResponse(asked.error());
        const auto [company, seed] = *asked;
        auto format = ExportFormatParam(req);
        if (!format.ok()) return ErrorResponse(format.error());
        auto plan = plans.Plan(company, seed, scope);
        if (!plan.ok()) return ErrorResponse(plan.error());
        if (*format == ExportFormat::kXlsx) {
          return XlsxAttachment(SamplePlanXlsx(*plan), SamplePlanFileStem(*plan) + ".xlsx");
        }
        if (*format == ExportFormat::kCsv) {
          return CsvAttachment(SamplePlanCsv(*plan), SamplePlanFileStem(*plan) + ".csv");
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
       .response_schema = "SamplePlanPreview",
       .list = false});

  router.Add(
      "POST", "/api/v1/sample-plan",
      [&plans, &adoption, &records, &auth, &jobs](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != Role::kAdmin && p->role != Role::kManager) {
          return ErrorResponse(
              Error::PermissionDenied("a season's sampling plan is adopted by its manager"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id", "seed", "async"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        auto asked = CompanyAndSeed(req, records, scope);
        if (!asked.ok()) return ErrorResponse(asked.error());
        auto wanted = AdoptionOf(req.body);
        if (!wanted.ok()) return ErrorResponse(wanted.error());
        auto async = req.query.find("async");
        if (async != req.query.end() && async->second != "true" && async->second != "false") {
          return ErrorResponse(Error::InvalidArgument("async must be true or false", "async"));
        }
        services::JobRunner::Work work = [&plans, &adoption, company = asked->first,
                                          seed = asked->second, a = *wanted, scope,
                                          actor = p->username](const services::Progress& progress)
            -> Result<std::string> {
          auto drawn = plans.Plan(company, seed, scope);
          if (!drawn.ok()) return drawn.error();
          auto plan = adoption.Adopt(*drawn, a, adapters::json::SamplePlanSummary(drawn->plan, drawn->households), actor, progress);
          if (!plan.ok()) return plan.error();
          return adapters::json::RecordToJson(*model::FindResource("sample_plans"), *plan).dump();
        };
        if (async == req.query.end() || async->second == "false") {
          auto answer = work({});
          if (!answer.ok()) return ErrorResponse(answer.error());
          adapters::http::Response r;
          r.status = 201;
          r.body = std::move(*answer);
          return r;
        }
        // Issue 14: a plan for a large company as a job; its progress, the points stored.
        ports::Job job;
        job.kind = "sample-plan";
        job.company_id = asked->first;
        job.params_json = ordered_json{{"company_id", asked->first},
                                       {"seed", std::to_string(asked->second)},
                                       {"season", wanted->season},
                                       {"from", FormatDate(wanted->from)},
                                       {"to", FormatDate(wanted->to)},
                                       {"staff", wanted->staff}}
                              .dump();
        job.started_by = p->username;
        auto started = jobs.Start(std::move(job), std::move(work));
        if (!started.ok()) return ErrorResponse(started.error());
        return JobAccepted(*started);
      },
      {.summary = "Adopt a company's season sampling plan (R-SAMPLE-3): the plan GET previews "
                  "with the same company and seed, its visits scheduled over from..to among the "
                  "staff (technicians of the company; the k-th of n visits, in building order, "
                  "on day from + k·days/n, buildings shared in turn), stored once per season "
                  "(409 after) as a sample_plans record and its sample_points. Answers 201 with "
                  "the plan; with async=true, 202 with a job of kind sample-plan",
       .query = {"company", "seed", "async"},
       .request_schema = "SamplePlanAdoption",
       .response_schema = "sample plan",
       .list = false});
}

}  // namespace hearth::app::http
