#include "rules/sample_schedule.hpp"

#include <map>

namespace hearth::rules {

Result<std::vector<ScheduledCollection>> ScheduleCollections(
    std::span<const CollectionPoint> points, Date from, Date to, size_t staff) {
  if (from > to) {
    return Error::InvalidArgument("the collection window ends before it starts", "to");
  }
  // Manual points grouped by building, buildings in the order of their first point.
  std::map<uint32_t, size_t> building_order;
  std::vector<std::vector<size_t>> by_building;
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].remote) continue;
    auto [it, added] = building_order.emplace(points[i].building, by_building.size());
    if (added) by_building.emplace_back();
    by_building[it->second].push_back(i);
  }
  if (!by_building.empty() && staff == 0) {
    return Error::InvalidArgument(
        "the plan has points to visit: name the staff who collect them (R-SAMPLE-3)", "staff");
  }
  size_t manual = 0;
  for (const auto& b : by_building) manual += b.size();
  const auto days = static_cast<size_t>((to - from).count()) + 1;

  std::vector<ScheduledCollection> out(points.size(), ScheduledCollection{from, std::nullopt});
  size_t k = 0;
  for (size_t b = 0; b < by_building.size(); ++b) {
    for (size_t i : by_building[b]) {
      out[i].on = from + std::chrono::days(static_cast<int64_t>(k * days / manual));
      out[i].staff = b % staff;
      ++k;
    }
  }
  return out;
}

std::string_view CollectionStatusName(CollectionStatus s) {
  switch (s) {
    case CollectionStatus::kCollected:
      return "collected";
    case CollectionStatus::kLate:
      return "late";
    case CollectionStatus::kDue:
      return "due";
    case CollectionStatus::kOverdue:
      return "overdue";
  }
  return "due";
}

CollectionStatus StatusOf(bool remote, Date on, std::optional<Date> collected_on, Date today) {
  if (collected_on) {
    return !remote && *collected_on > on ? CollectionStatus::kLate : CollectionStatus::kCollected;
  }
  return on < today ? CollectionStatus::kOverdue : CollectionStatus::kDue;
}

}  // namespace hearth::rules
