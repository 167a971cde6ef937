#include "sim/demo_energy.hpp"

#include <algorithm>
#include <cstdlib>

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "rules/season.hpp"

namespace hearth::sim {
namespace {

constexpr int kGapDay = 15;        // the 16th reporting day: no report
constexpr int kLowFrom = 30;       // the 31st to 34th: below 30 days of reserve
constexpr int kLowDays = 4;

/// The day's consumption in hundredths of the unit: a base that grows into the cold of January
/// and eases after, with a weekly ripple.
int64_t Consumption(int64_t base_centi, int day_index) {
  const int season_shape = 60 - std::abs(day_index - 75) / 2;  // 23..60
  const int ripple = (day_index % 7) * 3;
  return base_centi * (100 + season_shape + ripple) / 100;
}

}  // namespace

Result<DemoEnergySummary> GenerateDemoEnergy(ports::RecordStore& records,
                                             const services::PolicyRegistry& policies,
                                             const services::EnergyService& service,
                                             const DemoEnergyOptions& options) {
  DemoEnergySummary summary;
  ports::ListQuery q;
  q.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), q);
  if (!companies.ok()) return companies.error();
  const Date yesterday = LocalDate(options.now) - std::chrono::days{1};
  for (size_t ci = 0; ci < companies->items.size(); ++ci) {
    auto company = ports::CompanyView::From(companies->items[ci]);
    if (!company.ok()) return company.error();
    auto policy = policies.Find(company->policy);
    if (!policy.ok()) return policy.error();
    const services::OrderActor dispatcher{"demo-" + company->code + "-technician",
                                          rules::Role::kTechnician,
                                          {company->id, std::nullopt}};
    std::vector<std::pair<rules::Fuel, int64_t>> fuels = {{rules::Fuel::kCoal, 30'000}};
    if (ci % 2 == 1) fuels.push_back({rules::Fuel::kGas, 4'500'000});  // 45,000 m³ a day
    for (int season = options.season; season <= options.season + 1; ++season) {
      const rules::SeasonDates dates = rules::SeasonOf((*policy)->season, season);
      const Date last = std::min(dates.official_end, yesterday);
      int index = 0;
      for (Date d = dates.commissioning_start; d <= last; d += std::chrono::days{1}, ++index) {
        if (index == kGapDay) {
          ++summary.gaps;
          continue;
        }
        const bool low = index >= kLowFrom && index < kLowFrom + kLowDays;
        for (const auto& [fuel, base] : fuels) {
          services::NewEnergyReport r;
          r.day = d;
          r.fuel = fuel;
          r.consumption_centi = Consumption(base, index);
          const int64_t reserve_tenths = low ? 240 + (index - kLowFrom) * 10 : 370 + index % 5 * 4;
          r.stock_centi = r.consumption_centi * reserve_tenths / 10;
          if (low) r.note = "来煤延误，库存下降";
          auto filed = service.File(r, dispatcher);
          if (!filed.ok()) return filed.error();
          ++summary.reports;
          if (filed->first.low) ++summary.low_days;
        }
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
