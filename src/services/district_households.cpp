#include "services/district_households.hpp"

#include "ports/record_views.hpp"

namespace hearth::services {

Result<DistrictHouseholds> HouseholdsInDistrict(ports::RecordStore& records, int64_t company,
                                                int64_t district) {
  ports::Scope scope;
  scope.company_id = company;
  DistrictHouseholds out;
  auto buildings = ports::ListViews<ports::BuildingView>(
      records, {{"district_id", ports::FieldValue{district}}}, scope);
  if (!buildings.ok()) return buildings.error();
  if (buildings->empty()) return out;
  std::set<int64_t> building_ids;
  for (const auto& b : *buildings) building_ids.insert(b.id);
  auto partitions = ports::ListViews<ports::PartitionView>(records, {}, scope);
  if (!partitions.ok()) return partitions.error();
  std::set<int64_t> partition_ids;
  for (const auto& p : *partitions) {
    if (building_ids.contains(p.building_id)) partition_ids.insert(p.id);
  }
  auto households = ports::ListViews<ports::HouseholdView>(records, {}, scope);
  if (!households.ok()) return households.error();
  for (const auto& h : *households) {
    if (!partition_ids.contains(h.partition_id)) continue;
    out.all.insert(h.id);
    if (h.heated()) out.heated_area[h.id] = h.area_m2_centi;
  }
  return out;
}

}  // namespace hearth::services
