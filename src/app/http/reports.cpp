#include "app/http/reports.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "adapters/xlsx/hotline_report_xlsx.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/indicator_xlsx.hpp"
#include "app/http/paging.hpp"
#include "ports/record_views.hpp"
#include "rules/access.hpp"
#include "rules/deadline.hpp"
#include "rules/indicators.hpp"
#include "services/hotline_report_service.hpp"
#include "services/indicator_publication_service.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using nlohmann::ordered_json;
using rules::Role;

// What the report routes read: the caller (a reporting role), the period and the company; the
// indicators also take a run of days (from and to) instead of a month, and a district.
struct ReportRequest {
  services::ReportMonth month;
  std::optional<int64_t> company;
  std::optional<int64_t> district;
  ports::Scope scope;
};

const std::string* Param(const adapters::http::Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? nullptr : &it->second;
}

// The `district` parameter: an id or a code (as `company`). Digits are an id when a district has
// it, else a code (districts are often coded by their six-digit division code); neither is
// invalid_argument naming it.
Result<std::optional<int64_t>> DistrictParam(const adapters::http::Request& req,
                                             ports::RecordStore& records) {
  const std::string* text = Param(req, "district");
  if (text == nullptr) return std::optional<int64_t>{};
  if (auto digits = adapters::http::ParseDigits(*text)) {
    auto by_id = ports::GetView<ports::DistrictView>(records, *digits);
    if (by_id.ok()) return std::optional<int64_t>{by_id->id};
    if (by_id.error().code != ErrorCode::kNotFound) return by_id.error();
  }
  auto found = ports::ListViews<ports::DistrictView>(records, {{"code", *text}});
  if (!found.ok()) return found.error();
  if (found->empty()) {
    return Error::InvalidArgument("no district with the id or code '" + *text + "'", "district");
  }
  return std::optional<int64_t>{found->front().id};
}

// `days`: the indicators' period, a month or from and to (dates, both inclusive).
Result<ReportRequest> ReadRequest(const adapters::http::Request& req, ports::RecordStore& records,
                                  services::AuthService& auth,
                                  std::initializer_list<std::string_view> params,
                                  bool days = false) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return p.error();
  if (p->role == Role::kTechnician || p->role == Role::kHousehold) {
    return Error::PermissionDenied("reports are for admins, regulators, managers and agents");
  }
  if (auto s = adapters::http::OnlyParams(req, params); !s.ok()) return s.error();
  ReportRequest out;
  out.scope = services::ScopeOf(*p);
  auto period = days ? ReportPeriodParam(req) : MonthParam(req);
  if (!period.ok()) return period.error();
  out.month = *period;
  auto company = CompanyFilter(req, records, out.scope);
  if (!company.ok()) return company.error();
  out.company = *company;
  if (days) {
    auto district = DistrictParam(req, records);
    if (!district.ok()) return district.error();
    out.district = *district;
  }
  return out;
}

ordered_json CompanyJson(const services::CompanyRef& c) {
  return {{"company_id", c.id}, {"company_code", c.code}, {"company_name", c.name}};
}

ordered_json RowJson(const services::HotlineRow& r, bool total) {
  ordered_json j = ordered_json::object();
  if (!total) j["channel"] = rules::ChannelName(r.channel);
  j["received"] = r.received;
  j["on_time"] = r.on_time;
  j["late"] = r.late;
  j["pending"] = r.pending;
  j["returned"] = r.returned;
  j["extended"] = r.extended;
  j["satisfaction"] = {{"satisfied", r.satisfied},
                       {"basically_satisfied", r.basically_satisfied},
                       {"unsatisfied", r.unsatisfied},
                       {"not_visited", r.not_visited}};
  j["second_complaints"] = r.second_complaints;
  j["duplicates"] = r.duplicates;
  j["orders"] = r.orders;
  return j;
}

ordered_json MonthJson(const services::ReportMonth& m, Instant generated_at) {
  return {{"month", m.IsMonth() ? ordered_json(m.Text()) : ordered_json(nullptr)},
          {"period", m.Text()},
          {"from", FormatLocal(m.from)},
          {"until", FormatLocal(m.until)},
          {"generated_at", FormatLocal(generated_at)}};
}

// `key`: what the ids are ("orders", or "outages" for R-KPI-S).
ordered_json IndicatorJson(const rules::IndicatorResult& r, const char* key,
                           const std::vector<int64_t>& ids) {
  ordered_json value = nullptr;
  if (r.denominator != 0) {
    value = static_cast<double>(r.numerator) / static_cast<double>(r.denominator);
  }
  return {{"rule", r.rule},
          {"name", r.name},
          {"numerator", static_cast<int64_t>(r.numerator)},
          {"denominator", static_cast<int64_t>(r.denominator)},
          {"value", value},
          {"display", r.display},
          {"target_per_mille", r.target_per_mille},
          {"target_kind", r.target_kind == rules::TargetKind::kAtLeast ? "at-least" : "at-most"},
          {"target_basis", r.target_basis.Display()},
          {"status", rules::IndicatorStatusName(r.status)},
          {"records", r.records},
          {"numerator_records", r.numerator_records},
          {key, ids}};
}

