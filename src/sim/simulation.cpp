#include "sim/simulation.hpp"

#include <map>
#include <set>
#include <tuple>

#include "ports/record_views.hpp"
#include "rules/season.hpp"

namespace hearth::sim {
namespace {

const model::Resource& Res(const char* name) { return *model::FindResource(name); }

// Records by id as their views, each read once.
class Cache {
 public:
  explicit Cache(ports::RecordStore& records) : records_(records) {}
  template <typename View>
  Result<const View*> Get(int64_t id) {
    auto& by_id = std::get<std::map<int64_t, View>>(cache_);
    if (auto it = by_id.find(id); it != by_id.end()) return &it->second;
    auto view = ports::GetView<View>(records_, id);
    if (!view.ok()) return view.error();
    return &(by_id[id] = std::move(*view));
  }

 private:
  ports::RecordStore& records_;
  std::tuple<std::map<int64_t, ports::RoomView>, std::map<int64_t, ports::HouseholdView>,
             std::map<int64_t, ports::PartitionView>, std::map<int64_t, ports::BuildingView>,
             std::map<int64_t, ports::CompanyView>>
      cache_;
};

std::string Decimal(int32_t tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  const int32_t a = tenths < 0 ? -tenths : tenths;
  return sign + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

}  // namespace

Result<Simulation> Simulation::Load(ports::RecordStore& records,
                                    const services::PolicyRegistry& policies, int season_start_year,
                                    SimOptions options) {
  Cache cache(records);
  std::map<std::string, std::vector<SimSensor>> by_policy;
  std::map<std::string, std::set<int64_t>> districts;
  ports::ListQuery q;
  q.limit = 1000;
  while (true) {
    auto page = records.List(Res("sensors"), q);
    if (!page.ok()) return page.error();
    for (const auto& record : page->items) {
      auto sensor = ports::SensorView::From(record);
      if (!sensor.ok()) return sensor.error();
      auto room = cache.Get<ports::RoomView>(sensor->room_id);
      if (!room.ok()) return room.error();
      auto household = cache.Get<ports::HouseholdView>((*room)->household_id);
      if (!household.ok()) return household.error();
      auto partition = cache.Get<ports::PartitionView>((*household)->partition_id);
      if (!partition.ok()) return partition.error();
      auto building = cache.Get<ports::BuildingView>((*partition)->building_id);
      if (!building.ok()) return building.error();
      auto company = cache.Get<ports::CompanyView>((*household)->company_id);
      if (!company.ok()) return company.error();
      const std::string& policy = (*company)->policy;
      by_policy[policy].push_back({sensor->code, (*building)->id,
                                   static_cast<int>((*household)->floor),
                                   static_cast<int>((*building)->floors),
                                   (*household)->orientation == rules::Orientation::kShade});
      districts[policy].insert((*building)->district_id);
    }
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  if (by_policy.empty()) return Error::FailedPrecondition("the city has no sensors to simulate");

  Simulation sim;
  for (auto& [name, sensors] : by_policy) {
    auto policy = policies.Find(name);
    if (!policy.ok()) return policy.error();
    rules::SeasonDates season = rules::SeasonOf((*policy)->season, season_start_year);
    SimOptions o = options;
    o.design_outdoor_tenths = (*policy)->temperature.design_outdoor.value;
    SimulatedCity city;
    city.policy = name;
    city.district_ids.assign(districts[name].begin(), districts[name].end());
    city.simulator = std::make_unique<SeasonSimulator>(std::move(sensors), o, season.official_start,
                                                       season.official_end);
    if (sim.cities_.empty() || season.official_start < sim.first_)
      sim.first_ = season.official_start;
    if (sim.cities_.empty() || season.official_end > sim.last_) sim.last_ = season.official_end;
    sim.cities_.push_back(std::move(city));
  }
  return sim;
}

int64_t Simulation::sensors() const {
  int64_t n = 0;
  for (const auto& c : cities_) n += static_cast<int64_t>(c.simulator->sensors().size());
  return n;
}

Result<SimulationCounts> Simulation::Run(SimulationSink& sink, Instant from, Instant to,
                                         std::chrono::seconds window) const {
  SimulationCounts counts;
  if (from >= to) return counts;
  // Outdoor means first: a day's readings are judged against them.
  std::vector<ports::OutdoorMean> means;
  for (const auto& c : cities_) {
    for (Date d = LocalDate(from); d <= LocalDate(to - std::chrono::seconds{1});
         d += std::chrono::days{1}) {
      if (d < c.simulator->first_day() || d > c.simulator->last_day()) continue;
      for (int64_t district : c.district_ids) {
        means.push_back({district, d, c.simulator->OutdoorMeanTenths(d)});
      }
    }
  }
  if (!means.empty()) {
    if (auto s = sink.SendOutdoorMeans(means); !s.ok()) return s.error();
    counts.outdoor_means = static_cast<int64_t>(means.size());
  }
  for (Instant start = from; start < to; start += window) {
    const Instant end = std::min(to, start + window);
    for (const auto& c : cities_) {
      // Grouped by sensor: the generator is time-major, so collect per sensor first.
      std::vector<std::vector<ports::IncomingReading>> per_sensor(c.simulator->sensors().size());
      c.simulator->Generate(start, end, [&](const SimReading& r) {
        per_sensor[r.sensor].push_back(
            {c.simulator->sensors()[r.sensor].code, FormatLocal(r.at), Decimal(r.tenths)});
      });
      std::vector<ports::IncomingReading> batch;
      for (auto& readings : per_sensor) {
        for (auto& r : readings) batch.push_back(std::move(r));
      }
      if (batch.empty()) continue;
      if (auto s = sink.SendReadings(batch); !s.ok()) return s.error();
      counts.readings += static_cast<int64_t>(batch.size());
    }
  }
  return counts;
}

}  // namespace hearth::sim
