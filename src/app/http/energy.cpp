#include "app/http/energy.hpp"

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

/// "12000.50" as a JSON number: hundredths of a unit.
ordered_json Amount(int64_t centi) { return ordered_json::parse(FormatFen(centi)); }

ordered_json ReportJson(const services::EnergyRead& read) {
  const ports::EnergyReport& r = read.report;
  return {{"id", r.id},
          {"company_id", r.company_id},
          {"day", FormatDate(r.day)},
          {"fuel", rules::FuelName(r.fuel)},
          {"unit", rules::FuelUnit(r.fuel)},
          {"stock", Amount(r.stock_centi)},
          {"consumption", Amount(r.consumption_centi)},
          {"reserve_days", read.reserve_tenths
                               ? ordered_json::parse(FormatTenths(*read.reserve_tenths))
                               : ordered_json(nullptr)},
          {"low", read.low},
          {"threshold_days", read.threshold_days},
          {"basis", read.basis},
          {"note", r.note},
          {"reported_by", r.reported_by},
          {"reported_at", FormatLocal(r.reported_at)}};
}

/// A required amount with at most two decimals, as hundredths; invalid_argument naming `key`.
Result<int64_t> CentiField(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    return Error::InvalidArgument(std::string(key) + " is required", key);
  }
  if (!it->is_number()) return Error::InvalidArgument(std::string(key) + " must be a number", key);
  const std::string text = it->dump();
  auto d = ParseDecimal(text);
  if (!d.ok()) return Error::InvalidArgument(std::string(key) + ": " + d.error().message, key);
  if (d->scale > 2) {
    return Error::InvalidArgument(std::string(key) + " has more than 2 decimal places", key);
  }
  return Rescale(*d, 2);
}

Result<services::NewEnergyReport> NewReportFromJson(const nlohmann::json& body) {
  services::NewEnergyReport in;
  auto day = DateField(body, "day");
  if (!day.ok()) return day.error();
  in.day = *day;
  auto fuel = TextField(body, "fuel", true);
  if (!fuel.ok()) return fuel.error();
  auto f = rules::ParseFuel(*fuel);
  if (!f) return Error::InvalidArgument("fuel must be coal, gas, oil or biomass", "fuel");
  in.fuel = *f;
  auto stock = CentiField(body, "stock");
  if (!stock.ok()) return stock.error();
  in.stock_centi = *stock;
  auto consumption = CentiField(body, "consumption");
  if (!consumption.ok()) return consumption.error();
  in.consumption_centi = *consumption;
  auto note = TextField(body, "note", false);
  if (!note.ok()) return note.error();
  in.note = *note;
  auto company = IdMember(body, "company", "a company");
  if (!company.ok()) return company.error();
  in.company_id = *company;
  return in;
}

ordered_json SpellJson(const rules::LowSpell& s) {
  return {{"fuel", rules::FuelName(s.fuel)},
          {"from", FormatDate(s.from)},
          {"to", FormatDate(s.to)},
          {"days", (s.to - s.from).count() + 1},
          {"min_reserve_days", ordered_json::parse(FormatTenths(s.min_reserve_tenths))}};
}

}  // namespace

