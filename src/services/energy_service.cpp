#include "services/energy_service.hpp"

#include <algorithm>

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "rules/season.hpp"
#include "services/company_policy.hpp"

namespace hearth::services {
namespace {

using rules::Role;

constexpr size_t kMaxNote = 2000;

bool MayFile(Role role) {
  return role == Role::kAdmin || role == Role::kManager || role == Role::kTechnician;
}

Status CheckAmount(int64_t centi, const char* field) {
  if (centi < 0 || centi > kMaxEnergyCenti) {
    return Error::InvalidArgument(std::string(field) + " must be from 0 to 999,999,999.99",
                                  field);
  }
  return OkStatus();
}

/// The season whose commissioning started last on or before `today`.
int CurrentSeason(const rules::Policy& policy, Date today) {
  const int year = YearOf(today);
  return today >= rules::SeasonOf(policy.season, year).commissioning_start ? year : year - 1;
}

}  // namespace

Result<EnergyRead> EnergyService::Read(ports::EnergyReport report) const {
  auto policy = CompanyPolicy(policies_, records_, report.company_id);
  if (!policy.ok()) return policy.error();
  EnergyRead r;
  r.reserve_tenths = rules::ReserveTenths(report.stock_centi, report.consumption_centi);
  r.threshold_days = (*policy)->energy_reserve_days.value;
  r.basis = (*policy)->energy_reserve_days.basis.Display();
  r.low = r.reserve_tenths && *r.reserve_tenths < int64_t{r.threshold_days} * 10;
  r.report = std::move(report);
  return r;
}

Result<std::pair<EnergyRead, bool>> EnergyService::File(const NewEnergyReport& in,
                                                        const OrderActor& actor) const {
  if (!MayFile(actor.role)) {
    return Error::PermissionDenied("dispatch reports are filed by the company's admin, managers "
                                   "and technicians, not by the " +
                                   std::string(rules::RoleName(actor.role)));
  }
  int64_t company_id = 0;
  if (actor.scope.company_id) {
    if (in.company_id && *in.company_id != *actor.scope.company_id) {
      return Error::InvalidArgument("a report is filed for your own company", "company");
    }
    company_id = *actor.scope.company_id;
  } else if (in.company_id) {
    company_id = *in.company_id;
  } else {
    return Error::InvalidArgument("company is required: the company's id", "company");
  }
  const Instant now = clock_.Now();
  if (in.day > LocalDate(now)) {
    return Error::InvalidArgument("day is after today: a report is filed for a day that has come",
                                  "day");
  }
  if (auto s = CheckAmount(in.stock_centi, "stock"); !s.ok()) return s.error();
  if (auto s = CheckAmount(in.consumption_centi, "consumption"); !s.ok()) return s.error();
  if (in.note.size() > kMaxNote) {
    return Error::InvalidArgument("note is longer than 2,000 bytes", "note");
  }
  if (auto p = CompanyPolicy(policies_, records_, company_id); !p.ok()) {
    if (p.error().code == ErrorCode::kNotFound) {
      return Error::InvalidArgument("no company " + std::to_string(company_id), "company");
    }
    return p.error();
  }
  ports::EnergyReport r;
  r.company_id = company_id;
  r.day = in.day;
  r.fuel = in.fuel;
  r.stock_centi = in.stock_centi;
  r.consumption_centi = in.consumption_centi;
  r.note = in.note;
  r.reported_by = actor.name;
  r.reported_at = now;
  auto filed = store_.File(r);
  if (!filed.ok()) return filed.error();
  auto read = Read(std::move(filed->first));
  if (!read.ok()) return read.error();
  return std::pair<EnergyRead, bool>{std::move(*read), filed->second};
}

Result<std::vector<EnergyRead>> EnergyService::List(ports::EnergyQuery query,
                                                    const OrderActor& actor) const {
  if (actor.scope.household_id) {
    return Error::PermissionDenied("dispatch reports are the company's and the regulator's");
  }
  if (actor.scope.company_id) query.company_id = actor.scope.company_id;
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  std::vector<EnergyRead> out;
  out.reserve(list->size());
  for (auto& r : *list) {
    auto read = Read(std::move(r));
    if (!read.ok()) return read.error();
    out.push_back(std::move(*read));
  }
  return out;
}

Result<EnergyFlagsRead> EnergyService::Flags(std::optional<int64_t> company,
                                             std::optional<int> season,
                                             const OrderActor& actor) const {
  if (actor.scope.household_id) {
    return Error::PermissionDenied("dispatch reports are the company's and the regulator's");
  }
  if (season && (*season < 2000 || *season > 2200)) {
    return Error::InvalidArgument("season must be a year from 2000 to 2200", "season");
  }
  if (actor.scope.company_id) company = actor.scope.company_id;
  auto all = ports::ListViews<ports::CompanyView>(records_);
  if (!all.ok()) return all.error();
  std::vector<ports::CompanyView> companies;
  for (auto& c : *all) {
    if (!company || c.id == *company) companies.push_back(std::move(c));
  }
  const Date today = LocalDate(clock_.Now());
  EnergyFlagsRead out;
  for (const ports::CompanyView& c : companies) {
    auto policy = CompanyPolicy(policies_, records_, c.id);
    if (!policy.ok()) return policy.error();
    if (out.season == 0) out.season = season.value_or(CurrentSeason(**policy, today));
    const rules::SeasonDates dates = rules::SeasonOf((*policy)->season, out.season);
    CompanyEnergyFlags f;
    f.company_id = c.id;
    f.code = c.code;
    f.name = c.name;
    f.from = dates.commissioning_start;
    f.to = std::min(dates.official_end, today - std::chrono::days{1});
    f.threshold_days = (*policy)->energy_reserve_days.value;
    f.basis = (*policy)->energy_reserve_days.basis.Display();
    std::vector<rules::DailyReserve> reserves;
    ports::EnergyQuery rq;
    rq.company_id = c.id;
    rq.from = f.from;
    rq.to = f.to;
    rq.limit = 1000;
    while (f.to >= f.from) {
      auto page = store_.List(rq);
      if (!page.ok()) return page.error();
      for (const auto& r : *page) {
        reserves.push_back(
            {r.day, r.fuel, rules::ReserveTenths(r.stock_centi, r.consumption_centi)});
      }
      if (page->size() < static_cast<size_t>(rq.limit)) break;
      rq.offset += rq.limit;
    }
    f.reports = static_cast<int64_t>(reserves.size());
    f.flags = rules::FlagReserves(reserves, f.from, f.to, f.threshold_days);
    if (out.companies.empty() || f.from < out.from) out.from = f.from;
    if (out.companies.empty() || f.to > out.to) out.to = f.to;
    out.companies.push_back(std::move(f));
  }
  if (out.season == 0) out.season = season.value_or(YearOf(today));
  return out;
}

Result<std::vector<Alert>> EnergyService::Alerts(std::optional<int64_t> company,
                                                 const OrderActor& actor) const {
  auto flags = Flags(company, std::nullopt, actor);
  if (!flags.ok()) return flags.error();
  const Date yesterday = LocalDate(clock_.Now()) - std::chrono::days{1};
  std::vector<Alert> out;
  for (const CompanyEnergyFlags& c : flags->companies) {
    // Only while the season runs: yesterday is one of its reporting days.
    if (c.to < c.from || c.to != yesterday) continue;
    EnergyAlert base;
    base.day = c.to;
    base.missing_days = static_cast<int>(c.flags.missing_days.size());
    base.threshold_days = c.threshold_days;
    base.basis = c.basis;
    auto alert = [&](std::string kind, std::string details, EnergyAlert energy) {
      Alert a;
      a.kind = std::move(kind);
      a.company_id = c.company_id;
      a.details = std::move(details);
      a.energy = std::move(energy);
      out.push_back(std::move(a));
    };
    if (!c.flags.missing_days.empty() && c.flags.missing_days.back() == c.to) {
      alert("energy-report-missing",
            c.name + ": no dispatch report for " + FormatDate(c.to) + " (" +
                std::to_string(base.missing_days) + " day(s) without one this season, R-ENERGY-1)",
            base);
    }
    for (const rules::LowSpell& s : c.flags.low_spells) {
      if (s.to != c.to) continue;  // a spell that ended
      EnergyAlert e = base;
      e.spell = s;
      alert("energy-reserve-low",
            c.name + ": the " + std::string(rules::FuelName(s.fuel)) + " reserve is below " +
                std::to_string(c.threshold_days) + " days since " + FormatDate(s.from) + " (" +
                c.basis + ")",
            std::move(e));
    }
  }
  return out;
}

}  // namespace hearth::services
