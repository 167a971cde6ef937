#include "sim/demo_households.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/civil_time.hpp"
#include "core/decimal.hpp"
#include "model/resources.hpp"
#include "rules/season.hpp"

namespace hearth::sim::demo {

int64_t Writer::Make(const char* resource, const ports::Fields& fields) {
  if (error_) return 0;
  auto rec = tx_.Create(*model::FindResource(resource), fields, {}, actor_);
  if (!rec.ok()) {
    error_ = rec.error();
    return 0;
  }
  return rec->id;
}

void AddHousehold(Writer& w, Rng& rng, const CompanySpec& spec, const DistrictSpec& district,
                  const rules::Policy& policy, int season, const Flat& flat,
                  std::vector<Sensored>& bedrooms, DemoSummary& summary) {
  const bool meter = rng.Chance(50);
  const bool stopped = rng.Chance(30);
  ports::Fields h = {{"company_id", flat.company_id},
                     {"partition_id", flat.partition_id},
                     {"code", flat.code},
                     {"address", flat.address},
                     {"area_m2", flat.area},
                     {"floor", flat.floor},
                     {"orientation", flat.orientation},
                     {"billing", meter ? "meter" : "area"},
                     {"heating_status", stopped ? "stopped" : "heated"},
                     {"phone", Phone(rng)},
                     {"id_number", IdNumber(rng, district.region)}};
  if (rng.Chance(50)) h["agreed_temp"] = int64_t{200};  // 20.0 °C agreed in the contract
  const int64_t household = w.Make("households", h);
  ++summary.households;
  const bool with_fee = !meter && !stopped;
  // R-TEMP-3: bedrooms and the living room are the guaranteed rooms.
  static const std::array<const char*, 3> kBedrooms = {"主卧", "次卧", "儿童房"};
  const size_t n_bedrooms = flat.area < 7000 ? 1 : flat.area < 10000 ? 2 : 3;
  for (size_t i = 0; i < n_bedrooms; ++i) {
    const int64_t room =
        w.Make("rooms", {{"household_id", household}, {"name", kBedrooms[i]}, {"kind", "bedroom"}});
    if (i == 0) {
      bedrooms.push_back(
          {room, flat.company_index, household, flat.building_id, flat.code, with_fee});
    }
  }
  w.Make("rooms", {{"household_id", household}, {"name", "客厅"}, {"kind", "living"}});
  summary.rooms += static_cast<int64_t>(n_bedrooms) + 1;
  if (!with_fee) return;
  // R-BILL-1: the approved price by area; fen, rounded half away from zero. One fee for each
  // season of the city, so that whichever season the simulator runs has its refunds.
  const auto amount = static_cast<int64_t>(RoundDiv(Int128{flat.area} * spec.area_price_fen, 100));
  for (int year = season - 1; year <= season + 1; ++year) {
    w.Make("fees", {{"household_id", household},
                    {"season", int64_t{year}},
                    {"amount", amount},
                    {"due_on", FormatDate(rules::SeasonOf(policy.season, year).official_start)}});
    ++summary.fees;
  }
}

void AddSensors(Writer& w, Rng& rng, std::vector<Sensored> bedrooms, size_t login,
                const std::string& installed_on, DemoSummary& summary) {
  const size_t k = std::max<size_t>(1, (bedrooms.size() * 5 + 50) / 100);
  std::swap(bedrooms[0], bedrooms[login]);
  for (size_t i = 1; i < k; ++i) {  // a partial Fisher-Yates shuffle of the others
    size_t j =
        i + static_cast<size_t>(rng.Between(0, static_cast<int64_t>(bedrooms.size() - i) - 1));
    std::swap(bedrooms[i], bedrooms[j]);
  }
  bedrooms.resize(k);
  std::sort(bedrooms.begin(), bedrooms.end(),
            [](const Sensored& a, const Sensored& b) { return a.room_id < b.room_id; });
  for (size_t i = 0; i < bedrooms.size(); ++i) {
    w.Make("sensors", {{"code", Specs()[bedrooms[i].company_index].prefix + "-T" +
                                    Padded(static_cast<int64_t>(i) + 1, 6)},
                       {"room_id", bedrooms[i].room_id},
                       {"model", "HT-200 (NB-IoT)"},
                       {"installed_on", installed_on}});
    ++summary.sensors;
  }
}

}  // namespace hearth::sim::demo
