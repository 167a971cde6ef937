#include "sim/demo_bills.hpp"

#include "model/resources.hpp"
#include "ports/record_views.hpp"

namespace hearth::sim {

Result<DemoBillSummary> GenerateDemoBills(ports::RecordStore& records,
                                          const services::BillingService& billing, int season) {
  DemoBillSummary summary;
  auto households = ports::ListViews<ports::HouseholdView>(records, {{"billing", "meter"}});
  if (!households.ok()) return households.error();
  const std::string read_on = FormatDate(Date{std::chrono::year{season + 1} / 3 / 16});
  for (const auto& h : *households) {
    if (!h.heated() || h.id % 12 == 0) continue;  // one in twelve unread
    const int64_t per_m2 = 30 + h.id % 20;        // GJ × 100 per m²
    auto made = records.Create(*model::FindResource("meter_readings"),
                               {{"household_id", h.id},
                                {"season", int64_t{season}},
                                {"heat", h.area_m2_centi * per_m2 / 100},
                                {"read_on", read_on},
                                {"fault", h.id % 10 == 0 ? "damaged" : "none"}},
                               {}, "demo-technician");
    if (!made.ok()) return made.error();
    ++summary.readings;
  }
  auto companies = ports::ListViews<ports::CompanyView>(records);
  if (!companies.ok()) return companies.error();
  const services::OrderActor admin{"demo-admin", rules::Role::kAdmin, {}};
  for (const auto& c : *companies) {
    // Billed once the meters are read: due a month after the reading.
    auto run = billing.Run({c.id, season, Date{std::chrono::year{season + 1} / 4 / 16}}, admin);
    if (!run.ok()) return run.error();
    summary.issued += run->issued;
    summary.meter_by_area += run->meter_by_area;
    summary.already_billed += run->already_billed;
  }
  return summary;
}

}  // namespace hearth::sim
