#include "app/http/indicators.hpp"

#include <algorithm>
#include <iterator>

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "rules/indicators.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json IndicatorJson(const ports::PublishedIndicator& i) {
  ordered_json value = nullptr;
  if (i.denominator != 0) {
    value = static_cast<double>(i.numerator) / static_cast<double>(i.denominator);
  }
  return {{"rule", i.rule},
          {"name", i.name},
          {"numerator", i.numerator},
          {"denominator", i.denominator},
          {"value", value},
          {"display", i.display},
          {"target_per_mille", i.target_per_mille},
          {"target_kind", i.target_kind},
          {"target_basis", i.basis},
          {"status", i.status},
          {"records", i.records}};
}

// `inside`: for those signed in (who published it, the link to its records).
ordered_json PublicationJson(const services::PublicationRead& read, bool inside) {
  const ports::IndicatorPublication& p = read.publication;
  ordered_json indicators = ordered_json::array();
  for (const auto& i : p.indicators) indicators.push_back(IndicatorJson(i));
  ordered_json j = {{"id", p.id},
                    {"company_id", p.company_id},
                    {"company_code", read.company_code},
                    {"company_name", read.company_name},
                    {"month", p.month},
                    {"policy", p.policy},
                    {"published_at", FormatLocal(p.computed_at)}};
  if (inside) {
    j["published_by"] = p.published_by;
    j["records_url"] = "/api/v1/indicators/publications/" + std::to_string(p.id) + "/records";
  }
  j["indicators"] = std::move(indicators);
  return j;
}

// The month parameter, when given.
Result<std::optional<std::string>> MonthParam(const Request& req) {
  auto it = req.query.find("month");
  if (it == req.query.end() || it->second.empty()) return std::optional<std::string>{};
  auto month = services::ParseReportMonth(it->second);
  if (!month.ok()) return month.error();
  return std::optional<std::string>{month->Text()};
}

// The list query of both lists: company, month and the page (by position).
Result<std::pair<ports::PublicationQuery, PageRequest>> ListQuery(const Request& req,
                                                                  ports::RecordStore& records,
                                                                  const ports::Scope& scope) {
  if (auto s =
          adapters::http::OnlyParams(req, {"company", "company_id", "month", "cursor", "limit"});
      !s.ok()) {
    return s.error();
  }
  ports::PublicationQuery q;
  if (!scope.household_id) {
    auto company = CompanyFilter(req, records, scope);
    if (!company.ok()) return company.error();
    q.company_id = *company;
  }
  auto month = MonthParam(req);
  if (!month.ok()) return month.error();
  q.month = *month;
  auto page = ReadPage(req);
  if (!page.ok()) return page.error();
  q.offset = page->cursor.value_or(0);
  q.limit = page->limit + 1;  // one more tells whether another page follows
  return std::pair{q, *page};
}

ordered_json ListJson(const std::vector<services::PublicationRead>& list,
                      const ports::PublicationQuery& q, const PageRequest& page, bool inside) {
  ordered_json items = ordered_json::array();
  const size_t limit = static_cast<size_t>(page.limit);
  for (size_t i = 0; i < list.size() && i < limit; ++i) {
    items.push_back(PublicationJson(list[i], inside));
  }
  std::optional<int64_t> next;
  if (list.size() > limit) next = q.offset + page.limit;
  return PageJson(std::move(items), next);
}

}  // namespace

