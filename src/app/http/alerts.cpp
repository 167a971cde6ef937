// GET /api/v1/alerts, /alerts/unqualified, /alerts/cold-now (services/alert_service.hpp).
#include <nlohmann/json.hpp>

#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/filters.hpp"
#include "app/http/monitoring.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json AlertJson(const services::Alert& a) {
  ordered_json details{{"message", a.details}};
  if (a.day) {
    details["date"] = FormatDate(a.day->date);
    details["value"] = a.day->value ? ordered_json(*a.day->value / 10.0) : ordered_json(nullptr);
    details["guarantee"] =
        a.day->guarantee ? ordered_json(*a.day->guarantee / 10.0) : ordered_json(nullptr);
    details["share_percent"] = a.day->share_percent;
    details["evidence"] = rules::EvidenceSourceName(a.day->source);
  }
  if (a.sensor_id) {
    details["last_reading"] = OrNull(a.last_reading);
  }
  if (a.last_value) details["last_value"] = static_cast<double>(*a.last_value) / 1000.0;
  if (a.quarantine) {  // clock-skew (issue 18, item 5)
    auto time = [](int64_t t) { return FormatLocal(Instant{std::chrono::seconds{t}}); };
    details["quarantined"] = a.quarantine->count;
    details["latest_quarantined"] = time(a.quarantine->latest_ts);
    details["last_received_at"] = time(a.quarantine->last_received_at);
    details["reason"] = a.quarantine->reason;
  }
  if (a.energy) {  // R-ENERGY-1
    const services::EnergyAlert& e = *a.energy;
    details["date"] = FormatDate(e.day);
    details["missing_days"] = e.missing_days;
    details["threshold_days"] = e.threshold_days;
    details["basis"] = e.basis;
    if (e.spell) {
      details["fuel"] = rules::FuelName(e.spell->fuel);
      details["since"] = FormatDate(e.spell->from);
      details["min_reserve_days"] = static_cast<double>(e.spell->min_reserve_tenths) / 10.0;
    }
  }
  const bool household = a.household_id != 0;  // a company's alert (energy) has none
  return {{"kind", a.kind},
          {"company_id", a.company_id},
          {"household_id", household ? ordered_json(a.household_id) : ordered_json(nullptr)},
          {"household", household ? ordered_json(a.household_code) : ordered_json(nullptr)},
          {"sensor_id", OrNull(a.sensor_id)},
          {"sensor", a.sensor_id ? ordered_json(a.sensor_code) : ordered_json(nullptr)},
          {"details", std::move(details)}};
}

Result<int64_t> Number(const std::string& key, const std::string& v) {
  auto n = adapters::http::ParseDigits(v, 9);
  if (!n) return Error::InvalidArgument(key + " must be a whole number", key);
  return *n;
}

// The caller, if staff or regulator (into `who`, when given), and the company it asks for (id
// or code; its own for a company role).
Result<std::optional<int64_t>> StaffCompany(const adapters::http::Request& req,
                                            ports::RecordStore& records,
                                            services::AuthService& auth,
                                            services::Principal* who = nullptr) {
  auto p = RequirePrincipal(req, auth);
  if (!p.ok()) return p.error();
  if (p->role == rules::Role::kHousehold) {
    return Error::PermissionDenied("alerts are for company staff and regulators");
  }
  if (who != nullptr) *who = *p;
  return CompanyFilter(req, records, services::ScopeOf(*p));
}

Result<int> IntParam(const adapters::http::Request& req, const char* key, int fallback) {
  auto it = req.query.find(key);
  if (it == req.query.end()) return fallback;
  auto n = Number(key, it->second);
  if (!n.ok()) return n.error();
  return static_cast<int>(*n);
}

