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

std::vector<int64_t> Writer::MakeMany(const char* resource, std::span<const ports::Fields> rows) {
  if (error_) return std::vector<int64_t>(rows.size(), 0);
  auto recs = tx_.CreateMany(*model::FindResource(resource), rows, {}, actor_);
  if (!recs.ok()) {
    error_ = recs.error();
    return std::vector<int64_t>(rows.size(), 0);
  }
  std::vector<int64_t> ids;
  ids.reserve(recs->size());
  for (const auto& rec : *recs) ids.push_back(rec.id);
  return ids;
}

int64_t PaidFen(int64_t fee_id, int64_t amount, int year, int season) {
  if (year > season) return 0;
  const int64_t kind = year < season ? (fee_id % 37 == 0 ? 8 : 0) : fee_id % 10;
  if (kind < 8) return amount;
  return kind == 8 ? amount / 2 : 0;
}

void HouseholdBatch::Draw(Rng& rng, const DistrictSpec& district, const Flat& flat) {
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
  // A class a government relief names (W 9.3), without drawing: the city stays the same.
  if (households_.size() % 40 == 7) h["assistance"] = "minimum-living";
  if (households_.size() % 97 == 13) h["assistance"] = "extreme-poverty";
  flats_.push_back(flat);
  households_.push_back(std::move(h));
  with_fee_.push_back(!meter && !stopped);
}

void HouseholdBatch::Write(Writer& w, const CompanySpec& spec, const rules::Policy& policy,
                           int season, std::vector<Sensored>& bedrooms, DemoSummary& summary) {
  const std::vector<int64_t> ids = w.MakeMany("households", households_);
  summary.households += static_cast<int64_t>(flats_.size());

  // R-TEMP-3: bedrooms and the living room are the guaranteed rooms.
  static const std::array<const char*, 3> kBedrooms = {"主卧", "次卧", "儿童房"};
  std::vector<ports::Fields> rooms;
  std::vector<size_t> first_bedroom;  // of each flat, in `rooms`
  for (size_t f = 0; f < flats_.size(); ++f) {
    const size_t n_bedrooms = flats_[f].area < 7000 ? 1 : flats_[f].area < 10000 ? 2 : 3;
    first_bedroom.push_back(rooms.size());
    for (size_t i = 0; i < n_bedrooms; ++i) {
      rooms.push_back({{"household_id", ids[f]}, {"name", kBedrooms[i]}, {"kind", "bedroom"}});
    }
    rooms.push_back({{"household_id", ids[f]}, {"name", "客厅"}, {"kind", "living"}});
  }
  const std::vector<int64_t> room_ids = w.MakeMany("rooms", rooms);
  summary.rooms += static_cast<int64_t>(rooms.size());

  // R-BILL-1: the approved price by area; fen, rounded half away from zero. One fee for each
  // season of the city, so that whichever season the simulator runs has its refunds.
  std::vector<ports::Fields> fees;
  for (size_t f = 0; f < flats_.size(); ++f) {
    const Flat& flat = flats_[f];
    bedrooms.push_back({room_ids[first_bedroom[f]], flat.company_index, ids[f], flat.building_id,
                        flat.code, with_fee_[f]});
    if (!with_fee_[f]) continue;
    const auto amount =
        static_cast<int64_t>(RoundDiv(Int128{flat.area} * spec.area_price_fen, 100));
    for (int year = season - 1; year <= season + 1; ++year) {
      fees.push_back(
          {{"household_id", ids[f]},
           {"season", int64_t{year}},
           {"amount", amount},
           {"due_on", FormatDate(rules::SeasonOf(policy.season, year).official_start)}});
    }
  }
  const std::vector<int64_t> fee_ids = w.MakeMany("fees", fees);
  summary.fees += static_cast<int64_t>(fees.size());
  std::vector<ports::Fields> payments;
  for (size_t i = 0; i < fees.size(); ++i) {
    const int year = static_cast<int>(std::get<int64_t>(fees[i].at("season")));
    const int64_t due = PaidFen(fee_ids[i], std::get<int64_t>(fees[i].at("amount")), year, season);
    if (due == 0) continue;
    static constexpr std::array<const char*, 4> kMethods = {"bank", "wechat", "alipay", "cash"};
    const Date on = *ParseDate(std::get<std::string>(fees[i].at("due_on"))) -
                    std::chrono::days{fee_ids[i] % 20 + 1};
    payments.push_back({{"household_id", fees[i].at("household_id")},
                        {"fee_id", fee_ids[i]},
                        {"amount", due},
                        {"paid_at", FormatLocal(StartOfLocalDay(on) + std::chrono::hours{10})},
                        {"method", kMethods[static_cast<size_t>(fee_ids[i]) % kMethods.size()]}});
  }
  w.MakeMany("payments", payments);
  summary.payments += static_cast<int64_t>(payments.size());
  *this = HouseholdBatch{};
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
  std::vector<ports::Fields> sensors;
  for (size_t i = 0; i < bedrooms.size(); ++i) {
    sensors.push_back({{"code", Specs()[bedrooms[i].company_index].prefix + "-T" +
                                    Padded(static_cast<int64_t>(i) + 1, 6)},
                       {"room_id", bedrooms[i].room_id},
                       {"model", "HT-200 (NB-IoT)"},
                       {"installed_on", installed_on}});
  }
  w.MakeMany("sensors", sensors);
  summary.sensors += static_cast<int64_t>(sensors.size());
}

}  // namespace hearth::sim::demo
