#include "app/http/mass_complaints.hpp"

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

constexpr std::chrono::days kDefaultPeriod{30};

ordered_json FlagJson(const ports::MassComplaintFlag& f) {
  return {{"id", f.id},
          {"company_id", f.company_id},
          {"community", f.community},
          {"complaints", f.order_ids.size()},
          {"first_at", FormatLocal(f.first_at)},
          {"reached_at", FormatLocal(f.reached_at)},
          {"last_at", FormatLocal(f.last_at)},
          {"reached_order_id", f.reached_order_id},
          {"order_ids", f.order_ids},
          {"threshold", f.threshold},
          {"window_hours", f.window_hours},
          {"policy", f.policy},
          {"flagged_at", FormatLocal(f.flagged_at)}};
}

}  // namespace

void AddMassComplaintRoutes(adapters::http::Router& router,
                            const services::MassComplaintService& service,
                            ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/complaints/mass",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(
                req, {"company", "company_id", "from", "to", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const services::OrderActor actor = ActorOf(*p);
        ports::MassComplaintQuery q;
        if (!actor.scope.household_id) {
          auto company = CompanyFilter(req, records, actor.scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        auto to = TimeParam(req, "to", true);
        if (!to.ok()) return ErrorResponse(to.error());
        q.until = to->value_or(std::chrono::floor<std::chrono::seconds>(
            std::chrono::system_clock::now()));
        auto from = TimeParam(req, "from", false);
        if (!from.ok()) return ErrorResponse(from.error());
        q.from = from->value_or(q.until - kDefaultPeriod);
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.after = page->cursor;
        q.limit = page->limit + 1;  // one more tells whether another page follows
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200, KeyedPage(*list, page->limit, FlagJson,
                                   [](const ports::MassComplaintFlag& f) { return f.id; }));
      },
      {.summary = "Mass complaints (R-REG-1): a community's complaints that reached the "
                  "profile's threshold (20 within 24 h, a platform default), flagged to the "
                  "regulator and the company when it happened; duplicates are not counted",
       .query = {"company", "from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "MassComplaint",
       .list = true});
}

}  // namespace hearth::app::http