adapters::http::Response Get(const adapters::http::Request& req,
                             const services::AlertService& alerts,
                             const services::EnergyService& energy, ports::RecordStore& records,
                             services::AuthService& auth) {
  services::Principal who;
  auto company = StaffCompany(req, records, auth, &who);
  if (!company.ok()) return AuthErrorResponse(company.error());
  if (auto s = adapters::http::OnlyParams(
          req, {"silent_hours", "company", "company_id", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  auto silent_hours = IntParam(req, "silent_hours", 24);
  if (!silent_hours.ok()) return adapters::http::ErrorResponse(silent_hours.error());
  auto list = alerts.Alerts(*company, *silent_hours);
  if (!list.ok()) return adapters::http::ErrorResponse(list.error());
  // R-ENERGY-1: the companies' few alerts first, so that the first page always holds them.
  auto companies = energy.Alerts(*company, ActorOf(who));
  if (!companies.ok()) return adapters::http::ErrorResponse(companies.error());
  ordered_json items = ordered_json::array();
  for (const auto& a : *companies) items.push_back(AlertJson(a));
  for (const auto& a : *list) items.push_back(AlertJson(a));
  return adapters::http::Json(200, PositionPage(items, *page));
}

adapters::http::Response Unqualified(const adapters::http::Request& req,
                                     const services::AlertService& alerts,
                                     ports::RecordStore& records, services::AuthService& auth) {
  auto company = StaffCompany(req, records, auth);
  if (!company.ok()) return AuthErrorResponse(company.error());
  if (auto s = adapters::http::OnlyParams(
          req, {"from", "to", "min_days", "sort", "company", "company_id", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  // Default: the last seven complete days.
  const Date yesterday = alerts.Today() - std::chrono::days{1};
  auto from = TimeParam(req, "from", false);
  if (!from.ok()) return adapters::http::ErrorResponse(from.error());
  auto to = TimeParam(req, "to", true);
  if (!to.ok()) return adapters::http::ErrorResponse(to.error());
  const Date last = *to ? LocalDate(**to) : yesterday;
  const Date first = *from ? LocalDate(**from) : last - std::chrono::days{6};
  auto min_days = IntParam(req, "min_days", 1);
  if (!min_days.ok()) return adapters::http::ErrorResponse(min_days.error());
  services::PeriodOrder order = services::PeriodOrder::kDays;
  if (auto it = req.query.find("sort"); it != req.query.end()) {
    if (it->second != "days" && it->second != "depth") {
      return adapters::http::ErrorResponse(
          Error::InvalidArgument("sort must be days or depth", "sort"));
    }
    if (it->second == "depth") order = services::PeriodOrder::kDepth;
  }
  auto list = alerts.UnqualifiedOver(*company, first, last, *min_days, order);
  if (!list.ok()) return adapters::http::ErrorResponse(list.error());
  ordered_json items = ordered_json::array();
  for (const auto& u : *list) {
    items.push_back({{"household_id", u.household_id},
                     {"household", u.household_code},
                     {"company_id", u.company_id},
                     {"unqualified_days", u.unqualified_days},
                     {"judged_days", u.judged_days},
                     {"deepest_shortfall", u.deepest / 10.0},
                     {"lowest_value", u.lowest / 10.0},
                     {"first", FormatDate(u.first)},
                     {"last", FormatDate(u.last)},
                     {"share_days_percent", u.share_days_percent}});
  }
  ordered_json body = PositionPage(items, *page);
  body["from"] = FormatDate(first);
  body["to"] = FormatDate(last);
  return adapters::http::Json(200, body);
}

adapters::http::Response Cold(const adapters::http::Request& req,
                              const services::AlertService& alerts, ports::RecordStore& records,
                              services::AuthService& auth) {
  auto company = StaffCompany(req, records, auth);
  if (!company.ok()) return AuthErrorResponse(company.error());
  if (auto s = adapters::http::OnlyParams(
          req, {"fresh_minutes", "company", "company_id", "cursor", "limit"});
      !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  auto page = ReadPage(req);
  if (!page.ok()) return adapters::http::ErrorResponse(page.error());
  auto fresh = IntParam(req, "fresh_minutes", 120);
  if (!fresh.ok()) return adapters::http::ErrorResponse(fresh.error());
  auto list = alerts.ColdNowList(*company, *fresh);
  if (!list.ok()) return adapters::http::ErrorResponse(list.error());
  ordered_json items = ordered_json::array();
  for (const auto& c : *list) {
    items.push_back({{"household_id", c.household_id},
                     {"household", c.household_code},
                     {"company_id", c.company_id},
                     {"room", c.room},
                     {"sensor", c.sensor_code},
                     {"at", FormatLocal(c.at)},
                     {"value", static_cast<double>(c.value) / 1000.0},
                     {"guarantee", c.guarantee / 10.0}});
  }
  return adapters::http::Json(200, PositionPage(items, *page));
}

}  // namespace

void AddAlertRoutes(adapters::http::Router& router, const services::AlertService& alerts,
                    const services::EnergyService& energy, ports::RecordStore& records,
                    services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/alerts",
      [&alerts, &energy, &records, &auth](const adapters::http::Request& req) {
        return Get(req, alerts, energy, records, auth);
      },
      {.summary = "Alerts: households unqualified today (R-TEMP-5), sensors silent for more "
                  "than silent_hours (default 24) or never heard, sensors whose last "
                  "reading is outside R-TEMP-3's valid range, and sensors with a clock problem "
                  "(clock-skew: readings in the future kept in quarantine in the last 24 h, "
                  "GET /api/v1/sensors/{code}/quarantine); first, each company's energy alerts "
                  "(R-ENERGY-1: energy-report-missing for yesterday, energy-reserve-low for a "
                  "fuel below the profile's days of reserve; household null) "
                  "(company staff: their company; "
                  "admin, regulator: all, or ?company= id or code)",
       .query = {"silent_hours", "company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Alert",
       .list = true});
  router.Add(
      "GET", "/api/v1/alerts/unqualified",
      [&alerts, &records, &auth](const adapters::http::Request& req) {
        return Unqualified(req, alerts, records, auth);
      },
      {.summary = "Households unqualified over a period: at least min_days (default 1) "
                  "unqualified days from..to (dates or RFC 3339 times; default the last 7 "
                  "complete days, at most 92), sorted by days or depth (the largest shortfall)",
       .query = {"from", "to", "min_days", "sort", "company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "UnqualifiedPage",
       .list = false});
  router.Add(
      "GET", "/api/v1/alerts/cold-now",
      [&alerts, &records, &auth](const adapters::http::Request& req) {
        return Cold(req, alerts, records, auth);
      },
      {.summary = "Households cold now: the latest reading of a bedroom or living room, no "
                  "older than fresh_minutes (default 120), below the household's guarantee; "
                  "coldest first. A reading decides no day (R-TEMP-3): this is for calling back",
       .query = {"fresh_minutes", "company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "ColdHousehold",
       .list = true});
}

}  // namespace hearth::app::http
