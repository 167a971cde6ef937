#include "app/http/regulator.hpp"

#include <nlohmann/json.hpp>

#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/regulator_xlsx.hpp"
#include "app/http/reports.hpp"
#include "rules/deadline.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using nlohmann::ordered_json;
using rules::Role;

constexpr int64_t kMaxPoolFen = 10'000'000'000'000;  // rules::ScoreCompanies' bound

// part ÷ whole, or null without a whole.
ordered_json Ratio(int64_t part, int64_t whole) {
  if (whole == 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

ordered_json Per10000(int64_t complaints, int64_t households) {
  if (households == 0) return nullptr;
  return static_cast<double>(complaints) * 10000.0 / static_cast<double>(households);
}

ordered_json IndicatorJson(const rules::IndicatorResult& r) {
  return {{"rule", r.rule},
          {"name", r.name},
          {"numerator", static_cast<int64_t>(r.numerator)},
          {"denominator", static_cast<int64_t>(r.denominator)},
          {"value", Ratio(static_cast<int64_t>(r.numerator), static_cast<int64_t>(r.denominator))},
          {"display", r.display},
          {"target_per_mille", r.target_per_mille},
          {"target_kind", r.target_kind == rules::TargetKind::kAtLeast ? "at-least" : "at-most"},
          {"status", rules::IndicatorStatusName(r.status)}};
}

ordered_json ScoreJson(const rules::CompanyScore& s, bool pooled) {
  ordered_json lines = ordered_json::array();
  for (const auto& l : s.lines) {
    lines.push_back({{"measure", l.measure},
                     {"value", l.value},
                     {"applicable", l.applicable},
                     {"points", rules::FormatPoints(l.points)},
                     {"weight", l.weight},
                     {"basis", l.basis.Display()},
                     {"working", l.working}});
  }
  return {{"points", rules::FormatPoints(s.score)},
          {"hundredths", s.score},
          {"applicable_weight", s.applicable_weight},
          {"working", s.working},
          {"share_fen", pooled ? ordered_json(s.share_fen) : ordered_json(nullptr)},
          {"lines", std::move(lines)}};
}

ordered_json CompanyJson(const services::CompanyComparison& c, bool pooled) {
  const auto& ref = c.indicators.company;
  const auto& total = c.hotline.total;
  ordered_json indicators = ordered_json::array();
  for (const rules::IndicatorResult* r :
       {&c.indicators.s, &c.indicators.q, &c.indicators.c, &c.indicators.p, &c.indicators.b}) {
    if (!r->rule.empty()) indicators.push_back(IndicatorJson(*r));
  }
  ordered_json channels = ordered_json::array();
  for (const auto& row : c.hotline.channels) {
    channels.push_back({{"channel", rules::ChannelName(row.channel)},
                        {"received", row.received},
                        {"per_10000", Per10000(row.received, c.households)}});
  }
  std::vector<int64_t> outages;
  for (const auto& o : c.indicators.s_stops) outages.push_back(std::stoll(o.id));
  const int64_t visited = total.satisfied + total.basically_satisfied + total.unsatisfied;
  return {{"company_id", ref.id},
          {"company_code", ref.code},
          {"company_name", ref.name},
          {"policy", ref.policy},
          {"households", c.households},
          {"indicators", std::move(indicators)},
          {"complaints",
           {{"received", total.received},
            {"duplicates", total.duplicates},
            {"complaints", c.complaints},
            {"per_10000", Per10000(c.complaints, c.households)},
            {"by_channel", std::move(channels)}}},
          {"replies",
           {{"due", c.replies_due},
            {"on_time", c.replies_on_time},
            {"rate", Ratio(c.replies_on_time, c.replies_due)}}},
          {"satisfaction",
           {{"satisfied", total.satisfied},
            {"basically_satisfied", total.basically_satisfied},
            {"unsatisfied", total.unsatisfied},
            {"not_visited", total.not_visited},
            {"rate", Ratio(total.satisfied + total.basically_satisfied, visited)}}},
          {"outages", {{"company_caused", outages.size()}, {"ids", outages}}},
          {"licence",
           {{"unlicensed_buildings", c.unlicensed_buildings},
            {"unlicensed_households", c.unlicensed_households}}},
          {"season_announcements",
           {{"late", c.announcements_late}, {"missing", c.announcements_missing}}},
          {"refunds",
           {{"owed_fen", c.refunds.owed_fen},
            {"owed_entries", c.refunds.owed_entries},
            {"paid_fen", c.refunds.paid_fen},
            {"paid_entries", c.refunds.paid_entries},
            {"overdue_entries", c.refunds.overdue_entries}}},
          {"score", ScoreJson(c.score, pooled)}};
}

ordered_json ReportJson(const services::CompanyComparisonReport& r) {
  const auto& w = r.weights;
  ordered_json weights = ordered_json::array();
  for (const auto& [measure, weight] : {std::pair{"R-KPI-S", &w.accident_rate},
                                        {"R-KPI-Q", &w.repair_response},
                                        {"R-KPI-C", &w.qualification},
                                        {"R-KPI-P", &w.process_satisfaction},
                                        {"R-KPI-B", &w.result_satisfaction},
                                        {"complaint-rate", &w.complaint_rate},
                                        {"on-time-reply", &w.on_time_reply}}) {
    weights.push_back(
        {{"measure", measure}, {"weight", weight->value}, {"basis", weight->basis.Display()}});
  }
  ordered_json companies = ordered_json::array();
  for (const auto& c : r.companies) companies.push_back(CompanyJson(c, r.pool_fen.has_value()));
  return {{"month", r.month.Text()},
          {"from", FormatLocal(r.month.from)},
          {"until", FormatLocal(r.month.until)},
          {"generated_at", FormatLocal(r.generated_at)},
          {"season_start_year", r.season_start_year},
          {"policy", r.policy},
          {"pool_fen", OrNull(r.pool_fen)},
          {"weights", std::move(weights)},
          {"companies", std::move(companies)}};
}

Result<std::optional<int64_t>> PoolParam(const adapters::http::Request& req) {
  auto it = req.query.find("pool_fen");
  if (it == req.query.end()) return std::optional<int64_t>{};
  const Error bad = Error::InvalidArgument(
      "pool_fen must be a whole number of fen from 0 to 10000000000000", "pool_fen");
  auto fen = adapters::http::ParseDigits(it->second, 14);
  if (!fen || *fen > kMaxPoolFen) return bad;
  return fen;
}

ordered_json OptionalDay(const std::optional<Date>& d) {
  if (!d) return nullptr;
  return FormatDate(*d);
}

ordered_json SeasonDutiesJson(const services::SeasonDutyReport& report) {
  ordered_json items = ordered_json::array();
  int64_t flagged = 0;
  for (const auto& row : report.rows) {
    ordered_json duties = ordered_json::array();
    for (const auto& d : row.duties) {
      flagged += d.duty.Flagged() ? 1 : 0;
      ordered_json announcement = nullptr;
      if (d.announcement) {
        announcement = {{"id", d.announcement->id},
                        {"published_on", FormatDate(d.announcement->published_on)},
                        {"channel", d.announcement->channel},
                        {"reference", d.announcement->reference}};
      }
      duties.push_back({{"kind", rules::AnnouncementKindName(d.duty.kind)},
                        {"announced_day", FormatDate(d.duty.announced_day)},
                        {"status", rules::AnnouncementStatusName(d.duty.status)},
                        {"flagged", d.duty.Flagged()},
                        {"days_late", d.duty.days_late},
                        {"announcement", std::move(announcement)}});
    }
    const auto& rec = row.record;
    items.push_back(
        {{"company_id", row.company.id},
         {"company_code", row.company.code},
         {"company_name", row.company.name},
         {"district_id", row.district.id},
         {"district_code", row.district.code},
         {"district_name", row.district.name},
         {"season_id", rec ? ordered_json(rec->id) : ordered_json(nullptr)},
         {"dates_from", rec ? "record" : "profile"},
         {"commissioning_start", FormatDate(row.dates.commissioning_start)},
         {"official_start", FormatDate(row.dates.official_start)},
         {"official_end", FormatDate(row.dates.official_end)},
         {"early_start", rec ? OptionalDay(rec->early_start) : ordered_json(nullptr)},
         {"extension_end", rec ? OptionalDay(rec->extension_end) : ordered_json(nullptr)},
         {"decision_ref",
          rec && rec->decision_ref ? ordered_json(*rec->decision_ref) : ordered_json(nullptr)},
         {"first_heated_day", FormatDate(row.first_heated_day)},
         {"duties", std::move(duties)}});
  }
  return {{"season", report.season},
          {"today", FormatDate(report.today)},
          {"basis", "R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)"},
          {"flagged", flagged},
          {"items", std::move(items)}};
}

}  // namespace

void AddRegulatorRoutes(adapters::http::Router& router, const services::RegulatorService& service,
                        const services::SeasonDutyService& seasons, ports::RecordStore& records,
                        services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/regulator/season-flags",
      [&seasons, &records, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id", "season"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        if (scope.household_id) {
          return AuthErrorResponse(
              Error::PermissionDenied("the season's duties are for companies and regulators"));
        }
        auto company = CompanyFilter(req, records, scope);
        if (!company.ok()) return ErrorResponse(company.error());
        auto season = SeasonParam(req);
        if (!season.ok()) return ErrorResponse(season.error());
        auto report = seasons.Duties(*season, *company, scope);
        if (!report.ok()) return ErrorResponse(report.error());
        return adapters::http::Json(200, SeasonDutiesJson(*report));
      },
      {.summary = "The season's public duties (R-SEASON-1, W 5.2.5, W 6.1.1) per company and "
                  "licensed district: the season's dates with the district's decision behind an "
                  "early start or extension, and the announcements of the commissioning and of "
                  "the start of heating, each on_time, late (with the days), missing or due; "
                  "season (start year; default the current one), company (id or code)",
       .query = {"season", "company"},
       .request_schema = "",
       .response_schema = "SeasonFlags",
       .list = false});

  router.Add(
      "GET", "/api/v1/regulator/licence-flags",
      [&service, &records, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        if (scope.household_id) {
          return AuthErrorResponse(
              Error::PermissionDenied("licence checks are for companies and regulators"));
        }
        auto company = CompanyFilter(req, records, scope);
        if (!company.ok()) return ErrorResponse(company.error());
        auto flags = service.LicenceFlags(*company, scope);
        if (!flags.ok()) return ErrorResponse(flags.error());
        ordered_json items = ordered_json::array();
        for (const auto& u : *flags) {
          items.push_back({{"company_id", u.company_id},
                           {"building_id", u.building_id},
                           {"building_code", u.building_code},
                           {"community", u.community},
                           {"district_id", u.district_id},
                           {"district_code", u.district_code},
                           {"district_name", u.district_name},
                           {"households", u.households},
                           {"heated_households", u.heated_households},
                           {"outage_ids", u.outage_ids},
                           {"work_orders", u.work_orders},
                           {"connection_applications", u.connection_applications}});
        }
        return adapters::http::Json(200, ordered_json{{"basis", "Z 3.4"}, {"items", items}});
      },
      {.summary = "Works outside the licensed service area (Z 3.4, R-REG-1): the buildings a "
                  "company serves in a district not licensed to it, with their households, the "
                  "heating stops that cut them off, the work orders from them and the connection "
                  "applications taken in for them; company (id or code)",
       .query = {"company"},
       .request_schema = "",
       .response_schema = "LicenceFlags",
       .list = false});

  router.Add(
      "GET", "/api/v1/regulator/companies",
      [&service, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != Role::kAdmin && p->role != Role::kRegulator) {
          return AuthErrorResponse(
              Error::PermissionDenied("the comparison of companies is for regulators"));
        }
        if (auto s = adapters::http::OnlyParams(
                req, {"month", "from", "to", "pool_fen", "policy", "format"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        auto month = ReportPeriodParam(req);
        if (!month.ok()) return ErrorResponse(month.error());
        auto pool = PoolParam(req);
        if (!pool.ok()) return ErrorResponse(pool.error());
        std::optional<std::string> policy;
        if (auto f = req.query.find("policy"); f != req.query.end()) policy = f->second;
        auto xlsx = XlsxFormat(req);
        if (!xlsx.ok()) return ErrorResponse(xlsx.error());
        auto report = service.Compare(*month, *pool, policy, services::ScopeOf(*p));
        if (!report.ok()) return ErrorResponse(report.error());
        if (!*xlsx) return adapters::http::Json(200, ReportJson(*report));
        return XlsxAttachment(ComparisonXlsx(*report),
                              "regulator-companies-" + report->month.Text() + ".xlsx");
      },
      {.summary = "The regulator's comparison of companies over a period (R-REG-1): the five "
                  "indicators, complaints per 10,000 households by channel, on-time replies, "
                  "satisfaction, outages, refunds owed and paid, and the subsidy score with its "
                  "working and each company's share of pool_fen; month=YYYY-MM, or from and to "
                  "(YYYY-MM-DD, both inclusive, a season at most), pool_fen (fen), "
                  "policy (the profile whose weights score), format=xlsx for the workbook",
       .query = {"month", "from", "to", "pool_fen", "policy", "format"},
       .request_schema = "",
       .response_schema = "CompanyComparisonReport",
       .list = false});
}

}  // namespace hearth::app::http
