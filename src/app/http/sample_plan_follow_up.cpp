// GET /api/v1/sample_plans/{id}/follow-up and POST /api/v1/sample_points/{id}/reschedule
// (R-SAMPLE-3: the plan is followed; services/sample_plan_adoption.hpp).
#include "adapters/json/record_json.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/reports.hpp"
#include "app/http/sample_plan_export.hpp"
#include "app/http/sample_plans.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using nlohmann::ordered_json;
using rules::Role;

ordered_json FollowUpJson(const services::PlanFollowUp& f) {
  const model::Resource& points = *model::FindResource("sample_points");
  ordered_json counts = ordered_json::object();
  for (size_t s = 0; s < f.counts.size(); ++s) {
    counts[std::string(rules::CollectionStatusName(static_cast<rules::CollectionStatus>(s)))] =
        f.counts[s];
  }
  ordered_json items = ordered_json::array();
  for (const services::PointFollowUp& p : f.points) {
    ordered_json j = adapters::json::RecordToJson(points, p.point);
    j["household_code"] = p.household_code;
    j["address"] = OrNull(p.address);
    j["status"] = rules::CollectionStatusName(p.status);
    j["collected_on"] = OrNull(p.collected_on);
    j["collected_by"] = OrNull(p.collected_by);
    items.push_back(std::move(j));
  }
  return {{"plan", adapters::json::RecordToJson(*model::FindResource("sample_plans"), f.plan)},
          {"today", FormatDate(f.today)},
          {"counts", std::move(counts)},
          {"points", std::move(items)}};
}

}  // namespace

void AddSamplePlanFollowUpRoutes(adapters::http::Router& router,
                                 const services::SamplePlanAdoptionService& adoption,
                                 services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/sample_plans/{id}/follow-up",
      [&adoption, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role == Role::kHousehold || p->role == Role::kAgent) {
          return ErrorResponse(Error::PermissionDenied(
              "sampling plans are for managers, technicians, admins and regulators"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"staff", "format"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        auto format = ExportFormatParam(req);
        if (!format.ok()) return ErrorResponse(format.error());
        auto id = IdParam(req.params.at("id"), "id");
        if (!id.ok()) return ErrorResponse(id.error());
        std::optional<std::string> staff;
        if (auto it = req.query.find("staff"); it != req.query.end() && !it->second.empty()) {
          staff = it->second;
        }
        auto f = adoption.FollowUp(*id, services::ScopeOf(*p), staff);
        if (!f.ok()) return ErrorResponse(f.error());
        if (*format == ExportFormat::kXlsx) {
          return XlsxAttachment(FollowUpXlsx(*f, staff), FollowUpFileStem(*f, staff) + ".xlsx");
        }
        if (*format == ExportFormat::kCsv) {
          return CsvAttachment(FollowUpCsv(*f), FollowUpFileStem(*f, staff) + ".csv");
        }
        return adapters::http::Json(200, FollowUpJson(*f));
      },
      {.summary = "Whether an adopted sampling plan is followed (R-SAMPLE-3), today: each point "
                  "with its household, day and technician, and its status: collected (a manual "
                  "point by a valid measurement, R-TEMP-4, on or before its day; a remote one by "
                  "a day with data in the window), late (measured after its day), due, or "
                  "overdue (its day passed uncollected); the counts by status over the whole "
                  "plan; staff=username narrows the points to one technician's; format=csv or "
                  "xlsx to export the points (a technician's round sheet)",
       .query = {"staff", "format"},
       .request_schema = "",
       .response_schema = "SamplePlanFollowUp",
       .list = false});

  router.Add(
      "POST", "/api/v1/sample_points/{id}/reschedule",
      [&adoption, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != Role::kAdmin && p->role != Role::kManager) {
          return ErrorResponse(Error::PermissionDenied(
              "a sampling plan's days and staff are changed by the company's manager"));
        }
        auto id = IdParam(req.params.at("id"), "id");
        if (!id.ok()) return ErrorResponse(id.error());
        auto body = ObjectBody(req.body, {"collect_on", "staff"});
        if (!body.ok()) return ErrorResponse(body.error());
        std::optional<Date> on;
        if (body->contains("collect_on") && !(*body)["collect_on"].is_null()) {
          auto d = DateField(*body, "collect_on");
          if (!d.ok()) return ErrorResponse(d.error());
          on = *d;
        }
        auto staff_text = TextField(*body, "staff", false);
        if (!staff_text.ok()) return ErrorResponse(staff_text.error());
        std::optional<std::string> staff;
        if (!staff_text->empty()) staff = *staff_text;
        auto point =
            adoption.Reschedule(*id, on, staff, services::ScopeOf(*p), p->username);
        if (!point.ok()) return ErrorResponse(point.error());
        return adapters::http::Json(
            200, adapters::json::RecordToJson(*model::FindResource("sample_points"), *point));
      },
      {.summary = "Change a manual point's day (within its plan's window) and/or technician "
                  "(R-SAMPLE-3), audited; a remote point has no visit (409)",
       .query = {},
       .request_schema = "SamplePointChange",
       .response_schema = "sample point",
       .list = false,
       .status = 200});
}

}  // namespace hearth::app::http