void AddEnergyRoutes(adapters::http::Router& router, const services::EnergyService& service,
                     ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/energy/reports",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"day", "fuel", "stock", "consumption", "note", "company"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewReportFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto filed = service.File(*in, ActorOf(*p));
        if (!filed.ok()) return ErrorResponse(filed.error());
        return Json(filed->second ? 201u : 200u, ReportJson(filed->first));
      },
      {.summary = "File a day's dispatch report of one fuel (R-ENERGY-1): stock and the day's "
                  "consumption; the answer shows the days of reserve against the profile's "
                  "threshold (30 days, W 6.2.2). Filing the same day and fuel again corrects it "
                  "(200), audited",
       .query = {},
       .request_schema = "EnergyReportNew",
       .response_schema = "EnergyReport",
       .same_body = {{200, "a correction of the company's report of the same day and fuel"}}});

  router.Add(
      "GET", "/api/v1/energy/reports",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(
                req, {"company", "company_id", "fuel", "from", "to", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const services::OrderActor actor = ActorOf(*p);
        ports::EnergyQuery q;
        if (!actor.scope.household_id) {
          auto company = CompanyFilter(req, records, actor.scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        if (auto it = req.query.find("fuel"); it != req.query.end() && !it->second.empty()) {
          q.fuel = rules::ParseFuel(it->second);
          if (!q.fuel) {
            return ErrorResponse(
                Error::InvalidArgument("fuel must be coal, gas, oil or biomass", "fuel"));
          }
        }
        auto from = TimeParam(req, "from", false);
        if (!from.ok()) return ErrorResponse(from.error());
        if (*from) q.from = LocalDate(**from);
        auto to = TimeParam(req, "to", true);
        if (!to.ok()) return ErrorResponse(to.error());
        if (*to) q.to = LocalDate(**to);
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.offset = page->cursor.value_or(0);
        q.limit = page->limit + 1;  // one more tells whether another page follows
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        ordered_json items = ordered_json::array();
        const size_t limit = static_cast<size_t>(page->limit);
        for (size_t i = 0; i < list->size() && i < limit; ++i) {
          items.push_back(ReportJson((*list)[i]));
        }
        std::optional<int64_t> next;
        if (list->size() > limit) next = q.offset + page->limit;
        return Json(200, PageJson(std::move(items), next));
      },
      {.summary = "Dispatch reports, newest day first, each with its days of reserve and whether "
                  "it is below the profile's threshold; the regulator reads every company's",
       .query = {"company", "fuel", "from", "to", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "EnergyReport",
       .list = true});

  router.Add(
      "GET", "/api/v1/energy/flags",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {"company", "company_id", "season"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const services::OrderActor actor = ActorOf(*p);
        std::optional<int64_t> company;
        if (!actor.scope.household_id) {
          auto c = CompanyFilter(req, records, actor.scope);
          if (!c.ok()) return ErrorResponse(c.error());
          company = *c;
        }
        auto season = SeasonParam(req);
        if (!season.ok()) return ErrorResponse(season.error());
        auto flags = service.Flags(company, *season, actor);
        if (!flags.ok()) return ErrorResponse(flags.error());
        ordered_json companies = ordered_json::array();
        for (const auto& c : flags->companies) {
          ordered_json missing = ordered_json::array();
          for (Date d : c.flags.missing_days) missing.push_back(FormatDate(d));
          ordered_json spells = ordered_json::array();
          for (const auto& s : c.flags.low_spells) spells.push_back(SpellJson(s));
          companies.push_back({{"company_id", c.company_id},
                               {"company_code", c.code},
                               {"company_name", c.name},
                               {"from", FormatDate(c.from)},
                               {"to", FormatDate(c.to)},
                               {"reports", c.reports},
                               {"threshold_days", c.threshold_days},
                               {"basis", c.basis},
                               {"missing_days", std::move(missing)},
                               {"low_spells", std::move(spells)}});
        }
        const int threshold =
            flags->companies.empty() ? 0 : flags->companies.front().threshold_days;
        const std::string basis = flags->companies.empty() ? "" : flags->companies.front().basis;
        return Json(200, ordered_json{{"season", flags->season},
                                      {"from", FormatDate(flags->from)},
                                      {"to", FormatDate(flags->to)},
                                      {"threshold_days", threshold},
                                      {"basis", basis},
                                      {"companies", std::move(companies)}});
      },
      {.summary = "The energy flags of a season (R-ENERGY-1): per company, the reporting days "
                  "so far with no dispatch report, and the spells of a fuel's reserve below the "
                  "profile's threshold",
       .query = {"company", "season"},
       .request_schema = "",
       .response_schema = "EnergyFlags"});
}

}  // namespace hearth::app::http