// The query naming `period`, `company` and `district` again, for a link to the records behind
// an indicator.
std::string RecordsQuery(const services::ReportMonth& period, int64_t company,
                         const std::optional<int64_t>& district) {
  std::string q = period.IsMonth()
                      ? "month=" + period.Text()
                      : "from=" + FormatDate(LocalDate(period.from)) + "&to=" +
                            FormatDate(LocalDate(period.until) - std::chrono::days{1});
  q += "&company=" + std::to_string(company);
  if (district) q += "&district=" + std::to_string(*district);
  return q;
}

}  // namespace

Result<services::ReportMonth> MonthParam(const adapters::http::Request& req) {
  auto it = req.query.find("month");
  if (it == req.query.end()) {
    return Error::InvalidArgument("month must be YYYY-MM", "month");
  }
  return services::ParseReportMonth(it->second);
}

Result<services::ReportMonth> ReportPeriodParam(const adapters::http::Request& req) {
  const auto month = req.query.find("month");
  const auto from = req.query.find("from");
  const auto to = req.query.find("to");
  const auto none = req.query.end();
  if (month != none && (from != none || to != none)) {
    return Error::InvalidArgument("give month, or from and to, not both", "month");
  }
  if (month != none) return services::ParseReportMonth(month->second);
  if (from == none && to == none) {
    return Error::InvalidArgument("month must be YYYY-MM, or from and to dates YYYY-MM-DD",
                                  "month");
  }
  if (from == none) return Error::InvalidArgument("from must come with to", "from");
  if (to == none) return Error::InvalidArgument("to must come with from", "to");
  return services::ParseReportPeriod(from->second, to->second);
}

Result<bool> XlsxFormat(const adapters::http::Request& req) {
  auto f = req.query.find("format");
  if (f == req.query.end() || f->second == "json") return false;
  if (f->second == "xlsx") return true;
  return Error::InvalidArgument("format must be json or xlsx", "format");
}

Result<ExportFormat> ExportFormatParam(const adapters::http::Request& req) {
  auto f = req.query.find("format");
  if (f == req.query.end() || f->second == "json") return ExportFormat::kJson;
  if (f->second == "csv") return ExportFormat::kCsv;
  if (f->second == "xlsx") return ExportFormat::kXlsx;
  return Error::InvalidArgument("format must be json, csv or xlsx", "format");
}