void AddIndicatorRoutes(adapters::http::Router& router,
                        const services::IndicatorPublicationService& service,
                        ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/indicators/publications",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"month", "company"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto text = TextField(*body, "month", true);
        if (!text.ok()) return ErrorResponse(text.error());
        auto month = services::ParseReportMonth(*text);
        if (!month.ok()) return ErrorResponse(month.error());
        auto company = IdMember(*body, "company", "a company");
        if (!company.ok()) return ErrorResponse(company.error());
        auto published = service.Publish(*month, *company, ActorOf(*p));
        if (!published.ok()) return ErrorResponse(published.error());
        return Json(201, PublicationJson(*published, true));
      },
      {.summary = "Publish a company's indicators of a month that is over (W 14.4.6): R-KPI-S, "
                  "Q, C, P and B computed from the stored records as of now and kept for good, "
                  "with the records behind each; 409 when the month is published already",
       .query = {},
       .request_schema = "IndicatorPublicationNew",
       .response_schema = "IndicatorPublication"});

  router.Add("GET", "/api/v1/indicators/publications",
             [&service, &records, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               const services::OrderActor actor = ActorOf(*p);
               auto q = ListQuery(req, records, actor.scope);
               if (!q.ok()) return ErrorResponse(q.error());
               auto list = service.List(q->first, actor);
               if (!list.ok()) return ErrorResponse(list.error());
               return Json(200, ListJson(*list, q->first, q->second, true));
             },
             {.summary = "Published indicators, newest month first; a household sees its company's",
              .query = {"company", "month", "cursor", "limit"},
              .request_schema = "",
              .response_schema = "IndicatorPublication",
              .list = true});

  router.Add("GET", "/api/v1/indicators/publications/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, PublicationJson(*read, true));
                  }),
             {.summary = "One publication of a month's indicators",
              .query = {},
              .request_schema = "",
              .response_schema = "IndicatorPublication"});

  router.Add(
      "GET", "/api/v1/indicators/publications/{id}/records",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             if (auto s = adapters::http::OnlyParams(req, {"rule", "cursor", "limit"}); !s.ok()) {
               return ErrorResponse(s.error());
             }
             std::string rule;
             if (auto it = req.query.find("rule"); it != req.query.end() && !it->second.empty()) {
               rule = it->second;
               if (auto s = rules::CheckIndicatorRule(rule); !s.ok())
                 return ErrorResponse(s.error());
             }
             auto page = ReadPage(req);
             if (!page.ok()) return ErrorResponse(page.error());
             const int64_t offset = page->cursor.value_or(0);
             auto list = service.Records(id, rule, offset, page->limit + 1, ActorOf(p));
             if (!list.ok()) return ErrorResponse(list.error());
             ordered_json items = ordered_json::array();
             const size_t limit = static_cast<size_t>(page->limit);
             for (size_t i = 0; i < list->size() && i < limit; ++i) {
               const ports::IndicatorRecord& r = (*list)[i];
               items.push_back({{"rule", r.rule},
                                {"record", r.record},
                                {"numerator", r.numerator},
                                {"denominator", r.denominator}});
             }
             std::optional<int64_t> next;
             if (list->size() > limit) next = offset + page->limit;
             return Json(200, PageJson(std::move(items), next));
           }),
      {.summary = "The records behind a publication's indicators, each with its part of the "
                  "numerator and denominator: a stop's seconds × area (R-KPI-S), 1 of 1 or 0 of "
                  "1 for a response or a complaint (R-KPI-Q, P, B), a household's qualified of "
                  "its judged days (R-KPI-C); not for households",
       .query = {"rule", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "IndicatorRecord",
       .list = true});

  router.Add("GET", "/api/v1/public/indicators",
             [&service, &records](const Request& req) {
               auto q = ListQuery(req, records, ports::Scope{});
               if (!q.ok()) return ErrorResponse(q.error());
               auto list = service.Public(q->first);
               if (!list.ok()) return ErrorResponse(list.error());
               return Json(200, ListJson(*list, q->first, q->second, false));
             },
             {.summary = "Every company's published indicators, for anyone without signing in "
                         "(W 14.4.6, R-INFO-1): the figures, not the records behind them",
              .query = {"company", "month", "cursor", "limit"},
              .request_schema = "",
              .response_schema = "IndicatorPublication",
              .list = true});
}

}  // namespace hearth::app::http
