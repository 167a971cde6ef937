#include "services/company_sample_plan.hpp"

#include <map>
#include <set>

namespace hearth::services {
namespace {

// Each placeable building's position, and whether it was derived: set, else by distance.
std::map<int64_t, std::pair<rules::NetworkPosition, bool>> Positions(
    const std::vector<ports::BuildingView>& buildings) {
  std::vector<rules::BuildingDistance> distances;
  std::vector<const ports::BuildingView*> measured;
  for (const auto& b : buildings) {
    if (!b.pipe_distance_m) continue;
    distances.push_back({b.substation_id, *b.pipe_distance_m});
    measured.push_back(&b);
  }
  const std::vector<rules::NetworkPosition> derived = rules::PositionsByDistance(distances);
  std::map<int64_t, std::pair<rules::NetworkPosition, bool>> out;
  for (size_t i = 0; i < measured.size(); ++i) out[measured[i]->id] = {derived[i], true};
  for (const auto& b : buildings) {
    if (b.network_position) out[b.id] = {*b.network_position, false};
  }
  return out;
}

}  // namespace

Result<CompanySamplePlan> CompanySamplePlanService::Plan(int64_t company, uint64_t seed,
                                                         const ports::Scope& scope) const {
  if (scope.household_id || (scope.company_id && *scope.company_id != company)) {
    return Error::NotFound("no company " + std::to_string(company), "company");
  }
  auto view = ports::GetView<ports::CompanyView>(records_, company);
  if (!view.ok()) {
    if (view.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no company " + std::to_string(company), "company");
    }
    return view.error();
  }
  auto policy = policies_.Find(view->policy);
  if (!policy.ok()) {
    return Error::FailedPrecondition("company " + view->code + " has profile '" + view->policy +
                                     "', which is not loaded");
  }
  ports::Scope own;
  own.company_id = company;
  auto buildings = ports::ListViews<ports::BuildingView>(records_, {}, own);
  if (!buildings.ok()) return buildings.error();
  auto partitions = ports::ListViews<ports::PartitionView>(records_, {}, own);
  if (!partitions.ok()) return partitions.error();
  auto households = ports::ListViews<ports::HouseholdView>(
      records_, {{"heating_status", std::string("heated")}}, own);
  if (!households.ok()) return households.error();
  auto rooms = ports::ListViews<ports::RoomView>(records_, {}, own);
  if (!rooms.ok()) return rooms.error();
  auto sensors = ports::ListViews<ports::SensorView>(records_, {}, own);
  if (!sensors.ok()) return sensors.error();

  const auto positions = Positions(*buildings);
  std::map<int64_t, const ports::BuildingView*> building_of_id;
  std::map<int64_t, uint32_t> building_index, substation_index;
  for (const auto& b : *buildings) {
    building_of_id[b.id] = &b;
    building_index.emplace(b.id, static_cast<uint32_t>(building_index.size()));
    substation_index.emplace(b.substation_id, static_cast<uint32_t>(substation_index.size()));
  }
  std::map<int64_t, int64_t> building_of_partition;
  for (const auto& p : *partitions) building_of_partition[p.id] = p.building_id;
  std::set<int64_t> rooms_with_sensor, households_with_sensor;
  for (const auto& s : *sensors) rooms_with_sensor.insert(s.room_id);
  for (const auto& r : *rooms) {
    if (rooms_with_sensor.contains(r.id)) households_with_sensor.insert(r.household_id);
  }

  CompanySamplePlan out;
  out.company = *view;
  out.seed = seed;
  out.generated_at = clock_.Now();
  for (const auto& h : *households) {  // in id order
    const ports::BuildingView& b = *building_of_id.at(building_of_partition.at(h.partition_id));
    auto position = positions.find(b.id);
    if (position == positions.end()) {
      return Error::FailedPrecondition(
          "building " + b.code +
              " has neither network_position nor pipe_distance_m: its "
              "households cannot be placed on the network (R-SAMPLE-2)",
          "network_position");
    }
    if (h.floor > b.floors) {
      return Error::FailedPrecondition("household " + h.code + " is on floor " +
                                           std::to_string(h.floor) + " of building " + b.code +
                                           ", which has " + std::to_string(b.floors),
                                       "floor");
    }
    rules::SampleHousehold s;
    s.id = std::to_string(h.id);
    s.building = building_index.at(b.id);
    s.substation = substation_index.at(b.substation_id);
    s.floors = static_cast<int>(b.floors);
    s.floor = h.floor < 1 ? 1 : static_cast<int>(h.floor);
    s.tier = h.floor_tier;
    if (!s.tier && h.floor < 1) s.tier = rules::FloorTier::kLower;
    s.position = position->second.first;
    s.orientation = h.orientation;
    s.area = static_cast<int64_t>(static_cast<rules::AreaUnits>(h.area_m2_centi) *
                                  (rules::kAreaUnitsPerM2 / 100));
    s.has_sensor = households_with_sensor.contains(h.id);
    out.households.push_back(std::move(s));
    out.refs.push_back({h.id, h.code, h.address, b.id, b.code, b.community, h.area_m2_centi,
                        position->second.second});
  }
  out.plan = rules::PlanSample((*policy)->sampling, out.households, seed);
  return out;
}

}  // namespace hearth::services