adapters::http::Response CsvAttachment(std::string text, const std::string& file_name) {
  adapters::http::Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(text);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

adapters::http::Response XlsxAttachment(Result<std::string> bytes, const std::string& file_name) {
  if (!bytes.ok()) return ErrorResponse(bytes.error());
  adapters::http::Response r;
  r.status = 200;
  r.content_type = kXlsxContentType;
  r.body = std::move(*bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

void AddReportRoutes(adapters::http::Router& router, const services::HotlineReportService& reports,
                     ports::RecordStore& records, services::AuthService& auth) {
  const services::HotlineReportService* service = &reports;

  router.Add(
      "GET", "/api/v1/reports/hotline",
      [service, &records, &auth](const adapters::http::Request& req) {
        auto in = ReadRequest(req, records, auth, {"month", "company", "company_id", "format"});
        if (!in.ok()) return AuthErrorResponse(in.error());
        auto xlsx = XlsxFormat(req);
        if (!xlsx.ok()) return ErrorResponse(xlsx.error());
        auto report = service->Hotline(in->month, in->company, in->scope);
        if (!report.ok()) return ErrorResponse(report.error());
        if (*xlsx) {
          return XlsxAttachment(adapters::xlsx::HotlineReportXlsx(*report),
                                adapters::xlsx::HotlineReportFileName(*report));
        }
        ordered_json out = MonthJson(report->month, report->generated_at);
        out["basis"] = "orders received in the month (local time), as they stand now (R-WO-7)";
        ordered_json companies = ordered_json::array();
        for (const auto& c : report->companies) {
          ordered_json j = CompanyJson(c.company);
          ordered_json channels = ordered_json::array();
          for (const auto& row : c.channels) channels.push_back(RowJson(row, false));
          j["channels"] = std::move(channels);
          j["total"] = RowJson(c.total, true);
          companies.push_back(std::move(j));
        }
        out["companies"] = std::move(companies);
        return adapters::http::Json(200, out);
      },
      {.summary = "The monthly hotline report (R-WO-7) per company and channel: orders received, "
                  "on time, late, pending, returned, extended, return-visit satisfaction, second "
                  "complaints, with the orders counted; month=YYYY-MM, company (id or code), "
                  "format=xlsx for the workbook (one sheet per company, Chinese headers)",
       .query = {"month", "company", "format"},
       .request_schema = "",
       .response_schema = "HotlineReport",
       .list = false});

  // The live indicators, under the reports and (issue 15) as /api/v1/indicators.
  auto indicators = [service, &records, &auth](const adapters::http::Request& req) {
    auto in = ReadRequest(req, records, auth,
                          {"month", "from", "to", "company", "company_id", "district", "format"},
                          /*days=*/true);
    if (!in.ok()) return AuthErrorResponse(in.error());
    auto xlsx = XlsxFormat(req);
    if (!xlsx.ok()) return ErrorResponse(xlsx.error());
    auto report =
        service->Indicators(in->month, in->company, in->scope, /*fresh=*/false, in->district);
    if (!report.ok()) return ErrorResponse(report.error());
    if (*xlsx) {
      return XlsxAttachment(IndicatorReportXlsx(*report), IndicatorReportFileName(*report));
    }
    ordered_json out = MonthJson(report->month, report->generated_at);
    out["district"] = nullptr;
    if (report->district) {
      out["district"] = {{"district_id", report->district->id},
                         {"district_code", report->district->code},
                         {"district_name", report->district->name}};
    }
    ordered_json companies = ordered_json::array();
    for (const auto& c : report->companies) {
      ordered_json j = CompanyJson(c.company);
      j["policy"] = c.company.policy;
      j["indicators"] = ordered_json::array();
      if (!c.s.rule.empty()) {
        std::vector<int64_t> stops;
        for (const auto& o : c.s_stops) stops.push_back(std::stoll(o.id));
        j["indicators"].push_back(IndicatorJson(c.s, "outages", stops));
      }
      j["indicators"].push_back(IndicatorJson(c.q, "orders", c.q_orders));
      if (!c.c.rule.empty()) {
        std::vector<int64_t> households;
        for (const auto& h : c.c_households) households.push_back(std::stoll(h.id));
        ordered_json ci = IndicatorJson(c.c, "households", households);
        ci["computed_at"] = FormatLocal(c.c_computed_at);
        j["indicators"].push_back(std::move(ci));
      }
      j["indicators"].push_back(IndicatorJson(c.p, "orders", c.p_orders));
      j["indicators"].push_back(IndicatorJson(c.b, "orders", c.b_orders));
      const std::string query = RecordsQuery(report->month, c.company.id, in->district);
      for (auto& i : j["indicators"]) {
        i["records_url"] =
            "/api/v1/indicators/" + i["rule"].get<std::string>() + "/records?" + query;
      }
      companies.push_back(std::move(j));
    }
    out["companies"] = std::move(companies);
    return adapters::http::Json(200, out);
  };
  const adapters::http::RouteDoc doc = {
      .summary =
          "Service indicators per company over a month (month=YYYY-MM) or a run of days "
          "(from and to, dates YYYY-MM-DD, both inclusive, at most 366 days): R-KPI-S "
          "operation accident rate from the heating stops (the period's elapsed part), "
          "R-KPI-Q repair response rate, R-KPI-C room-temperature qualification rate, "
          "R-KPI-P process satisfaction, R-KPI-B result satisfaction, each with its value, "
          "target, status and the records and orders behind it; company (id or code); "
          "district (id or code): only its households, their orders and the stops' area "
          "there; format=xlsx for the workbook (指标 and 记录, the records behind each)",
      .query = {"month", "from", "to", "company", "district", "format"},
      .request_schema = "",
      .response_schema = "IndicatorReport",
      .list = false};
  router.Add("GET", "/api/v1/indicators", indicators, doc);
  router.Add("GET", "/api/v1/reports/indicators", indicators, doc);

  // The records behind one live indicator, paged (issue 15: each indicator links to them).
  router.Add(
      "GET", "/api/v1/indicators/{rule}/records",
      [service, &records, &auth](const adapters::http::Request& req) {
        auto in = ReadRequest(req, records, auth,
                              {"month", "from", "to", "company", "company_id", "district",
                               "cursor", "limit"},
                              /*days=*/true);
        if (!in.ok()) return AuthErrorResponse(in.error());
        const std::string& rule = req.params.at("rule");
        if (auto s = rules::CheckIndicatorRule(rule); !s.ok()) return ErrorResponse(s.error());
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        auto report =
            service->Indicators(in->month, in->company, in->scope, /*fresh=*/false, in->district);
        if (!report.ok()) return ErrorResponse(report.error());
        ordered_json all = ordered_json::array();
        for (const auto& c : report->companies) {
          auto list = services::IndicatorRecords(c, rule);
          if (!list.ok()) return ErrorResponse(list.error());
          for (const ports::IndicatorRecord& r : *list) {
            all.push_back({{"company_id", c.company.id},
                           {"record", r.record},
                           {"numerator", r.numerator},
                           {"denominator", r.denominator}});
          }
        }
        return adapters::http::Json(200, PositionPage(all, *page));
      },
      {.summary = "The records behind one live indicator over a month or a run of days, paged, "
                  "each with its company and its part of the fraction: a stop's seconds × area "
                  "(R-KPI-S), 1 of 1 or 0 of 1 for a response or a complaint (R-KPI-Q, P, B), a "
                  "household's qualified of its judged days (R-KPI-C); the same parameters and "
                  "access as /api/v1/indicators, whose indicators link here (records_url)",
       .query = {"month", "from", "to", "company", "district", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "LiveIndicatorRecord",
       .list = true});
}

}  // namespace hearth::app::http
